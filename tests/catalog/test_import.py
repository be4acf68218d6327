import csv
import io
import json
from html import unescape

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from catalog.models import Keyword, Tool
from catalog.resources import ToolResource
from portal.guards.spreadsheets import FORMULA_PREFIXES
from tests.factories import CategoryFactory, EditorFactory, ToolFactory, UserFactory
from tests.spreadsheet_cases import FORMULA_PAYLOADS, HARMLESS_TEXTS, HIDDEN_FORMULA

pytestmark = pytest.mark.django_db

HEADERS = (
    "slug",
    "name",
    "category",
    "tool_type",
    "summary",
    "used_for",
    "keywords",
    "related_tools",
    "summary_nl",
    "used_for_nl",
)
DUTCH_TEXTS = ("Opschonen.", "Controles.")  # a published tool's Dutch texts: its summary and what it is for
IMPORT_URL = "/admin/catalog/tool/import/"
CSV_FORMAT = "0"  # ToolAdmin.import_formats = (CSV, JSON)
JSON_FORMAT = "1"


@pytest.fixture
def libraries():
    return CategoryFactory(slug="libraries", name="Libraries")


def good_rows():
    rows = [
        ("pandas", "Pandas", "libraries", "library", "Cleaning.", "Checks.", "data cleaning|EDA", "numpy"),
        ("numpy", "NumPy", "libraries", "library", "Arrays.", "Speed.", "performance", ""),
    ]
    return [(*row, *DUTCH_TEXTS) for row in rows]


def as_csv(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return out.getvalue()


def dataset(rows) -> tablib.Dataset:
    return tablib.Dataset(*rows, headers=HEADERS)


# --- through the resource ------------------------------------------------------------------------------------


def test_good_file_creates_tools_keywords_and_forward_relations(libraries):
    result = ToolResource().import_data(dataset(good_rows()))
    assert not result.has_errors()
    assert not result.has_validation_errors()
    pandas = Tool.objects.get(slug="pandas")
    assert pandas.category == libraries
    assert set(pandas.keywords.values_list("name", flat=True)) == {"data cleaning", "EDA"}
    # "numpy" is defined on a later row, yet the relation is made (and is symmetrical).
    assert list(pandas.related_tools.values_list("slug", flat=True)) == ["numpy"]
    assert list(Tool.objects.get(slug="numpy").related_tools.values_list("slug", flat=True)) == ["pandas"]


def test_import_updates_existing_tool_by_slug(libraries):
    ToolFactory(slug="pandas", name="Old name", category=libraries, published=False)
    ToolResource().import_data(dataset(good_rows()))
    assert Tool.objects.get(slug="pandas").name == "Pandas"
    assert Tool.objects.count() == 2


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (("dbt", "dbt", "libraries", "spaceship", "SQL.", "Models.", "", "", *DUTCH_TEXTS), "spaceship"),
        (("dbt", "dbt", "no-such-category", "library", "SQL.", "Models.", "", "", *DUTCH_TEXTS), "no-such-category"),
        (("dbt", "dbt", "libraries", "library", "", "Models.", "", "", *DUTCH_TEXTS), "summary"),
        (("dbt", "dbt", "libraries", "library", "SQL.", "Models.", "", "cobol", *DUTCH_TEXTS), "cobol"),
        (("compare", "Compare", "libraries", "library", "SQL.", "Models.", "", "", *DUTCH_TEXTS), "reserved"),
    ],
)
def test_bad_row_is_reported_with_its_row_number_and_nothing_is_imported(libraries, bad_row, message):
    existing = ToolFactory(slug="pandas", name="Old name", category=libraries, published=False)
    rows = [*good_rows(), bad_row]
    result = ToolResource().import_data(dataset(rows))
    assert result.has_validation_errors()
    (invalid,) = result.invalid_rows
    assert invalid.number == 3
    assert message in str(invalid.error_dict)
    existing.refresh_from_db()
    assert existing.name == "Old name"
    assert not Tool.objects.filter(slug="numpy").exists()
    assert not Keyword.objects.exists()


@pytest.mark.parametrize(
    ("related", "language", "message"),
    [
        ("cobol", "en", "Unknown related tool: cobol."),
        ("cobol|fortran", "en", "Unknown related tools: cobol, fortran."),
        ("cobol", "nl", "Onbekende verwante tool: cobol."),
        ("cobol|fortran", "nl", "Onbekende verwante tools: cobol, fortran."),
    ],
)
def test_unknown_related_tools_are_named_in_one_or_many_in_the_editors_language(libraries, related, language, message):
    with translation.override(language):
        result = ToolResource().import_data(
            dataset([("dbt", "dbt", "libraries", "library", "SQL.", "Models.", "", related, *DUTCH_TEXTS)])
        )
    (invalid,) = result.invalid_rows
    assert message in str(invalid.error_dict)


