"""Reads of a recruiter's exports: their own, and which written rows must not be handed over as they are now."""

import json
from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.storage import storages
from django.db.models import QuerySet

from recruiting.filters import CandidateSpec
from recruiting.models import CandidateExport
from recruiting.selectors.contacts import shown_to_each
from recruiting.selectors.filter_summary import spec_filters
from skills.privacy.identity import CandidateIdentity


def rows_to_rewrite(
    *, recruiter: AbstractBaseUser, written: Mapping[int, tuple[str, str]], chunk: int = 5000
) -> dict[int, CandidateIdentity | None]:
    """The candidates of a written export (their written name and email address) whose row must change before it
    is handed over now: ``None`` to leave it out (no longer visible to recruiters), else who they are to this
    recruiter today, where the row shows more than that (a withdrawn contact, a name switched off, a new
    pseudonym). Empty when the file may go as it is."""
    ids = sorted(written)
    changes: dict[int, CandidateIdentity | None] = {}
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        now = shown_to_each(recruiter=recruiter, profile_ids=part)
        for pk in part:
            if pk not in now:
                changes[pk] = None
            elif now[pk].shows_less_than(name=written[pk][0], email=written[pk][1]):
                changes[pk] = now[pk]
    return changes


def recent_exports(*, recruiter, limit: int = 5) -> list[CandidateExport]:
    """A recruiter's own latest exports, newest first, with the roles that name them; each export of the list with
    ``filters``, the filters it was made with in words (``filter_summary.spec_filters``), so that two exports of
    one role tell apart."""
    exports = list(
        CandidateExport.objects.filter(recruiter=recruiter).select_related("role").order_by("-created_at")[:limit]
    )
    specs = {
        export.pk: CandidateSpec.from_json(export.spec)
        for export in exports
        if export.spec and not export.is_of_shortlist
    }
    for export in exports:
        export.filters = spec_filters(specs[export.pk]) if export.pk in specs else []
    return exports


def own_exports(*, recruiter) -> QuerySet[CandidateExport]:
    return CandidateExport.objects.filter(recruiter=recruiter)


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
