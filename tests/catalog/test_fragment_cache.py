"""The public catalog pages come from the fragment cache, and every kind of write shows on the next request."""

import re

import pytest
import tablib
from django.urls import reverse

from catalog.models import Category, Tool
from catalog.resources import ToolResource
from catalog.services import set_published
from portal.cache.fragments import csrf_marker
from tests.clients import DUTCH, ENGLISH
from tests.clients import PortalClient as Client
from tests.factories import (
    CategoryFactory,
    ChooserOptionFactory,
    ChooserRecommendationFactory,
    EditorFactory,
    FaqEntryFactory,
    KeywordFactory,
    SkillFactory,
    ToolFactory,
)

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def body(response) -> str:
    return response.content.decode()


def without_tokens(html: str) -> str:
    """The page with its CSRF tokens blanked: Django masks the token differently on every response."""
    return re.sub(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+', r"\1", html)


@pytest.fixture
def catalog():
    libraries = CategoryFactory(slug="libraries", name="Libraries")
    pandas = ToolFactory(slug="pandas", name="Pandas", category=libraries)
    numpy = ToolFactory(slug="numpy", name="NumPy", category=libraries)
    pandas.keywords.add(KeywordFactory(slug="cleaning", name="cleaning"))
    pandas.related_tools.add(numpy)
    option = ChooserOptionFactory(slug="analysis", question="I analyse data")
    ChooserRecommendationFactory(option=option, tool=pandas, reason="Tables in memory.")
    FaqEntryFactory(question="Which tool first?", answer="Pandas.")
    return {"pandas": pandas, "numpy": numpy, "libraries": libraries, "option": option}


PAGES = [
    "/catalog/",
    "/catalog/?q=pan&category=libraries&type=library&keyword=cleaning",
    "/catalog/pandas/",
    "/catalog/compare/?tools=pandas,numpy",
    "/catalog/compare/?tools=pandas",
    "/catalog/compare/",
    "/catalog/chooser/",
    "/catalog/chooser/?option=analysis",
    "/catalog/faq/",
]


# --- served from the cache ------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", PAGES)
def test_second_request_runs_no_query_and_shows_the_same_page(client, catalog, django_assert_num_queries, url):
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == first.status_code == 200
    assert without_tokens(body(second)) == without_tokens(body(first))


def test_each_filter_and_selection_has_its_own_fragment(client, catalog):
    ToolFactory(slug="airflow", name="Airflow", tool_type=Tool.ToolType.ORCHESTRATOR)
    assert "Airflow" not in body(client.get("/catalog/?type=library"))
    assert "Airflow" in body(client.get("/catalog/?type=orchestrator"))
    assert "<title>Compare Pandas vs NumPy" in body(client.get("/catalog/compare/?tools=pandas,numpy"))
    assert "<title>Compare NumPy vs Pandas" in body(client.get("/catalog/compare/?tools=numpy,pandas"))
    assert 'value="pandas" id="pick-pandas" checked>' in body(client.get("/catalog/compare/?tools=pandas"))
    assert 'value="numpy" id="pick-numpy" checked>' in body(client.get("/catalog/compare/?tools=numpy"))


def test_invalid_filters_keep_their_message_on_every_request(client, catalog):
    for _ in range(2):
        response = client.get("/catalog/?category=nope")
        assert response.status_code == 200
        assert "There is no category “nope” in the catalog." in body(response)
    for _ in range(2):
        response = client.get("/catalog/compare/?tools=pandas,cobol")
        assert response.status_code == 200
        assert "“cobol” is not a tool in the catalog." in body(response)


def test_dutch_and_english_pages_do_not_share_a_fragment(client):
    category = CategoryFactory(name_en="Libraries", name_nl="Bibliotheken")
    ToolFactory(slug="pandas", category=category, summary_en="Cleans tables.", summary_nl="Schoont tabellen op.")
    for url in ("/catalog/", "/catalog/pandas/"):
        english = body(client.get(url, **ENGLISH))
        dutch = body(client.get(url, **DUTCH))
        assert "Cleans tables." in english
        assert "Schoont tabellen op." not in english
        assert "Schoont tabellen op." in dutch
        assert "Cleans tables." not in dutch
    assert "Bibliotheken" in body(client.get("/catalog/", **DUTCH))
    assert "Bibliotheken" not in body(client.get("/catalog/", **ENGLISH))


def test_a_cached_page_gives_each_visitor_their_own_csrf_token(catalog):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_html = body(first.get("/catalog/"))
    second_html = body(second.get("/catalog/"))  # served from the cache the first visit filled
    assert csrf_marker() not in first_html + second_html
    first_token, second_token = TOKEN.search(first_html)[1], TOKEN.search(second_html)[1]
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    set_language = reverse("set_language")
    # Each visitor's token works with their own cookie, and not with the other visitor's.
    assert second.post(set_language, {"language": "nl", "csrfmiddlewaretoken": first_token}).status_code == 403
    assert second.post(set_language, {"language": "nl", "csrfmiddlewaretoken": second_token}).status_code == 302
    assert first.post(set_language, {"language": "nl", "csrfmiddlewaretoken": first_token}).status_code == 302


# --- writes show on the next request --------------------------------------------------------------------------


def test_editing_a_tool_shows_on_list_detail_and_compare(client, catalog):
    urls = ("/catalog/", "/catalog/pandas/", "/catalog/compare/?tools=pandas,numpy")
    for url in urls:
        assert "Pandas" in body(client.get(url))
    pandas = catalog["pandas"]
    pandas.name = "Pandas 3"
    pandas.save()
    for url in urls:
        assert "Pandas 3" in body(client.get(url))


def test_deleting_a_tool_removes_it_and_its_page(client, catalog):
    client.get("/catalog/")
    client.get("/catalog/numpy/")
    catalog["numpy"].delete()
    assert 'href="/catalog/numpy/"' not in body(client.get("/catalog/"))
    assert client.get("/catalog/numpy/").status_code == 404
    assert 'href="/catalog/numpy/"' not in body(client.get("/catalog/pandas/"))


def test_keyword_links_and_names_show_on_the_next_request(client, catalog):
    pandas = catalog["pandas"]
    lakehouse = KeywordFactory(slug="lakehouse", name="lakehouse")
    assert "lakehouse" not in body(client.get("/catalog/pandas/"))
    assert "lakehouse" not in body(client.get("/catalog/"))
    pandas.keywords.add(lakehouse)
    assert 'href="/catalog/?keyword=lakehouse"' in body(client.get("/catalog/pandas/"))
    assert 'href="/catalog/?keyword=lakehouse"' in body(client.get("/catalog/"))
    lakehouse.name = "data lakehouse"
    lakehouse.save()
    assert ">data lakehouse<" in body(client.get("/catalog/pandas/"))
    pandas.keywords.remove(lakehouse)
    assert "lakehouse" not in body(client.get("/catalog/pandas/"))


def test_related_tools_show_on_the_next_request(client, catalog):
    client.get("/catalog/pandas/")
    catalog["pandas"].related_tools.add(ToolFactory(slug="polars", name="Polars"))
    assert 'href="/catalog/polars/"' in body(client.get("/catalog/pandas/"))
    catalog["pandas"].related_tools.clear()
    assert 'href="/catalog/numpy/"' not in body(client.get("/catalog/pandas/"))


def test_skills_linked_or_renamed_show_on_the_tool_page(client, catalog):
    skill = SkillFactory(name="Data wrangling")
    assert "Data wrangling" not in body(client.get("/catalog/pandas/"))
    skill.tools.add(catalog["pandas"])
    assert '<a href="/skills/">Data wrangling</a>' in body(client.get("/catalog/pandas/"))
    skill.name = "Table wrangling"
    skill.save()
    assert '<a href="/skills/">Table wrangling</a>' in body(client.get("/catalog/pandas/"))


def test_bulk_publishing_shows_on_the_next_request(client, catalog):
    draft = ToolFactory(slug="draft", name="Draft tool", category=catalog["libraries"], published=False)
    assert "Draft tool" not in body(client.get("/catalog/"))
    assert client.get("/catalog/draft/").status_code == 404
    set_published(queryset=Tool.objects.filter(pk=draft.pk), published=True)
    assert "Draft tool" in body(client.get("/catalog/"))
    assert client.get("/catalog/draft/").status_code == 200


def test_hiding_a_category_in_bulk_hides_its_tool_pages(client, catalog):
    assert client.get("/catalog/pandas/").status_code == 200
    assert "Pandas" in body(client.get("/catalog/"))
    set_published(queryset=Category.objects.filter(pk=catalog["libraries"].pk), published=False)
    assert client.get("/catalog/pandas/").status_code == 404
    assert "Pandas" not in body(client.get("/catalog/"))
    assert "These are not tools in the catalog" in body(client.get("/catalog/compare/?tools=pandas,numpy"))


def test_admin_bulk_action_shows_to_the_public(client, catalog):
    client.get("/catalog/")
    editor = Client()
    editor.force_login(EditorFactory())
    editor.post("/admin/catalog/tool/", {"action": "unpublish_selected", "_selected_action": [catalog["numpy"].pk]})
    assert 'href="/catalog/numpy/"' not in body(client.get("/catalog/"))
    assert client.get("/catalog/numpy/").status_code == 404


def test_imported_tools_show_on_the_next_request(client, catalog):
    assert "Polars" not in body(client.get("/catalog/"))
    row = ("polars", "Polars", "libraries", "library", "Fast frames.", "Big tables.", "cleaning", "pandas")
    rows = [(*row, "Snelle frames.", "Grote tabellen.")]  # a published tool has its Dutch texts too
    headers = ("slug", "name", "category", "tool_type", "summary", "used_for", "keywords", "related_tools")
    headers = (*headers, "summary_nl", "used_for_nl")
    result = ToolResource().import_data(tablib.Dataset(*rows, headers=headers))
    assert not result.has_errors()
    assert not result.has_validation_errors()
    assert 'href="/catalog/polars/"' in body(client.get("/catalog/"))
    assert 'href="/catalog/polars/"' in body(client.get("/catalog/pandas/"))


def test_chooser_and_faq_edits_show_on_the_next_request(client, catalog):
    client.get("/catalog/chooser/?option=analysis")
    client.get("/catalog/faq/")
    ChooserRecommendationFactory(option=catalog["option"], tool=catalog["numpy"], reason="Fast arrays.")
    FaqEntryFactory(question="Is Polars faster?")
    assert "Fast arrays." in body(client.get("/catalog/chooser/?option=analysis"))
    assert "Is Polars faster?" in body(client.get("/catalog/faq/"))


# --- who sees what --------------------------------------------------------------------------------------------


def test_an_editors_preview_does_not_open_a_hidden_tool_to_the_public(client, catalog):
    ToolFactory(slug="draft", name="Draft tool", category=catalog["libraries"], published=False)
    editor = Client()
    editor.force_login(EditorFactory())
    assert "Not published." in body(editor.get("/catalog/draft/"))
    assert client.get("/catalog/draft/").status_code == 404
    assert "Not published." in body(editor.get("/catalog/draft/"))


def test_a_tool_created_after_its_404_gets_a_page(client, catalog):
    assert client.get("/catalog/polars/").status_code == 404
    ToolFactory(slug="polars", category=catalog["libraries"])
    assert client.get("/catalog/polars/").status_code == 200
