"""The checklist fits a screen: skills fold, a filter narrows it, each row says what the target role needs."""

import pytest
from django.urls import reverse

from skills.services.profiles import get_or_create_profile
from tests.factories import ChecklistItemFactory, RoleFactory, RoleRequirementFactory, SkillFactory, assess
from tests.headings import headings_in_summaries, outline, skill_folds

pytestmark = pytest.mark.django_db


@pytest.fixture
def checklist_world(engineer):
    """SQL: joins needed at 3 (must-have), engineer at 2; window functions unrated. Python: all met."""
    role = RoleFactory(title="Senior lakehouse")
    sql, python = SkillFactory(name="SQL", order=1), SkillFactory(name="Python", order=2)
    joins = ChecklistItemFactory(skill=sql, name="Joins")
    windows = ChecklistItemFactory(skill=sql, name="Window functions")
    functions = ChecklistItemFactory(skill=python, name="Functions")
    RoleRequirementFactory(role=role, item=joins, min_level=3, is_must_have=True)
    RoleRequirementFactory(role=role, item=functions, min_level=2)
    profile = get_or_create_profile(user=engineer)
    profile.target_role = role
    profile.save()
    assess(user=engineer, item=joins, level=2)
    assess(user=engineer, item=functions, level=3)
    return {
        "role": role,
        "sql": sql,
        "python": python,
        "joins": joins,
        "windows": windows,
        "functions": functions,
        "engineer": engineer,
    }


def page(client, query=""):
    return client.get(reverse("skills:checklist") + query).content.decode()


def fold_of(body, skill):
    """The opening tag of a skill's <details>."""
    start = body.index(f'aria-labelledby="skill-{skill.pk}-heading"')
    return body[body.index("<details", start) : body.index(">", body.index("<details", start)) + 1]


def test_each_row_says_what_the_chosen_target_role_needs(client, checklist_world):
    body = page(client)
    assert "level 2, needs 3<" in body  # below: plain, no tick
    assert "level 3, needs 2 ✓" in body
    assert body.count("must-have</span>") == 1


@pytest.mark.parametrize(
    ("language", "unrated", "rated_zero"),
    [
        ("en", "needs level 3", "level 0, needs 3"),
        ("nl", "niveau 3 nodig", "niveau 0, nodig 3"),
    ],
)
def test_what_the_target_needs_tells_an_item_never_rated_from_one_rated_0(
    client, checklist_world, engineer, language, unrated, rated_zero
):
    windows = checklist_world["windows"]
    RoleRequirementFactory(role=checklist_world["role"], item=windows, min_level=3)

    def needed() -> str:
        body = client.get(reverse("skills:checklist"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        return body.split(f'id="item-{windows.pk}-needed">')[1].split("</span>")[0]

    assert needed() == unrated  # beside its "Not yet rated" badge
    assess(user=engineer, item=windows, level=0)
    assert needed() == rated_zero


@pytest.mark.parametrize(("language", "below"), [("en", "below target"), ("nl", "onder je doel")])
@pytest.mark.parametrize(
    ("query", "shown", "marked"),
    [
        ("", {"SQL": ["Joins", "Window functions"], "Python": ["Functions"]}, True),
        ("?show=unrated", {"SQL": ["Window functions"]}, True),  # Joins, below the target, is not shown: still SQL is
    ],
)
def test_each_skill_folds_its_items_below_a_heading_outside_the_fold(
    client, checklist_world, language, below, query, shown, marked
):
    """A heading inside a fold's <summary> (a button) is flattened to plain text by some screen readers: each skill's
    heading stands outside its fold, and the summary shows the name with its mark. The filtered list, which htmx
    swaps in, is drawn the same way."""
    body = client.get(reverse("skills:checklist") + query, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert headings_in_summaries(body) == []
    folds = skill_folds(body)
    assert {fold.heading: fold.items for fold in folds} == shown
    assert all(fold.heading_tag == "h2" and not fold.heading_in_fold for fold in folds)
    assert folds[0].summary == (f"SQL {below}" if marked else "SQL")
    assert [text for tag, text in outline(body) if tag == "h2"][-len(shown) :] == list(shown)


def test_a_skill_with_something_below_target_is_unfolded_the_others_folded(client, checklist_world):
    body = page(client)
    assert " open" in fold_of(body, checklist_world["sql"])
    assert " open" not in fold_of(body, checklist_world["python"])
    assert "below target" in body


def test_filter_below_target_keeps_only_those_rows_and_works_without_javascript(client, checklist_world):
    body = page(client, "?show=below")
    assert "Joins" in body
    assert "Window functions" not in body and "Functions" not in body
    assert "2 items are hidden by the filter." in body
    assert 'value="below" id="show-below" checked' in body


def test_filter_not_yet_rated_keeps_the_unrated_rows(client, checklist_world):
    body = page(client, "?show=unrated")
    assert "Window functions" in body
    assert "Joins" not in body


def test_filter_not_yet_rated_leaves_out_an_item_rated_0(client, engineer, checklist_world):
    assess(user=engineer, item=checklist_world["windows"], level=0)
    assert "Window functions" not in page(client, "?show=unrated")
    assert "Level 0 · No experience yet" in page(client)


def test_an_unknown_filter_shows_everything(client, checklist_world):
    body = page(client, "?show=<script>")
    assert all(name in body for name in ("Joins", "Window functions", "Functions"))
    assert "<script>" not in body.split("<main", 1)[1]


def test_the_filter_swaps_only_the_items_with_htmx(client, checklist_world):
    body = page(client)
    assert 'hx-get="/skills/"' in body
    assert 'hx-select="#checklist-items"' in body
    assert 'id="checklist-items"' in body


def test_each_filter_is_cached_on_its_own(client, checklist_world):
    assert "Window functions" not in page(client, "?show=below")
    assert "Window functions" in page(client)
    assert "Window functions" not in page(client, "?show=below")


def test_nothing_below_target_says_so(client, engineer):
    role = RoleFactory()
    item = RoleRequirementFactory(role=role, min_level=1).item
    profile = get_or_create_profile(user=engineer)
    profile.target_role = role
    profile.save()
    assess(user=engineer, item=item, level=2)
    assert "Nothing is below your target role" in page(client, "?show=below")


def test_without_a_target_role_there_is_no_below_target_filter(client, engineer):
    ChecklistItemFactory()
    body = page(client)
    assert 'id="show-unrated"' in body
    assert 'id="show-below"' not in body


def test_the_profile_form_of_a_new_engineer_proposes_no_target_role(client, engineer):
    RoleFactory(order=0, is_senior=False)
    senior = RoleFactory(order=1)
    body = client.get(reverse("skills:profile")).content.decode()
    roles = body.split('name="role"')[1].split("</select>")[0]  # not the other selects ("30 days" once matched)
    assert f'<option value="{senior.pk}" selected>' not in roles
    assert '<option value="" selected>' in roles


def test_the_summary_offers_what_is_missing_only_while_something_is(client, checklist_world):
    summary = page(client).split('id="checklist-summary"')[1].split("</section>")[0]
    assert "See what is missing</a>" in summary
    assess(user=checklist_world["engineer"], item=checklist_world["joins"], level=3)  # 100 of 100
    for language, offered, instead in (
        ("en", "See what is missing", "See how you meet it"),
        ("nl", "Zie wat ontbreekt", "Zie hoe je eraan voldoet"),
    ):
        body = client.get(reverse("skills:checklist"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        summary = body.split('id="checklist-summary"')[1].split("</section>")[0]
        assert offered not in summary and f"{instead}</a>" in summary
