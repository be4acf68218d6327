"""Catalog texts in English and Dutch: pages follow the browser, a missing text falls back to the other language."""

import io

import pytest
import tablib
from django.utils import translation

from catalog.demo import load_catalog_demo
from catalog.models import Category, ChooserOption, ChooserRecommendation, FaqEntry, Keyword, Tool
from catalog.resources import ToolResource
from catalog.services import get_or_create_keywords
from catalog.translation import TOOL_TEXTS
from tests.clients import DUTCH, ENGLISH
from tests.factories import CategoryFactory, FaqEntryFactory, KeywordFactory, ToolFactory

pytestmark = pytest.mark.django_db


def bilingual_tool(**kwargs) -> Tool:
    return ToolFactory(
        summary_en="Cleans tables before they reach the warehouse.",
        summary_nl="Schoont tabellen op voordat ze het warehouse bereiken.",
        used_for_en="Checking pipeline output.",
        used_for_nl="Pipeline-output controleren.",
        strengths_en="quick to write",
        strengths_nl="snel geschreven",
        typical_uses_nl="eerste gebruik\ntweede gebruik",  # the factory's English ones, as a published tool needs
        pitfalls_nl="makkelijk verkeerd gebruikt",
        **kwargs,
    )


def original_column(model, pk: int, field: str) -> str:
    """The value in the untranslated column itself, bypassing modeltranslation's rewriting."""
    return model.objects.rewrite(False).filter(pk=pk).values_list(field, flat=True).get()


def test_tool_page_shows_dutch_texts_to_a_dutch_browser_and_english_to_an_english_one(client):
    tool = bilingual_tool()
    dutch = client.get(tool.get_absolute_url(), **DUTCH).content.decode()
    english = client.get(tool.get_absolute_url(), **ENGLISH).content.decode()
    assert "Schoont tabellen op" in dutch
    assert "snel geschreven" in dutch
    assert "Cleans tables" not in dutch
    assert "Cleans tables" in english
    assert "quick to write" in english
    assert "Schoont tabellen op" not in english


def test_tool_without_dutch_texts_shows_the_english_ones_on_the_dutch_page(client):
    tool = ToolFactory(summary="Only written in English.", used_for="Still only English.")
    assert tool.summary_nl in (None, "")
    page = client.get(tool.get_absolute_url(), **DUTCH).content.decode()
    assert "Only written in English." in page
    assert "Still only English." in page


def test_text_written_only_in_dutch_shows_on_the_english_page(client):
    entry = FaqEntryFactory(question_en="Which tool first?", answer_en="", answer_nl="Begin met SQL en Python.")
    page = client.get("/catalog/faq/", **ENGLISH).content.decode()
    assert entry.question_en in page
    assert "Begin met SQL en Python." in page


def test_catalog_list_names_categories_in_the_browsers_language(client):
    category = CategoryFactory(name_en="Libraries", name_nl="Bibliotheken")
    bilingual_tool(category=category)
    assert "Bibliotheken" in client.get("/catalog/", **DUTCH).content.decode()
    assert "Bibliotheken" not in client.get("/catalog/", **ENGLISH).content.decode()


@pytest.mark.parametrize("headers", [DUTCH, ENGLISH])
@pytest.mark.parametrize("word", ["tabellen", "cleans", "controleren", "pipeline output"])
def test_search_finds_words_of_either_language_whatever_the_page_language(client, headers, word):
    tool = bilingual_tool()
    ToolFactory()
    page = client.get("/catalog/", {"q": word}, **headers).content.decode()
    assert tool.get_absolute_url() in page
    assert page.count('href="/catalog/tool-') == 1


def test_search_finds_a_dutch_vacancy_keyword(client):
    tool = ToolFactory()
    tool.keywords.add(KeywordFactory(name_en="data quality", name_nl="datakwaliteit"))
    ToolFactory()
    body = client.get("/api/tools", {"q": "datakwaliteit"}, **ENGLISH).json()
    assert [item["slug"] for item in body["items"]] == [tool.slug]


