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

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from portal.spreadsheets import spreadsheet_safe
from recruiting.contacts import with_identity_for
from skills.identity import CandidateIdentity, candidate_identity
from skills.models import Role, RoleMatch

EXPORT_HEADER = (
    "name",
    "headline",
    "location",
    "years",
    "role",
    "score",
    "must-haves missing",
    "profile URL",
    "e-mail",
)
CHUNK_BYTES = 64 * 1024  # a write to the client per row cost more than the row
ROWS_PER_FETCH = 2000


def candidate_csv(
    *,
    ranking: QuerySet[RoleMatch],
    role: Role,
    profile_url: Callable[[int], str],
    on_progress: Callable[[int], None] | None = None,
    recruiter: AbstractBaseUser | None = None,
) -> Iterator[str]:
    """The header and one line per ranked candidate, in chunks of about CHUNK_BYTES.

    ``on_progress`` hears the number of rows written so far before each chunk is handed over. Names and e-mail
    addresses as ``recruiter`` may see them (none revealed without a recruiter).
    """
    if recruiter is not None:
        ranking = with_identity_for(ranking, recruiter=recruiter, profile_ref="profile_id")
    written = 0
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_HEADER)
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
    role_title = spreadsheet_safe(str(role.title))
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
        writer.writerow(
            (
                spreadsheet_safe(shown.name),
                spreadsheet_safe(headline),
                spreadsheet_safe(location),
                years,
                role_title,
                score,
                spreadsheet_safe("; ".join(missing)),
                profile_url(profile_id),
                spreadsheet_safe(shown.email),  # empty unless the candidate accepted this recruiter's request
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
NAME_COLUMN = EXPORT_HEADER.index("name")
PROFILE_URL_COLUMN = EXPORT_HEADER.index("profile URL")
EMAIL_COLUMN = EXPORT_HEADER.index("e-mail")


def _profile_id(row: list[str]) -> int | None:
    match = PROFILE_ID_AT_END.search(row[PROFILE_URL_COLUMN]) if len(row) > PROFILE_URL_COLUMN else None
    return int(match.group(1)) if match else None


def identities_in_csv(lines: Iterable[str]) -> dict[int, tuple[str, str]]:
    """Who a written export shows, per candidate: the name and e-mail cells as written."""
    reader = csv.reader(lines)
    next(reader, None)
    shown = {}
    for row in reader:
        pk = _profile_id(row)
        if pk is not None and len(row) > EMAIL_COLUMN:
            shown[pk] = (row[NAME_COLUMN], row[EMAIL_COLUMN])
    return shown


def shows_more_than_now(*, written: tuple[str, str], now: CandidateIdentity, pseudonym: str) -> bool:
    """Whether a written row shows more of who the candidate is than they show this recruiter now: an e-mail
    address they no longer reveal, or a name other than the one shown now and the pseudonym."""
    name, email = written
    if email and email != spreadsheet_safe(now.email):
        return True
    return name not in (spreadsheet_safe(now.name), spreadsheet_safe(pseudonym))


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
