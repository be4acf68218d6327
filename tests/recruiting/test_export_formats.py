"""The export as the recruiter asks for it: XLSX, or CSV in their language that their spreadsheet opens as is."""

import csv
import io

import pytest
from django.core.files.storage import storages
from django.urls import reverse
from openpyxl import load_workbook

from recruiting.models import CandidateExport
from skills.models import EngineerProfile
from tests.clients import DUTCH, ENGLISH
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    UserFactory,
)
from tests.spreadsheet_cases import FORMULA_PAYLOADS, HIDDEN_FORMULA

pytestmark = pytest.mark.django_db

EXPORT_URL = reverse("recruiting:candidate-export")


@pytest.fixture
def role():
    role = RoleFactory(
        title_en="Senior Data Engineer — lakehouse", title_nl="Senior data-engineer — lakehouse", order=1
    )
    scalable = ChecklistItemFactory(name_en="Scalable pipelines", name_nl="Schaalbare pipelines")
    awkward = ['Den Haag; "centrum"', "twee\nregels", "é — ✓", *FORMULA_PAYLOADS[:4]]
    for number, text in enumerate(awkward):
        item = ChecklistItemFactory(name_en=text, name_nl=text)
        profile = EngineerProfileFactory(
            user=UserFactory(password=None),
            visibility=EngineerProfile.Visibility.RECRUITERS,
            headline=text,
            location=f"Utrecht {number}",
            years_experience=number,
        )
        RoleMatchFactory(profile=profile, role=role, score=90 - number, missing_must_have_ids=[scalable.pk, item.pk])
    return role


@pytest.fixture
def recruiter_client(client):
    client.force_login(RecruiterFactory())
    return client


def export_file(client, role, *, file_format: str, language: dict) -> tuple[CandidateExport, bytes]:
    """Ask for the export through the page (the job runs at once in tests) and download it."""
    response = client.post(f"{EXPORT_URL}?role={role.slug}", {"file_format": file_format}, **language)
    assert response.status_code == 303
    export = CandidateExport.objects.latest("pk")
    response = client.get(reverse("recruiting:export-download", kwargs={"pk": export.pk}), **language)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'.{file_format}"')
    return export, b"".join(response.streaming_content)


def xlsx_rows(content: bytes) -> list[list[str]]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]


def test_a_dutch_csv_reads_back_as_the_same_rows_and_columns_as_the_xlsx(recruiter_client, role):
    _export, dutch = export_file(recruiter_client, role, file_format="csv", language=DUTCH)
    _export, xlsx = export_file(recruiter_client, role, file_format="xlsx", language=DUTCH)
    assert dutch.startswith(b"\xef\xbb\xbf")  # the byte-order mark Dutch Excel needs for UTF-8
    csv_rows = list(csv.reader(io.StringIO(dutch.decode("utf-8").removeprefix("\ufeff")), "excel", delimiter=";"))
    assert len(csv_rows) == 8
    assert len({len(row) for row in csv_rows}) == 1
    (csv_header, *csv_data), (xlsx_header, *xlsx_data) = csv_rows, xlsx_rows(xlsx)
    assert csv_data == xlsx_data
    assert [name.lower() for name in xlsx_header] == csv_header  # the same names, the workbook's capitalised


@pytest.mark.parametrize(
    ("language", "sheet", "headings"),
    [
        (ENGLISH, "Candidates", ["Name", "Headline", "Location", "Years of experience", "Profile URL"]),
        (DUTCH, "Kandidaten", ["Naam", "Kopregel", "Locatie", "Jaren ervaring", "Profiellink"]),
    ],
)
def test_the_xlsx_has_a_named_worksheet_and_headings_with_a_capital(recruiter_client, role, language, sheet, headings):
    _export, content = export_file(recruiter_client, role, file_format="xlsx", language=language)
    assert load_workbook(io.BytesIO(content), read_only=True).sheetnames == [sheet]
    header = xlsx_rows(content)[0]
    assert header[:4] + header[7:8] == headings


