"""Text a spreadsheet would run as a formula (CSV injection), quoted with ' on the way out.

django-import-export's own IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT (4.4.3) only
drops one leading "=" ("==1+1" still runs; "+", "-" and "@" pass) and turns every
cell, None included, into text in every format, JSON too; so it stays off and the
CSV and XLSX formats below quote instead, as the recruiter's export does
(recruiting.services.export_files).

defusedcsv 3.0.0 (a drop-in ``csv`` that quotes formula cells) does not cover our
cases, so it is not used: it leaves a leading tab or carriage return alone ("\tx",
"\rx" in tests/spreadsheet_cases.py, which Excel trims and then runs), it rewrites
"|" inside a quoted cell to "\\|" (so an export no longer imports back to the same
text), and it is CSV only while the same rule must hold for XLSX.
"""

import tablib
from import_export.formats.base_formats import CSV, XLSX
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets read as the start of a formula


def spreadsheet_safe(value):
    """The text without the control characters no workbook can hold (so none can hide a formula's first
    character), with ' before it when a spreadsheet would run it; anything else unchanged."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def from_spreadsheet(value):
    """Undo ``spreadsheet_safe``, as a spreadsheet does when it reads '=… as the text =…."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def _map_cells(dataset: tablib.Dataset, function) -> tablib.Dataset:
    return tablib.Dataset(*[[function(cell) for cell in row] for row in dataset], headers=dataset.headers)


class SpreadsheetSafeCSV(CSV):
    """CSV whose cells never start a formula; a file it wrote imports back to the same texts."""

    def export_data(self, dataset, **kwargs):
        return super().export_data(_map_cells(dataset, spreadsheet_safe), **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        return _map_cells(super().create_dataset(in_stream, **kwargs), from_spreadsheet)


class SpreadsheetSafeXLSX(XLSX):
    """An Excel workbook whose cells never start a formula (openpyxl would store "=…" as one); export only."""

    def export_data(self, dataset, **kwargs):
        return super().export_data(_map_cells(dataset, spreadsheet_safe), **kwargs)
