"""Public catalog pages: thin views over catalog.forms and catalog.selectors."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from catalog import selectors
from catalog.forms import MAX_COMPARE, MIN_COMPARE, CatalogFilterForm, ChooserForm, CompareForm

PREVIEW_PERMISSION = "catalog.change_tool"
SELECT_FIELDS = ("category", "type", "keyword")


def _select_options(form: CatalogFilterForm) -> dict[str, list[tuple[str, str, bool]]]:
    """Each select's (value, label, selected) in one plain pass, for a filter form written out by hand.

    Looping over a model field's choices in the template would count them first (an extra query per field).
    """
    options = {}
    for name in SELECT_FIELDS:
        current = form[name].value()
        current = "" if current is None else str(current)
        options[name] = [(str(value), label, str(value) == current) for value, label in form.fields[name].choices]
    return options


@require_safe
def tool_list(request: HttpRequest) -> HttpResponse:
    form = CatalogFilterForm(request.GET)
    groups = []
    if form.is_valid():
        data = form.cleaned_data
        groups = selectors.catalog_groups(
            q=data["q"], category=data["category"], tool_type=data["type"], keyword=data["keyword"]
        )
    return render(
        request,
        "catalog/tool_list.html",
        {
            "form": form,
            "options": _select_options(form),
            "groups": groups,
            "min_compare": MIN_COMPARE,
            "max_compare": MAX_COMPARE,
        },
    )


@require_safe
def tool_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A hidden tool is a 404 for the public; editors preview it (from the admin) with a banner."""
    tool = selectors.tool_for_page(slug=slug)
    if tool is None or (not tool.is_public and not request.user.has_perm(PREVIEW_PERMISSION)):
        raise Http404
    selectors.load_tool_details(tool)
    return render(request, "catalog/tool_detail.html", {"tool": tool})


@require_safe
def compare(request: HttpRequest) -> HttpResponse:
    form = CompareForm(request.GET if "tools" in request.GET else None)
    tools = form.cleaned_data["tools"] if form.is_bound and form.is_valid() else []
    return render(
        request,
        "catalog/compare.html",
        {
            "form": form,
            "tools": tools,
            "requested": form.requested_slugs(),
            "candidates": [] if tools else selectors.compare_candidates(),
            "min_compare": MIN_COMPARE,
            "max_compare": MAX_COMPARE,
        },
    )


@require_safe
def chooser(request: HttpRequest) -> HttpResponse:
    options = selectors.chooser_options()
    form = ChooserForm(request.GET if "option" in request.GET else None, options=options)
    chosen = form.cleaned_data["option"] if form.is_bound and form.is_valid() else None
    return render(request, "catalog/chooser.html", {"form": form, "options": options, "chosen": chosen})


@require_safe
def faq(request: HttpRequest) -> HttpResponse:
    return render(request, "catalog/faq.html", {"entries": selectors.faq_entries()})
