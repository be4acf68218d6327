"""The recruiter's outreach overview: per role, requests sent, accepted, declined, acceptances withdrawn and the
median time to an answer.

Counted by a job from the recruiter's own contact requests into ``OutreachSummary`` rows, queued when the
transaction that changed a request or a role's shortlist commits; the page only reads those rows. A request
counts for a role while its candidate is on one of the recruiter's shortlists for that role, and always for the
total row (no role).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from statistics import median

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from portal.jobs.lifecycle import enqueue
from recruiting.models import ContactRequest, OutreachSummary, ShortlistEntry, went_unanswered

DECLINED = (ContactRequest.Status.DECLINED, ContactRequest.Status.EXPIRED)
# An acceptance taken back counts as withdrawn, not accepted (the shortlist stage goes back to contacted too); it
# was an answer all the same, so its wait counts in the median.
ANSWERED = (ContactRequest.Status.ACCEPTED, ContactRequest.Status.WITHDRAWN, *DECLINED)


@dataclass(frozen=True)
class Sent:
    """One request as the count reads it."""

    profile_id: int
    status: str
    created_at: datetime
    answered_at: datetime | None


def is_declined(request: Sent, *, now: datetime) -> bool:
    """Declined, or not answered in time (a pending request that old counts as a no, as on the engineer's side)."""
    return request.status in DECLINED or went_unanswered(status=request.status, created_at=request.created_at, now=now)


def tally(requests: list[Sent], *, now: datetime) -> dict:
    """The overview's numbers over these requests; the median over the answered ones, in whole seconds."""
    answered = [  # two servers' clocks may stamp an answer a moment before its request: that is an instant answer
        max((request.answered_at - request.created_at).total_seconds(), 0.0)
        for request in requests
        if request.answered_at is not None and request.status in ANSWERED
    ]
    return {
        "sent": len(requests),
        "accepted": sum(request.status == ContactRequest.Status.ACCEPTED for request in requests),
        "declined": sum(is_declined(request, now=now) for request in requests),
        "withdrawn": sum(request.status == ContactRequest.Status.WITHDRAWN for request in requests),
        "median_answer_seconds": round(median(answered)) if answered else None,
    }


@transaction.atomic
def recount_outreach(*, recruiter: AbstractBaseUser) -> list[OutreachSummary]:
    """Replace the recruiter's overview rows by a fresh count: one row for all their requests, one per role that
    one of their shortlists is for."""
    now = timezone.now()
    requests = [
        Sent(*row)
        for row in ContactRequest.objects.filter(recruiter=recruiter).values_list(
            "profile_id", "status", "created_at", "answered_at"
        )
    ]
    profiles_per_role: dict[int, set[int]] = defaultdict(set)
    for role_id, profile_id in ShortlistEntry.objects.filter(
        shortlist__recruiter=recruiter, shortlist__role__isnull=False
    ).values_list("shortlist__role_id", "profile_id"):
        profiles_per_role[role_id].add(profile_id)
    rows = [OutreachSummary(recruiter=recruiter, role=None, computed_at=now, **tally(requests, now=now))]
    rows += [
        OutreachSummary(
            recruiter=recruiter,
            role_id=role_id,
            computed_at=now,
            **tally([request for request in requests if request.profile_id in profiles], now=now),
        )
        for role_id, profiles in profiles_per_role.items()
    ]
    OutreachSummary.objects.filter(recruiter=recruiter).delete()
    return OutreachSummary.objects.bulk_create(rows)


@task()
def count_outreach(*, recruiter_id: int) -> None:
    """The job: recount one recruiter's overview (nothing when the account is gone)."""
    recruiter = get_user_model().objects.filter(pk=recruiter_id).first()
    if recruiter is not None:
        recount_outreach(recruiter=recruiter)


def count_outreach_later(*, recruiter_id: int) -> None:
    """Queue the recount of this recruiter's overview when the current transaction commits."""
    enqueue(count_outreach, recruiter_id=recruiter_id)
