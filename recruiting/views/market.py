"""/recruiting/market/: the market map — demand for each checklist item and tool against the share of engineers
who count in at the level asked (aggregates only, from the latest benchmark snapshot)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from portal.guards.access import can_view_candidates
from skills.benchmarks.disclosure import min_cohort
from skills.benchmarks.selectors import latest_snapshot, market_map


@require_safe
def market(request: HttpRequest) -> HttpResponse:
    """The map and its tables are a cached fragment named by the snapshot: built only when it is not stored."""
    context = {
        "snapshot": latest_snapshot(),
        "min_cohort": min_cohort(),
        "can_follow": can_view_candidates(request),
        "market": SimpleLazyObject(market_map),
    }
    return render(request, "recruiting/market.html", context)
