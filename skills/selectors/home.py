"""The engineer's home, where a returning engineer lands: their score for the role they aim for (or, without
one, the role that fits them best, said as such), the next step to learn, what they are learning now, the contact requests waiting for an
answer and their latest changes. A fixed number of queries, however much data there is."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from skills.benchmarks.selectors import latest_snapshot_for
from skills.models import AssessmentChange, BenchmarkSnapshot, EngineerProfile, ItemState
from skills.selectors.gaps import RequirementStatus, RoleGaps, best_fit_of, fits_by_score, role_gaps
from skills.selectors.profiles import own_profile
from skills.selectors.states import learning_now

LATEST_CHANGES = 5


@dataclass(frozen=True)
class EngineerHome:
    profile: EngineerProfile | None
    gaps: RoleGaps | None  # for the target role, else for the best fit; None while no role is published or fits
    is_target: bool
    roles_published: bool
    waiting_contacts: int
    latest_changes: list[AssessmentChange]
    benchmark_snapshot: BenchmarkSnapshot | None  # the latest, when the engineer counts in
    learning_now: list[ItemState]  # the items the engineer marked "learning now"

    @property
    def next_step(self) -> RequirementStatus | None:
        return self.gaps.learning_path[0] if self.gaps and self.gaps.learning_path else None

    @property
    def start_is_done(self) -> bool:
        return self.profile is not None and self.profile.start_is_done


def _waiting_contacts(profile: EngineerProfile | None) -> int:
    """Requests the engineer can still answer; one a recruiter at most, so the rows stay few."""
    if profile is None:
        return 0
    return sum(contact.is_answerable for contact in profile.contact_requests.filter(status="pending"))


def engineer_home(*, user: AbstractBaseUser) -> EngineerHome:
    profile = own_profile(user=user)
    role = profile.published_target_role if profile else None
    is_target = role is not None
    roles_published = is_target
    if role is None:
        fits = fits_by_score(user=user)
        roles_published, best = bool(fits), best_fit_of(fits)
        role = best.role if best else None
    latest = AssessmentChange.objects.filter(user=user).select_related("item__skill")[:LATEST_CHANGES]
    return EngineerHome(
        profile=profile,
        gaps=role_gaps(user=user, role=role) if role else None,
        is_target=is_target,
        roles_published=roles_published,
        waiting_contacts=_waiting_contacts(profile),
        latest_changes=list(latest),
        benchmark_snapshot=latest_snapshot_for(profile),
        learning_now=list(learning_now(user=user)),
    )
