"""The candidate CSV: cells made in SQL, escaped against formulas, the same from COPY and from Python."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from skills import candidate_export
from skills.candidate_export import candidate_csv, copied_csv, export_sql, written_csv
from skills.candidates import CandidateFilters
from skills.models import EngineerProfile
from tests.factories import EngineerProfileFactory, RoleFactory, RoleMatchFactory, UserFactory
from tests.spreadsheet_cases import FORMULA_PAYLOADS, HARMLESS_TEXTS

pytestmark = pytest.mark.django_db

VISIBLE = EngineerProfile.Visibility.RECRUITERS
URL_PARTS = ("https://portal.example/skills/candidates/", "/")
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="COPY is PostgreSQL's; the suite runs there too in CI"
)


def candidate(role, *, score=50, first_name="", last_name="", email=None, missing=(), **profile_fields):
    user = UserFactory(password=None, first_name=first_name, last_name=last_name, **({"email": email} if email else {}))
    profile = EngineerProfileFactory(user=user, visibility=VISIBLE, **profile_fields)
    RoleMatchFactory(profile=profile, role=role, score=score, missing_must_have_names=list(missing))
    return profile


def exported(role, **filters) -> list[list[str]]:
    text = "".join(
        chunk.decode() if isinstance(chunk, bytes) else chunk
        for chunk in candidate_csv(filters=CandidateFilters(role=role, **filters), profile_url=URL_PARTS)
    )
    return list(csv.reader(io.StringIO(text)))


def test_rows_hold_name_role_joined_must_haves_and_profile_url():
    role = RoleFactory(title="Lakehouse lead")
    profile = candidate(
        role, score=75, first_name="Ada", last_name="de Vries", headline="Lead", years_experience=9,
        missing=["Data skew", "Retries, with backoff"],
    )  # fmt: skip
    header, row = exported(role)
    assert header == list(candidate_export.EXPORT_HEADER)
    assert row == [
        "Ada de Vries",
        "Lead",
        "Utrecht",
        "9",
        "Lakehouse lead",
        "75",
        "Data skew; Retries, with backoff",
        f"https://portal.example/skills/candidates/{profile.pk}/",
    ]


def test_name_falls_back_to_the_email_address_and_empty_text_stays_empty():
    role = RoleFactory()
    candidate(role, email="no.name@example.com", headline="", location="")
    candidate(role, first_name="Only", score=40)
    rows = exported(role)[1:]
    assert rows[0][:3] == ["no.name@example.com", "", ""]
    assert rows[1][0] == "Only"
    assert rows[0][6] == ""  # no must-have missing


@pytest.mark.parametrize("payload", FORMULA_PAYLOADS)
def test_every_text_cell_that_a_spreadsheet_would_run_is_quoted(payload):
    role = RoleFactory(title=payload)
    candidate(role, first_name=payload, headline=payload, location=payload, missing=[payload, "Data skew"])
    _header, row = exported(role)
    assert row[0] == "'" + payload
    assert row[1:3] == ["'" + payload] * 2
    assert row[4] == "'" + payload
    assert row[6] == f"'{payload}; Data skew"


def test_text_that_only_contains_formula_signs_is_left_alone():
    spark, den_haag, lead = HARMLESS_TEXTS
    role = RoleFactory(title=lead)
    candidate(role, headline=spark, location=den_haag)
    _header, row = exported(role)
    assert (row[1], row[2], row[4]) == HARMLESS_TEXTS


def test_rows_follow_the_filters_and_the_ranking():
    role = RoleFactory()
    for score in (30, 90, 60):
        candidate(role, score=score, headline=f"scored {score}")
    rows = exported(role, min_score=50)[1:]
    assert [row[1] for row in rows] == ["scored 90", "scored 60"]


def test_private_profiles_are_never_exported_even_with_a_wrong_visibility_copy():
    role = RoleFactory()
    profile = EngineerProfileFactory(visibility=EngineerProfile.Visibility.PRIVATE, headline="private")
    RoleMatchFactory(profile=profile, role=role, profile_visible=True)
    assert exported(role) == [list(candidate_export.EXPORT_HEADER)]


def test_a_second_export_reads_the_data_afresh():
    """Only the SQL is kept between exports, never its rows."""
    role = RoleFactory()
    profile = candidate(role, headline="before")
    assert exported(role)[1][1] == "before"
    EngineerProfile.objects.filter(pk=profile.pk).update(headline="after")
    assert exported(role)[1][1] == "after"


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of a few rows, so a dozen candidates make several."""
    monkeypatch.setattr(candidate_export, "CHUNK_BYTES", 200)
    monkeypatch.setattr(candidate_export, "ROWS_PER_FETCH", 2)


def role_with_candidates(count: int):
    role = RoleFactory()
    for score in range(count):
        candidate(role, score=score)
    return role


def test_large_exports_come_in_chunks_of_whole_lines(small_chunks):
    role = role_with_candidates(12)
    chunks = list(candidate_csv(filters=CandidateFilters(role=role), profile_url=URL_PARTS))
    texts = [chunk.decode() if isinstance(chunk, bytes) else chunk for chunk in chunks]
    assert len(texts) > 3
    assert all(text.endswith("\n") for text in texts)
    assert len(list(csv.reader(io.StringIO("".join(texts))))) == 13


def test_an_export_left_half_read_leaves_the_connection_usable(small_chunks):
    """A client that hangs up mid-download must not leave the database connection stuck."""
    role = role_with_candidates(20)
    chunks = candidate_csv(filters=CandidateFilters(role=role), profile_url=URL_PARTS)
    next(chunks), next(chunks)
    chunks.close()
    assert EngineerProfile.objects.count() == 20


@needs_postgresql
def test_copy_writes_the_same_file_as_python_csv():
    role = RoleFactory(title='Lead "lakehouse", NL')
    awkward = ['say "hi", then go', "two\nlines", "carriage\rreturn", "ünïcødé · ✓", " padded ", "-5", ""]
    for index, text in enumerate(awkward):
        candidate(role, score=index, first_name=text, headline=text, location=text, missing=[text] if text else [])
    sql, params = export_sql(CandidateFilters(role=role), str(role.title), *URL_PARTS)
    copied = b"".join(copied_csv(sql, params)).decode()
    written = "".join(written_csv(sql, params))
    assert list(csv.reader(io.StringIO(copied))) == list(csv.reader(io.StringIO(written)))
    assert len(list(csv.reader(io.StringIO(copied)))) == len(awkward)


@needs_postgresql
def test_the_copy_is_counted_with_the_other_queries():
    role = RoleFactory()
    candidate(role)
    with CaptureQueriesContext(connection) as captured:
        exported(role)
    assert [query["sql"][:6] for query in captured.captured_queries] == ["COPY ("]
