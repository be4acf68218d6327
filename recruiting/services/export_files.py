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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import IO

from openpyxl import Workbook, load_workbook

from portal.guards.spreadsheets import spreadsheet_safe
from recruiting.selectors.export_rows import EMAIL_COLUMN, NAME_COLUMN, export_sheet_title, record_named_row
from skills.privacy.identity import CandidateIdentity

XLSX = "xlsx"
CSV = "csv"
CSV_DELIMITERS = {"nl": ";", "en": ","}
DECIMAL_MARKS = {"nl": ",", "en": "."}
BYTE_ORDER_MARK = "\ufeff"
BOM_LANGUAGES = {"nl"}  # Dutch Excel reads a CSV without it as Windows-1252 and garbles "—" and "é"
PROGRESS_EVERY_ROWS = 500  # on_progress hears about the rows this often (and once at the end)


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
    """Write the header and the rows to ``out`` as XLSX (its worksheet named in ``language``) or as CSV in
    ``language``; the number of rows written.

    ``on_progress`` hears the number of rows written so far every few hundred rows and at the end.
    """
    written = 0
    if file_format == XLSX:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=export_sheet_title(language))
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


def rows_as_shown_now(
    rows: Iterable[list],
    *,
    named: Sequence[tuple[int, tuple[str, str]]],
    changes: Mapping[int, CandidateIdentity | None],
    out: IO[bytes],
) -> Iterator[list]:
    """A written export's data rows again as ``changes`` says (``recruiting.selectors.exports.rows_to_rewrite``):
    without the rows of candidates no longer visible, with the name and email address of those who show less now
    as they show them today; every other cell as written. The kept rows' names go to ``out``
    (see :func:`record_named_row`)."""
    for row, (pk, (name, email)) in zip(rows, named, strict=True):
        if pk in changes:
            now = changes[pk]
            if now is None:
                continue
            row = list(row)
            row[NAME_COLUMN], row[EMAIL_COLUMN] = name, email = now.name, now.email
        record_named_row(out, profile_id=pk, name=name, email=email)
        yield row
