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


def has_rated_anything(*, user_id: int) -> bool:
    """Whether the engineer rated any checklist item (level 0 too). Until they have, none of their matches is a
    result: every page says "not scored yet" and sends them to rate their skills, never shows 0 out of 100."""
    return Assessment.objects.filter(user_id=user_id).exists()


def own_profile(*, user: AbstractBaseUser) -> EngineerProfile | None:
    return EngineerProfile.objects.filter(user=user).select_related("target_role").first()


def start_is_done(*, profile: EngineerProfile | None, has_levels: bool | None = None) -> bool:
    """Whether the one-minute start is behind the engineer: finished, or moot because their checklist is filled in
    already (a level rated, or a target role chosen in their profile rather than at the start's first step). Then
    they land on their home and are no longer asked to finish it. ``has_levels`` saves a query where it is known."""
    if profile is None:
        return False
    if profile.start == EngineerProfile.Start.DONE:
        return True
    if profile.start == EngineerProfile.Start.NEW and profile.target_role_id is not None:
        return True
    if has_levels is None:
        has_levels = has_rated_anything(user_id=profile.user_id)
    return has_levels


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
