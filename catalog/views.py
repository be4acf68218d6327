"""Public catalog pages: thin views over catalog.forms and catalog.selectors.

The pages' content is kept in the fragment cache (``{% fragment %}``), keyed on the
catalog's version token (named by the fragment) and on the query string as given, which together decide what the
page shows. So the views hand the template lazy objects: the form's validation and
the catalog queries run only when the fragment has to be rendered.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from catalog import selectors
from catalog.filters import CatalogFilter
from catalog.forms import MAX_COMPARE, MIN_COMPARE, ChooserForm, CompareForm
from catalog.models import ChooserOption, Tool
from catalog.services import CATALOG_KIND
from portal.cache.fragments import versions

PREVIEW_PERMISSION = "catalog.change_tool"
SKILLS_KIND = "checklist"  # the skills app's kind; the tool page lists skill names


def _catalog_groups(catalog_filter: CatalogFilter) -> list[selectors.CategoryGroup]:
    if not catalog_filter.is_valid():
        return []
    return selectors.catalog_groups(tools=catalog_filter.qs, ranked=catalog_filter.is_search)


@require_safe
def tool_list(request: HttpRequest) -> HttpResponse:
    catalog_filter = CatalogFilter(request.GET)
    form = catalog_filter.form
    return render(
        request,
        "catalog/tool_list.html",
        {
            "form": form,
            "groups": SimpleLazyObject(lambda: _catalog_groups(catalog_filter)),
            # The raw values, as the form shows them back; the catalog version decides whether they are valid.
            "fragment_vary": tuple(form[name].value() for name in form.fields),
            "min_compare": MIN_COMPARE,
            "max_compare": MAX_COMPARE,
        },
    )


@require_safe
def tool_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A hidden tool is a 404 for the public; editors preview it (from the admin) with a banner."""
    version = versions(CATALOG_KIND, SKILLS_KIND)
    tool = selectors.cached_tool_for_page(slug=slug, version=version)
    if tool is None or (not tool.is_public and not request.user.has_perm(PREVIEW_PERMISSION)):
        raise Http404
    return render(
        request,
        "catalog/tool_detail.html",
        {
            "tool": tool,
            "details": SimpleLazyObject(lambda: selectors.load_tool_details(tool)),
            "fragment_vary": tool.slug,
        },
    )


def _compared_tools(form: CompareForm) -> list[Tool]:
    return form.cleaned_data["tools"] if form.is_bound and form.is_valid() else []


@require_safe
def compare(request: HttpRequest) -> HttpResponse:
    form = CompareForm(request.GET if "tools" in request.GET else None)
    requested = form.requested_slugs()
    return render(
        request,
        "catalog/compare.html",
        {
            "form": form,
            "tools": SimpleLazyObject(lambda: _compared_tools(form)),
            "requested": requested,
            "candidates": SimpleLazyObject(selectors.compare_candidates),
            "fragment_vary": (form.is_bound, *requested),
            "min_compare": MIN_COMPARE,
            "max_compare": MAX_COMPARE,
        },
    )


def _chosen(form: ChooserForm) -> ChooserOption | None:
    return form.cleaned_data["option"] if form.is_bound and form.is_valid() else None


@require_safe
def chooser(request: HttpRequest) -> HttpResponse:
    options = SimpleLazyObject(selectors.chooser_options)
    form = SimpleLazyObject(lambda: ChooserForm(request.GET if "option" in request.GET else None, options=options))
    return render(
        request,
        "catalog/chooser.html",
        {
            "form": form,
            "options": options,
            "chosen": SimpleLazyObject(lambda: _chosen(form)),
            "fragment_vary": ("option" in request.GET, request.GET.get("option")),
        },
    )


@require_safe
def faq(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "catalog/faq.html",
        {"entries": SimpleLazyObject(selectors.faq_entries)},
    )
