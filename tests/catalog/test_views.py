import re

import pytest
from django.utils.html import escape

from catalog.demo import load_catalog_demo
from catalog.models import Tool
from tests.factories import (
    CategoryFactory,
    ChooserOptionFactory,
    ChooserRecommendationFactory,
    EditorFactory,
    FaqEntryFactory,
    KeywordFactory,
    SkillFactory,
    ToolFactory,
    UserFactory,
)
from tests.markup import fact_rows

pytestmark = pytest.mark.django_db

DEFAULT_DESCRIPTION = "See where you stand against senior Data Engineer roles"


@pytest.fixture
def demo():
    load_catalog_demo()


def body(response) -> str:
    return response.content.decode()


def tool_names_listed(response) -> list[str]:
    """Tool names in the order the catalog cards show them."""
    return re.findall(r'<h3 class="h5 card-title mb-1"><a href="[^"]+">([^<]+)</a></h3>', body(response))


# --- every page: title, description, breadcrumbs --------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/catalog/",
        "/catalog/pandas/",
        "/catalog/compare/?tools=pandas,pyspark",
        "/catalog/compare/",
        "/catalog/chooser/",
        "/catalog/chooser/?option=pipelines-at-scale",
        "/catalog/faq/",
    ],
)
def test_every_page_has_title_description_and_breadcrumbs(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    html = body(response)
    assert re.search(r"<title>\S[^<]*· DE skills</title>", html)
    assert '<meta name="description" content="' in html
    assert DEFAULT_DESCRIPTION not in html
    assert 'class="breadcrumb"' in html
    assert 'aria-current="page"' in html


@pytest.mark.parametrize("url", ["/catalog/", "/catalog/pandas/", "/catalog/compare/", "/catalog/chooser/"])
def test_pages_only_answer_safe_methods(client, demo, url):
    assert client.post(url).status_code == 405


# --- catalog list ---------------------------------------------------------------------------------------------


def test_catalog_groups_tools_under_their_categories_in_order(client, demo):
    html = body(client.get("/catalog/"))
    headings = re.findall(r'<h2 id="category-[^"]+" class="h3">([^<]+)</h2>', html)
    assert headings == ["Web and API frameworks", "Data frameworks and tools", "Libraries"]
    assert html.index(">FastAPI<") < html.index(">PySpark<") < html.index(">Pandas<")


def test_catalog_filters_by_category(client, demo):
    names = tool_names_listed(client.get("/catalog/?category=libraries"))
    assert names == ["Pandas", "NumPy", "scikit-learn"]


def test_catalog_filters_by_type(client, demo):
    assert tool_names_listed(client.get("/catalog/?type=orchestrator")) == ["Airflow"]


def test_catalog_filters_by_vacancy_keyword(client, demo):
    assert tool_names_listed(client.get("/catalog/?keyword=lakehouse")) == ["PySpark"]


def test_catalog_search_matches_names_summaries_and_keywords(client, demo):
    assert "PySpark" in tool_names_listed(client.get("/catalog/?q=pyspark"))
    assert tool_names_listed(client.get("/catalog/?q=wrangling")) == ["Pandas"]


def test_a_found_tools_category_type_and_optional_are_a_fact_list(client):
    ToolFactory(name="Airflow", category__name="Orchestrators", tool_type=Tool.ToolType.ORCHESTRATOR, is_optional=True)
    html = body(client.get("/catalog/?q=airflow"))
    assert "Orchestrators · Orchestrator · Optional in most stacks" in fact_rows(html)


def test_catalog_search_finds_words_in_every_text_of_a_tool(client, demo):
    assert tool_names_listed(client.get("/catalog/?q=skew")) == ["PySpark"]  # its pitfalls and signs of seniority


def test_catalog_search_finds_dutch_words_on_the_english_page(client, demo):
    found = tool_names_listed(client.get("/catalog/?q=geheugen"))
    assert sorted(found) == ["NumPy", "Pandas", "PySpark", "scikit-learn"]


def test_catalog_search_lists_a_vacancy_term_match_above_a_passing_mention(client, demo):
    # Pandas has the vacancy term "ETL debugging"; Django only says it is rarely the core of ETL work.
    assert tool_names_listed(client.get("/catalog/?q=etl")) == ["Pandas", "Django"]


def test_catalog_search_ranks_names_above_summaries_above_terms_above_other_texts(client):
    first, second, third, fourth = (CategoryFactory(order=order) for order in range(4))
    ToolFactory(name="Mentions", category=first, pitfalls="Slow on lakehouse tables")
    termed = ToolFactory(name="Termed", category=second)
    termed.keywords.add(KeywordFactory(name="lakehouse", slug="lakehouse"))
    ToolFactory(name="Summarised", category=third, summary="Lakehouse tables from Python")
    ToolFactory(name="Lakehouse kit", category=fourth)
    ToolFactory(name="Summarised too", category=first, summary="Reads lakehouse tables", order=9)
    assert tool_names_listed(client.get("/catalog/?q=lakehouse")) == [
        "Lakehouse kit",
        "Summarised too",  # as good a match as the next one: catalog order decides
        "Summarised",
        "Termed",
        "Mentions",
    ]


def test_catalog_filters_combine(client, demo):
    assert tool_names_listed(client.get("/catalog/?category=libraries&keyword=preprocessing")) == [
        "NumPy",
        "scikit-learn",
    ]


def test_filter_form_keeps_the_chosen_values_for_a_shareable_url(client, demo):
    html = body(client.get("/catalog/?category=libraries&q=cleaning"))
    assert '<option value="libraries" selected>' in html
    assert 'value="cleaning"' in html


def test_filter_form_marks_the_bad_field_for_screen_readers(client, demo):
    html = body(client.get("/catalog/?category=nope&type=library"))
    assert (
        'class="select form-select is-invalid" aria-invalid="true" aria-describedby="id_category_error" id="id_category"'
        in html
    )
    assert '<div id="id_category_error" class="invalid-feedback">' in html
    assert '<option value="library" selected>' in html
    assert re.search(r'<label\s+for="id_keyword" class="form-label">\s*Vacancy term\s*</label>', html)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("category=nope", "There is no category “nope” in the catalog."),
        ("type=spaceship", "There is no tool type “spaceship”."),
        ("keyword=unheard-of", "No tool in the catalog is linked to the vacancy term “unheard-of”."),
        ("q=" + "x" * 101, "Ensure this value has at most 100 characters"),
        ("keyword=%3Cb%3E", "No tool in the catalog is linked to the vacancy term “<b>”."),
    ],
)
def test_unknown_filter_values_give_an_empty_result_and_a_message(client, demo, query, message):
    response = client.get(f"/catalog/?{query}")
    assert response.status_code == 200
    assert tool_names_listed(response) == []
    assert escape(message) in body(response)


