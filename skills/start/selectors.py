"""The start's last step: the roles ranked by the engineer's fit, and the next step of the role they chose (or,
without one, of the role that fits them best), by the same rule as their home."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from skills.selectors.focus import FocusRole, focus_role
from skills.selectors.gaps import RoleFit, fits_by_score
from skills.selectors.profiles import own_profile, user_levels


@dataclass(frozen=True)
class StartResult:
    """Step 3: the roles ranked by fit, and the target role (else the best fit) with its first step."""

    fits: list[RoleFit]
    focus: FocusRole


def start_result(*, user: AbstractBaseUser) -> StartResult:
    profile = own_profile(user=user)
    levels = user_levels(user=user)  # read once, for the fits and the focus role's gaps
    fits = fits_by_score(user=user, profile=profile, levels=levels)
    return StartResult(fits=fits, focus=focus_role(user=user, profile=profile, fits=fits, levels=levels))