def test_api_answers_in_the_language_asked_for(client):
    tool = bilingual_tool()
    assert client.get(f"/api/tools/{tool.slug}", **DUTCH).json()["summary"] == tool.summary_nl
    assert client.get(f"/api/tools/{tool.slug}", **ENGLISH).json()["summary"] == tool.summary_en


def test_admin_change_form_shows_english_and_dutch_fields_side_by_side(editor_client):
    tool = bilingual_tool()
    html = editor_client.get(f"/admin/catalog/tool/{tool.pk}/change/").content.decode()
    for field in TOOL_TEXTS:
        assert f'name="{field}_en"' in html
        assert f'name="{field}_nl"' in html
        assert f'name="{field}"' not in html
    assert 'name="name"' in html  # a tool's name is the same in both languages
    assert 'name="name_nl"' not in html


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        ("category", ("name", "description")),
        ("keyword", ("name",)),
        ("faqentry", ("question", "answer")),
        ("chooseroption", ("question", "explanation")),
    ],
)
def test_admin_add_forms_offer_both_languages(editor_client, model, fields):
    html = editor_client.get(f"/admin/catalog/{model}/add/").content.decode()
    for field in fields:
        assert f'name="{field}_en"' in html
        assert f'name="{field}_nl"' in html


def test_chooser_inline_edits_the_reason_in_both_languages(editor_client):
    html = editor_client.get("/admin/catalog/chooseroption/add/").content.decode()
    assert 'name="recommendations-0-reason_en"' in html
    assert 'name="recommendations-0-reason_nl"' in html


def test_editor_working_in_dutch_saves_both_texts_and_the_original_column_keeps_english(editor_client):
    tool = ToolFactory(name="Pandas", summary="Cleans data.", used_for="Checks.")
    data = {
        "name": "Pandas",
        "slug": tool.slug,
        "category": tool.category_id,
        "tool_type": tool.tool_type,
        "summary_en": "Cleans data.",
        "summary_nl": "Schoont data op.",
        "used_for_en": "Checks.",
        "used_for_nl": "Controles.",
        "order": 0,
        "published": "on",
        "phrases-TOTAL_FORMS": "0",  # the vacancy phrases inline
        "phrases-INITIAL_FORMS": "0",
    }
    response = editor_client.post(f"/admin/catalog/tool/{tool.pk}/change/", data, **DUTCH)
    assert response.status_code == 302
    tool.refresh_from_db()
    assert (tool.summary_en, tool.summary_nl) == ("Cleans data.", "Schoont data op.")
    assert original_column(Tool, tool.pk, "summary") == "Cleans data."
    assert tool.history.latest().summary_nl == "Schoont data op."


def test_english_text_is_required_and_dutch_is_optional_in_the_admin(editor_client):
    data = {"name_en": "", "name_nl": "Bibliotheken", "slug": "libraries", "kind": "library", "order": 0}
    response = editor_client.post("/admin/catalog/category/add/", data)
    assert response.status_code == 200
    assert "name_en" in response.context["adminform"].errors
    assert not Category.objects.exists()
    response = editor_client.post("/admin/catalog/category/add/", {**data, "name_en": "Libraries", "name_nl": ""})
    assert response.status_code == 302
    assert Category.objects.get().name_nl is None


def test_many_categories_may_lack_a_dutch_name_but_two_may_not_share_one(editor_client):
    for number in (1, 2):
        data = {"name_en": f"Kind {number}", "name_nl": "", "slug": f"kind-{number}", "kind": "library", "order": 0}
        assert editor_client.post("/admin/catalog/category/add/", data).status_code == 302
    CategoryFactory(name_en="Libraries", name_nl="Bibliotheken")
    data = {"name_en": "Packages", "name_nl": "Bibliotheken", "slug": "packages", "kind": "library", "order": 0}
    response = editor_client.post("/admin/catalog/category/add/", data)
    assert response.status_code == 200
    assert "name_nl" in response.context["adminform"].errors
    assert not Category.objects.filter(slug="packages").exists()


