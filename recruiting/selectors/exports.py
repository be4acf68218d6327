"""Reads of a recruiter's exports: their own, and which written rows must not be handed over now."""

from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from portal.spreadsheets import spreadsheet_safe
from recruiting.models import CandidateExport
from recruiting.selectors.candidates import visible_candidates
from recruiting.selectors.contacts import accepted_of
from skills.identity import CandidateIdentity, candidate_identity


def rows_to_leave_out(
    *, recruiter: AbstractBaseUser, written: Mapping[int, tuple[str, str]], chunk: int = 5000
) -> set[int]:
    """The candidates of a written export whose row must not be handed over now: no longer visible, or showing
    more of who they are than they show this recruiter today (a withdrawn contact, a name switched off)."""
    ids = sorted(written)
    leave_out = set(written)
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        accepted = accepted_of(recruiter=recruiter, profiles=set(part))
        for pk, display_name, identity, pseudonym, email in (
            visible_candidates()
            .filter(pk__in=part)
            .values_list("pk", "display_name", "identity", "pseudonym", "user__email")
        ):
            now = candidate_identity(
                display_name=display_name, identity=identity, pseudonym=pseudonym, email=email, revealed=pk in accepted
            )
            if not shows_more_than_now(written=written[pk], now=now, pseudonym=pseudonym):
                leave_out.discard(pk)
    return leave_out


def recent_exports(*, recruiter, limit: int = 5) -> QuerySet[CandidateExport]:
    """A recruiter's own latest exports, newest first."""
    return CandidateExport.objects.filter(recruiter=recruiter).order_by("-created_at")[:limit]


def own_exports(*, recruiter) -> QuerySet[CandidateExport]:
    return CandidateExport.objects.filter(recruiter=recruiter)


def shows_more_than_now(*, written: tuple[str, str], now: CandidateIdentity, pseudonym: str) -> bool:
    """Whether a written row shows more of who the candidate is than they show this recruiter now: an email
    address they no longer reveal, or a name other than the one shown now and the pseudonym."""
    name, email = written
    if email and email != spreadsheet_safe(now.email):
        return True
    return name not in (spreadsheet_safe(now.name), spreadsheet_safe(pseudonym))