def test_export_round_trips_through_import(libraries):
    ToolResource().import_data(dataset(good_rows()))
    exported = ToolResource().export()
    assert "data cleaning|EDA" in exported.csv or "EDA|data cleaning" in exported.csv
    Tool.objects.all().delete()
    result = ToolResource().import_data(tablib.Dataset().load(exported.json, format="json"))
    assert not result.has_validation_errors()
    assert set(Tool.objects.values_list("slug", flat=True)) == {"pandas", "numpy"}
    assert Tool.objects.get(slug="numpy").related_tools.get().slug == "pandas"


# --- through the admin ---------------------------------------------------------------------------------------


def upload(client, content: str, name: str = "tools.csv", file_format: str = CSV_FORMAT):
    return client.post(
        IMPORT_URL,
        {
            "resource": "0",
            "format": file_format,
            "import_file": SimpleUploadedFile(name, content.encode(), content_type="text/csv"),
        },
    )


def test_editor_imports_a_good_csv_after_confirming(client, libraries):
    editor = EditorFactory()
    client.force_login(editor)
    preview = upload(client, as_csv(good_rows()))
    assert preview.status_code == 200
    assert not Tool.objects.exists()  # the first step is a dry run
    confirm = preview.context["confirm_form"]
    response = client.post("/admin/catalog/tool/process_import/", confirm.initial)
    assert response.status_code == 302
    assert set(Tool.objects.values_list("slug", flat=True)) == {"pandas", "numpy"}
    assert Tool.objects.get(slug="pandas").history.latest().history_user == editor


def test_editor_imports_json(client, libraries):
    client.force_login(EditorFactory())
    rows = [dict(zip(HEADERS, row, strict=True)) for row in good_rows()]
    preview = upload(client, json.dumps(rows), name="tools.json", file_format=JSON_FORMAT)
    response = client.post("/admin/catalog/tool/process_import/", preview.context["confirm_form"].initial)
    assert response.status_code == 302
    assert Tool.objects.count() == 2


def test_admin_shows_bad_row_with_its_number_and_offers_no_confirm(client, libraries):
    client.force_login(EditorFactory())
    rows = [*good_rows(), ("dbt", "dbt", "libraries", "spaceship", "SQL.", "Models.", "", "", *DUTCH_TEXTS)]
    response = upload(client, as_csv(rows))
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    result = response.context["result"]
    assert [row.number for row in result.invalid_rows] == [3]
    assert "spaceship" in response.content.decode()
    assert not Tool.objects.exists()


def test_a_published_row_without_its_dutch_texts_is_refused_naming_the_columns_and_nothing_is_imported(
    client, libraries
):
    """A tool is published only with its Dutch texts, imported as on its page: the file says which to fill in."""
    client.force_login(EditorFactory())
    english_only = ("dbt", "dbt", "libraries", "library", "SQL models.", "Transformations.", "", "", "", "")
    response = upload(client, as_csv([*good_rows(), english_only]))
    assert response.context.get("confirm_form") is None
    assert [row.number for row in response.context["result"].invalid_rows] == [3]
    assert "fill in summary_nl, used_for_nl, or set published to 0" in response.content.decode()
    assert not Tool.objects.exists()


def test_a_live_tool_is_not_left_without_its_dutch_text_by_an_import(libraries):
    tool = ToolFactory(slug="dbt", category=libraries, summary_nl="SQL-modellen.", used_for_nl="Transformaties.")
    tool.typical_uses_nl, tool.strengths_nl, tool.pitfalls_nl = "modellen", "snel", "valkuil"
    tool.save()
    headers = ("slug", "name", "category", "tool_type", "summary_en", "summary_nl")
    result = ToolResource().import_data(
        tablib.Dataset(("dbt", "dbt", "libraries", "library", "SQL models.", ""), headers=headers)
    )
    (invalid,) = result.invalid_rows
    assert "summary_nl" in invalid.error_dict
    tool.refresh_from_db()
    assert (tool.summary_nl, tool.published) == ("SQL-modellen.", True)


