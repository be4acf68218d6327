"""The role whose score and next step an engineer is shown first: their target role, else the role that fits them
best (said as such); the one rule of "your next step" for their home and the start's last step."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from skills.models import EngineerProfile
from skills.selectors.gaps import RequirementStatus, RoleFit, RoleGaps, best_fit_of, fits_by_score, role_gaps
from skills.selectors.profiles import has_rated_anything, user_levels


@dataclass(frozen=True)
class FocusRole:
    """The role whose score and next step an engineer is shown first (their home, the start's last step)."""

    gaps: RoleGaps | None  # None while no role is published or fits
    is_target: bool
    roles_published: bool
    has_ratings: bool  # false before the engineer rated anything: no score is shown yet

    @property
    def next_step(self) -> RequirementStatus | None:
        return self.gaps.learning_path[0] if self.gaps and self.gaps.learning_path else None

    @property
    def asks_to_rate_first(self) -> bool:
        """Whether the home's card asks to rate skills first, where a score would stand: the home's one prompt to rate."""
        return self.roles_published and not self.has_ratings


def focus_role(
    *,
    user: AbstractBaseUser,
    profile: EngineerProfile | None,
    fits: list[RoleFit] | None = None,
    rated: bool | None = None,
    levels: dict[int, int] | None = None,
) -> FocusRole:
    """The engineer's published target role, else the role that fits them best (said as such): one rule for every
    page that names "your next step". ``fits``, from :func:`fits_by_score`, and all the user's ``levels`` save
    working them out twice; without a target, the levels the fits are worked out on serve the best fit's gaps."""
    role = profile.published_target_role if profile else None
    rated = has_rated_anything(user_id=user.pk) if rated is None else rated
    if role is not None:
        gaps = role_gaps(user=user, role=role, levels=levels)
        return FocusRole(gaps=gaps, is_target=True, roles_published=True, has_ratings=rated)
    if fits is None:
        levels = user_levels(user=user) if levels is None else levels
        fits = fits_by_score(user=user, profile=profile, levels=levels)
    best = best_fit_of(fits)
    gaps = role_gaps(user=user, role=best.role, levels=levels) if best else None
    return FocusRole(gaps=gaps, is_target=False, roles_published=bool(fits), has_ratings=rated)
