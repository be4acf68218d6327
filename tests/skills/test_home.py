"""The engineer's home: the role they aim for or fit best (said which), the next step, contact requests waiting,
the latest changes; private, in both languages, and in a fixed number of queries."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from recruiting.models import ContactRequest
from skills.models import EngineerProfile
from skills.services.states import set_item_state
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    UserFactory,
    assess,
)
from tests.queries import page_queries
from tests.skills.start.test_start import next_step as next_step_of

pytestmark = pytest.mark.django_db
HOME = "/skills/home/"


@pytest.fixture
def world():
    """An easy role that SQL alone fills, a hard one listed first that needs Spark too."""
    sql, spark = SkillFactory(name="SQL", order=1), SkillFactory(name="Spark", order=2)
    joins, windows = ChecklistItemFactory(skill=sql, name="Joins"), ChecklistItemFactory(skill=sql, name="Windows")
    shuffles = ChecklistItemFactory(skill=spark, name="Shuffles")
    hard = RoleFactory(title="Senior lakehouse", slug="lakehouse", order=0)
    easy = RoleFactory(title="Analytics engineer", slug="analytics", order=1)
    for item in (joins, windows, shuffles):
        RoleRequirementFactory(role=hard, item=item, min_level=3)
    RoleRequirementFactory(role=easy, item=joins, min_level=2)
    RoleRequirementFactory(role=easy, item=windows, min_level=2)
    return {"joins": joins, "windows": windows, "shuffles": shuffles, "hard": hard, "easy": easy}


@pytest.fixture
def engineer(client):
    user = UserFactory()
    EngineerProfile.objects.create(user=user, start=EngineerProfile.Start.DONE)
    client.force_login(user)
    return user


def home_part(client, *, language: str, start: str, end: str) -> str:
    """The home in ``language``, from ``start`` to the first ``end`` after it."""
    body = client.get(HOME, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return body.split(start, 1)[1].split(end, 1)[0]


def contact(profile, **fields):
    return ContactRequest.objects.create(
        recruiter=RecruiterFactory(), profile=profile, recruiter_name="R", recruiter_company="C", message="Hi", **fields
    )


def test_without_a_target_the_home_names_the_best_fit_as_such_and_its_next_step(client, world, engineer):
    assess(user=engineer, item=world["joins"], level=2)
    body = client.get(HOME).content.decode()
    assert "Your best fit: Analytics engineer" in body
    assert "You have not chosen a target role" in body
    assert next_step_of(body) == "Windows – SQL · not yet rated, needs level 2"  # the next step of its path
    assert "lakehouse" not in body.split('id="home-role-heading"')[1].split("</section>")[0].lower()


@pytest.mark.parametrize(
    ("language", "unrated", "rated_zero"),
    [
        ("en", "not yet rated, needs level 2", "level 0, needs 2"),
        ("nl", "nog niet beoordeeld, niveau 2 nodig", "niveau 0, nodig 2"),
    ],
)
def test_the_next_step_tells_an_item_never_rated_from_one_rated_0(
    client, world, engineer, language, unrated, rated_zero
):
    EngineerProfile.objects.filter(user=engineer).update(target_role=world["easy"])
    assess(user=engineer, item=world["shuffles"], level=1)  # rated something, so the home shows a score

    def next_step() -> str:
        return next_step_of(client.get(HOME, HTTP_ACCEPT_LANGUAGE=language).content.decode())

    assert next_step().endswith(f" · {unrated}")  # Joins, never rated, comes first on the path
    assess(user=engineer, item=world["joins"], level=0)  # "No experience yet" is an answer the engineer saved
    assert next_step().endswith(f" · {rated_zero}")


def test_the_first_rating_that_counts_names_a_best_fit(client, world, engineer):
    assess(user=engineer, item=world["shuffles"], level=0)
    assert "Your best fit" not in client.get(HOME).content.decode()
    assess(user=engineer, item=world["shuffles"], level=1)
    assert "Your best fit: Senior lakehouse" in client.get(HOME).content.decode()


def test_with_a_target_the_home_shows_that_role_whatever_fits_better(client, world, engineer):
    EngineerProfile.objects.filter(user=engineer).update(target_role=world["hard"])
    assess(user=engineer, item=world["joins"], level=3)
    body = client.get(HOME).content.decode()
    assert "Your target role: Senior lakehouse" in body and "You have not chosen" not in body
    assert "Match: <strong>33</strong> out of 100." in body


@pytest.mark.parametrize(
    ("language", "path", "instead"),
    [("en", "See the learning path", "See how you meet it"), ("nl", "Bekijk het leerpad", "Zie hoe je eraan voldoet")],
)
def test_at_100_the_home_offers_how_the_engineer_meets_the_role_not_a_learning_path(
    client, world, engineer, language, path, instead
):
    EngineerProfile.objects.filter(user=engineer).update(target_role=world["easy"])
    assess(user=engineer, item=world["shuffles"], level=1)  # rated something, so the home shows a score
    role_card = {"language": language, "start": 'id="home-role-heading"', "end": "</section>"}
    assert f"{path}</a>" in home_part(client, **role_card)
    assess(user=engineer, item=world["joins"], level=2)
    assess(user=engineer, item=world["windows"], level=2)  # 100 of 100: nothing left to learn for it
    card = home_part(client, **role_card)
    assert path not in card and f'href="{reverse("skills:role-gaps", args=["analytics"])}">{instead}</a>' in card


def test_the_home_counts_the_requests_still_waiting_and_links_to_them(client, world, engineer):
    profile = engineer.profile
    contact(profile)
    contact(profile)
    contact(profile, status=ContactRequest.Status.DECLINED)
    contact(profile, created_at=timezone.now() - timedelta(days=30))  # not answered in time
    body = client.get(HOME).content.decode()
    assert "<strong>2</strong> requests are waiting for your answer." in body
    assert f'href="{reverse("skills:profile")}#contacts-heading">Answer them</a>' in body


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        (
            "en",
            "1 request is waiting for your answer. Answer it",
            "2 requests are waiting for your answer. Answer them",
        ),
        ("nl", "1 verzoek wacht op je antwoord. Beantwoord het", "2 verzoeken wachten op je antwoord. Beantwoord ze"),
    ],
)
def test_one_waiting_request_is_spoken_of_in_the_singular(client, world, engineer, language, one, two):
    def said() -> str:
        body = client.get(HOME, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        paragraph = body.split('id="home-contacts">', 1)[1].split("</p>", 1)[0]
        return " ".join(re.sub(r"<[^>]+>", "", paragraph).split())

    contact(engineer.profile)
    assert said() == one
    contact(engineer.profile)
    assert said() == two


def test_the_home_lists_the_latest_changes_newest_first_and_links_to_all(client, world, engineer):
    for level in (1, 2, 3):
        assess(user=engineer, item=world["joins"], level=level)
    assess(user=engineer, item=world["shuffles"], level=1)
    changes = client.get(HOME).content.decode().split('id="home-changes"')[1].split("</section>")[0]
    assert changes.index("Shuffles") < changes.index("level 2 → 3") < changes.index("level 1 → 2")
    assert changes.index("level 1 → 2") < changes.rindex("not yet rated → level 1")  # Joins' first rating
    assert changes.count('class="border-bottom py-1 home-change"') == 4


@pytest.mark.parametrize(
    ("language", "first", "first_zero", "from_zero"),
    [
        ("en", "not yet rated → level 2", "not yet rated → level 0", "level 0 → 2"),
        ("nl", "nog niet beoordeeld → niveau 2", "nog niet beoordeeld → niveau 0", "niveau 0 → 2"),
    ],
)
def test_the_latest_changes_tell_a_first_rating_from_a_change_from_level_0(
    client, world, engineer, language, first, first_zero, from_zero
):
    assess(user=engineer, item=world["joins"], level=2)
    assess(user=engineer, item=world["windows"], level=0)  # a first rating, to 0
    assess(user=engineer, item=world["windows"], level=2)
    changes = client.get(HOME, HTTP_ACCEPT_LANGUAGE=language).content.decode().split('id="home-changes"')[1]
    windows = '<li><strong>Windows</strong> <span class="text-body-secondary">– SQL</span></li>'
    assert f"{windows}<li>{from_zero}</li>" in changes and f"{windows}<li>{first_zero}</li>" in changes
    assert f'<li><strong>Joins</strong> <span class="text-body-secondary">– SQL</span></li><li>{first}</li>' in changes


def test_each_latest_change_is_a_fact_list_with_no_typed_dot(client, world, engineer):
    """Item, change and time are the facts of a .fact-list, whose CSS draws the dots and never ends a line with one."""
    assess(user=engineer, item=world["joins"], level=2)
    changes = client.get(HOME).content.decode().split('id="home-changes"')[1].split("</section>")[0]
    (change,) = re.findall(
        r'<li class="border-bottom py-1 home-change"><ul class="fact-list mb-0">(.*?)</ul></li>', changes
    )
    facts = [" ".join(re.sub(r"<[^>]+>", " ", fact).split()) for fact in change.split("<li>")[1:]]
    assert facts[:2] == ["Joins – SQL", "not yet rated → level 2"] and len(facts) == 3
    assert "·" not in changes


def test_the_home_is_private_and_in_dutch_for_a_dutch_reader(client, world, engineer):
    response = client.get(HOME, HTTP_ACCEPT_LANGUAGE="nl")
    body = response.content.decode()
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert "Mijn overzicht" in body and "Contactverzoeken" in body


def test_a_new_engineer_without_a_profile_sees_the_home_with_one_offer_to_rate_their_skills(client, world):
    client.force_login(UserFactory())
    body = client.get(HOME).content.decode()
    assert 'id="rate-first"' in body
    assert body.count('href="/skills/start/') == 1  # not a second banner saying the same above it
    assert "Your best fit" not in body  # nothing rated: every role scores 0, and none is named for them
    assert "No request is waiting for your answer." in body


def test_the_brand_and_the_breadcrumb_lead_an_engineer_home_and_a_visitor_to_the_portal_home(client):
    page = client.get("/catalog/").content.decode()
    assert 'class="navbar-brand fw-semibold" href="/"' in page
    assert '<li class="breadcrumb-item"><a href="/">Home</a></li>' in page
    client.force_login(UserFactory())
    page = client.get("/catalog/").content.decode()
    assert f'class="navbar-brand fw-semibold" href="{HOME}"' in page
    assert f'<li class="breadcrumb-item"><a href="{HOME}">Home</a></li>' in page


def add_data(engineer, *, skills: int, roles: int) -> None:
    """More skills of three items each, every item rated, marked "learning now" and required by up to five more
    roles; and as many contact requests as skills."""
    new_roles = [RoleFactory() for _ in range(roles)]
    for _ in range(skills):
        skill = SkillFactory()
        for _ in range(3):
            item = ChecklistItemFactory(skill=skill)
            for role in new_roles[:5]:
                RoleRequirementFactory(role=role, item=item)
            assess(user=engineer, item=item, level=2)
            set_item_state(user=engineer, item=item, state="learning")
        contact(EngineerProfileFactory(user=engineer))


def test_the_home_takes_as_many_queries_however_much_data(client, engineer):
    add_data(engineer, skills=1, roles=1)
    few = page_queries(client, HOME)
    add_data(engineer, skills=19, roles=19)
    many = page_queries(client, HOME)
    assert len(many) == len(few), "\n".join(many)
    # The user and the rights that say where Home leads (3), the page (11), the unread notices (1).
    assert len(few) <= 15, "\n".join(few)
    levels_read = [sql for sql in few if sql.startswith('SELECT "skills_assessment"."item_id" AS "item_id"')]
    assert len(levels_read) == 1, "the engineer's levels, read once for the fits and the best fit's gaps"
