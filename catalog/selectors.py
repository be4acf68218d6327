"""Reads that the public catalog pages share; each does its own joins so page queries stay constant."""

from dataclasses import dataclass

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    prefetch_related_objects,
)

from catalog.models import Category, ChooserOption, ChooserRecommendation, FaqEntry, Keyword, Tool, public_tool_lookup
from catalog.translation import TOOL_CONTENT
from portal.cache.fragments import FRAGMENT_SECONDS


@dataclass(frozen=True)
class CategoryGroup:
    """Tools under their category; a search's results are one group without a category, best match first."""

    category: Category | None
    tools: list[Tool]


def public_tools() -> QuerySet[Tool]:
    """Tools the public may see, in catalog order."""
    return Tool.objects.public()


SEARCH_RANK = "search_rank"
LANGUAGES = ("en", "nl")


def _contains(value: str, *fields: str) -> Q:
    """``value`` in any of ``fields``, in English or Dutch: a Dutch word finds a tool on the English page too."""
    lookup = Q()
    for field in fields:
        for language in LANGUAGES:
            lookup |= Q(**{f"{field}_{language}__icontains": value})
    return lookup


def search_tools(*, tools: QuerySet[Tool], text: str) -> QuerySet[Tool]:
    """``tools`` whose name, summary, vacancy terms or longer texts (either language) hold ``text``, annotated with
    how well they match (``search_rank``: 0 name, 1 summary, 2 vacancy term, 3 any other text), so the catalog
    lists the best matches first. Plain ``icontains`` in one query, the same on SQLite and PostgreSQL."""
    keyword_match = Exists(
        Tool.keywords.through.objects.filter(Q(tool_id=OuterRef("pk")) & _contains(text, "keyword__name"))
    )
    in_name = Q(name__icontains=text)
    in_summary = _contains(text, "summary")
    in_content = _contains(text, *TOOL_CONTENT)
    return tools.filter(in_name | in_summary | keyword_match | in_content).annotate(
        **{
            SEARCH_RANK: Case(
                When(in_name, then=Value(0)),
                When(in_summary, then=Value(1)),
                When(keyword_match, then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            )
        }
    )


def catalog_groups(*, tools: QuerySet[Tool], ranked: bool = False) -> list[CategoryGroup]:
    """``tools`` (public ones, filtered by catalog.filters.CatalogFilter) grouped by category in category order.

    ``ranked`` tools, found by :func:`search_tools`, are one list, best match first (then in catalog order): grouped
    by category, a passing mention in the first category would come above a name in the last.
    """
    catalog_order = ("category__order", "category__name", "order", "name")
    if ranked:
        ranked = tools.select_related("category").prefetch_related("keywords").order_by(SEARCH_RANK, *catalog_order)
        found = list(ranked)
        return [CategoryGroup(category=None, tools=found)] if found else []
    tools = tools.select_related("category").prefetch_related("keywords").order_by(*catalog_order)

    groups: list[CategoryGroup] = []
    for tool in tools:
        if not groups or groups[-1].category.pk != tool.category_id:
            groups.append(CategoryGroup(category=tool.category, tools=[]))
        groups[-1].tools.append(tool)
    return groups


def filter_categories() -> QuerySet[Category]:
    return Category.objects.published()


def filter_keywords() -> QuerySet[Keyword]:
    """Keywords worth filtering on: those used by at least one public tool."""
    return Keyword.objects.filter(
        pk__in=Tool.keywords.through.objects.filter(public_tool_lookup("tool__")).values("keyword_id")
    )


def tool_for_page(*, slug: str) -> Tool | None:
    """One tool by slug, published or not; the view decides who may see a hidden one."""
    return Tool.objects.select_related("category").filter(slug=slug).first()


def cached_tool_for_page(*, slug: str, version: str) -> Tool | None:
    """:func:`tool_for_page`, kept in the cache until ``version`` (the page's data versions) changes.

    The page's body comes from the fragment cache, so this row was its last query.
    An unknown slug is looked up each time: 404s must not fill the cache.
    """
    key = make_template_fragment_key("catalog-tool-row", [version, slug])
    tool = cache.get(key)
    if tool is None:
        tool = tool_for_page(slug=slug)
        if tool is not None:
            cache.set(key, tool, FRAGMENT_SECONDS)
    return tool


def _teaching_resources() -> QuerySet:
    resource_model = Tool._meta.get_field("resources").related_model
    return resource_model.objects.select_related("item__skill").order_by("item__skill__growth_stage", "item__order")


def load_tool_details(tool: Tool) -> Tool:
    """Fetch what the detail page lists in one query per relation: keywords, public related tools, skills, items."""
    prefetch_related_objects(
        [tool],
        "keywords",
        Prefetch("related_tools", queryset=public_tools().order_by("name")),
        "skills",
        # The checklist items it teaches, with their skills, in one query; skills.Resource is reached through the
        # relation, as catalog does not import skills.
        Prefetch("resources", queryset=_teaching_resources()),
    )
    return tool


def tools_by_slugs(*, slugs: list[str]) -> list[Tool]:
    """Public tools for these slugs, in the order given, with their keywords; unknown slugs are left out."""
    found = {
        tool.slug: tool
        for tool in public_tools().filter(slug__in=slugs).select_related("category").prefetch_related("keywords")
    }
    return [found[slug] for slug in slugs if slug in found]


def compare_candidates() -> QuerySet[Tool]:
    """Every public tool, lightly loaded, for the compare picker."""
    return public_tools().only("name", "slug").order_by("name")


def chooser_option_list() -> list[ChooserOption]:
    """Published chooser options without their tools, for a form that only lists the questions."""
    return list(ChooserOption.objects.published())


def chooser_options() -> list[ChooserOption]:
    """Published chooser options, each with its recommendations of public tools in order."""
    recommendations = ChooserRecommendation.objects.filter(public_tool_lookup("tool__")).select_related("tool")
    return list(ChooserOption.objects.published().prefetch_related(Prefetch("recommendations", recommendations)))


def faq_entries() -> QuerySet[FaqEntry]:
    return FaqEntry.objects.published()
