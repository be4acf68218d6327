import pytest

from catalog.models import FaqEntry, Tool
from tests.clients import DUTCH, ENGLISH
from tests.factories import (
    CategoryFactory,
    ChooserRecommendationFactory,
    EditorFactory,
    FaqEntryFactory,
    KeywordFactory,
    StaffUserFactory,
    ToolFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

DUTCH_TEXTS = {
    "summary_nl": "Een tool voor tests.",
    "used_for_nl": "De catalogus testen.",
    "typical_uses_nl": "eerste gebruik\ntweede gebruik",
    "strengths_nl": "snel\neenvoudig",
    "pitfalls_nl": "makkelijk verkeerd te gebruiken",
}
MODELS = ("category", "keyword", "tool", "chooseroption", "faqentry")


@pytest.fixture
def content():
    tool = ToolFactory(slug="pandas")
    tool.keywords.add(KeywordFactory())
    recommendation = ChooserRecommendationFactory(tool=tool)
    return {
        "category": tool.category,
        "keyword": tool.keywords.get(),
        "tool": tool,
        "chooseroption": recommendation.option,
        "faqentry": FaqEntryFactory(),
    }


def test_admin_index_shows_editors_the_catalog_and_not_user_accounts(editor_client):
    html = editor_client.get("/admin/").content.decode()
    for model in MODELS:
        assert f'href="/admin/catalog/{model}/"' in html
    assert "/admin/auth/user/" not in html
    assert editor_client.get("/admin/auth/user/").status_code == 403


@pytest.mark.parametrize("model", MODELS)
def test_editor_can_open_list_add_and_change_pages(editor_client, content, model):
    assert editor_client.get(f"/admin/catalog/{model}/").status_code == 200
    assert editor_client.get(f"/admin/catalog/{model}/add/").status_code == 200
    assert editor_client.get(f"/admin/catalog/{model}/{content[model].pk}/change/").status_code == 200


def test_tool_admin_search_and_filters_work(editor_client, content):
    assert "pandas" in editor_client.get("/admin/catalog/tool/?q=pandas").content.decode()
    response = editor_client.get(
        f"/admin/catalog/tool/?published__exact=1&category__id__exact={content['tool'].category_id}"
    )
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def test_tool_change_page_links_to_the_public_page_and_history(editor_client, content):
    tool = content["tool"]
    html = editor_client.get(f"/admin/catalog/tool/{tool.pk}/change/").content.decode()
    assert "View on site" in html
    assert f"/admin/catalog/tool/{tool.pk}/history/" in html


def test_tool_history_shows_who_changed_it(client):
    editor = EditorFactory(email="ed@example.com")
    tool = ToolFactory(name="Before")
    client.force_login(editor)
    data = {
        "name": "After",
        "slug": tool.slug,
        "category": tool.category_id,
        "tool_type": tool.tool_type,
        "summary_en": tool.summary,
        "summary_nl": "Een tool voor tests.",
        "used_for_en": tool.used_for,
        "used_for_nl": "De catalogus testen.",
        "order": 0,
        "published": "on",
        "phrases-TOTAL_FORMS": "0",  # the vacancy phrases inline
        "phrases-INITIAL_FORMS": "0",
    }
    response = client.post(f"/admin/catalog/tool/{tool.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].errors
    history = client.get(f"/admin/catalog/tool/{tool.pk}/history/")
    assert history.status_code == 200
    assert "ed@example.com" in history.content.decode()
    assert tool.history.latest().history_user == editor


def test_keyword_and_related_tool_autocomplete_answers(editor_client, content):
    for field in ("keywords", "related_tools"):
        response = editor_client.get(
            "/admin/autocomplete/",
            {"app_label": "catalog", "model_name": "tool", "field_name": field, "term": ""},
        )
        assert response.status_code == 200
        assert response.json()["results"]


def test_chooser_option_page_has_recommendation_inline(editor_client, content):
    html = editor_client.get(f"/admin/catalog/chooseroption/{content['chooseroption'].pk}/change/").content.decode()
    assert "recommendations-TOTAL_FORMS" in html


def test_bulk_unpublish_and_publish_actions(editor_client):
    tools = ToolFactory.create_batch(3, **DUTCH_TEXTS)
    pks = [tool.pk for tool in tools[:2]]
    response = editor_client.post(
        "/admin/catalog/tool/", {"action": "unpublish_selected", "_selected_action": pks}, follow=True
    )
    assert "2 items unpublished." in response.content.decode()
    assert set(Tool.objects.filter(published=False).values_list("pk", flat=True)) == set(pks)
    editor_client.post("/admin/catalog/tool/", {"action": "publish_selected", "_selected_action": pks})
    assert not Tool.objects.filter(published=False).exists()


def test_bulk_actions_work_on_faq_entries(editor_client):
    entry = FaqEntryFactory()
    editor_client.post("/admin/catalog/faqentry/", {"action": "unpublish_selected", "_selected_action": [entry.pk]})
    assert FaqEntry.objects.get().published is False


def test_editor_can_open_import_and_export_pages(editor_client):
    assert editor_client.get("/admin/catalog/tool/import/").status_code == 200
    assert editor_client.get("/admin/catalog/tool/export/").status_code == 200


def test_engineer_is_sent_to_the_admin_login(client, content):
    client.force_login(UserFactory())
    for url in ("/admin/", "/admin/catalog/tool/", f"/admin/catalog/tool/{content['tool'].pk}/change/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_staff_without_catalog_rights_is_forbidden(client, content):
    client.force_login(StaffUserFactory(is_staff=True))
    assert client.get("/admin/catalog/tool/").status_code == 403
    assert client.get("/admin/catalog/tool/import/").status_code == 403


@pytest.mark.parametrize("size", [5, 60])
@pytest.mark.parametrize("model", MODELS)
def test_admin_changelist_query_count_is_constant(editor_client, django_assert_max_num_queries, size, model):
    categories = CategoryFactory.create_batch(3)
    keyword = KeywordFactory()
    for i in range(size):
        tool = ToolFactory(category=categories[i % 3])
        tool.keywords.add(keyword)
        ChooserRecommendationFactory(tool=tool)
        FaqEntryFactory()
    with django_assert_max_num_queries(12):
        response = editor_client.get(f"/admin/catalog/{model}/")
    assert response.status_code == 200


def polars_form(category, **changes) -> dict:
    """The tool add form as an editor fills it in: the English texts only, "Published" ticked as by default."""
    return {
        "name": "Polars",
        "slug": "polars",
        "category": category.pk,
        "tool_type": Tool.ToolType.LIBRARY,
        "summary_en": "Fast DataFrame library written in Rust",
        "used_for_en": "Transforming medium-sized data on one machine.",
        "order": 0,
        "published": "on",
        "phrases-TOTAL_FORMS": "0",
        "phrases-INITIAL_FORMS": "0",
        **changes,
    }


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        (
            ENGLISH,
            "To publish, fill in the Dutch texts too: one-line summary [nl], what it is for in data engineering [nl]",
        ),
        (
            DUTCH,
            "Vul om te publiceren ook de Nederlandse teksten in: samenvatting in één regel [nl], waarvoor het dient in data engineering [nl]",
        ),
    ],
)
def test_a_tool_is_published_only_with_its_dutch_texts_but_may_be_saved_unpublished(editor_client, headers, message):
    category = CategoryFactory()
    response = editor_client.post("/admin/catalog/tool/add/", polars_form(category), **headers)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Tool.objects.exists()
    response = editor_client.post("/admin/catalog/tool/add/", polars_form(category, published=""), **headers)
    assert response.status_code == 302
    assert Tool.objects.get().published is False
    dutch = {"summary_nl": "Snelle DataFrame-bibliotheek", "used_for_nl": "Middelgrote data op één machine."}
    response = editor_client.post(
        f"/admin/catalog/tool/{Tool.objects.get().pk}/change/", polars_form(category, **dutch), **headers
    )
    assert response.status_code == 302
    assert Tool.objects.get().published is True


def test_publishing_in_bulk_leaves_the_rows_without_dutch_texts_unpublished_and_names_them(editor_client):
    ready = ToolFactory(name="Ready", published=False, **DUTCH_TEXTS)
    english_only = ToolFactory(name="English only", published=False)
    response = editor_client.post(
        "/admin/catalog/tool/",
        {"action": "publish_selected", "_selected_action": [ready.pk, english_only.pk]},
        follow=True,
    )
    body = response.content.decode()
    assert "Not published, as their Dutch texts are missing: English only." in body
    assert "1 item published." in body
    assert list(Tool.objects.filter(published=True)) == [ready]
