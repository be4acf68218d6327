"""Public endpoints: open to all, read-only, published content only, filters checked like the pages."""

import pytest

from catalog.models import Tool
from tests.factories import (
    CategoryFactory,
    ChecklistItemFactory,
    ChooserOptionFactory,
    ChooserRecommendationFactory,
    KeywordFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    ToolFactory,
)

pytestmark = pytest.mark.django_db

PUBLIC_URLS = ["/api/categories", "/api/tools", "/api/chooser", "/api/skills", "/api/roles"]


@pytest.mark.parametrize("who", ["anonymous", "engineer", "recruiter", "editor", "superuser"])
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_lists_are_open_to_everyone(client, call_as, who, url):
    response = call_as(client, who, "get", url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"


@pytest.mark.parametrize("who", ["anonymous", "engineer", "recruiter", "editor", "superuser"])
def test_public_details_are_open_to_everyone(client, call_as, who):
    tool = ToolFactory()
    role = RoleFactory()
    assert call_as(client, who, "get", f"/api/tools/{tool.slug}").status_code == 200
    assert call_as(client, who, "get", f"/api/roles/{role.slug}").status_code == 200


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_endpoints_are_read_only(client, url):
    response = client.post(url, {}, content_type="application/json")
    assert response.status_code == 405


def test_tools_leave_out_unpublished_tools_and_tools_of_hidden_categories(client):
    shown = ToolFactory()
    ToolFactory(published=False)
    ToolFactory(category=CategoryFactory(published=False))
    body = client.get("/api/tools").json()
    assert body["count"] == 1
    assert [tool["slug"] for tool in body["items"]] == [shown.slug]


def test_hidden_tool_detail_is_a_json_404(client):
    hidden = ToolFactory(published=False)
    response = client.get(f"/api/tools/{hidden.slug}")
    assert response.status_code == 404
    assert response.json()["detail"] == f"There is no published tool “{hidden.slug}”."


def test_tool_detail_lists_uses_and_only_public_related_tools(client):
    tool = ToolFactory(typical_uses="cleaning\njoining")
    public_peer = ToolFactory()
    tool.related_tools.add(public_peer, ToolFactory(published=False))
    body = client.get(f"/api/tools/{tool.slug}").json()
    assert body["typical_uses"] == ["cleaning", "joining"]
    assert body["related_tools"] == [{"slug": public_peer.slug, "name": public_peer.name}]


def test_tools_filter_by_category_type_and_keyword(client):
    keyword = KeywordFactory(slug="lakehouse")
    category = CategoryFactory(slug="orchestrators")
    wanted = ToolFactory(category=category, tool_type=Tool.ToolType.ORCHESTRATOR)
    wanted.keywords.add(keyword)
    ToolFactory(category=category, tool_type=Tool.ToolType.ORCHESTRATOR)
    other = ToolFactory(tool_type=Tool.ToolType.ORCHESTRATOR)
    other.keywords.add(keyword)
    body = client.get("/api/tools?category=orchestrators&type=orchestrator&keyword=lakehouse").json()
    assert [tool["slug"] for tool in body["items"]] == [wanted.slug]


def test_tools_search_finds_a_word_in_the_summary(client):
    found = ToolFactory(summary="Moves data between warehouses")
    ToolFactory()
    body = client.get("/api/tools?q=warehouses").json()
    assert [tool["slug"] for tool in body["items"]] == [found.slug]


def test_unknown_category_gives_the_catalog_pages_message(client):
    response = client.get("/api/tools?category=nope")
    assert response.status_code == 422
    body = response.json()
    assert body["errors"] == {"category": ["There is no category “nope” in the catalog."]}
    assert "There is no category “nope” in the catalog." in body["detail"]


def test_tools_are_paginated_with_limit_and_offset(client):
    category = CategoryFactory()  # one category: categories sort by name, and "Category 100" comes before "Category 99"
    tools = [ToolFactory(order=number, category=category) for number in range(5)]
    body = client.get("/api/tools?limit=2&offset=2").json()
    assert body["count"] == 5
    assert (body["limit"], body["offset"]) == (2, 2)
    assert [tool["slug"] for tool in body["items"]] == [tool.slug for tool in tools[2:4]]


@pytest.mark.parametrize("query", ["limit=101", "limit=0", "offset=-1", "limit=many"])
def test_out_of_range_pagination_is_refused_with_a_message(client, query):
    response = client.get(f"/api/tools?{query}")
    assert response.status_code == 422
    field = query.split("=")[0]
    assert response.json()["errors"][field]


def test_chooser_lists_published_options_with_public_tools_only(client):
    option = ChooserOptionFactory()
    shown = ChooserRecommendationFactory(option=option)
    ChooserRecommendationFactory(option=option, tool=ToolFactory(published=False))
    ChooserOptionFactory(published=False)
    body = client.get("/api/chooser").json()
    assert [entry["slug"] for entry in body] == [option.slug]
    assert [rec["tool"]["slug"] for rec in body[0]["recommendations"]] == [shown.tool.slug]


def test_roles_list_only_published_roles_with_their_requirements(client):
    requirement = RoleRequirementFactory(min_level=3, is_must_have=True)
    RoleFactory(published=False)
    body = client.get("/api/roles").json()
    assert [role["slug"] for role in body] == [requirement.role.slug]
    assert body[0]["requirements"] == [
        {
            "item_id": requirement.item.pk,
            "item": requirement.item.name,
            "skill": requirement.item.skill.slug,
            "min_level": 3,
            "weight": 1,
            "is_must_have": True,
        }
    ]


def test_requirements_that_tie_in_every_sort_key_keep_one_order_on_every_database(client):
    """Rows that sort alike come in the order the database reads them, which need not be the order they were added
    in (PostgreSQL here reads them through their items): the last sort key makes it one order everywhere."""
    skill = SkillFactory()
    items = [ChecklistItemFactory(skill=skill, order=1) for _ in range(4)]
    role = RoleFactory()
    added = [RoleRequirementFactory(role=role, item=item) for item in reversed(items)]  # not the items' own order
    body = client.get(f"/api/roles/{role.slug}").json()
    assert [requirement["item_id"] for requirement in body["requirements"]] == [r.item_id for r in added]


def test_unpublished_role_detail_is_a_json_404(client):
    role = RoleFactory(published=False)
    response = client.get(f"/api/roles/{role.slug}")
    assert response.status_code == 404
    assert response.json()["detail"] == f"There is no published role “{role.slug}”."


def test_skills_list_the_checklist_items_with_their_ids(client):
    item = ChecklistItemFactory()
    body = client.get("/api/skills").json()
    assert body[0]["slug"] == item.skill.slug
    assert body[0]["items"][0]["id"] == item.pk


def _grow_catalog(size: int) -> None:
    for _ in range(size):
        tool = ToolFactory()
        tool.keywords.add(KeywordFactory())
        ChooserRecommendationFactory(tool=tool)
        RoleRequirementFactory()


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_lists_use_a_fixed_number_of_queries(client, django_assert_max_num_queries, url):
    _grow_catalog(2)
    with django_assert_max_num_queries(6) as small:
        client.get(url)
    _grow_catalog(15)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
