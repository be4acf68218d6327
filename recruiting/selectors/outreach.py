"""Reads of the recruiter's outreach overview: the rows the counting job wrote, never the requests themselves."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import F, QuerySet

from recruiting.models import OutreachSummary


def outreach_overview(*, recruiter: AbstractBaseUser) -> QuerySet[OutreachSummary]:
    """The recruiter's own rows: all their requests first, then per role by title; one query."""
    return (
        OutreachSummary.objects.filter(recruiter=recruiter)
        .select_related("role")
        .order_by(F("role__title").asc(nulls_first=True), "pk")
    )