def test_a_row_marked_unpublished_imports_without_its_dutch_texts_as_a_draft(client, libraries):
    client.force_login(EditorFactory())
    content = "slug,name,category,tool_type,summary,used_for,published\ndbt,dbt,libraries,library,SQL.,Models.,0\n"
    confirm = upload(client, content).context["confirm_form"]
    assert client.post("/admin/catalog/tool/process_import/", confirm.initial).status_code == 302
    assert Tool.objects.get(slug="dbt").published is False


def test_a_file_over_the_upload_limit_is_refused_with_a_clear_error_and_nothing_is_imported(
    client, libraries, settings
):
    client.force_login(EditorFactory())
    padding = "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    rows = [(*row[:4], padding, *row[5:]) for row in good_rows()]
    response = upload(client, as_csv(rows))
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert "The file is larger than 2.5\xa0MB" in response.content.decode()
    assert not Tool.objects.exists()


DRAFT_CSV = "slug,name,category,tool_type,summary,used_for,published\ndbt,dbt café,libraries,library,SQL.,Models.,0\n"
NOT_UTF8 = {
    "latin-1 csv": DRAFT_CSV.encode("latin-1"),
    "picture": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "nul bytes": b"slug,name\n\x00\x00\x00,dbt\n",
}


@pytest.mark.parametrize("content", NOT_UTF8.values(), ids=NOT_UTF8.keys())
@pytest.mark.parametrize("file_format", [CSV_FORMAT, JSON_FORMAT])
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The file is not UTF-8 text. Save it as UTF-8 (a spreadsheet calls it “CSV UTF-8”) and try again."),
        ("nl", "Het bestand is geen UTF-8-tekst. Sla het op als UTF-8 (in een spreadsheet heet dat ‘CSV UTF-8’) en "
         "probeer het opnieuw."),
    ],
)  # fmt: skip
def test_a_file_that_is_not_utf8_text_is_refused_in_the_editors_words_and_nothing_is_imported(
    client, libraries, content, file_format, language, message
):
    """A Latin-1 export or a binary file: the form comes back with what to do, not a Python exception's name."""
    existing = ToolFactory(slug="dbt", name="dbt", category=libraries)
    client.force_login(EditorFactory())
    response = client.post(
        IMPORT_URL,
        {"resource": "0", "format": file_format, "import_file": SimpleUploadedFile("tools.csv", content)},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None and response.context.get("result") is None
    html = unescape(response.content.decode())
    assert message in html
    assert "DecodeError" not in html and "encountered" not in html
    assert 'name="import_file"' in html  # the form again, to choose another file
    assert list(Tool.objects.values_list("slug", "name")) == [(existing.slug, existing.name)]


def test_a_utf8_file_with_the_byte_order_mark_a_spreadsheet_writes_imports(client, libraries):
    client.force_login(EditorFactory())
    response = client.post(
        IMPORT_URL,
        {
            "resource": "0",
            "format": CSV_FORMAT,
            "import_file": SimpleUploadedFile("t.csv", DRAFT_CSV.encode("utf-8-sig")),
        },
    )
    assert (
        client.post("/admin/catalog/tool/process_import/", response.context["confirm_form"].initial).status_code == 302
    )
    assert Tool.objects.get(slug="dbt").name == "dbt café"


WRONG_FORMAT = {
    "csv chosen as json": (DRAFT_CSV, JSON_FORMAT),
    "json chosen as csv": (json.dumps([{"slug": "dbt", "name": "dbt"}]), CSV_FORMAT),
    "indented json chosen as csv": (json.dumps([{"slug": "dbt", "name": "dbt"}], indent=2), CSV_FORMAT),
}
WRONG_FORMAT_MESSAGES = {
    ("en", JSON_FORMAT): "The file is not valid JSON: choose the format it is in (CSV or JSON) and try again.",
    ("nl", JSON_FORMAT): "Het bestand is geen geldige JSON: kies het formaat waarin het is opgeslagen (CSV of JSON) "
    "en probeer het opnieuw.",
    ("en", CSV_FORMAT): "The file is JSON, not CSV: choose JSON as the format and try again.",
    ("nl", CSV_FORMAT): "Het bestand is JSON, geen CSV: kies JSON als formaat en probeer het opnieuw.",
}


@pytest.mark.parametrize(("content", "file_format"), WRONG_FORMAT.values(), ids=WRONG_FORMAT.keys())
@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(
    "import_url", [IMPORT_URL, "/admin/catalog/toolphrase/import/", "/admin/skills/itemphrase/import/"]
)
def test_a_file_in_another_format_than_chosen_is_refused_in_the_editors_words_and_nothing_is_imported(
    client, libraries, content, file_format, language, import_url
):
    """Tools, tool phrases and item phrases share the form: each says which format to choose, not 'JSONDecodeError'."""
    existing = ToolFactory(slug="dbt", name="dbt", category=libraries)
    client.force_login(EditorFactory())
    response = client.post(
        import_url,
        {"resource": "0", "format": file_format, "import_file": SimpleUploadedFile("tools.txt", content.encode())},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None and response.context.get("result") is None
    html = unescape(response.content.decode())
    assert WRONG_FORMAT_MESSAGES[language, file_format] in html
    assert "DecodeError" not in html and "encountered" not in html and "No valid data" not in html
    assert 'name="import_file"' in html
    assert list(Tool.objects.values_list("slug", "name")) == [(existing.slug, existing.name)]


def test_engineer_cannot_reach_the_import_page(client):
    client.force_login(UserFactory())
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# --- admin export ---------------------------------------------------------------------------------------------

EXPORT_URL = "/admin/catalog/tool/export/"


XLSX_FORMAT = "2"  # ToolAdmin.export_formats = (CSV, JSON, XLSX)


def admin_export(client, file_format: str) -> bytes:
    """Every column of every tool in ``file_format``, as the export page's form sends it by default."""
    form = client.get(EXPORT_URL).context["form"]
    data = {name: "on" for name, field in form.fields.items() if getattr(field, "is_selectable_field", False)}
    response = client.post(EXPORT_URL, {**data, "resource": "0", "format": file_format})
    assert response.status_code == 200
    return response.content


def admin_export_csv(client) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(admin_export(client, CSV_FORMAT).decode())))


