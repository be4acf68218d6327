"""The recruiter's filtered candidate list as CSV, streamed a few hundred rows at a time.

Each row passes the same visibility rule as the list (the ranking starts from
``RoleMatch.objects.visible_to_recruiters()``), and every text cell that a
spreadsheet would run as a formula is quoted with ``'`` (CSV injection).
"""

import csv
import io
from collections.abc import Callable, Iterator

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from portal.spreadsheets import spreadsheet_safe
from recruiting.contacts import with_identity_for
from skills.models import Role, RoleMatch, candidate_identity

EXPORT_HEADER = ("name", "headline", "location", "years", "role", "score", "must-haves missing", "profile URL", "e-mail")
CHUNK_BYTES = 64 * 1024  # a write to the client per row cost more than the row
ROWS_PER_FETCH = 2000


def candidate_csv(
    *,
    ranking: QuerySet[RoleMatch],
    role: Role,
    profile_url: Callable[[int], str],
    recruiter: AbstractBaseUser | None = None,
) -> Iterator[str]:
    """The header and one line per ranked candidate, in chunks of about CHUNK_BYTES.

    Names and e-mail addresses as ``recruiter`` may see them (none revealed without a recruiter).
    """
    if recruiter is not None:
        ranking = with_identity_for(ranking, recruiter=recruiter, profile_ref="profile_id")
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
        if buffer.tell() >= CHUNK_BYTES:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()
