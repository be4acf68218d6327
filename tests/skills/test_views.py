import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from skills.models import Assessment, AssessmentChange, EngineerProfile, Resource, RoleMatch
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import get_or_create_profile
from skills.services.states import set_item_state, set_resource_done
from tests.factories import (
    PASSWORD,
    AssessmentFactory,
    ChecklistItemFactory,
    ProfileViewFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    ToolFactory,
    UserFactory,
    assess,
    current_totp_code,
    wrong_totp_code,
)
from tests.headings import skill_folds
from tests.queries import page_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def engineer(client):
    user = UserFactory(email="me@example.com")
    client.force_login(user)
    return user


def fields(item, level, evidence_url="", note=""):
    """A checklist row as the form posts it; ``level=None``: no level chosen, so the browser sends none."""
    prefix = f"item-{item.pk}"
    level_field = {} if level is None else {f"{prefix}-level": str(level)}
    return {**level_field, f"{prefix}-evidence_url": evidence_url, f"{prefix}-note": note}


def assess_url(item):
    return reverse("skills:assess", kwargs={"item_id": item.pk})


# The checklist ----------------------------------------------------------------------------------


def test_checklist_shows_own_levels_evidence_and_tools(client, engineer):
    item = ChecklistItemFactory(name="Window functions", skill__name="SQL")
    item.skill.tools.add(ToolFactory(name="dbt", slug="dbt"))
    AssessmentFactory(user=engineer, item=item, level=3, evidence_url="https://example.com/sql")
    body = client.get(reverse("skills:checklist")).content.decode()
    assert "Window functions" in body
    assert 'value="https://example.com/sql"' in body
    assert f'id="id_item-{item.pk}-level_3" value="3" checked>' in body
    assert 'href="/catalog/dbt/"' in body
    assert f'hx-post="/skills/items/{item.pk}/"' in body
    assert "style=" not in body


def test_plain_post_saves_one_item_and_redirects_back_with_a_message(client, engineer):
    item = ChecklistItemFactory(name="Joins")
    response = client.post(assess_url(item), fields(item, 2, "https://github.com/me/sql", "used daily"), follow=True)
    assert response.redirect_chain == [(f"/skills/#item-row-{item.pk}", 302)]
    assert "Saved “Joins”." in response.content.decode()
    stored = Assessment.objects.get(user=engineer, item=item)
    assert (stored.level, stored.evidence_url, stored.note) == (2, "https://github.com/me/sql", "used daily")


