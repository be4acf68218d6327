"""The checklist's pages (skills/checklist/views.py): rows saved one by one or all at once, with and without
JavaScript, their marks, and each engineer's own levels only."""

import re

import pytest
from django.urls import reverse

from skills.models import Assessment, AssessmentChange
from skills.services.profiles import get_or_create_profile
from tests.factories import (
    AssessmentFactory,
    ChecklistItemFactory,
    RoleRequirementFactory,
    ToolFactory,
    UserFactory,
)
from tests.headings import skill_folds
from tests.skills.worlds import grow_world, query_count

pytestmark = pytest.mark.django_db


def fields(item, level, evidence_url="", note=""):
    """A checklist row as the form posts it; ``level=None``: no level chosen, so the browser sends none."""
    prefix = f"item-{item.pk}"
    level_field = {} if level is None else {f"{prefix}-level": str(level)}
    return {**level_field, f"{prefix}-evidence_url": evidence_url, f"{prefix}-note": note}


def assess_url(item):
    return reverse("skills:assess", kwargs={"item_id": item.pk})


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


def test_an_engineer_only_ever_changes_their_own_levels(client, engineer):
    other = UserFactory()
    item = ChecklistItemFactory()
    AssessmentFactory(user=other, item=item, level=4, evidence_url="https://example.com/other")
    client.post(assess_url(item), fields(item, 1))
    client.post(reverse("skills:assess-all"), fields(item, 2), follow=True)  # its message shown and gone
    assert Assessment.objects.get(user=other, item=item).level == 4
    assert Assessment.objects.get(user=engineer, item=item).level == 2


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
