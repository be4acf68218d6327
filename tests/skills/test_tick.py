"""One htmx tick is cheap: one row and the score card, each match computed once, a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from skills import scoring
from skills.models import AssessmentChange, RoleMatch
from skills.selectors import checklist
from skills.services import assessments, matches
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import get_or_create_profile
from tests.factories import ChecklistItemFactory, RoleFactory, RoleRequirementFactory, SkillFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def engineer(client):
    user = UserFactory()
    client.force_login(user)
    return user


def tick(client, item, level):
    prefix = f"item-{item.pk}"
    data = {f"{prefix}-level": str(level), f"{prefix}-evidence_url": "", f"{prefix}-note": ""}
    return client.post(reverse("skills:assess", args=[item.pk]), data, HTTP_HX_REQUEST="true")


def grow(*, skills: int, items_per_skill: int, roles: int) -> list:
    """A checklist of ``skills`` × ``items_per_skill`` items and ``roles`` roles that each require every item."""
    items = [
        ChecklistItemFactory(skill=skill) for skill in [SkillFactory() for _ in range(skills)] for _ in range(items_per_skill)
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

    monkeypatch.setattr(assessments, "compute_match", counted)
    monkeypatch.setattr(matches, "compute_match", counted)
    monkeypatch.setattr(checklist, "compute_match", counted)
    assert tick(client, items[0], 3).status_code == 200
    assert len(calls) == 4  # one per role: the stored matches; history and score card reuse the target's
    stored = RoleMatch.objects.get(profile=profile, role=profile.target_role).score
    assert AssessmentChange.objects.get(user=engineer).target_score == stored


def test_a_tick_renders_its_row_and_the_score_card_and_no_other_row(client, engineer):
    items = grow(skills=2, items_per_skill=3, roles=1)
    get_or_create_profile(user=engineer)
    body = tick(client, items[0], 2).content.decode()
    assert body.count('id="item-row-') == 1
    assert body.count("<select") == 1
    assert f'id="skill-progress-{items[0].skill_id}" class' in body
    assert 'id="checklist-summary"' in body
    assert body.count('hx-swap-oob="') == 2
    assert "1 of 3 ticked" in body


def test_a_multi_item_save_scores_every_history_row_against_the_target_role():
    user = UserFactory()
    items = grow(skills=1, items_per_skill=3, roles=1)
    profile = get_or_create_profile(user=user)
    profile.target_role = RoleMatch.objects.get(profile=profile).role
    profile.save()
    saved = save_assessments(user=user, entries=[AssessmentInput(item=item, level=3) for item in items])
    scores = list(AssessmentChange.objects.filter(user=user).order_by("id").values_list("target_score", flat=True))
    specs = saved.target_specs
    expected = [
        scoring.compute_match(specs, {item.pk: 3 for item in items[: number + 1]}).score for number in range(3)
    ]
    assert scores == expected
    assert saved.target_score == expected[-1] == RoleMatch.objects.get(profile=profile, role=profile.target_role).score


def test_a_new_profile_starts_without_a_target_role():
    RoleFactory(order=0, is_senior=True)
    assert get_or_create_profile(user=UserFactory()).target_role is None