def admin_export_xlsx(client) -> list[dict]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(admin_export(client, XLSX_FORMAT)), read_only=True).active
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_the_shared_cases_start_with_every_formula_sign():
    assert {payload[0] for payload in FORMULA_PAYLOADS} == set(FORMULA_PREFIXES)


@pytest.mark.parametrize("payload", FORMULA_PAYLOADS)
def test_admin_csv_export_quotes_every_text_a_spreadsheet_would_run(client, payload):
    ToolFactory(name=payload, summary_en=payload, pitfalls_nl=payload)
    client.force_login(EditorFactory())
    (row,) = admin_export_csv(client)
    assert (row["name"], row["summary_en"], row["pitfalls_nl"]) == ("'" + payload,) * 3


def test_admin_csv_export_leaves_formula_signs_inside_a_text_alone(client):
    spark, den_haag, lead = HARMLESS_TEXTS
    ToolFactory(name=spark, summary_en=den_haag, pitfalls_nl=lead)
    client.force_login(EditorFactory())
    (row,) = admin_export_csv(client)
    assert (row["name"], row["summary_en"], row["pitfalls_nl"]) == HARMLESS_TEXTS


def test_an_exported_csv_imports_back_to_the_same_texts(client):
    tool = ToolFactory(summary_en="=1+1", pitfalls_nl="-2+3", published=False)  # no Dutch texts: a draft
    client.force_login(EditorFactory())
    rows = admin_export_csv(client)
    Tool.objects.update(summary_en="changed", pitfalls_nl="changed")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    preview = upload(client, out.getvalue())
    client.post("/admin/catalog/tool/process_import/", preview.context["confirm_form"].initial)
    tool.refresh_from_db()
    assert (tool.summary_en, tool.pitfalls_nl) == ("=1+1", "-2+3")


@pytest.mark.parametrize("payload", FORMULA_PAYLOADS[:4])
def test_admin_xlsx_export_quotes_every_text_a_spreadsheet_would_run(client, payload):
    ToolFactory(name=payload, summary_en=payload)
    client.force_login(EditorFactory())
    (cells,) = admin_export_xlsx(client)
    assert (cells["name"], cells["summary_en"]) == ("'" + payload,) * 2


def test_admin_xlsx_export_drops_a_control_character_that_hides_a_formula(client):
    ToolFactory(name=HIDDEN_FORMULA)
    client.force_login(EditorFactory())
    (cells,) = admin_export_xlsx(client)
    assert cells["name"] == "'" + HIDDEN_FORMULA[1:]


@pytest.mark.parametrize(("url", "button"), [(IMPORT_URL, "Indienen"), (EXPORT_URL, "Exporteren")])
def test_the_dutch_import_and_export_pages_name_their_own_button(client, url, button):
    """The export page's "Submit" reads "Exporteren"; the import page's, the library's word, not that one."""
    client.force_login(EditorFactory())
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert '<html lang="nl"' in page
    assert f'<input type="submit" class="default" value="{button}">' in page
