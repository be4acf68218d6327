"""The candidate export: the filtered ranking's rows, names as recruiters see them, cells a spreadsheet never runs."""

import csv
import io
from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from recruiting.filters import CandidateFilter
from recruiting.selectors import export_rows
from recruiting.selectors.export_rows import candidate_rows, export_header
from recruiting.services.export_files import write_spreadsheet
from skills.models import EngineerProfile, RoleMatch
from tests.factories import ChecklistItemFactory, EngineerProfileFactory, RoleFactory, RoleMatchFactory, UserFactory
from tests.spreadsheet_cases import FORMULA_PAYLOADS, HARMLESS_TEXTS

pytestmark = pytest.mark.django_db

VISIBLE = EngineerProfile.Visibility.RECRUITERS
PRIVATE = EngineerProfile.Visibility.PRIVATE
TEXT_COLUMNS = ("name", "headline", "location", "role", "must-haves missing")  # the English header
# The starts of a formula, from the cases every spreadsheet export is tested with (the admin's too).
FORMULA_PREFIXES = tuple(payload[0] for payload in FORMULA_PAYLOADS)


def profile_url(pk: int) -> str:
    return f"https://portal.example/recruiting/candidates/{pk}/"


def candidate(role, *, score=50, email=None, missing=(), **profile_fields):
    user = UserFactory(password=None, **({"email": email} if email else {}))
    profile = EngineerProfileFactory(user=user, visibility=VISIBLE, **profile_fields)
    missing_ids = [ChecklistItemFactory(name=name).pk for name in missing]
    RoleMatchFactory(profile=profile, role=role, score=score, missing_must_have_ids=missing_ids)
    return profile


EXPORT_HEADER = export_header("en")


def exported(role, **params) -> list[list[str]]:
    """The English CSV of the list, read back."""
    chosen = CandidateFilter(QueryDict(urlencode({"role": role.slug, **params}, doseq=True)))
    out = io.BytesIO()
    rows = candidate_rows(ranking=chosen.qs, role=chosen.chosen_role, profile_url=profile_url, language="en")
    write_spreadsheet(out, header=EXPORT_HEADER, rows=rows, file_format="csv", language="en")
    return list(csv.reader(io.StringIO(out.getvalue().decode())))


def only_row(role) -> dict[str, str]:
    header, row = exported(role)
    return dict(zip(header, row, strict=True))


def test_the_header_names_every_column():
    assert exported(RoleFactory()) == [list(EXPORT_HEADER)]


def test_a_row_holds_the_candidate_the_role_the_missing_must_haves_and_the_profile_url():
    role = RoleFactory(title="Lakehouse lead")
    profile = candidate(
        role, score=75, display_name="Ada de Vries", identity="name", headline="Lead", years_experience=9,
        missing=["Data skew", "Retries, with backoff"],
    )  # fmt: skip
    assert only_row(role) == {
        "name": "Ada de Vries",
        "headline": "Lead",
        "location": "Utrecht",
        "years of experience": "9",
        "role": "Lakehouse lead",
        "score": "75",
        "must-haves missing": "Data skew; Retries, with backoff",
        "profile URL": profile_url(profile.pk),
        "email": "",
    }


@pytest.mark.parametrize(
    ("display_name", "identity", "shown"),
    [
        ("Ada Lovelace", "name", "Ada Lovelace"),
        ("Ada Lovelace", "pseudonym", "pseudonym"),
        ("", "name", "pseudonym"),
        ("", "pseudonym", "pseudonym"),
    ],
    ids=["name-chosen", "pseudonym-chosen", "name-chosen-but-empty", "nothing"],
)
def test_the_name_is_the_chosen_one_else_the_pseudonym_and_never_the_email(display_name, identity, shown):
    role = RoleFactory()
    profile = candidate(role, display_name=display_name, identity=identity, email="ada@example.com")
    row = only_row(role)
    assert row["name"] == (profile.pseudonym if shown == "pseudonym" else shown)
    assert "ada@example.com" not in "".join(row.values())


def test_the_name_is_the_one_the_pages_show():
    role = RoleFactory()
    profile = candidate(role, display_name="Grace Hopper", identity="name")
    assert only_row(role)["name"] == profile.shown_identity.name


def test_empty_text_stays_empty():
    role = RoleFactory()
    candidate(role, headline="", location="")
    row = only_row(role)
    assert (row["headline"], row["location"], row["must-haves missing"]) == ("", "", "")


def test_awkward_text_comes_back_exactly_as_written():
    role = RoleFactory(title='Lead "lakehouse", NL')
    awkward = 'say "hi", then go;\ntwo lines\r\nünïcødé · ✓ '
    candidate(role, display_name=" Ada", headline=awkward, location=awkward, missing=[awkward])
    row = only_row(role)
    assert (row["headline"], row["location"], row["role"], row["must-haves missing"]) == (
        awkward,
        awkward,
        'Lead "lakehouse", NL',
        awkward,
    )


def payload_of(prefix: str) -> str:
    return f'{prefix}HYPERLINK("http://evil.example")'


