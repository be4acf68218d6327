"""Writes with rules in them: assessments, profiles and the stored role matches."""

from collections import defaultdict

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from skills.models import (
    TICKED_LEVEL,
    Assessment,
    AssessmentChange,
    ChecklistItem,
    EngineerProfile,
    Level,
    Role,
    RoleMatch,
    RoleRequirement,
)
from skills.scoring import RequirementSpec, compute_match

MATCH_FIELDS = ("score", "requirements_met", "requirements_total", "must_haves_missing", "missing_must_have_names")


def get_or_create_profile(*, user: AbstractBaseUser) -> EngineerProfile:
    profile, _ = EngineerProfile.objects.get_or_create(user=user)
    return profile


def requirement_specs_by_role(*, role_ids=None) -> dict[int, list[RequirementSpec]]:
    """All requirements as plain specs, grouped by role id, in one query."""
    requirements = RoleRequirement.objects.select_related("item")
    if role_ids is not None:
        requirements = requirements.filter(role_id__in=role_ids)
    specs: dict[int, list[RequirementSpec]] = defaultdict(list)
    for requirement in requirements.order_by("role_id", "id"):
        specs[requirement.role_id].append(
            RequirementSpec(
                item_id=requirement.item_id,
                item_name=requirement.item.name,
                min_level=requirement.min_level,
                weight=requirement.weight,
                is_must_have=requirement.is_must_have,
            )
        )
    return specs


def _match_row(*, profile_id: int, role_id: int, specs: list[RequirementSpec], levels: dict[int, int]) -> RoleMatch:
    result = compute_match(specs, levels)
    return RoleMatch(
        profile_id=profile_id,
        role_id=role_id,
        score=result.score,
        requirements_met=result.requirements_met,
        requirements_total=result.requirements_total,
        must_haves_missing=result.must_haves_missing,
        missing_must_have_names=list(result.missing_must_haves),
        updated_at=timezone.now(),
    )


def _store_matches(rows: list[RoleMatch]) -> None:
    RoleMatch.objects.bulk_create(
        rows,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=("profile", "role"),
        update_fields=(*MATCH_FIELDS, "updated_at"),
    )


def recompute_matches(*, profile: EngineerProfile) -> dict[int, RoleMatch]:
    """Store this profile's match with every role; a fixed number of queries."""
    levels = dict(Assessment.objects.filter(user_id=profile.user_id).values_list("item_id", "level"))
    specs = requirement_specs_by_role()
    rows = [
        _match_row(profile_id=profile.pk, role_id=role_id, specs=specs.get(role_id, []), levels=levels)
        for role_id in Role.objects.values_list("id", flat=True)
    ]
    _store_matches(rows)
    return {row.role_id: row for row in rows}


def recompute_role_matches(*, role: Role, batch_size: int = 2000) -> int:
    """Store every profile's match with one role, after its requirements changed."""
    specs = requirement_specs_by_role(role_ids=[role.pk]).get(role.pk, [])
    item_ids = [spec.item_id for spec in specs]
    profiles = EngineerProfile.objects.order_by("pk").values_list("pk", "user_id")
    count = 0
    last_pk = 0
    while True:
        batch = list(profiles.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return count
        levels_by_user: dict[int, dict[int, int]] = defaultdict(dict)
        for user_id, item_id, level in Assessment.objects.filter(
            user_id__in=[user_id for _, user_id in batch], item_id__in=item_ids
        ).values_list("user_id", "item_id", "level"):
            levels_by_user[user_id][item_id] = level
        _store_matches(
            [
                _match_row(profile_id=pk, role_id=role.pk, specs=specs, levels=levels_by_user[user_id])
                for pk, user_id in batch
            ]
        )
        count += len(batch)
        last_pk = batch[-1][0]


def validate_assessment_input(*, level: int, evidence_url: str, note: str) -> None:
    """The rules every entry point shares; raises ValidationError with clear messages."""
    probe = Assessment(level=level, evidence_url=evidence_url, note=note)
    if level not in Level.values:
        raise ValidationError({"level": "Choose a level from 0 (none) to 4 (can teach others)."})
    probe.clean_fields(exclude=["user", "item"])


@transaction.atomic
def set_assessment(
    *, user: AbstractBaseUser, item: ChecklistItem, level: int, evidence_url: str = "", note: str = ""
) -> Assessment:
    """Set the user's level on one item, keep the history and refresh the stored matches."""
    evidence_url = evidence_url.strip()
    note = note.strip()
    validate_assessment_input(level=level, evidence_url=evidence_url, note=note)
    profile = EngineerProfile.objects.select_for_update().filter(user=user).first() or get_or_create_profile(user=user)
    assessment = Assessment.objects.filter(user=user, item=item).first() or Assessment(user=user, item=item)
    old_level = assessment.level if assessment.pk else Level.NONE
    assessment.level = level
    assessment.evidence_url = evidence_url
    assessment.note = note
    assessment.full_clean()
    assessment.save()
    if old_level != level:
        matches = recompute_matches(profile=profile)
        target = matches.get(profile.target_role_id)
        AssessmentChange.objects.create(
            user=user,
            item=item,
            old_level=old_level,
            new_level=level,
            ticked_count=Assessment.objects.filter(user=user, level__gte=TICKED_LEVEL).count(),
            target_score=target.score if target else None,
        )
        profile.save(update_fields=["updated_at"])
    return assessment
