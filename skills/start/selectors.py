"""The start's last step: the roles ranked by the engineer's fit, and the first thing to learn for the best one."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from skills.selectors.gaps import RequirementStatus, RoleFit, fits_by_score, role_gaps


@dataclass(frozen=True)
class StartResult:
    """Step 3: the roles ranked by fit, the best one and the first step of its learning path."""

    fits: list[RoleFit]
    next_step: RequirementStatus | None

    @property
    def best(self) -> RoleFit | None:
        return self.fits[0] if self.fits else None


def start_result(*, user: AbstractBaseUser) -> StartResult:
    fits = fits_by_score(user=user)
    next_step = None
    if fits:
        path = role_gaps(user=user, role=fits[0].role).learning_path
        next_step = path[0] if path else None
    return StartResult(fits=fits, next_step=next_step)
