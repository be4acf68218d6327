import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from recruiting.models import ProfileView
from skills.models import Assessment, AssessmentChange, EngineerProfile, RoleMatch
from skills.scoring import RequirementSpec, compute_match
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.matches import recompute_matches_for_roles
from skills.services.profiles import delete_account, get_or_create_profile, update_profile
from tests.factories import (
    AssessmentFactory,
    ChecklistItemFactory,
    ProfileViewFactory,
    RoleFactory,
    RoleRequirementFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db


def profile_data(**overrides):
    data = {
        "headline": "Data Engineer",
        "years_experience": 5,
        "location": "Utrecht",
        "target_role": None,
        "open_to_work": True,
        "visibility": EngineerProfile.Visibility.PRIVATE,
    }
    return {**data, **overrides}


def test_set_assessment_stores_level_evidence_and_note_trimmed():
    user = UserFactory()
    item = ChecklistItemFactory()
    assessment = assess(user=user, item=item, level=3, evidence_url=" https://github.com/me/repo ", note=" my repo ")
    stored = Assessment.objects.get(pk=assessment.pk)
    assert (stored.level, stored.evidence_url, stored.note) == (3, "https://github.com/me/repo", "my repo")


@pytest.mark.parametrize(
    ("level", "evidence_url"),
    [(5, ""), (-1, ""), (2, "ftp://example.com/file"), (2, "javascript:alert(1)"), (2, "not a link")],
)
def test_invalid_level_or_link_is_rejected_and_changes_nothing(level, evidence_url):
    user = UserFactory()
    item = ChecklistItemFactory()
    assess(user=user, item=item, level=1)
    with pytest.raises(ValidationError):
        assess(user=user, item=item, level=level, evidence_url=evidence_url)
    assert Assessment.objects.get(user=user, item=item).level == 1
    assert AssessmentChange.objects.filter(user=user).count() == 1


def test_every_level_change_is_kept_with_ticked_count_and_target_score():
    user = UserFactory()
    role = RoleFactory()
    first = RoleRequirementFactory(role=role, min_level=2).item
    second = RoleRequirementFactory(role=role, min_level=2).item
    update_profile(user=user, **profile_data(target_role=role))
    assess(user=user, item=first, level=2)
    assess(user=user, item=second, level=1)
    assess(user=user, item=second, level=2)
    assess(user=user, item=first, level=1)
    history = list(
        AssessmentChange.objects.filter(user=user)
        .order_by("id")
        .values_list("old_level", "new_level", "ticked_count", "target_score")
    )
    assert history == [(None, 2, 1, 50), (None, 1, 1, 75), (1, 2, 2, 100), (2, 1, 1, 75)]  # first ratings had no level


def test_history_has_no_target_score_without_a_target_role():
    user = UserFactory()
    assess(user=user, item=RoleRequirementFactory(role__is_senior=False).item, level=2)
    assert AssessmentChange.objects.get(user=user).target_score is None


def test_changing_only_evidence_keeps_history_and_matches_as_they_are():
    user = UserFactory()
    item = RoleRequirementFactory().item
    assess(user=user, item=item, level=2)
    match_time = RoleMatch.objects.get(profile__user=user).updated_at
    assess(user=user, item=item, level=2, evidence_url="https://example.com/talk")
    assert Assessment.objects.get(user=user, item=item).evidence_url == "https://example.com/talk"
    assert AssessmentChange.objects.filter(user=user).count() == 1
    assert RoleMatch.objects.get(profile__user=user).updated_at == match_time


def test_level_0_for_an_item_never_rated_is_stored_and_is_a_change_from_not_rated():
    user = UserFactory()
    save_assessments(user=user, entries=[AssessmentInput(item=ChecklistItemFactory(), level=0)])
    assert Assessment.objects.get(user=user).level == 0
    assert list(AssessmentChange.objects.filter(user=user).values_list("old_level", "new_level")) == [(None, 0)]


def test_save_assessments_is_all_or_nothing():
    user = UserFactory()
    good, bad = ChecklistItemFactory(), ChecklistItemFactory()
    with pytest.raises(ValidationError):
        save_assessments(
            user=user,
            entries=[AssessmentInput(item=good, level=3), AssessmentInput(item=bad, level=2, evidence_url="ftp://x.y")],
        )
    assert not Assessment.objects.filter(user=user).exists()
    assert not RoleMatch.objects.filter(profile__user=user).exists()


def test_bulk_save_stores_matches_equal_to_a_fresh_computation():
    user = UserFactory()
    role = RoleFactory()
    requirements = [
        RoleRequirementFactory(role=role, min_level=3, weight=2, is_must_have=True),
        RoleRequirementFactory(role=role, min_level=2, weight=1),
        RoleRequirementFactory(role=role, min_level=4, weight=3, is_must_have=True),
    ]
    levels = [3, 1, 2]
    save_assessments(
        user=user,
        entries=[AssessmentInput(item=r.item, level=level) for r, level in zip(requirements, levels, strict=True)],
    )
    fresh = compute_match(
        [RequirementSpec(r.item_id, r.min_level, r.weight, r.is_must_have) for r in requirements],
        {r.item_id: level for r, level in zip(requirements, levels, strict=True)},
    )
    match = RoleMatch.objects.get(profile__user=user, role=role)
    assert (match.score, match.requirements_met, match.must_haves_missing) == (
        fresh.score,
        fresh.requirements_met,
        fresh.must_haves_missing,
    )
    assert match.missing_must_have_ids == [requirements[2].item_id]


def test_bulk_save_keeps_one_history_row_per_changed_level_with_the_ticked_count_after_it():
    user = UserFactory()
    items = [ChecklistItemFactory() for _ in range(3)]
    AssessmentFactory(user=user, item=items[0], level=2)
    save_assessments(
        user=user,
        entries=[
            AssessmentInput(item=items[0], level=2, note="unchanged level"),
            AssessmentInput(item=items[1], level=3),
            AssessmentInput(item=items[2], level=4),
        ],
    )
    history = list(AssessmentChange.objects.filter(user=user).order_by("id").values_list("item_id", "ticked_count"))
    assert history == [(items[1].pk, 3), (items[2].pk, 3)]  # the state after the save, not an in-between one


def count_queries(callable_):
    with CaptureQueriesContext(connection) as context:
        callable_()
    return len(context.captured_queries)


def test_bulk_save_takes_the_same_number_of_queries_for_1_and_60_items():
    role = RoleFactory()

    def run(size):
        user = UserFactory()
        update_profile(user=user, **profile_data(target_role=role))
        stored = AssessmentFactory(user=user, item=RoleRequirementFactory(role=role).item, level=1)
        items = [stored.item] + [RoleRequirementFactory(role=role).item for _ in range(size)]
        return count_queries(
            lambda: save_assessments(user=user, entries=[AssessmentInput(item=item, level=2) for item in items])
        )

    assert run(1) == run(60)


def test_update_profile_validates_and_saves():
    user = UserFactory()
    update_profile(user=user, **profile_data(headline="  Spark engineer  ", visibility="recruiters"))
    profile = EngineerProfile.objects.get(user=user)
    assert profile.headline == "Spark engineer"
    assert profile.is_visible_to_recruiters
    with pytest.raises(ValidationError):
        update_profile(user=user, **profile_data(years_experience=61))
    with pytest.raises(ValidationError):
        update_profile(user=user, **profile_data(visibility="everyone"))
    assert EngineerProfile.objects.get(user=user).headline == "Spark engineer"


def test_choosing_a_target_role_stores_its_match():
    user = UserFactory()
    requirement = RoleRequirementFactory(min_level=2)
    AssessmentFactory(user=user, item=requirement.item, level=2)  # written around the services
    update_profile(user=user, **profile_data(target_role=requirement.role))
    assert RoleMatch.objects.get(profile__user=user, role=requirement.role).score == 100


def test_delete_account_removes_everything_of_the_user_and_nothing_else():
    user, other = UserFactory(), UserFactory()
    item = RoleRequirementFactory().item
    for person in (user, other):
        assess(user=person, item=item, level=2)
        ProfileViewFactory(profile=get_or_create_profile(user=person))
    delete_account(user=user)
    assert not Assessment.objects.filter(user_id=user.pk).exists()
    assert not AssessmentChange.objects.filter(user_id=user.pk).exists()
    assert not EngineerProfile.objects.filter(user_id=user.pk).exists()
    assert not RoleMatch.objects.filter(profile__user_id=user.pk).exists()
    assert ProfileView.objects.count() == 1
    assert Assessment.objects.filter(user=other).count() == 1
    assert RoleMatch.objects.filter(profile__user=other).count() == 1


def test_recompute_matches_for_roles_catches_up_after_a_requirement_disappears():
    user = UserFactory()
    role = RoleFactory()
    met = RoleRequirementFactory(role=role, min_level=2)
    missing = RoleRequirementFactory(role=role, min_level=2, is_must_have=True)
    assess(user=user, item=met.item, level=2)
    assert RoleMatch.objects.get(profile__user=user).score == 25  # 1 earned of 1 + 3 (a must-have counts triple)
    missing.delete()
    recompute_matches_for_roles(role_ids=[role.pk])
    match = RoleMatch.objects.get(profile__user=user)
    assert (match.score, match.must_haves_missing, match.requirements_total) == (100, 0, 1)


def visible_flags(user) -> set[bool]:
    return set(RoleMatch.objects.filter(profile__user=user).values_list("profile_visible", flat=True))


def test_stored_matches_carry_the_profiles_visibility_through_every_change():
    user = UserFactory()
    role = RoleFactory()
    RoleFactory()
    update_profile(user=user, **profile_data(target_role=role, visibility="recruiters"))
    assert RoleMatch.objects.filter(profile__user=user).count() == 2
    assert visible_flags(user) == {True}
    update_profile(user=user, **profile_data(target_role=role, visibility="private"))
    assert visible_flags(user) == {False}
    update_profile(user=user, **profile_data(target_role=None, visibility="recruiters"))  # with a recompute
    assert visible_flags(user) == {True}
    assess(user=user, item=RoleRequirementFactory(role=role).item, level=2)
    assert visible_flags(user) == {True}
    EngineerProfile.objects.filter(user=user).update(visibility="recruiters")  # a bulk update sends nothing…
    recompute_matches_for_roles(role_ids=[role.pk])  # …until the next recompute
    assert set(RoleMatch.objects.filter(role=role).values_list("profile_visible", flat=True)) == {True}
    EngineerProfile.objects.filter(user=user).update(visibility="private")
    recompute_matches_for_roles(role_ids=[role.pk])
    assert set(RoleMatch.objects.filter(role=role).values_list("profile_visible", flat=True)) == {False}


def test_the_migration_copies_visibility_onto_existing_matches():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("skills.migrations.0006_rolematch_profile_visible")
    shown, hidden = UserFactory(), UserFactory()
    update_profile(user=shown, **profile_data(target_role=RoleFactory(), visibility="recruiters"))
    update_profile(user=hidden, **profile_data(target_role=RoleFactory(), visibility="private"))
    RoleMatch.objects.update(profile_visible=False)
    migration.copy_visibility(apps, None)
    assert (visible_flags(shown), visible_flags(hidden)) == ({True}, {False})


def test_a_role_recompute_keeps_a_visibility_chosen_after_it_read_the_profiles():
    """The batch read the engineer as private; they opted in before the batch was written."""
    role = RoleFactory()
    profile = update_profile(user=UserFactory(), **profile_data(target_role=role, visibility="private"))
    EngineerProfile.objects.filter(pk=profile.pk).update(visibility="recruiters")  # committed meanwhile
    RoleMatch.objects.filter(profile=profile).update(profile_visible=True)  # and copied by the engineer's service
    recompute_matches_for_roles(role_ids=[role.pk])
    assert visible_flags(profile.user) == {True}
