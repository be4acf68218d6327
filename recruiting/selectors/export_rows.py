"""The rows of a candidate export as the recruiter may see them, and their headers, in the export's language.

Each row passes the same visibility rule as the list (the ranking starts from
``RoleMatch.objects.visible_to_recruiters()``); a shortlist's rows are its visible entries
(``recruiting.selectors.shortlists.visible_entries``), with their stage and the recruiter's note added.
"""

import json
from collections.abc import Callable, Iterator
from typing import IO

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from recruiting.models import ShortlistEntry, Stage
from recruiting.selectors.contacts import with_identity_for
from skills.models import Role, RoleMatch
from skills.privacy.identity import candidate_identity
from skills.selectors.checklist import item_names, item_names_in

EXPORT_COLUMNS = (
    _("name"),
    _("headline"),
    _("location"),
    _("years of experience"),
    _("role"),
    _("score"),
    _("must-haves missing"),
    _("profile URL"),
    _("email"),
)
SHORTLIST_COLUMNS = (_("stage"), _("your note"))  # after the columns above, in the export of a shortlist
SHEET_TITLE = _("Candidates")  # the XLSX file's worksheet


NAME_COLUMN, PROFILE_URL_COLUMN, EMAIL_COLUMN = 0, 7, 8
ROWS_PER_FETCH = 2000


def export_header(language: str, *, shortlist: bool = False, file_format: str = "csv") -> list[str]:
    """The column names in the export's language (with a shortlist's own columns for the export of one). An XLSX
    file's headings start with a capital, as a workbook's titles do; a CSV's stay as the scripts that read it know them.
    """
    with translation.override(language):
        columns = [str(column) for column in EXPORT_COLUMNS + (SHORTLIST_COLUMNS if shortlist else ())]
    return [capfirst(column) for column in columns] if file_format == "xlsx" else columns


def export_sheet_title(language: str) -> str:
    """The name of an XLSX export's worksheet, in the export's language."""
    with translation.override(language):
        return str(SHEET_TITLE)


def shortlist_rows(*, entries: QuerySet[ShortlistEntry], role: Role | None, language: str, **kwargs) -> Iterator[tuple]:
    """The rows of :func:`candidate_rows` for a shortlist's entries (each annotated with its candidate's ``score``
    and ``missing_must_have_ids`` for ``role``), followed by the entry's stage and the recruiter's note."""
    with translation.override(language):
        stages = {value: str(label) for value, label in Stage.choices}
    for *row, stage, note in candidate_rows(
        ranking=entries, role=role, language=language, extra_fields=("stage", "note"), **kwargs
    ):
        yield (*row, stages.get(stage, stage), note)


def candidate_rows(
    *,
    ranking: QuerySet[RoleMatch] | QuerySet[ShortlistEntry],
    role: Role | None,
    profile_url: Callable[[int], str],
    language: str,
    recruiter: AbstractBaseUser | None = None,
    named: IO[bytes] | None = None,
    extra_fields: tuple[str, ...] = (),
) -> Iterator[tuple]:
    """One row per ranked candidate, texts in ``language``: names and email addresses as ``recruiter`` may see
    them (none revealed without a recruiter). ``named`` hears which candidate each row names, and how;
    ``extra_fields`` of each row follow its columns as they are."""
    if recruiter is not None:
        ranking = with_identity_for(ranking, recruiter=recruiter, profile_ref="profile_id")
    rows = ranking.values_list(
        "profile__display_name",
        "profile__identity",
        "profile__pseudonym",
        "profile__user__email",
        "profile__headline",
        "profile__location",
        "profile__years_experience",
        "score",
        "missing_must_have_ids",
        "profile_id",
        "identity_revealed" if recruiter is not None else "profile_id",  # a stand-in: nothing is revealed
        *extra_fields,
    )
    with translation.override(language):
        role_title = str(role.title) if role is not None else ""
        names = item_names_in(language=language)
    for (
        display_name, identity, pseudonym, email, headline, location, years, score, missing, profile_id, revealed,
        *extra,
    ) in rows.iterator(chunk_size=ROWS_PER_FETCH):  # fmt: skip
        shown = candidate_identity(
            display_name=display_name,
            identity=identity,
            pseudonym=pseudonym,
            email=email,
            revealed=bool(revealed) and recruiter is not None,
        )
        if named is not None:
            record_named_row(named, profile_id=profile_id, name=shown.name, email=shown.email)
        yield (
            shown.name,
            headline,
            location,
            years,
            role_title,
            score,
            "; ".join(item_names(missing, names=names)),
            profile_url(profile_id),
            shown.email,  # empty unless the candidate accepted this recruiter's request
            *extra,
        )


def record_named_row(out: IO[bytes], *, profile_id: int, name: str, email: str) -> None:
    """One line of an export's list of named rows: which candidate a row names, and how (one JSON array a line)."""
    out.write(json.dumps([profile_id, name, email]).encode() + b"\n")
