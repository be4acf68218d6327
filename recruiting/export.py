"""The recruiter's filtered candidate list as a spreadsheet file: XLSX, or CSV in the recruiter's language.

Each row passes the same visibility rule as the list (the ranking starts from
``RoleMatch.objects.visible_to_recruiters()``), and every text cell that a
spreadsheet would run as a formula is quoted with ``'`` (CSV injection), in both
formats. Dutch CSV is what Dutch Excel opens by a double click: ``;`` between
cells, ``,`` as the decimal mark, and a UTF-8 byte-order mark; English CSV uses
``,`` and ``.``. XLSX is written by openpyxl in write-only mode, a row at a time,
so memory stays flat however long the list.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import IO

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook, load_workbook

from portal.spreadsheets import spreadsheet_safe
from recruiting.contacts import with_identity_for
from skills.models import Role, RoleMatch
from skills.privacy.identity import CandidateIdentity, candidate_identity
from skills.selectors.checklist import item_names_in

XLSX = "xlsx"
CSV = "csv"
CSV_DELIMITERS = {"nl": ";", "en": ","}
DECIMAL_MARKS = {"nl": ",", "en": "."}
BYTE_ORDER_MARK = "\ufeff"
BOM_LANGUAGES = {"nl"}  # Dutch Excel reads a CSV without it as Windows-1252 and garbles "—" and "é"

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
NAME_COLUMN, PROFILE_URL_COLUMN, EMAIL_COLUMN = 0, 7, 8
ROWS_PER_FETCH = 2000
PROGRESS_EVERY_ROWS = 500  # on_progress hears about the rows this often (and once at the end)


def export_header(language: str) -> list[str]:
    """The column names in the export's language."""
    with translation.override(language):
        return [str(column) for column in EXPORT_COLUMNS]


def candidate_rows(
    *,
    ranking: QuerySet[RoleMatch],
    role: Role,
    profile_url: Callable[[int], str],
    language: str,
    recruiter: AbstractBaseUser | None = None,
) -> Iterator[tuple]:
    """One row per ranked candidate, texts in ``language``: names and email addresses as ``recruiter`` may see
    them (none revealed without a recruiter)."""
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
        "missing_must_have_names",
        "profile_id",
        "identity_revealed" if recruiter is not None else "profile_visible",
    )
    with translation.override(language):
        role_title = str(role.title)
        names = item_names_in(language=language)
    for (
        display_name, identity, pseudonym, email, headline, location, years, score, missing, profile_id, revealed
    ) in rows.iterator(chunk_size=ROWS_PER_FETCH):  # fmt: skip
        shown = candidate_identity(
            display_name=display_name,
            identity=identity,
            pseudonym=pseudonym,
            email=email,
            revealed=bool(revealed) and recruiter is not None,
        )
        yield (
            shown.name,
            headline,
            location,
            years,
            role_title,
            score,
            "; ".join(names.get(name, name) for name in missing),
            profile_url(profile_id),
            shown.email,  # empty unless the candidate accepted this recruiter's request
        )


def _csv_cell(value, decimal_mark: str):
    if isinstance(value, float | Decimal):
        return str(value).replace(".", decimal_mark)
    return spreadsheet_safe(value)


def write_spreadsheet(
    out: IO[bytes],
    *,
    header: Sequence[str],
    rows: Iterable[Sequence],
    file_format: str,
    language: str,
    on_progress: Callable[[int], None] | None = None,
) -> int:
    """Write the header and the rows to ``out`` as XLSX or as CSV in ``language``; the number of rows written.

    ``on_progress`` hears the number of rows written so far every few hundred rows and at the end.
    """
    written = 0
    if file_format == XLSX:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append([spreadsheet_safe(cell) for cell in header])
        for row in rows:
            sheet.append([spreadsheet_safe(cell) for cell in row])
            written += 1
            if on_progress is not None and written % PROGRESS_EVERY_ROWS == 0:
                on_progress(written)
        workbook.save(out)
    else:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
        if language in BOM_LANGUAGES:
            text.write(BYTE_ORDER_MARK)
        writer = csv.writer(text, delimiter=CSV_DELIMITERS.get(language, ","))
        decimal_mark = DECIMAL_MARKS.get(language, ".")
        writer.writerow([_csv_cell(cell, decimal_mark) for cell in header])
        for row in rows:
            writer.writerow([_csv_cell(cell, decimal_mark) for cell in row])
            written += 1
            if on_progress is not None and written % PROGRESS_EVERY_ROWS == 0:
                on_progress(written)
        text.flush()
        text.detach()  # ``out`` stays open for its owner
    if on_progress is not None:
        on_progress(written)
    return written


def read_spreadsheet(binary: IO[bytes], *, file_format: str, language: str) -> Iterator[list]:
    """The rows of a written file, header first, as written (CSV cells as text, XLSX cells as typed)."""
    if file_format == XLSX:
        workbook = load_workbook(binary, read_only=True)
        try:
            for row in workbook.active.iter_rows(values_only=True):
                yield ["" if cell is None else cell for cell in row]
        finally:
            workbook.close()
    else:
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
        yield from csv.reader(text, delimiter=CSV_DELIMITERS.get(language, ","))


PROFILE_ID_AT_END = re.compile(r"/(\d+)/$")


def _profile_id(row: list) -> int | None:
    match = PROFILE_ID_AT_END.search(str(row[PROFILE_URL_COLUMN])) if len(row) > PROFILE_URL_COLUMN else None
    return int(match.group(1)) if match else None


def identities_in(rows: Iterable[list]) -> dict[int, tuple[str, str]]:
    """Who a written export shows, per candidate: the name and email cells as written."""
    rows = iter(rows)
    next(rows, None)
    shown = {}
    for row in rows:
        pk = _profile_id(row)
        if pk is not None and len(row) > EMAIL_COLUMN:
            shown[pk] = (str(row[NAME_COLUMN]), str(row[EMAIL_COLUMN]))
    return shown


def shows_more_than_now(*, written: tuple[str, str], now: CandidateIdentity, pseudonym: str) -> bool:
    """Whether a written row shows more of who the candidate is than they show this recruiter now: an email
    address they no longer reveal, or a name other than the one shown now and the pseudonym."""
    name, email = written
    if email and email != spreadsheet_safe(now.email):
        return True
    return name not in (spreadsheet_safe(now.name), spreadsheet_safe(pseudonym))


def rows_without_profiles(rows: Iterable[list], *, hidden: set[int]) -> Iterator[list]:
    """A written export's rows again (header first), without the rows of ``hidden`` candidates."""
    for number, row in enumerate(rows):
        if number and _profile_id(row) in hidden:
            continue
        yield row
