"""One engineer's levels and profile as stored."""

from django.contrib.auth.models import AbstractBaseUser

from skills.models import (
    Assessment,
    EngineerProfile,
    Role,
    RoleMatch,
)
from skills.scoring import fits_at_all


def user_levels(*, user: AbstractBaseUser, item_ids: list[int] | None = None) -> dict[int, int]:
    """The user's level per checklist item id; unassessed items are absent (level 0)."""
    assessments = Assessment.objects.filter(user=user)
    if item_ids is not None:
        assessments = assessments.filter(item_id__in=item_ids)
    return dict(assessments.values_list("item_id", "level"))


def own_profile(*, user: AbstractBaseUser) -> EngineerProfile | None:
    return EngineerProfile.objects.filter(user=user).select_related("target_role").first()


def best_fit(*, profile: EngineerProfile | None) -> RoleMatch | None:
    """The published role the engineer's stored matches fit best, with its role; one query. Shown, labelled as
    such, while the engineer has chosen no target role, so nothing is chosen for them."""
    if profile is None:
        return None
    match = (
        RoleMatch.objects.filter(profile=profile, role__in=Role.objects.published())
        .select_related("role")
        .order_by("-score", "role__order", "role__title")
        .first()
    )
    return match if match is not None and fits_at_all(match.score) else None