def test_admin_search_finds_a_category_by_its_dutch_name(editor_client):
    CategoryFactory(name_en="Libraries", name_nl="Bibliotheken")
    CategoryFactory(name_en="Orchestrators", name_nl="Orchestrators")
    html = editor_client.get("/admin/catalog/category/", {"q": "bibliotheken"}).content.decode()
    assert "Libraries" in html
    assert "Orchestrators" not in html


def test_keywords_by_name_match_either_language_and_new_ones_are_english():
    existing = KeywordFactory(name_en="data quality", name_nl="datakwaliteit", slug="data-quality")
    with translation.override("en"):
        assert get_or_create_keywords(names=["Datakwaliteit"]) == [existing]
    with translation.override("nl"):
        assert get_or_create_keywords(names=["data quality"]) == [existing]
        [created] = get_or_create_keywords(names=["lakehouse"])
    assert (created.name_en, created.name_nl) == ("lakehouse", None)
    assert Keyword.objects.count() == 2


def test_export_has_an_english_and_a_dutch_column_for_every_text():
    bilingual_tool()
    headers = ToolResource().export().headers
    for field in TOOL_TEXTS:
        assert f"{field}_en" in headers
        assert f"{field}_nl" in headers
        assert field not in headers


def test_export_and_import_round_trip_keeps_both_languages():
    tool = bilingual_tool(slug="pandas")
    exported = ToolResource().export()
    Tool.objects.filter(pk=tool.pk).update(summary_nl="overwritten")
    result = ToolResource().import_data(tablib.Dataset().load(io.StringIO(exported.csv), format="csv"))
    assert not result.has_errors()
    assert not result.has_validation_errors()
    tool.refresh_from_db()
    assert tool.summary_nl == "Schoont tabellen op voordat ze het warehouse bereiken."
    assert tool.summary_en == "Cleans tables before they reach the warehouse."


def test_file_without_language_suffix_imports_its_texts_as_english_and_keeps_the_dutch_ones():
    tool = bilingual_tool(slug="pandas")
    headers = ("slug", "name", "category", "tool_type", "summary", "used_for")
    row = ("pandas", "Pandas", tool.category.slug, "library", "New English summary.", "New use.")
    result = ToolResource().import_data(tablib.Dataset(row, headers=headers))
    assert not result.has_errors()
    assert not result.has_validation_errors()
    tool.refresh_from_db()
    assert (tool.summary_en, tool.used_for_en) == ("New English summary.", "New use.")
    assert tool.summary_nl == "Schoont tabellen op voordat ze het warehouse bereiken."


def test_demo_has_dutch_text_for_every_translated_field():
    load_catalog_demo()
    checks = (
        (Category, ("name", "description")),
        (Keyword, ("name",)),
        (Tool, TOOL_TEXTS),
        (ChooserOption, ("question", "explanation")),
        (ChooserRecommendation, ("reason",)),
        (FaqEntry, ("question", "answer")),
    )
    for model, fields in checks:
        assert model.objects.exists()
        for row in model.objects.all():
            for field in fields:
                assert getattr(row, f"{field}_nl"), f"{model.__name__} {row.pk}: {field}_nl is empty"
                assert getattr(row, f"{field}_en"), f"{model.__name__} {row.pk}: {field}_en is empty"


def test_demo_tool_texts_are_written_in_dutch_not_left_in_english():
    load_catalog_demo()
    for tool in Tool.objects.all():
        for field in ("summary", "used_for", "strengths", "pitfalls", "when_to_pick"):
            assert getattr(tool, f"{field}_nl") != getattr(tool, f"{field}_en"), f"{tool.slug}.{field}"


def test_demo_loaded_while_dutch_is_active_keeps_english_in_the_original_columns():
    with translation.override("nl"):
        load_catalog_demo()
    pandas = Tool.objects.get(slug="pandas")
    assert original_column(Tool, pandas.pk, "summary") == pandas.summary_en
    category = Category.objects.get(slug="libraries")
    assert original_column(Category, category.pk, "description") == category.description_en
