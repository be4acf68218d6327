import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from skills.models import RoleMatch
from skills.scoring import RequirementSpec, compute_match
from skills.services.matches import recompute_matches, recompute_role_matches
from skills.services.profiles import get_or_create_profile
from tests.factories import ChecklistItemFactory, RoleFactory, RoleRequirementFactory, UserFactory, assess


def spec(item_id, min_level=2, weight=1, must=False):
    return RequirementSpec(item_id=item_id, min_level=min_level, weight=weight, is_must_have=must)


def test_full_levels_score_100_and_none_score_0():
    requirements = [spec(1, must=True), spec(2, min_level=3, weight=3)]
    assert compute_match(requirements, {1: 4, 2: 3}).score == 100
    assert compute_match(requirements, {}).score == 0


def test_100_only_when_every_requirement_is_met():
    """Six requirements met and a small one just short earn 99.6 %: shown as 100, the home would say the role is
    met while it names a next step."""
    requirements = [spec(n, weight=10) for n in range(1, 7)] + [spec(7, min_level=4, weight=1)]
    result = compute_match(requirements, {**dict.fromkeys(range(1, 7), 2), 7: 3})
    assert (result.score, result.requirements_met, result.requirements_total) == (99, 6, 7)
    assert compute_match(requirements, dict.fromkeys(range(1, 8), 4)).score == 100


def test_partial_levels_earn_weighted_share():
    # item 1: weight 1, fully met; item 2: weight 3, level 1 of 3 → 1 + 1 = 2 of 4 → 50
    result = compute_match([spec(1), spec(2, min_level=3, weight=3)], {1: 2, 2: 1})
    assert result.score == 50
    assert result.requirements_met == 1
    assert result.requirements_total == 2


def test_a_must_have_counts_triple():
    # must-have weight 1 counts 3, met; nice-to-have weight 1 counts 1, not started → 3 of 4
    assert compute_match([spec(1, must=True), spec(2)], {1: 2}).score == 75
    assert compute_match([spec(1, must=True), spec(2)], {2: 2}).score == 25


def test_a_must_have_below_its_minimum_earns_half_its_share_and_all_once_met():
    must_have = [spec(1, min_level=3, must=True)]
    assert [compute_match(must_have, {1: level}).score for level in range(5)] == [0, 17, 33, 100, 100]
    nice_to_have = [spec(1, min_level=3)]
    assert [compute_match(nice_to_have, {1: level}).score for level in range(5)] == [0, 33, 67, 100, 100]


def test_missing_must_haves_are_kept_by_item_id():
    result = compute_match([spec(1, must=True), spec(2, must=True), spec(3)], {1: 2})
    assert result.missing_must_have_ids == (2,)
    assert result.must_haves_missing == 1


def test_role_without_requirements_scores_zero():
    assert compute_match([], {1: 4}).score == 0


@pytest.mark.django_db
def test_set_assessment_stores_match_and_history():
    user = UserFactory()
    requirement = RoleRequirementFactory(min_level=2, is_must_have=True)
    assess(user=user, item=requirement.item, level=2)
    match = RoleMatch.objects.get(profile__user=user, role=requirement.role)
    assert (match.score, match.requirements_met, match.must_haves_missing) == (100, 1, 0)
    assert user.assessment_changes.get().new_level == 2


class StoredMatchEqualsFreshComputation(TestCase):
    """After any sequence of changes, the stored match is what a fresh computation gives."""

    @settings(max_examples=25, deadline=None)
    @given(
        steps=st.lists(
            st.tuples(st.sampled_from(["assess", "requirement"]), st.integers(0, 3), st.integers(0, 4)),
            min_size=1,
            max_size=12,
        )
    )
    def test_stored_match_equals_fresh(self, steps):
        user = UserFactory()
        role = RoleFactory()
        items = [ChecklistItemFactory() for _ in range(4)]
        requirements = [
            RoleRequirementFactory(role=role, item=item, min_level=2, weight=index + 1, is_must_have=index % 2 == 0)
            for index, item in enumerate(items)
        ]
        profile = get_or_create_profile(user=user)
        recompute_matches(profile=profile)
        for kind, index, value in steps:
            if kind == "assess":
                assess(user=user, item=items[index], level=value)
            else:
                requirement = requirements[index]
                requirement.min_level = max(1, value)
                requirement.save()
                recompute_role_matches(role=role)
        stored = RoleMatch.objects.get(profile=profile, role=role)
        levels = dict(user.assessments.values_list("item_id", "level"))
        fresh = compute_match(
            [spec(r.item_id, r.min_level, r.weight, r.is_must_have) for r in role.requirements.order_by("id")],
            levels,
        )
        assert (stored.score, stored.requirements_met, stored.must_haves_missing) == (
            fresh.score,
            fresh.requirements_met,
            fresh.must_haves_missing,
        )


@pytest.mark.django_db
def test_a_new_profile_has_a_stored_match_with_every_role_before_any_tick():
    roles = [RoleRequirementFactory().role, RoleFactory()]
    profile = get_or_create_profile(user=UserFactory())
    assert set(profile.matches.values_list("role_id", "score")) == {(roles[0].pk, 0), (roles[1].pk, 0)}


@pytest.mark.django_db
def test_stored_must_haves_are_item_ids_whatever_the_active_language():
    from django.utils import translation

    requirement = RoleRequirementFactory(is_must_have=True, item__name_en="Retries", item__name_nl="Herhaalpogingen")
    user = UserFactory()
    with translation.override("nl"):
        profile = get_or_create_profile(user=user)
    stored = RoleMatch.objects.get(profile=profile, role=requirement.role)
    assert stored.missing_must_have_ids == [requirement.item_id]
