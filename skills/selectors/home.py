"""The engineer's home, where a returning engineer lands: their score for the role they aim for (or, without
one, the role that fits them best, said as such), the next step to learn, what they are learning now, the contact requests waiting for an
answer and their latest changes. A fixed number of queries, however much data there is."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from skills.benchmarks.selectors import latest_snapshot_for
from skills.models import AssessmentChange, BenchmarkSnapshot, EngineerProfile, ItemState
from skills.selectors.focus import FocusRole, focus_role
from skills.selectors.profiles import has_rated_anything, own_profile, start_is_done
from skills.selectors.progress import level_changes
from skills.selectors.states import learning_now

LATEST_CHANGES = 5


@dataclass(frozen=True)
class EngineerHome:
    profile: EngineerProfile | None
    focus: FocusRole  # the target role, else the best fit
    waiting_contacts: int
    latest_changes: list[AssessmentChange]
    benchmark_snapshot: BenchmarkSnapshot | None  # the latest, when the engineer counts in
    learning_now: list[ItemState]  # the items the engineer marked "learning now"
    start_is_done: bool  # else "no role fits yet" sends them to the start, not the checklist


def _waiting_contacts(profile: EngineerProfile | None) -> int:
    """Requests the engineer can still answer; one a recruiter at most, so the rows stay few."""
    if profile is None:
        return 0
    return sum(contact.is_answerable for contact in profile.contact_requests.filter(status="pending"))


def engineer_home(*, user: AbstractBaseUser) -> EngineerHome:
    profile = own_profile(user=user)
    latest = level_changes(user=user)[:LATEST_CHANGES]
    rated = has_rated_anything(user_id=user.pk)  # asked once, for the match card and the start's offer alike
    return EngineerHome(
        profile=profile,
        focus=focus_role(user=user, profile=profile, rated=rated),
        waiting_contacts=_waiting_contacts(profile),
        latest_changes=list(latest),
        benchmark_snapshot=latest_snapshot_for(profile),
        learning_now=list(learning_now(user=user)),
        start_is_done=start_is_done(profile=profile, has_levels=rated),
    )
