"""The start's last step: the roles ranked by the engineer's fit, and the first thing to learn for the best one."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from skills.selectors.gaps import RequirementStatus, RoleFit, best_fit_of, fits_by_score, role_gaps


@dataclass(frozen=True)
class StartResult:
    """Step 3: the roles ranked by fit, the best one and the first step of its learning path."""

    fits: list[RoleFit]
    next_step: RequirementStatus | None

    @property
    def best(self) -> RoleFit | None:
        return best_fit_of(self.fits)


def start_result(*, user: AbstractBaseUser) -> StartResult:
    fits = fits_by_score(user=user)
    best = best_fit_of(fits)
    path = role_gaps(user=user, role=best.role).learning_path if best else []
    return StartResult(fits=fits, next_step=path[0] if path else None)