def test_a_nul_in_a_filter_is_refused_before_the_catalog_looks_it_up(client, demo):
    assert client.get("/catalog/?category=a%00b").status_code == 400


def test_search_without_matches_says_so(client, demo):
    response = client.get("/catalog/?q=cobol")
    assert tool_names_listed(response) == []
    assert "No tool matches these filters." in body(response)


def test_catalog_hides_unpublished_tools_and_categories(client):
    ToolFactory(name="Shown")
    ToolFactory(name="Draft", published=False)
    ToolFactory(name="In hidden category", category=CategoryFactory(slug="hidden", published=False))
    response = client.get("/catalog/")
    assert tool_names_listed(response) == ["Shown"]
    assert 'value="hidden"' not in body(response)
    assert tool_names_listed(client.get("/catalog/?category=hidden")) == []


def test_catalog_offers_compare_checkboxes_posting_to_compare(client, demo):
    html = body(client.get("/catalog/"))
    assert 'action="/catalog/compare/"' in html
    assert 'type="checkbox" name="tools" value="pandas"' in html


# --- tool detail ----------------------------------------------------------------------------------------------


def test_tool_detail_shows_uses_terms_strengths_pitfalls_and_seniority(client, demo):
    html = body(client.get("/catalog/pyspark/"))
    for heading in ("What it is for in data engineering", "How it shows up in vacancies", "Strengths", "Pitfalls"):
        assert heading in html
    assert "Signs of seniority" in html
    assert "skew" in html
    assert 'href="/catalog/?keyword=lakehouse"' in html
    assert 'href="/catalog/airflow/"' in html
    assert 'href="https://spark.apache.org/"' in html


