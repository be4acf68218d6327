"""Reads of a recruiter's own shortlists; another recruiter's lists are never reachable."""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery

from recruiting.models import Shortlist, ShortlistEntry, StageChange
from skills.models import EngineerProfile, RoleMatch, visible_to_recruiters_lookup


def shortlists_for(*, recruiter: AbstractBaseUser) -> QuerySet[Shortlist]:
    """Only the recruiter's own shortlists; another recruiter's lists are never reachable."""
    return Shortlist.objects.filter(recruiter=recruiter)


def shortlists_with_counts(*, recruiter: AbstractBaseUser) -> QuerySet[Shortlist]:
    """The recruiter's shortlists, each counting only candidates who are still visible."""
    return shortlists_for(recruiter=recruiter).annotate(
        visible_count=Count("entries", filter=visible_to_recruiters_lookup("entries__profile__"))
    )


def visible_entries(*, shortlist: Shortlist) -> QuerySet[ShortlistEntry]:
    """Entries of a shortlist whose candidate is still visible (hidden ones are kept, not shown), each with ``score``:
    the candidate's stored match with the shortlist's role (None without a role), read in the same query."""
    return (
        shortlist.entries.filter(profile__in=EngineerProfile.objects.visible_to_recruiters())
        .select_related("profile__user", "profile__target_role")
        .annotate(score=Subquery(_match_with_role(shortlist).values("score")[:1]))
        .order_by("-added_at", "-pk")
    )


def entries_to_export(*, shortlist: Shortlist) -> QuerySet[ShortlistEntry]:
    """The shortlist's page in rows: its visible entries, each also with the must-haves its candidate misses for the
    shortlist's role (``missing_must_have_ids``), as the candidate list's export has them."""
    missing = _match_with_role(shortlist).values("missing_must_have_ids")[:1]
    return visible_entries(shortlist=shortlist).annotate(missing_must_have_ids=Subquery(missing))


def _match_with_role(shortlist: Shortlist) -> QuerySet[RoleMatch]:
    return RoleMatch.objects.filter(profile=OuterRef("profile"), role_id=shortlist.role_id)


def entries_of(*, recruiter: AbstractBaseUser, profile: EngineerProfile) -> list[ShortlistEntry]:
    """The recruiter's entries for one candidate, each with its shortlist and its stage history; two queries."""
    return list(
        ShortlistEntry.objects.filter(shortlist__recruiter=recruiter, profile=profile)
        .select_related("shortlist")
        .prefetch_related(Prefetch("stage_changes", queryset=StageChange.objects.order_by("-changed_at", "-pk")))
        .order_by("shortlist__name")
    )


def shortlist_memberships(*, recruiter: AbstractBaseUser, profile_ids: Iterable[int]) -> dict[int, set[int]]:
    """For each profile, the ids of the recruiter's shortlists it is on; one query for a page."""
    memberships: dict[int, set[int]] = defaultdict(set)
    rows = ShortlistEntry.objects.filter(shortlist__recruiter=recruiter, profile_id__in=list(profile_ids)).values_list(
        "profile_id", "shortlist_id"
    )
    for profile_id, shortlist_id in rows:
        memberships[profile_id].add(shortlist_id)
    return memberships