def formula_candidate(prefix: str, *, name_from: str):
    """A candidate whose every text cell starts with ``prefix``; the name they chose, or the email (never shown)."""
    payload = payload_of(prefix)
    role = RoleFactory(title=payload)
    names = (
        {"display_name": payload, "identity": "name"}
        if name_from == "display_name"
        else {"email": f"{payload}@example.com"}
    )
    candidate(role, headline=payload, location=payload, missing=[payload, "Data skew"], **names)
    return role


@pytest.mark.parametrize("name_from", ["display_name", "email"])
@pytest.mark.parametrize("prefix", FORMULA_PREFIXES, ids=repr)
def test_no_text_cell_starts_with_a_formula_character(prefix, name_from):
    row = only_row(formula_candidate(prefix, name_from=name_from))
    assert [column for column in TEXT_COLUMNS if row[column].startswith(FORMULA_PREFIXES)] == []


@pytest.mark.parametrize("prefix", FORMULA_PREFIXES, ids=repr)
def test_a_quoted_cell_keeps_its_whole_text_after_the_quote(prefix):
    row = only_row(formula_candidate(prefix, name_from="display_name"))
    payload = payload_of(prefix)
    assert [row[column] for column in TEXT_COLUMNS] == [
        f"'{payload}",
        f"'{payload}",
        f"'{payload}",
        f"'{payload}",
        f"'{payload}; Data skew",
    ]


@pytest.mark.parametrize("text", HARMLESS_TEXTS)
def test_text_that_only_contains_formula_characters_is_left_alone(text):
    role = RoleFactory(title=text)
    candidate(role, display_name=text, identity="name", headline=text, location=text, missing=[text])
    row = only_row(role)
    assert [row[column] for column in TEXT_COLUMNS] == [text] * len(TEXT_COLUMNS)


def test_rows_follow_the_filters_and_the_ranking():
    role = RoleFactory()
    for score in (30, 90, 60):
        candidate(role, score=score, headline=f"scored {score}")
    assert [row[1] for row in exported(role, min_score=50)[1:]] == ["scored 90", "scored 60"]


def test_rows_follow_the_chosen_sort():
    role = RoleFactory()
    candidate(role, score=90, headline="few years", years_experience=2)
    candidate(role, score=10, headline="many years", years_experience=20)
    assert [row[1] for row in exported(role, sort="experience")[1:]] == ["many years", "few years"]


def test_private_profiles_are_never_exported():
    role = RoleFactory()
    candidate(role, headline="shown")
    RoleMatchFactory(role=role, profile=EngineerProfileFactory(visibility=PRIVATE, headline="private"))
    assert [row[1] for row in exported(role)[1:]] == ["shown"]


@pytest.mark.parametrize(
    ("visibility", "copy"), [(PRIVATE, True), (VISIBLE, False)], ids=["private-copy-visible", "visible-copy-private"]
)
def test_a_wrong_visibility_copy_never_exports_the_profile(visibility, copy):
    role = RoleFactory()
    profile = EngineerProfileFactory(visibility=visibility, headline="wrong copy")
    RoleMatchFactory(profile=profile, role=role, profile_visible=copy)
    assert exported(role) == [list(EXPORT_HEADER)]


def test_a_second_export_reads_the_data_afresh():
    role = RoleFactory()
    profile = candidate(role, headline="before")
    assert exported(role)[1][1] == "before"
    EngineerProfile.objects.filter(pk=profile.pk).update(headline="after")
    RoleMatch.objects.filter(profile=profile).update(score=99)
    assert exported(role)[1][1::4] == ["after", "99"]


def role_with_candidates(count: int):
    role = RoleFactory()
    for score in range(count):
        candidate(role, score=score, headline=f"two\nlines {score}")
    return role


def test_rows_fetched_a_few_at_a_time_hold_every_row_once(monkeypatch):
    monkeypatch.setattr(export_rows, "ROWS_PER_FETCH", 2)
    rows = exported(role_with_candidates(12))
    assert [row[5] for row in rows[1:]] == [str(score) for score in range(11, -1, -1)]


def test_an_export_left_half_read_leaves_the_connection_usable(monkeypatch):
    """A job that stops mid-list must not leave the database connection stuck."""
    monkeypatch.setattr(export_rows, "ROWS_PER_FETCH", 2)
    role = role_with_candidates(20)
    chosen = CandidateFilter(QueryDict(urlencode({"role": role.slug})))
    rows = candidate_rows(ranking=chosen.qs, role=role, profile_url=profile_url, language="en")
    next(rows), next(rows)
    rows.close()
    assert EngineerProfile.objects.count() == 20


EXPORT_QUERIES = 4  # the default role, the chosen role, the item names in the export's language, the rows


@pytest.mark.parametrize("count", [1, 30])
def test_an_export_takes_the_same_few_queries_however_many_rows(count, django_assert_max_num_queries):
    role = role_with_candidates(count)
    with django_assert_max_num_queries(EXPORT_QUERIES):
        rows = exported(role)
    assert len(rows) == count + 1