def test_a_dutch_export_has_dutch_headers_and_dutch_item_and_role_names(recruiter_client, role):
    export, content = export_file(recruiter_client, role, file_format="csv", language=DUTCH)
    assert export.language == "nl"
    header, first, *_rest = csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
    assert header[:4] == ["naam", "kopregel", "locatie", "jaren ervaring"]
    assert first[4] == "Senior data-engineer — lakehouse"
    assert first[6].startswith("Schaalbare pipelines; ")


def test_an_english_csv_uses_commas_no_byte_order_mark_and_english_names(recruiter_client, role):
    export, content = export_file(recruiter_client, role, file_format="csv", language=ENGLISH)
    assert export.language == "en"
    assert not content.startswith(b"\xef\xbb\xbf")
    header, first, *_rest = csv.reader(io.StringIO(content.decode()))
    assert header[0] == "name"
    assert (first[4], first[6].split("; ")[0]) == ("Senior Data Engineer — lakehouse", "Scalable pipelines")


def test_the_language_is_the_one_of_the_request_not_of_the_download(recruiter_client, role):
    recruiter_client.post(f"{EXPORT_URL}?role={role.slug}", {"file_format": "csv"}, **DUTCH)
    export = CandidateExport.objects.latest("pk")
    content = recruiter_client.get(reverse("recruiting:export-download", kwargs={"pk": export.pk}), **ENGLISH)
    assert b"".join(content.streaming_content).decode("utf-8-sig").startswith("naam;")


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_no_cell_starts_a_formula_in_either_format(recruiter_client, role, file_format):
    _export, content = export_file(recruiter_client, role, file_format=file_format, language=DUTCH)
    rows = (
        xlsx_rows(content)
        if file_format == "xlsx"
        else list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    )
    starts = tuple(payload[0] for payload in FORMULA_PAYLOADS)
    assert [cell for row in rows for cell in row if cell.startswith(starts)] == []
    assert any(cell == f"'{FORMULA_PAYLOADS[0]}" for row in rows for cell in row)


def test_the_xlsx_is_stored_as_a_real_workbook(recruiter_client, role):
    export, content = export_file(recruiter_client, role, file_format="xlsx", language=ENGLISH)
    assert content.startswith(b"PK")  # a zip: the XLSX container
    assert export.file_name.endswith(".xlsx")
    assert storages["exports"].exists(export.file_name)


def test_an_unknown_file_format_changes_nothing_and_says_why(recruiter_client, role):
    response = recruiter_client.post(f"{EXPORT_URL}?role={role.slug}", {"file_format": "pdf"}, follow=True)
    assert response.status_code == 200
    assert CandidateExport.objects.count() == 0
    assert "Choose XLSX or CSV." in response.content.decode()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_control_character_cannot_hide_a_formula_from_the_quoting(recruiter_client, role, file_format):
    profile = EngineerProfileFactory(
        user=UserFactory(password=None), visibility=EngineerProfile.Visibility.RECRUITERS, headline=HIDDEN_FORMULA
    )
    RoleMatchFactory(profile=profile, role=role, score=99)
    _export, content = export_file(recruiter_client, role, file_format=file_format, language=DUTCH)
    rows = (
        xlsx_rows(content)
        if file_format == "xlsx"
        else list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    )
    assert rows[1][1] == "'" + HIDDEN_FORMULA[1:], "the top candidate's headline, without \\x01 and quoted"


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize(("language", "stem"), [(DUTCH, "kandidaten"), (ENGLISH, "candidates")])
def test_the_file_is_named_in_the_language_it_is_written_in(recruiter_client, role, file_format, language, stem):
    export, _content = export_file(recruiter_client, role, file_format=file_format, language=language)
    response = recruiter_client.get(reverse("recruiting:export-download", kwargs={"pk": export.pk}), **ENGLISH)
    assert response["Content-Disposition"].startswith(f'attachment; filename="{stem}-{role.slug}-')
    assert response["Content-Disposition"].endswith(f'.{file_format}"')
