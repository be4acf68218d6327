"""The one-minute start and where a login lands, through the HTTP client: plain forms, nothing chosen for the
engineer, resumable, and everyone on the page where they work."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.urls import reverse

from skills.forms import level_legend
from skills.models import Assessment, EngineerProfile
from skills.services.profiles import get_or_create_profile
from tests.factories import (
    TOTP_SECRET,
    ChecklistItemFactory,
    EditorFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    UserFactory,
    assess,
)
from tests.markup import fact_rows

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-Unusual-passphrase-42"
START = "/skills/start/"


@pytest.fixture
def world():
    """Two skills of two items; a hard role listed first and an easier one that SQL alone fills."""
    sql, spark = SkillFactory(name="SQL", order=1), SkillFactory(name="Spark", order=2)
    joins, windows = ChecklistItemFactory(skill=sql, name="Joins"), ChecklistItemFactory(skill=sql, name="Windows")
    shuffles = ChecklistItemFactory(skill=spark, name="Shuffles", order=1)
    tuning = ChecklistItemFactory(skill=spark, name="Tuning", order=2)
    hard = RoleFactory(title="Senior lakehouse", slug="lakehouse", order=0)
    easy = RoleFactory(title="Analytics engineer", slug="analytics", order=1)
    for item in (joins, windows, shuffles, tuning):
        RoleRequirementFactory(role=hard, item=item, min_level=3)
    RoleRequirementFactory(role=easy, item=joins, min_level=2)
    RoleRequirementFactory(role=easy, item=windows, min_level=2)
    RoleRequirementFactory(role=easy, item=shuffles, min_level=3)
    return {"sql": sql, "spark": spark, "joins": joins, "shuffles": shuffles, "hard": hard, "easy": easy}


def sign_up_and_confirm(client, email="new@example.com"):
    client.post(reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD})
    link = re.search(r"/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    return client.post(link)


def test_confirming_the_email_lands_on_the_start_and_three_steps_show_the_best_fit(client, world):
    response = sign_up_and_confirm(client)
    assert response.url == START
    body = client.get(START).content.decode()
    assert "Step 1 of 3" in body and "Not sure yet — show me all" in body and "Skip for now" in body
    response = client.post(START, {"action": "role", "role": "all"})
    assert response.url == f"{START}?step=2"
    profile = EngineerProfile.objects.get(user__email="new@example.com")
    assert (profile.target_role, profile.start) == (None, EngineerProfile.Start.ROLE)
    body = client.get(response.url).content.decode()
    assert f'name="skill-{world["sql"].pk}"' in body and 'class="btn-check"' in body
    assert all(str(description) in body for _value, description in level_legend())  # the checklist's own words
    response = client.post(
        START, {"action": "rate", f"skill-{world['sql'].pk}": "3", f"skill-{world['spark'].pk}": "1"}
    )
    assert response.url == f"{START}?step=3"
    levels = dict(Assessment.objects.filter(user=profile.user).values_list("item__name", "level"))
    assert levels == {"Joins": 3, "Windows": 3, "Shuffles": 1, "Tuning": 1}
    body = client.get(response.url).content.decode()
    assert "Your best fit: Analytics engineer" in body
    assert next_step(body) == "Shuffles – Spark · level 1, needs 3"
    assert body.index("Analytics engineer") < body.index("Senior lakehouse")
    profile.refresh_from_db()
    assert (profile.target_role, profile.start) == (None, EngineerProfile.Start.DONE)


def test_rating_every_skill_none_names_no_best_fit_but_says_why(client, world):
    client.force_login(UserFactory())
    client.post(START, {"action": "role", "role": "all"})
    client.post(START, {"action": "rate", f"skill-{world['sql'].pk}": "0", f"skill-{world['spark'].pk}": "0"})
    body = client.get(f"{START}?step=3").content.decode()
    assert 'id="start-no-fit"' in body and "No role fits yet" in body
    assert "Your best fit" not in body and 'id="start-next-step"' not in body


def next_step(body: str) -> str:
    """The next step's item and level needed, as read: a .fact-list, whose CSS draws the dot between them."""
    (step,) = fact_rows(re.search(r'<ul [^>]*id="(?:start|home)-next-step">.*?</ul>', body, re.S).group(0))
    return step


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "Your target role: Senior lakehouse"), ("nl", "Je doelrol: Senior lakehouse")]
)
def test_the_last_step_gives_the_next_step_of_the_chosen_target_as_the_home_does(client, world, language, heading):
    client.force_login(UserFactory())
    client.post(START, {"action": "role", "role": "lakehouse"})
    client.post(START, {"action": "rate", f"skill-{world['sql'].pk}": "3", f"skill-{world['spark'].pk}": "1"})
    start = client.get(f"{START}?step=3", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    home = client.get(reverse("skills:home"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert heading in start and heading in home  # not the best fit, "Analytics engineer"
    assert next_step(start) == next_step(home)
    assert next_step(start).startswith("Shuffles – Spark · ")
    assert f'href="{reverse("skills:role-gaps", args=["lakehouse"])}"' in start


@pytest.mark.parametrize(
    ("language", "met", "why"),
    [
        ("en", "You meet 2 of 3 requirements.", "an item you have not rated counts as 0"),
        ("nl", "Je voldoet aan 2 van 3 eisen.", "een punt dat je nog niet beoordeelde telt als 0"),
    ],
)
def test_the_score_beside_the_requirements_met_says_why_they_differ(client, world, language, met, why):
    client.force_login(UserFactory())
    client.post(START, {"action": "role", "role": "all"})
    client.post(START, {"action": "rate", f"skill-{world['sql'].pk}": "3"})
    for page in (f"{START}?step=3", reverse("skills:home")):
        body = client.get(page, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert met in body, page
        assert why in body.split(met, 1)[1].split("</p>", 2)[1], page  # the line right below
    gaps = client.get(reverse("skills:gaps"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert met in gaps and gaps.index(why) < gaps.index(met)  # said once above the cards (tests/skills/test_views.py)


def test_a_chosen_role_becomes_the_target_and_a_rating_keeps_levels_already_set(client, world):
    user = UserFactory()
    client.force_login(user)
    assess(user=user, item=world["joins"], level=1)
    client.post(START, {"action": "role", "role": "lakehouse"})
    client.post(START, {"action": "rate", f"skill-{world['sql'].pk}": "4"})
    assert EngineerProfile.objects.get(user=user).target_role == world["hard"]
    levels = dict(Assessment.objects.filter(user=user).values_list("item__name", "level"))
    assert levels == {"Joins": 1, "Windows": 4}  # the first guess never overwrites a considered level


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "role"}, "Choose a role, or “Not sure yet”."),
        ({"action": "role", "role": "no-such-role"}, "Select a valid choice."),
        ({"action": "rate", "skill-{sql}": "9"}, "Choose a level from 0 (none) to 4 (can teach others)."),
    ],
)
def test_bad_input_says_what_is_wrong_and_changes_nothing(client, world, data, message):
    user = UserFactory()
    client.force_login(user)
    data = {key.format(sql=world["sql"].pk): value for key, value in data.items()}
    response = client.post(START, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Assessment.objects.filter(user=user).exists()
    assert not EngineerProfile.objects.filter(user=user).exclude(start=EngineerProfile.Start.NEW).exists()


def test_skip_for_now_goes_to_the_checklist_which_offers_to_finish_the_start_until_it_is_done(client, world):
    user = UserFactory()
    client.force_login(user)
    response = client.post(START, {"action": "skip"})
    assert response.url == reverse("skills:checklist")
    assert EngineerProfile.objects.get(user=user).start == EngineerProfile.Start.SKIPPED
    assert "Finish your start" in client.get(reverse("skills:checklist")).content.decode()
    assert "Step 1 of 3" in client.get(START).content.decode()  # resumable where it stopped
    client.post(START, {"action": "role", "role": "all"})
    assert "Step 2 of 3" in client.get(START).content.decode()
    client.post(START, {"action": "rate"})
    assert "Finish your start" not in client.get(reverse("skills:checklist")).content.decode()


def log_in(client, email):
    return client.post(reverse("account_login"), {"login": email, "password": PASSWORD})


@pytest.mark.parametrize(
    ("progress", "landing"), [("new", START), ("role", START), ("skipped", "/skills/home/"), ("done", "/skills/home/")]
)
def test_an_engineer_lands_on_the_start_until_it_is_done_or_skipped_then_on_their_home(
    client, world, progress, landing
):
    user = UserFactory(email="engineer@example.com")
    if progress != "new":
        EngineerProfile.objects.create(user=user, start=progress)
    assert log_in(client, "engineer@example.com").url == landing


@pytest.mark.parametrize(
    ("filled_in", "landing"),
    [("a level", "/skills/home/"), ("a target role", "/skills/home/"), ("a target role at step 1", START)],
)
@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_engineer_whose_checklist_is_filled_in_lands_on_their_home_not_the_start(
    client, world, filled_in, landing, language
):
    user = UserFactory(email="engineer@example.com")
    profile = get_or_create_profile(user=user)  # the start never pressed, not even "Skip for now"
    if filled_in == "a level":
        assess(user=user, item=world["joins"], level=0)
    else:
        profile.target_role = world["hard"]
        profile.start = EngineerProfile.Start.ROLE if filled_in.endswith("step 1") else EngineerProfile.Start.NEW
        profile.save()
    assert log_in(client, "engineer@example.com").url == landing  # mid-start, step 2 is still to come
    finish = {"en": "Finish your start", "nl": "Maak je start af"}[language]
    checklist = client.get(reverse("skills:checklist"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert (finish in checklist) == (landing == START)
    home = client.get(reverse("skills:home"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert (f'href="{START}?step=2"' in home) == (filled_in != "a level")  # nothing rated: rate first, in one place


@pytest.mark.parametrize(
    ("factory", "landing"), [(RecruiterFactory, "/recruiting/candidates/"), (EditorFactory, "/admin/")]
)
def test_staff_land_where_they_work_after_the_second_factor(client, factory, landing):
    factory(email="staff@example.com")
    assert log_in(client, "staff@example.com").url == reverse("mfa_authenticate")
    code = format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))
    assert client.post(reverse("mfa_authenticate"), {"code": code}).url == landing


def test_visitors_keep_the_marketing_home(client):
    assert client.get("/").status_code == 200
    assert client.get(START).status_code == 302  # the start is for signed-in users


@pytest.mark.parametrize("language", ["en", "nl"])
def test_step_one_speaks_of_what_recruiters_see_only_to_an_engineer_they_can_see(client, world, language):
    user = UserFactory()
    client.force_login(user)
    note = re.compile(r'id="start-role-note">(.*?)</p>', re.S)
    private = note.search(client.get(START, HTTP_ACCEPT_LANGUAGE=language).content.decode()).group(1)
    profile = get_or_create_profile(user=user)
    profile.visibility = EngineerProfile.Visibility.RECRUITERS
    profile.save()
    visible = note.search(client.get(START, HTTP_ACCEPT_LANGUAGE=language).content.decode()).group(1)
    no_role_chosen = {"en": "no target role chosen", "nl": "geen doelrol gekozen"}[language]
    assert no_role_chosen not in private
    assert {"en": "Your profile is private", "nl": "Je profiel is privé"}[language] in private
    assert no_role_chosen in visible
