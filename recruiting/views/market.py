"""/recruiting/market/: the market map — demand for each checklist item and tool against the share of engineers
who count in at the level asked (aggregates only, from the latest benchmark snapshot)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from portal.access import can_view_candidates
from skills.benchmarks.selectors import market_map


@require_safe
def market(request: HttpRequest) -> HttpResponse:
    context = {"market": market_map(), "can_follow": can_view_candidates(request)}
    return render(request, "recruiting/market.html", context)