def test_tool_detail_lists_the_checklist_skills_it_serves(client):
    tool = ToolFactory(slug="pandas")
    SkillFactory(name="Pandas skills").tools.add(tool)
    SkillFactory(name="Unrelated skill")
    html = body(client.get("/catalog/pandas/"))
    assert '<a href="/skills/">Pandas skills</a>' in html
    assert "Unrelated skill" not in html


def test_tool_detail_leaves_out_unpublished_related_tools(client):
    tool = ToolFactory(slug="main")
    tool.related_tools.add(ToolFactory(name="Public friend"), ToolFactory(name="Draft friend", published=False))
    html = body(client.get("/catalog/main/"))
    assert "Public friend · compare with Public friend" in fact_rows(html)  # a .fact-list: no dot ends a line
    assert "Draft friend" not in html


def test_unknown_tool_is_404(client):
    assert client.get("/catalog/no-such-tool/").status_code == 404


@pytest.mark.parametrize("hidden", ["tool", "category"])
def test_unpublished_tool_is_404_for_public_and_engineers(client, hidden):
    if hidden == "tool":
        ToolFactory(slug="draft", published=False)
    else:
        ToolFactory(slug="draft", category__published=False)
    assert client.get("/catalog/draft/").status_code == 404
    client.force_login(UserFactory())
    assert client.get("/catalog/draft/").status_code == 404


def test_editor_previews_unpublished_tool_with_a_banner(client):
    ToolFactory(slug="draft", published=False)
    client.force_login(EditorFactory())
    response = client.get("/catalog/draft/")
    assert response.status_code == 200
    assert "Not published." in body(response)


def test_published_tool_has_no_preview_banner(client):
    ToolFactory(slug="live")
    client.force_login(EditorFactory())
    assert "Not published." not in body(client.get("/catalog/live/"))


# --- compare --------------------------------------------------------------------------------------------------


def compared_tools(response) -> list[str]:
    return re.findall(r'<th scope="col"><a href="[^"]+">([^<]+)</a></th>', body(response))


def test_compare_puts_tools_side_by_side_row_by_row(client, demo):
    response = client.get("/catalog/compare/?tools=pandas,pyspark")
    assert compared_tools(response) == ["Pandas", "PySpark"]
    rows = re.findall(r'<th scope="row">([^<]+)</th>', body(response))
    assert rows == ["Type", "Used for", "Vacancy terms", "Strengths", "Pitfalls", "When to pick it"]


def test_compare_accepts_repeated_and_comma_separated_tools_in_given_order(client, demo):
    response = client.get("/catalog/compare/?tools=numpy&tools=pyspark,pandas&tools=numpy")
    assert compared_tools(response) == ["NumPy", "PySpark", "Pandas"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("tools=pandas", "Pick at least 2 tools to compare."),
        ("tools=pandas,pandas", "Pick at least 2 tools to compare."),
        ("tools=", "Pick two to four tools to compare."),
        ("tools=pandas,numpy,pyspark,dbt,flask", "Pick at most 4 tools to compare; you picked 5."),
        ("tools=pandas,cobol", "“cobol” is not a tool in the catalog."),
        ("tools=pandas,cobol,fortran", "These are not tools in the catalog: cobol, fortran."),
        ("tools=pandas,%3Cscript%3E", "“<script>” is not a tool in the catalog."),
    ],
)
def test_compare_explains_bad_selections(client, demo, query, message):
    response = client.get(f"/catalog/compare/?{query}")
    assert response.status_code == 200
    assert compared_tools(response) == []
    assert escape(message) in body(response)
    assert "<script>" not in body(response)


