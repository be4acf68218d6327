"""One htmx tick is cheap: one row and the score card, each match computed once, a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from skills import scoring
from skills.models import Assessment, AssessmentChange, Role, RoleMatch
from skills.selectors import checklist
from skills.services import matches
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import get_or_create_profile
from skills.services.states import set_item_state
from tests.factories import ChecklistItemFactory, RoleFactory, RoleRequirementFactory, SkillFactory, UserFactory

pytestmark = pytest.mark.django_db


def tick(client, item, level):
    prefix = f"item-{item.pk}"
    data = {f"{prefix}-level": str(level), f"{prefix}-evidence_url": "", f"{prefix}-note": ""}
    return client.post(reverse("skills:assess", args=[item.pk]), data, HTTP_HX_REQUEST="true")


def grow(*, skills: int, items_per_skill: int, roles: int) -> list:
    """A checklist of ``skills`` × ``items_per_skill`` items and ``roles`` roles that each require every item."""
    items = [
        ChecklistItemFactory(skill=skill)
        for skill in [SkillFactory() for _ in range(skills)]
        for _ in range(items_per_skill)
    ]
    for _ in range(roles):
        role = RoleFactory()
        for number, item in enumerate(items):
            RoleRequirementFactory(role=role, item=item, min_level=3, is_must_have=number % 2 == 0)
    return items


def count_queries(callable_) -> int:
    with CaptureQueriesContext(connection) as context:
        callable_()
    return len(context.captured_queries)


def test_a_tick_runs_as_many_queries_with_8_times_the_items_and_roles(client, engineer, django_assert_max_num_queries):
    small = grow(skills=1, items_per_skill=2, roles=1)
    get_or_create_profile(user=engineer)
    tick(client, small[0], 1)  # the profile and its matches exist: the steady state of an engineer
    small_count = count_queries(lambda: tick(client, small[1], 2))
    large = grow(skills=8, items_per_skill=8, roles=8)
    for level, item in enumerate([large[0], large[-1], small[0]], start=2):
        with django_assert_max_num_queries(small_count):
            response = tick(client, item, level)
        assert response.status_code == 200


def test_a_tick_computes_each_roles_match_once_and_the_history_reuses_the_target_score(client, engineer, monkeypatch):
    items = grow(skills=2, items_per_skill=3, roles=4)
    profile = get_or_create_profile(user=engineer)
    profile.target_role = RoleMatch.objects.filter(profile=profile).first().role
    profile.save()
    calls = []

    def counted(requirements, levels):
        calls.append(1)
        return scoring.compute_match(requirements, levels)

    monkeypatch.setattr(matches, "compute_match", counted)
    monkeypatch.setattr(checklist, "compute_match", counted)
    assert tick(client, items[0], 3).status_code == 200
    assert len(calls) == 4  # one per role: the stored matches; history and score card reuse the target's
    stored = RoleMatch.objects.get(profile=profile, role=profile.target_role).score
    assert AssessmentChange.objects.get(user=engineer).target_score == stored


def test_a_level_saved_by_htmx_returns_only_the_changed_fragments_never_the_inputs(client, engineer):
    items = grow(skills=2, items_per_skill=3, roles=1)
    get_or_create_profile(user=engineer)
    response = client.post(
        reverse("skills:assess", args=[items[0].pk]), {f"item-{items[0].pk}-level": "2"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "<input" not in body and 'id="item-row-' not in body
    assert body.count('hx-swap-oob="') == 5
    assert f'id="item-{items[0].pk}-badges"' in body and f'id="item-{items[0].pk}-status"' in body
    assert f'id="skill-progress-{items[0].skill_id}" class' in body
    assert 'id="checklist-summary"' in body
    assert "1 of 3 ticked" in body and "Saved." in body
    assert "HX-Retarget" not in response.headers


def test_a_level_changed_on_its_own_keeps_the_stored_evidence_and_note(client, engineer):
    item = grow(skills=1, items_per_skill=1, roles=1)[0]
    save_assessments(
        user=engineer, entries=[AssessmentInput(item=item, level=1, evidence_url="https://example.com/a", note="mine")]
    )
    client.post(reverse("skills:assess", args=[item.pk]), {f"item-{item.pk}-level": "3"}, HTTP_HX_REQUEST="true")
    stored = Assessment.objects.get(user=engineer, item=item)
    assert (stored.level, stored.evidence_url, stored.note) == (3, "https://example.com/a", "mine")


def test_evidence_sent_empty_with_the_save_button_is_cleared(client, engineer):
    item = grow(skills=1, items_per_skill=1, roles=1)[0]
    save_assessments(user=engineer, entries=[AssessmentInput(item=item, level=1, evidence_url="https://example.com/a")])
    tick(client, item, 1)
    assert Assessment.objects.get(user=engineer, item=item).evidence_url == ""


def test_a_refused_htmx_save_swaps_the_row_with_its_error_in_place(client, engineer):
    item = grow(skills=1, items_per_skill=1, roles=1)[0]
    prefix = f"item-{item.pk}"
    data = {f"{prefix}-level": "3", f"{prefix}-evidence_url": "ftp://example.com/x", f"{prefix}-note": ""}
    response = client.post(reverse("skills:assess", args=[item.pk]), data, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.headers["HX-Retarget"] == f"#item-row-{item.pk}"
    assert response.headers["HX-Reswap"] == "outerHTML"
    assert body.count('id="item-row-') == 1 and 'value="ftp://example.com/x"' in body
    assert body.count("Enter a link that starts with http:// or https://.") == 1
    assert not Assessment.objects.filter(user=engineer, item=item).exists()


def test_a_refused_save_draws_the_row_with_its_mark(client, engineer):
    item = grow(skills=1, items_per_skill=1, roles=1)[0]
    set_item_state(user=engineer, item=item, state="later")
    prefix = f"item-{item.pk}"
    data = {f"{prefix}-level": "3", f"{prefix}-evidence_url": "ftp://example.com/x", f"{prefix}-note": ""}
    body = client.post(reverse("skills:assess", args=[item.pk]), data, HTTP_HX_REQUEST="true").content.decode()
    assert 'value="" aria-pressed="true"' in body


def test_every_history_row_of_a_multi_item_save_has_the_state_after_the_whole_save():
    """No made-up in-between states: the order of the items in one save is not a history."""
    user = UserFactory()
    items = grow(skills=1, items_per_skill=3, roles=1)
    profile = get_or_create_profile(user=user)
    profile.target_role = RoleMatch.objects.get(profile=profile).role
    profile.save()
    saved = save_assessments(user=user, entries=[AssessmentInput(item=item, level=3) for item in items])
    rows = list(AssessmentChange.objects.filter(user=user).values_list("ticked_count", "target_score"))
    final = scoring.compute_match(saved.target_specs, {item.pk: 3 for item in items}).score
    assert rows == [(3, final)] * 3
    assert saved.target_score == final == RoleMatch.objects.get(profile=profile, role=profile.target_role).score


def test_a_new_profile_starts_without_a_target_role():
    RoleFactory(order=0, is_senior=True)
    assert get_or_create_profile(user=UserFactory()).target_role is None


def test_a_tick_that_meets_the_target_takes_the_skills_below_target_badge_away(client, engineer):
    items = grow(skills=1, items_per_skill=2, roles=1)  # the role asks level 3 of both
    profile = get_or_create_profile(user=engineer)
    profile.target_role = Role.objects.get()
    profile.save()
    badge = f'<span id="skill-below-{items[0].skill_id}" hx-swap-oob="true">'
    still_below = tick(client, items[0], 3).content.decode()  # the other item is not rated yet
    assert badge in still_below and "below target" in still_below.split(badge)[1].split("</span></span>")[0]
    met = tick(client, items[1], 4).content.decode()
    assert f"{badge}</span>" in met
    page = client.get(reverse("skills:checklist")).content.decode()
    assert f'<span id="skill-below-{items[0].skill_id}"></span>' in page  # as the page draws it when loaded


def test_a_tick_counts_the_items_the_page_counts_not_a_retired_one(client, engineer):
    kept, retired = grow(skills=1, items_per_skill=2, roles=1)
    save_assessments(user=engineer, entries=[AssessmentInput(item=retired, level=3)])
    retired.published = False
    retired.save()
    page = client.get(reverse("skills:checklist")).content.decode()
    assert "0 of 1 items ticked" in page and "0 of 1 ticked" in page
    body = tick(client, kept, 2).content.decode()
    assert "1 of 1 items ticked" in body and "1 of 1 ticked" in body
