"""Reads of a recruiter's exports: their own, and which written rows must not be handed over now."""

import json
from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.storage import storages
from django.db.models import QuerySet

from recruiting.models import CandidateExport
from recruiting.selectors.candidates import visible_candidates
from recruiting.selectors.contacts import accepted_of
from skills.privacy.identity import CandidateIdentity, candidate_identity


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
    if email and email != now.email:
        return True
    return name not in (now.name, pseudonym)


def exports_storage():
    """The private storage of export files (settings.STORAGES["exports"])."""
    return storages["exports"]


NAMED_ROWS_SUFFIX = ".rows"  # beside each stored export: which candidate each of its rows names, and how


def named_rows_file(file_name: str) -> str:
    return f"{file_name}{NAMED_ROWS_SUFFIX}"


def written_identities(*, export: CandidateExport) -> list[tuple[int, tuple[str, str]]]:
    """Per row of the stored file, in order: the candidate it names and the name and email it shows. Read from the
    small list written beside the file, never from the file itself; FileNotFoundError when there is none."""
    with exports_storage().open(named_rows_file(export.file_name), "rb") as named:
        return [(pk, (name, email)) for pk, name, email in map(json.loads, named)]
