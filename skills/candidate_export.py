"""The recruiter's filtered candidate list as CSV, every cell made by the database.

Each cell (name, spreadsheet escaping, the joined must-haves, the profile URL) is an
SQL expression, so a row costs Python nothing. On PostgreSQL the database also writes
the CSV (``COPY ... TO STDOUT``) and the rows stream through as they come; elsewhere
Python's csv writer formats the same cells. Both write empty text as an empty cell,
so the two files read the same; PostgreSQL ends a line with "\n", Python with "\r\n"
(its writer quotes a carriage return inside a cell only then).
"""

import csv
import io
from collections.abc import Iterator
from functools import lru_cache

from django.db import connection
from django.db.models import Func, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat, NullIf, Trim

from skills.candidates import CandidateFilters, candidate_matches

EXPORT_HEADER = ("name", "headline", "location", "years", "role", "score", "must-haves missing", "profile URL")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets read as the start of a formula
FORMULA_START = "^([-" + "".join(sorted(set(FORMULA_PREFIXES) - {"-"})) + "])"  # "-" first: a literal in [ ]
CHUNK_BYTES = 64 * 1024  # a write to the client per row cost more than the row
ROWS_PER_FETCH = 500


class SpreadsheetSafe(Func):
    """Text quoted with ' where a spreadsheet would run it as a formula (CSV injection).

    Empty text becomes NULL: PostgreSQL's COPY writes NULL as an empty cell but '' as "",
    and Python's csv writer writes both as an empty cell.
    """

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        starts = ", ".join(["%s"] * len(FORMULA_PREFIXES))
        return (
            f"CASE WHEN SUBSTR({sql}, 1, 1) IN ({starts}) THEN '''' || {sql} ELSE NULLIF({sql}, '') END",
            (*params, *FORMULA_PREFIXES, *params, *params),
        )

    def as_postgresql(self, compiler, connection, **extra_context):
        """One regular expression: the text (a name made of three columns, say) is made once per row, not thrice."""
        sql, params = compiler.compile(self.source_expressions[0])
        return f"NULLIF(REGEXP_REPLACE({sql}, %s, %s), '')", (*params, FORMULA_START, r"'\1")


class JoinedNames(Func):
    """A JSON list of names as one text, "; " between them, in list order."""

    output_field = TextField()
    template = "(SELECT group_concat(value, '; ') FROM json_each(%(expressions)s))"

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template="array_to_string(ARRAY(SELECT jsonb_array_elements_text(%(expressions)s)), '; ')",
            **extra_context,
        )


def _text(expression) -> Func:
    return Cast(expression, TextField())


def _candidate_name() -> Coalesce:
    """The full name, else the e-mail address: as ``candidates.display_name`` shows it."""
    full_name = Trim(
        Concat("profile__user__first_name", Value(" "), "profile__user__last_name", output_field=TextField())
    )
    return Coalesce(NullIf(full_name, Value("")), _text("profile__user__email"), output_field=TextField())


@lru_cache(maxsize=256)
def export_sql(filters: CandidateFilters, role_title: str, url_prefix: str, url_suffix: str) -> tuple[str, tuple]:
    """The SQL and parameters of the export's rows; compiling it costs more than a small export, and it never changes."""
    rows = candidate_matches(filters=filters).values_list(
        SpreadsheetSafe(_candidate_name()),
        SpreadsheetSafe(_text("profile__headline")),
        SpreadsheetSafe(_text("profile__location")),
        "profile__years_experience",
        SpreadsheetSafe(Value(role_title, output_field=TextField())),
        "score",
        SpreadsheetSafe(JoinedNames("missing_must_have_names")),
        Concat(Value(url_prefix), _text("profile_id"), Value(url_suffix), output_field=TextField()),
    )
    sql, params = rows.query.sql_with_params()
    return sql, tuple(params)


def candidate_csv(*, filters: CandidateFilters, profile_url: tuple[str, str]) -> Iterator[str | bytes]:
    """The header and one line per matching candidate, in chunks of about CHUNK_BYTES.

    ``profile_url`` is the absolute URL of a profile around its id: (prefix, suffix).
    """
    sql, params = export_sql(filters, str(filters.role.title), *profile_url)
    if connection.vendor == "postgresql":
        yield header_line(line_end="\n")
        yield from copied_csv(sql, params)
    else:
        yield header_line(line_end="\r\n")
        yield from written_csv(sql, params)


def header_line(*, line_end: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=line_end).writerow(EXPORT_HEADER)
    return buffer.getvalue()


def copied_csv(sql: str, params: tuple) -> Iterator[bytes]:
    """Rows as PostgreSQL writes them with COPY: streamed, with no cursor to hold on the server."""
    statement = f"COPY ({connection.ops.compose_sql(sql, params)}) TO STDOUT (FORMAT csv)"  # COPY takes no parameters
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        blocks, size = [], 0
        for block in copy:  # one block per row
            blocks.append(block)
            size += len(block)
            if size >= CHUNK_BYTES:
                yield b"".join(blocks)
                blocks, size = [], 0
        if blocks:
            yield b"".join(blocks)


def written_csv(sql: str, params: tuple) -> Iterator[str]:
    """The same rows through Python's csv writer, a few hundred at a time so memory stays flat."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(ROWS_PER_FETCH):
            writer.writerows(rows)
            if buffer.tell() >= CHUNK_BYTES:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()
