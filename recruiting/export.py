"""The recruiter's filtered candidate list as CSV, streamed a few hundred rows at a time.

Each row passes the same visibility rule as the list (the ranking starts from
``RoleMatch.objects.visible_to_recruiters()``), and every text cell that a
spreadsheet would run as a formula is quoted with ``'`` (CSV injection).
"""

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from django.db.models import QuerySet

from portal.spreadsheets import spreadsheet_safe
from skills.models import Role, RoleMatch, candidate_name

EXPORT_HEADER = ("name", "headline", "location", "years", "role", "score", "must-haves missing", "profile URL")
CHUNK_BYTES = 64 * 1024  # a write to the client per row cost more than the row
ROWS_PER_FETCH = 2000


def candidate_csv(
    *,
    ranking: QuerySet[RoleMatch],
    role: Role,
    profile_url: Callable[[int], str],
    on_progress: Callable[[int], None] | None = None,
) -> Iterator[str]:
    """The header and one line per ranked candidate, in chunks of about CHUNK_BYTES.

    ``on_progress`` hears the number of rows written so far before each chunk is handed over.
    """
    written = 0
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_HEADER)
    rows = ranking.values_list(
        "profile__user__first_name",
        "profile__user__last_name",
        "profile__user__email",
        "profile__headline",
        "profile__location",
        "profile__years_experience",
        "score",
        "missing_must_have_names",
        "profile_id",
    )
    role_title = spreadsheet_safe(str(role.title))
    for first_name, last_name, email, headline, location, years, score, missing, profile_id in rows.iterator(
        chunk_size=ROWS_PER_FETCH
    ):
        writer.writerow(
            (
                spreadsheet_safe(candidate_name(first_name=first_name, last_name=last_name, email=email)),
                spreadsheet_safe(headline),
                spreadsheet_safe(location),
                years,
                role_title,
                score,
                spreadsheet_safe("; ".join(missing)),
                profile_url(profile_id),
            )
        )
        written += 1
        if buffer.tell() >= CHUNK_BYTES:
            if on_progress is not None:
                on_progress(written)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if on_progress is not None:
        on_progress(written)
    if buffer.tell():
        yield buffer.getvalue()


PROFILE_ID_AT_END = re.compile(r"/(\d+)/$")


def _profile_id(row: list[str]) -> int | None:
    match = PROFILE_ID_AT_END.search(row[-1]) if row else None
    return int(match.group(1)) if match else None


def profile_ids_in_csv(lines: Iterable[str]) -> set[int]:
    """The candidates a written export holds, read back from each row's profile URL."""
    reader = csv.reader(lines)
    next(reader, None)
    return {pk for pk in map(_profile_id, reader) if pk is not None}


def csv_without_profiles(lines: Iterable[str], *, hidden: set[int]) -> Iterator[str]:
    """A written export again, without the rows of ``hidden`` candidates, in chunks of about CHUNK_BYTES."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for number, row in enumerate(csv.reader(lines)):
        if number and _profile_id(row) in hidden:
            continue
        writer.writerow(row)
        if buffer.tell() >= CHUNK_BYTES:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def text_lines(binary: IO[bytes]) -> IO[str]:
    """A stored CSV file read as text, its quoted line breaks left to the csv module."""
    return io.TextIOWrapper(binary, encoding="utf-8", newline="")