def test_htmx_level_save_updates_badges_status_progress_and_score_out_of_band_without_the_row(client, engineer):
    requirement = RoleRequirementFactory(min_level=2)
    item = requirement.item
    ChecklistItemFactory(skill=item.skill)
    profile = get_or_create_profile(user=engineer)
    profile.target_role = requirement.role
    profile.save()
    response = client.post(assess_url(item), {f"item-{item.pk}-level": "2"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="item-row-' not in body and "<input" not in body
    assert "Saved." in body
    assert "level 2, needs 2 ✓" in body
    assert f'id="skill-progress-{item.skill.pk}"' in body
    assert "1 of 2 ticked" in body
    assert 'id="checklist-summary"' in body
    assert f'<span id="skill-below-{item.skill.pk}" hx-swap-oob="true"></span>' in body  # nothing below target left
    assert body.count('hx-swap-oob="') == 5
    assert "<strong>100</strong> out of 100" in body
    assert "<html" not in body
    assert Assessment.objects.get(user=engineer, item=item).level == 2


@pytest.mark.parametrize(
    ("level", "evidence_url", "message"),
    [
        ("7", "", "Choose a level from 0 (none) to 4 (can teach others)."),
        ("two", "", "Choose a level from 0 (none) to 4 (can teach others)."),
        ("2", "ftp://example.com/cv", "Enter a link that starts with http:// or https://."),
        ("2", "javascript:alert(1)", "Enter a link that starts with http:// or https://."),
    ],
)
def test_bad_input_without_js_rerenders_with_error_and_values_kept_and_changes_nothing(
    client, engineer, level, evidence_url, message
):
    item = ChecklistItemFactory()
    AssessmentFactory(user=engineer, item=item, level=1, note="before")
    response = client.post(assess_url(item), fields(item, level, evidence_url, "after"))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count(message) == 1  # said once, at the field
    assert 'value="after"' in body
    assert 'aria-invalid="true"' in body
    assert "was not saved" in body
    stored = Assessment.objects.get(user=engineer, item=item)
    assert (stored.level, stored.note) == (1, "before")
    assert not AssessmentChange.objects.filter(user=engineer).exists()


def test_bad_input_with_htmx_returns_the_row_with_errors_and_no_out_of_band_updates(client, engineer):
    item = ChecklistItemFactory()
    response = client.post(assess_url(item), fields(item, 9, "http://ok.example", "kept"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Choose a level from 0 (none) to 4 (can teach others)." in body
    assert 'value="kept"' in body
    assert 'value="http://ok.example"' in body
    assert "hx-swap-oob" not in body
    assert not Assessment.objects.filter(user=engineer).exists()


@pytest.mark.parametrize("evidence_url", ["not a link", "http://", "javascript:alert(1)"])
def test_a_wrong_evidence_link_is_said_once_in_the_htmx_row(client, engineer, evidence_url):
    item = ChecklistItemFactory()
    body = client.post(assess_url(item), fields(item, 2, evidence_url), HTTP_HX_REQUEST="true").content.decode()
    assert body.count("Enter a link that starts with http:// or https://.") == 1


def test_save_all_with_nothing_changed_says_so(client, engineer):
    item = ChecklistItemFactory()
    client.post(reverse("skills:assess-all"), fields(item, 2), follow=True)  # its message shown and gone
    page = client.post(reverse("skills:assess-all"), fields(item, 2), follow=True).content.decode()
    assert "Nothing had changed: your checklist was already saved." in page
    assert "Your checklist is saved." not in page
    assert AssessmentChange.objects.filter(user=engineer).count() == 1


def test_unknown_item_is_404_and_changes_nothing(client, engineer):
    response = client.post("/skills/items/999999/", {"item-999999-level": "2"})
    assert response.status_code == 404
    assert not Assessment.objects.exists()


def test_assess_only_accepts_post(client, engineer):
    assert client.get(assess_url(ChecklistItemFactory())).status_code == 405


def test_save_all_saves_every_submitted_item(client, engineer):
    first, second = ChecklistItemFactory(), ChecklistItemFactory()
    data = {**fields(first, 3, "https://example.com/a"), **fields(second, 1)}
    response = client.post(reverse("skills:assess-all"), data, follow=True)
    assert response.redirect_chain == [("/skills/", 302)]
    assert "Your checklist is saved." in response.content.decode()
    assert dict(Assessment.objects.filter(user=engineer).values_list("item_id", "level")) == {
        first.pk: 3,
        second.pk: 1,
    }


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Saved: “Joins”. 1 item was not saved: correct it, marked below."),
        ("nl", "Opgeslagen: “Joins”. 1 punt is niet opgeslagen: verbeter het, hieronder gemarkeerd."),
    ],
)
def test_save_all_with_one_bad_item_saves_the_others_and_keeps_the_bad_one_marked(client, engineer, language, said):
    good, bad = ChecklistItemFactory(name="Joins"), ChecklistItemFactory()
    data = {**fields(good, 3, note="good note"), **fields(bad, 2, "not a link")}
    response = client.post(reverse("skills:assess-all"), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    body = response.content.decode()
    assert said in body
    assert 'value="good note"' in body
    assert 'value="not a link"' in body and f'id="id_item-{bad.pk}-evidence_url_error"' in body
    stored = Assessment.objects.get(user=engineer)
    assert (stored.item, stored.level, stored.note) == (good, 3, "good note")


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Everything else was already saved. 1 item was not saved: correct it, marked below."),
        ("nl", "Al het andere was al opgeslagen. 1 punt is niet opgeslagen: verbeter het, hieronder gemarkeerd."),
    ],
)
def test_save_all_after_levels_saved_as_they_changed_does_not_say_nothing_was_saved(client, engineer, language, said):
    first, second, bad = ChecklistItemFactory(), ChecklistItemFactory(), ChecklistItemFactory()
    for item in (first, second):  # what htmx saved the moment each level changed
        client.post(assess_url(item), {f"item-{item.pk}-level": "3"}, HTTP_HX_REQUEST="true")
    data = {**fields(first, 3), **fields(second, 3), **fields(bad, 2, "mijn github")}
    body = client.post(reverse("skills:assess-all"), data, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert said in body
    assert "othing was saved" not in body and "niets opgeslagen" not in body
    assert 'value="mijn github"' in body
    assert dict(Assessment.objects.filter(user=engineer).values_list("item_id", "level")) == {first.pk: 3, second.pk: 3}


def open_folds(body: str) -> dict[str, bool]:
    """Whether each skill's fold on the checklist is open, by its heading."""
    return {fold.heading: fold.is_open for fold in skill_folds(body)}


@pytest.mark.parametrize(("language", "go_to"), [("en", "Go to “Second bad”"), ("nl", "Naar “Second bad”")])
def test_save_all_refused_links_to_the_first_row_to_correct_and_opens_only_its_skills(
    client, engineer, language, go_to
):
    good = ChecklistItemFactory(skill__order=1)
    first_bad = ChecklistItemFactory(skill__order=2, name="Second bad")
    later_bad = ChecklistItemFactory(skill__order=3)
    data = {**fields(good, 3, note="typed"), **fields(later_bad, 2, "no link"), **fields(first_bad, 1, "nope")}
    body = client.post(reverse("skills:assess-all"), data, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    banner = re.search(
        r'<div class="alert alert-danger" role="alert" id="checklist-correction">(.*?)</div>', body, re.S
    )
    assert f'<a class="alert-link" href="#item-row-{first_bad.pk}">{go_to}</a>' in banner.group(1)
    assert open_folds(body) == {good.skill.name: False, first_bad.skill.name: True, later_bad.skill.name: True}
    assert 'value="typed"' in body and 'value="nope"' in body and 'value="no link"' in body


def test_a_row_refused_without_javascript_links_to_its_row(client, engineer):
    item = ChecklistItemFactory(name="Skew")
    body = client.post(assess_url(item), fields(item, 2, "ftp://example.org/proof")).content.decode()
    assert "“Skew” was not saved: check the marked field." in body
    assert f'<a class="alert-link" href="#item-row-{item.pk}">Go to “Skew”</a>' in body
    assert 'class="messages"' not in body


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "1 item was not saved: correct it", "2 items were not saved: correct them"),
        ("nl", "1 punt is niet opgeslagen: verbeter het", "2 punten zijn niet opgeslagen: verbeter ze"),
    ],
)
def test_save_all_counts_the_items_to_correct_in_singular_or_plural(client, engineer, language, one, two):
    good, bad, worse = ChecklistItemFactory(), ChecklistItemFactory(), ChecklistItemFactory()
    one_bad = {**fields(good, 3), **fields(bad, 2, "not a link")}
    body = client.post(reverse("skills:assess-all"), one_bad, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert one in body
    two_bad = {**one_bad, **fields(worse, 2, "not a link either")}
    body = client.post(reverse("skills:assess-all"), two_bad, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert two in body


@pytest.mark.parametrize(
    ("language", "choose", "go_to"),
    [
        ("en", "Choose a level to save this item: its evidence and note are saved with it.", "Go to “Skew”"),
        ("nl", "Kies een niveau om dit punt op te slaan: bewijs en notitie worden ermee opgeslagen.", "Naar “Skew”"),
    ],
)
def test_save_all_keeps_evidence_typed_into_an_unrated_row_and_asks_for_its_level(
    client, engineer, language, choose, go_to
):
    rated, unrated = ChecklistItemFactory(skill__order=1), ChecklistItemFactory(skill__order=2, name="Skew")
    data = {**fields(rated, 3), **fields(unrated, None, "https://example.org/skew", "salted keys")}
    response = client.post(reverse("skills:assess-all"), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    body = response.content.decode()
    assert choose in body
    assert f'<a class="alert-link" href="#item-row-{unrated.pk}">{go_to}</a>' in body
    assert 'value="https://example.org/skew"' in body and 'value="salted keys"' in body
    assert re.search(r'<details class="evidence-fold mt-1" open>\s*<summary[^>]*>[^<]*<span[^>]*> · Skew', body)
    assert list(Assessment.objects.filter(user=engineer).values_list("item_id", flat=True)) == [rated.pk]


def test_save_all_ignores_unrated_rows_left_empty(client, engineer):
    rated, untouched = ChecklistItemFactory(), ChecklistItemFactory()
    data = {**fields(rated, 2), **fields(untouched, None, " ", "")}
    response = client.post(reverse("skills:assess-all"), data, follow=True)
    assert "Your checklist is saved." in response.content.decode()
    assert dict(Assessment.objects.filter(user=engineer).values_list("item_id", "level")) == {rated.pk: 2}


def test_a_row_saved_without_a_level_keeps_its_evidence_and_asks_for_the_level(client, engineer):
    item = ChecklistItemFactory(name="Skew")
    body = client.post(assess_url(item), fields(item, None, note="salted keys")).content.decode()
    assert "Choose a level to save this item: its evidence and note are saved with it." in body
    assert f'<a class="alert-link" href="#item-row-{item.pk}">Go to “Skew”</a>' in body
    assert 'value="salted keys"' in body
    assert not Assessment.objects.exists()


def test_an_htmx_row_save_without_a_level_returns_the_row_with_its_evidence(client, engineer):
    item = ChecklistItemFactory()
    data = fields(item, None, "https://example.org/proof")
    body = client.post(assess_url(item), data, HTTP_HX_REQUEST="true").content.decode()
    assert "Choose a level to save this item: its evidence and note are saved with it." in body
    assert 'value="https://example.org/proof"' in body
    assert not Assessment.objects.exists()


def test_a_mark_pressed_without_javascript_keeps_evidence_typed_into_an_unrated_row(client, engineer):
    item = ChecklistItemFactory()
    data = {"state": "later", **fields(item, None, note="next quarter")}
    body = client.post(reverse("skills:item-state", kwargs={"item_id": item.pk}), data).content.decode()
    assert "Choose a level to save this item: its evidence and note are saved with it." in body
    assert 'value="next quarter"' in body
    assert not Assessment.objects.exists() and not engineer.item_states.exists()


def test_save_all_without_items_says_so(client, engineer):
    ChecklistItemFactory()
    response = client.post(reverse("skills:assess-all"), {"item-999999-level": "2"}, follow=True)
    assert "There was nothing to save." in response.content.decode()
    assert not Assessment.objects.exists()


# Isolation between engineers ---------------------------------------------------------------------


def test_an_engineer_only_ever_changes_their_own_levels(client, engineer):
    other = UserFactory()
    item = ChecklistItemFactory()
    AssessmentFactory(user=other, item=item, level=4, evidence_url="https://example.com/other")
    client.post(assess_url(item), fields(item, 1))
    client.post(reverse("skills:assess-all"), fields(item, 2), follow=True)  # its message shown and gone
    assert Assessment.objects.get(user=other, item=item).level == 4
    assert Assessment.objects.get(user=engineer, item=item).level == 2


def test_an_engineer_never_sees_another_engineers_data(client, engineer):
    other = UserFactory(email="other@example.com")
    requirement = RoleRequirementFactory(min_level=2)
    assess(user=other, item=requirement.item, level=4, evidence_url="https://example.com/secret", note="other note")
    other_profile = get_or_create_profile(user=other)
    other_profile.headline = "Other headline"
    other_profile.save()
    ProfileViewFactory(profile=other_profile, recruiter__email="spy@example.com")
    pages = [
        reverse("skills:checklist"),
        reverse("skills:gaps"),
        reverse("skills:role-gaps", kwargs={"slug": requirement.role.slug}),
        reverse("skills:progress"),
        reverse("skills:profile"),
        reverse("skills:profile-export"),
    ]
    for url in pages:
        body = client.get(url).content.decode()
        for secret in ("https://example.com/secret", "other note", "Other headline", "spy@example.com"):
            assert secret not in body, (url, secret)
    gaps = client.get(reverse("skills:role-gaps", kwargs={"slug": requirement.role.slug})).content.decode()
    assert 'id="rate-first"' in gaps and 'id="gaps-score"' not in gaps  # the other's levels count for no one else


# Gaps, progress and roles -------------------------------------------------------------------------


def test_gaps_page_lists_roles_with_score_and_missing_must_haves(client, engineer):
    role = RoleFactory(title="Senior Data Engineer — lakehouse")
    met = RoleRequirementFactory(role=role, item__name="Joins")
    RoleRequirementFactory(role=role, item__name="skew", is_must_have=True)
    RoleRequirementFactory(role=role, item__name="retries", is_must_have=True)
    assess(user=engineer, item=met.item, level=2)
    body = client.get(reverse("skills:gaps")).content.decode()
    assert "Senior Data Engineer — lakehouse" in body
    assert "Match: <strong>14</strong> out of 100" in body  # 1 earned of 1 + 3 + 3: must-haves count triple
    assert "You meet 1 of 3 requirements." in body
    assert "Must-haves not met yet:" in body
    assert '<ul class="name-list mb-0"><li>skew</li><li>retries</li></ul>' in body  # a list, not a comma run


@pytest.mark.parametrize(
    ("language", "why"),
    [
        ("en", "The score counts every level, not only the requirements you meet"),
        ("nl", "De score telt elk niveau mee, niet alleen de eisen waaraan je voldoet"),
    ],
)
def test_gaps_page_says_why_score_and_requirements_met_differ_once_above_the_cards(client, engineer, language, why):
    for title in ("Lakehouse", "Platform", "Analytics", "Medior"):
        requirement = RoleRequirementFactory(role=RoleFactory(title=title))
        assess(user=engineer, item=requirement.item, level=1)
    body = client.get(reverse("skills:gaps"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert body.count('class="h5 card-title" id="fit-') == 4
    assert body.count(why) == 1
    assert body.index(why) < body.index('class="h5 card-title" id="fit-')


def test_role_gaps_page_has_summary_learning_path_radar_and_tables(client, engineer):
    role = RoleFactory(title="Senior Data Engineer — lakehouse")
    skew = RoleRequirementFactory(role=role, item__name="skew", min_level=3, is_must_have=True)
    skew.item.skill.tools.add(ToolFactory(name="PySpark", slug="pyspark"))
    RoleRequirementFactory(role=role, item__name="retries", is_must_have=True)
    met = RoleRequirementFactory(role=role, item__name="Joins")
    assess(user=engineer, item=met.item, level=2)
    assess(user=engineer, item=skew.item, level=1)
    body = client.get(reverse("skills:role-gaps", kwargs={"slug": role.slug})).content.decode()
    assert "You meet 1 of 3 requirements for Senior Data Engineer — lakehouse. Must-haves not met yet:" in body
    unmet = body.split('id="gaps-unmet"')[1].split("</ul>")[0]
    assert "<strong>skew</strong></a> — below level (1 of 3)" in unmet  # rated, but below: not "missing"
    assert "<strong>retries</strong></a> — not yet rated" in unmet
    assert "Your level 1 · level 3 needed · 2 levels to go" in body
    assert 'href="/catalog/pyspark/"' in body
    assert '<svg class="radar-chart"' in body
    assert 'role="img"' in body
    assert "<title id=" in body
    assert '<th scope="row">' in body
    assert "style=" not in body


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "— below level (0 of 2)",
                "— not yet rated",
                "Your level 0 · level 2 needed",
                "Not yet rated · level 2 needed",
            ],
        ),
        (
            "nl",
            [
                "— onder het niveau (0 van 2)",
                "— nog niet beoordeeld",
                "Jouw niveau 0 · niveau 2 nodig",
                "Nog niet beoordeeld · niveau 2 nodig",
            ],
        ),
    ],
)
def test_role_gaps_tell_an_item_never_rated_from_one_rated_0(client, engineer, language, expected):
    role = RoleFactory()
    # Item orders tell the two apart: the requirements are listed by stage and order, and a tie has no fixed order.
    zero = RoleRequirementFactory(role=role, item__name="skew", item__order=1, min_level=2, is_must_have=True)
    RoleRequirementFactory(role=role, item__name="retries", item__order=2, min_level=2, is_must_have=True)
    assess(user=engineer, item=zero.item, level=0)
    body = client.get(
        reverse("skills:role-gaps", kwargs={"slug": role.slug}), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    unmet = body.split('id="gaps-unmet"')[1].split("</ul>")[0]
    below, unrated, path_zero, path_unrated = expected
    assert f"<strong>skew</strong></a> {below}" in unmet and f"<strong>retries</strong></a> {unrated}" in unmet
    path = body.split('class="learning-path"')[1].split("</ol>")[0]
    assert path.index("skew") < path.index(path_zero) < path.index("retries") < path.index(path_unrated)


@pytest.mark.parametrize(
    ("language", "zero", "not_rated"), [("en", "0.0", "not yet rated"), ("nl", "0,0", "nog niet beoordeeld")]
)
def test_the_skill_table_says_a_skill_never_rated_is_not_yet_rated_and_not_0(
    client, engineer, language, zero, not_rated
):
    role = RoleFactory()
    chosen_zero = RoleRequirementFactory(role=role, item__skill=SkillFactory(name="Data quality"), min_level=2)
    RoleRequirementFactory(role=role, item__skill=SkillFactory(name="Cloud basics"), min_level=2)
    assess(user=engineer, item=chosen_zero.item, level=0)  # "none" is an answer; nothing of Cloud basics is
    body = client.get(
        reverse("skills:role-gaps", kwargs={"slug": role.slug}), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    table = body[body.index('<svg class="radar-chart"') :].split("</table>")[0]
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>\s*<td>(.*?)</td>', table, re.S))
    assert rows["Data quality"] == zero
    assert re.sub(r"<[^>]+>", "", rows["Cloud basics"]) == not_rated


def test_radar_coordinates_are_not_localised(client, engineer):
    requirement = RoleRequirementFactory()
    ChecklistItemFactory(skill=SkillFactory())
    ChecklistItemFactory(skill=SkillFactory())
    client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    body = client.get(reverse("skills:role-gaps", kwargs={"slug": requirement.role.slug})).content.decode()
    assert '<html lang="nl">' in body
    assert 'x1="180.0"' in body


def test_unpublished_role_is_404_on_gaps_and_public_pages(client, engineer):
    role = RoleFactory(published=False)
    assert client.get(reverse("skills:role-gaps", kwargs={"slug": role.slug})).status_code == 404
    assert client.get(reverse("skills:role-detail", kwargs={"slug": role.slug})).status_code == 404


def test_progress_page_charts_and_lists_every_change(client, engineer):
    item = ChecklistItemFactory(name="Window functions")
    assess(user=engineer, item=item, level=1)
    assess(user=engineer, item=item, level=3)
    body = client.get(reverse("skills:progress")).content.decode()
    assert '<svg class="line-chart"' in body
    assert body.count(">not yet rated → 1</td>") == 1  # its first rating
    assert body.count(">1 → 3</td>") == 1


@pytest.mark.parametrize(
    ("language", "summary", "later"),
    [
        (
            "en",
            "Since you signed up, you changed a level on 1 of 2 days.",
            "After your first week, a calendar of the days you worked on your skills shows here.",
        ),
        (
            "nl",
            "Sinds je registratie wijzigde je een niveau op 1 van 2 dagen.",
            "Na je eerste week staat hier een kalender van de dagen waarop je aan je vaardigheden werkte.",
        ),
    ],
)
def test_progress_in_an_accounts_first_week_says_its_days_instead_of_an_almost_empty_grid(
    client, engineer, language, summary, later
):
    engineer.date_joined = timezone.now() - timedelta(days=1)
    engineer.save()
    assess(user=engineer, item=ChecklistItemFactory(), level=2)
    body = client.get(reverse("skills:progress"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    said = re.search(r'<p id="activity-summary">\s*(.*?)\s*</p>', body, re.S).group(1)
    assert said == summary
    assert later in body
    assert 'class="activity-calendar' not in body and "activity-legend" not in body


def test_progress_shows_the_calendar_grid_from_an_accounts_first_full_week_with_the_same_queries(client, engineer):
    engineer.date_joined = timezone.now() - timedelta(days=1)
    engineer.save()
    assess(user=engineer, item=ChecklistItemFactory(), level=2)
    first_days = page_queries(client, reverse("skills:progress"))
    engineer.date_joined = timezone.now() - timedelta(days=6)
    engineer.save()
    body = client.get(reverse("skills:progress")).content.decode()
    assert len(re.findall(r'<li class="activity-day activity-\d"', body)) == 7
    assert 'id="activity-grid-later"' not in body
    assert len(page_queries(client, reverse("skills:progress"))) == len(first_days)


@pytest.mark.parametrize(("language", "not_rated"), [("en", "not yet rated"), ("nl", "nog niet beoordeeld")])
def test_progress_tells_a_first_rating_from_a_change_from_level_0(client, engineer, language, not_rated):
    never_rated, rated_zero = ChecklistItemFactory(name="Joins"), ChecklistItemFactory(name="Skew")
    assess(user=engineer, item=never_rated, level=2)
    assess(user=engineer, item=rated_zero, level=0)  # a first rating, to 0
    assess(user=engineer, item=rated_zero, level=2)
    body = client.get(reverse("skills:progress"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    rows = re.findall(r'<th scope="row">(\w+) <span.*?</th>\s*<td data-label="[^"]+">(.*?)</td>', body, re.S)
    assert sorted(rows) == [("Joins", f"{not_rated} → 2"), ("Skew", "0 → 2"), ("Skew", f"{not_rated} → 0")]


def test_the_dutch_chart_axis_writes_its_months_the_dutch_way(client, engineer):
    item = ChecklistItemFactory()
    for day, level in ((datetime(2026, 3, 2, 12, tzinfo=UTC), 1), (datetime(2026, 5, 4, 12, tzinfo=UTC), 2)):
        assess(user=engineer, item=item, level=level)
        AssessmentChange.objects.filter(user=engineer, new_level=level).update(changed_at=day)
    ticks = {"en": ("2 Mar", "4 May"), "nl": ("2 mrt", "4 mei")}
    for language, (first, last) in ticks.items():
        body = client.get(reverse("skills:progress"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert f'dy="1.2em" text-anchor="start">{first}</text>' in body, language
        assert f'dy="1.2em" text-anchor="end">{last}</text>' in body, language


def test_progress_page_paginates_and_ignores_a_bad_page_number(client, engineer):
    item = ChecklistItemFactory()
    for level in [1, 2, 3, 4] * 7:
        assess(user=engineer, item=item, level=level)
    assert "Page 1 of 2" in client.get(reverse("skills:progress")).content.decode()
    assert "Page 2 of 2" in client.get(reverse("skills:progress") + "?page=2").content.decode()
    assert client.get(reverse("skills:progress") + "?page=nonsense").status_code == 200
    assert "Page 2 of 2" in client.get(reverse("skills:progress") + "?page=99").content.decode()


def test_progress_without_changes_invites_to_start(client, engineer):
    assert "No changes yet" in client.get(reverse("skills:progress")).content.decode()


def test_role_pages_are_public(client):
    role = RoleFactory(title="Senior Analytics Engineer")
    RoleRequirementFactory(role=role, item__name="Window functions", is_must_have=True)
    assert "Senior Analytics Engineer" in client.get(reverse("skills:role-list")).content.decode()
    body = client.get(role.get_absolute_url()).content.decode()
    assert "Window functions" in body
    assert "must-have" in body
    assert reverse("account_signup") in body


# Profile, export and deletion ---------------------------------------------------------------------


def test_profile_is_private_by_default_and_saves_with_explicit_opt_in(client, engineer):
    role = RoleFactory()
    body = client.get(reverse("skills:profile")).content.decode()
    assert re.search(r'value="private"[^>]*checked', body)
    assert not re.search(r'value="recruiters"[^>]*checked', body)
    data = {
        "headline": "Spark engineer",
        "years_experience": "6",
        "location": "Delft",
        "target_role": str(role.pk),
        "open_to_work": "on",
        "visibility": "recruiters",
    }
    response = client.post(reverse("skills:profile"), data, follow=True)
    assert "Your profile is saved." in response.content.decode()
    profile = EngineerProfile.objects.get(user=engineer)
    assert (profile.headline, profile.target_role, profile.visibility) == ("Spark engineer", role, "recruiters")
    assert RoleMatch.objects.filter(profile=profile, role=role).exists()


def test_profile_names_are_kept_on_one_line_without_control_or_direction_characters(client, engineer):
    data = {
        "display_name": "Eve\u202eevE",
        "headline": "Spark engineer\r\nBcc: all@example.com",
        "years_experience": "6",
        "location": "Delft\x1b[31m\x07",
        "visibility": "recruiters",
        "identity": "name",
    }
    assert client.post(reverse("skills:profile"), data).status_code == 302
    profile = EngineerProfile.objects.get(user=engineer)
    assert (profile.display_name, profile.headline, profile.location) == (
        "EveevE",
        "Spark engineer Bcc: all@example.com",
        "Delft[31m",
    )


def test_profile_with_bad_input_changes_nothing(client, engineer):
    data = {"headline": "Kept", "years_experience": "99", "location": "", "visibility": "everyone"}
    response = client.post(reverse("skills:profile"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Kept"' in body
    assert "is-invalid" in body
    assert not EngineerProfile.objects.filter(user=engineer).exists()


def test_profile_lists_who_viewed_it(client, engineer):
    ProfileViewFactory(profile=get_or_create_profile(user=engineer), recruiter__email="recruiter@example.com")
    body = client.get(reverse("skills:profile")).content.decode()
    assert "recruiter@example.com" in body


def test_export_is_a_json_download_of_my_data(client, engineer):
    item = ChecklistItemFactory(name="Docker")
    assess(user=engineer, item=item, level=2, note="compose files")
    response = client.get(reverse("skills:profile-export"))
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "me@example.com"
    assert data["assessments"][0]["note"] == "compose files"


def test_account_deletion_needs_the_right_email_then_removes_everything(client, engineer):
    assess(user=engineer, item=ChecklistItemFactory(), level=2)
    assert "Type your email address to confirm" in client.get(reverse("skills:profile-delete")).content.decode()
    response = client.post(reverse("skills:profile-delete"), {"email": "someone@example.com"})
    assert response.status_code == 200
    assert "nothing was deleted" in response.content.decode()
    assert Assessment.objects.filter(user=engineer).exists()

    data = {"email": "ME@example.com", "password": PASSWORD}
    response = client.post(reverse("skills:profile-delete"), data, follow=True)
    assert response.redirect_chain == [("/", 302)]
    assert "Your account and all its data are deleted." in response.content.decode()
    assert not type(engineer).objects.filter(pk=engineer.pk).exists()
    assert not Assessment.objects.exists()
    assert not AssessmentChange.objects.exists()
    assert not EngineerProfile.objects.exists()
    assert client.get(reverse("skills:checklist")).status_code == 302


def test_account_deletion_needs_the_password_not_only_the_email(client, engineer):
    """Whoever holds a signed-in session (a borrowed laptop) must not delete the account with its address alone."""
    response = client.post(reverse("skills:profile-delete"), {"email": "me@example.com", "password": "guessed-wrong"})
    assert response.status_code == 200
    assert "That is not the password of this account; nothing was deleted." in response.content.decode()
    assert response.context["form"].fields["password"].widget.input_type == "password"
    response = client.post(reverse("skills:profile-delete"), {"email": "me@example.com"})
    assert response.status_code == 200
    assert type(engineer).objects.filter(pk=engineer.pk).exists()


def test_deleting_an_account_with_an_authenticator_app_needs_its_code_too(client):
    recruiter = RecruiterFactory(email="rita@example.com")
    client.force_login(recruiter)
    url = reverse("skills:profile-delete")
    assert "Code from your authenticator app" in client.get(url).content.decode()
    data = {"email": "rita@example.com", "password": PASSWORD}
    assert client.post(url, data).status_code == 200
    assert client.post(url, {**data, "code": wrong_totp_code()}).status_code == 200
    assert type(recruiter).objects.filter(pk=recruiter.pk).exists()
    assert client.post(url, {**data, "code": current_totp_code()}).status_code == 302
    assert not type(recruiter).objects.filter(pk=recruiter.pk).exists()


# Query counts do not grow with the data -----------------------------------------------------------


def grow_world(user, role, skills, count, recruiter):
    """Add `count` required items over the skills, all assessed (with history) and as many profile views."""
    items = [RoleRequirementFactory(role=role, item__skill=skills[index % len(skills)]).item for index in range(count)]
    save_assessments(
        user=user,
        entries=[
            AssessmentInput(item=item, level=index % 4 + 1, evidence_url="https://example.com/e", note="n")
            for index, item in enumerate(items)
        ],
    )
    profile = get_or_create_profile(user=user)
    days_viewed = profile.views.count()  # one view a day is all a recruiter leaves: the next ones go further back
    for day in range(days_viewed, days_viewed + count):
        ProfileViewFactory(profile=profile, recruiter=recruiter, viewed_at=timezone.now() - timedelta(days=day))
    for index, item in enumerate(items):  # each item marked, each with a resource done
        set_item_state(user=user, item=item, state=("learning", "later")[index % 2])
        set_resource_done(
            user=user, resource=Resource.objects.create(item=item, url="https://example.com/r"), done=True
        )
    return items


@pytest.fixture
def world(engineer):
    role = RoleFactory()
    skills = [SkillFactory() for _ in range(8)]
    for skill in skills:
        skill.tools.add(ToolFactory())
    profile = get_or_create_profile(user=engineer)
    profile.target_role = role
    profile.save()
    return role, skills, RecruiterFactory()


def query_count(callable_) -> int:
    with CaptureQueriesContext(connection) as context:
        callable_()
    return len(context.captured_queries)


def test_pages_take_as_many_queries_with_60_items_as_with_1(client, engineer, world, django_assert_max_num_queries):
    role, skills, recruiter = world
    grow_world(engineer, role, skills, 1, recruiter)
    urls = [
        reverse("skills:checklist"),
        reverse("skills:gaps"),
        reverse("skills:role-gaps", kwargs={"slug": role.slug}),
        reverse("skills:progress"),
        reverse("skills:profile"),
        reverse("skills:profile-export"),
        reverse("skills:role-list"),
        reverse("skills:role-detail", kwargs={"slug": role.slug}),
    ]
    with_one = {url: query_count(lambda url=url: client.get(url)) for url in urls}
    grow_world(engineer, role, skills, 59, recruiter)
    for url in urls:
        with django_assert_max_num_queries(with_one[url]):
            assert client.get(url).status_code == 200, url


def test_saving_takes_as_many_queries_with_60_items_as_with_1(client, engineer, world, django_assert_max_num_queries):
    role, skills, recruiter = world
    (first,) = grow_world(engineer, role, skills, 1, recruiter)

    def save_one(level):
        return client.post(assess_url(first), fields(first, level), HTTP_HX_REQUEST="true")

    def save_all(items, level):
        data = {}
        for item in items:
            data.update(fields(item, level, "https://example.com/all"))
        return client.post(reverse("skills:assess-all"), data)

    one_item = query_count(lambda: save_one(4))
    all_of_one = query_count(lambda: save_all([first], 2))
    items = [first, *grow_world(engineer, role, skills, 59, recruiter)]
    with django_assert_max_num_queries(one_item):
        assert save_one(1).status_code == 200
    with django_assert_max_num_queries(all_of_one):
        assert save_all(items, 3).status_code == 302
    assert Assessment.objects.filter(user=engineer, level=3).count() == 60


def test_profile_keeps_a_target_role_that_was_unpublished_later(client, engineer):
    role = RoleFactory(published=False)
    profile = get_or_create_profile(user=engineer)
    profile.target_role = role
    profile.save()
    data = {"headline": "Still here", "years_experience": "3", "target_role": str(role.pk), "visibility": "private"}
    response = client.post(reverse("skills:profile"), data)
    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.headline, profile.target_role) == ("Still here", role)
    other_hidden = RoleFactory(published=False)
    response = client.post(reverse("skills:profile"), {**data, "target_role": str(other_hidden.pk)})
    assert response.status_code == 200
    profile.refresh_from_db()
    assert profile.target_role == role


def test_progress_takes_as_many_queries_with_changes_on_30_days_as_on_1(
    client, engineer, django_assert_max_num_queries
):
    item = ChecklistItemFactory()
    save_assessments(user=engineer, entries=[AssessmentInput(item=item, level=1)])
    on_one_day = query_count(lambda: client.get(reverse("skills:progress")))
    for day in range(1, 31):
        save_assessments(user=engineer, entries=[AssessmentInput(item=item, level=day % 2 + 1)])  # 2, 1, 2, …
        AssessmentChange.objects.filter(pk=AssessmentChange.objects.latest("id").pk).update(
            changed_at=timezone.now() - timedelta(days=day)
        )
    with django_assert_max_num_queries(on_one_day):
        body = client.get(reverse("skills:progress")).content.decode()
    assert body.count('class="chart-dot"') == 31  # one point per day (no target role: one chart)