def test_compare_treats_unpublished_tools_as_unknown(client):
    ToolFactory(slug="live")
    ToolFactory(slug="draft", published=False)
    response = client.get("/catalog/compare/?tools=live,draft")
    assert compared_tools(response) == []
    assert "is not a tool in the catalog" in body(response)


def test_compare_without_tools_shows_a_picker_with_requested_ones_ticked(client, demo):
    html = body(client.get("/catalog/compare/?tools=pandas"))
    assert 'name="tools" value="pyspark" id="pick-pyspark">' in html
    assert 'name="tools" value="pandas" id="pick-pandas" checked>' in html


# --- chooser --------------------------------------------------------------------------------------------------


def test_chooser_offers_the_options_as_radio_buttons(client, demo):
    html = body(client.get("/catalog/chooser/"))
    assert html.count('type="radio" name="option"') == 5
    assert 'action="/catalog/chooser/"' in html
    assert 'method="get"' in html


def test_chooser_shows_recommended_tools_with_reasons(client, demo):
    html = body(client.get("/catalog/chooser/?option=pipelines-at-scale"))
    assert html.index('href="/catalog/pyspark/"') < html.index('href="/catalog/airflow/"')
    assert "Schedules the pipelines, retries failed steps" in html
    assert re.search(r'value="pipelines-at-scale"[^>]* checked>', html)
    assert 'href="/catalog/compare/?tools=pyspark,airflow"' in html


def test_chooser_rejects_unknown_option_with_a_message(client, demo):
    response = client.get("/catalog/chooser/?option=rocket-science")
    assert response.status_code == 200
    assert "That is not one of the choices" in body(response)


def test_chooser_hides_unpublished_options_and_tools(client):
    option = ChooserOptionFactory(question="I build dashboards")
    ChooserRecommendationFactory(option=option, tool=ToolFactory(name="Live tool"))
    ChooserRecommendationFactory(option=option, tool=ToolFactory(name="Draft tool", published=False))
    ChooserOptionFactory(question="Secret option", slug="secret", published=False)
    html = body(client.get(f"/catalog/chooser/?option={option.slug}"))
    assert "Live tool" in html
    assert "Draft tool" not in html
    assert "Secret option" not in html
    assert "That is not one of the choices" in body(client.get("/catalog/chooser/?option=secret"))


# --- FAQ ------------------------------------------------------------------------------------------------------


def test_faq_has_an_anchor_per_question(client, demo):
    html = body(client.get("/catalog/faq/"))
    assert '<section id="is-fastapi-a-framework"' in html
    assert 'href="#is-fastapi-a-framework"' in html
    assert html.count('class="mb-4 faq-entry"') == 7


def test_faq_hides_unpublished_entries(client):
    FaqEntryFactory(question="Shown question?")
    FaqEntryFactory(question="Draft question?", published=False)
    html = body(client.get("/catalog/faq/"))
    assert "Shown question?" in html
    assert "Draft question?" not in html


# --- home and navigation --------------------------------------------------------------------------------------


def test_home_has_the_quick_chooser_and_entry_points(client, demo):
    html = body(client.get("/"))
    assert 'action="/catalog/chooser/"' in html
    assert html.count('type="radio" name="option"') == 5
    assert 'href="/catalog/compare/?tools=pandas,pyspark"' in html
    assert 'href="/catalog/faq/"' in html


def test_navigation_links_catalog_chooser_faq_and_roles(client):
    html = body(client.get("/catalog/"))
    for href in ('href="/catalog/"', 'href="/catalog/chooser/"', 'href="/catalog/faq/"', 'href="/skills/roles/"'):
        assert href in html
    assert re.search(r'class="nav-link active" aria-current="page" href="/catalog/"', html)
