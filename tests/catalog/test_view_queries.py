"""The public catalog pages take as many queries with 200 tools as with 5: each catalog is built once for the
module (through ``module_db``), not once per page."""

import pytest
from django.core.management import call_command

from catalog.models import Category, Tool
from tests.catalog.test_views import body
from tests.factories import (
    CategoryFactory,
    ChooserOptionFactory,
    ChooserRecommendationFactory,
    FaqEntryFactory,
    KeywordFactory,
    SkillFactory,
    ToolFactory,
)

pytestmark = pytest.mark.django_db


def build_catalog(size: int) -> list[Tool]:
    categories = CategoryFactory.create_batch(3)
    keywords = KeywordFactory.create_batch(3)
    tools = [ToolFactory(category=categories[i % 3]) for i in range(size)]
    for tool in tools:
        tool.keywords.set(keywords)
    option = ChooserOptionFactory()
    for position, tool in enumerate(tools):
        ChooserRecommendationFactory(option=option, tool=tool, order=position)
    ChooserOptionFactory.create_batch(size)
    FaqEntryFactory.create_batch(size)
    main = tools[0]
    main.related_tools.set(tools[1:])
    for skill in SkillFactory.create_batch(min(size, 20)):
        skill.tools.add(main)
    return tools


@pytest.fixture(scope="module", params=[5, 200], ids=["5-tools", "200-tools"])
def catalog(request, module_db):
    """A catalog of 5 tools, then one of 200, each for every test of the module; emptied before the next."""
    with module_db.unblock():
        tools = build_catalog(request.param)
    yield tools
    with module_db.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.parametrize(
    ("page", "max_queries"),
    [
        ("/catalog/", 4),
        ("filtered", 6),
        ("detail", 5),  # the tool, keywords, related tools, skills, and the checklist items it teaches
        ("compare", 2),
        ("/catalog/compare/?tools=one", 1),
        ("/catalog/chooser/", 2),
        ("chooser-option", 2),
        ("/catalog/faq/", 1),
        ("/", 1),
    ],
)
def test_query_count_does_not_grow_with_the_catalog(client, django_assert_max_num_queries, catalog, page, max_queries):
    tools = catalog
    keyword = tools[0].keywords.first()
    urls = {
        "filtered": f"/catalog/?q=tool&keyword={keyword.slug}&category={tools[0].category.slug}&type=library",
        "detail": tools[0].get_absolute_url(),
        "compare": "/catalog/compare/?tools=" + ",".join(tool.slug for tool in tools[:4]),
        "chooser-option": "/catalog/chooser/?option=" + tools[0].chooser_options.get().slug,
    }
    url = urls.get(page, page)
    with django_assert_max_num_queries(max_queries):
        response = client.get(url)
    assert response.status_code == 200
    assert Tool.objects.count() == len(tools)  # the page read the catalog of its size


def test_catalog_groups_keep_category_order_with_many_tools(client, catalog):
    first, second, third = Category.objects.order_by("order", "name")
    html = body(client.get("/catalog/"))
    assert html.index(f">{first.name}<") < html.index(f">{second.name}<") < html.index(f">{third.name}<")
