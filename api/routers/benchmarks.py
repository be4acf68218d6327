"""The benchmarks as data: the engineer's own standings (for those who count in) and the market map (recruiters
and editors); the same selectors, and so the same disclosure rule, as the pages."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router

from api.auth import ENGINEER_AUTH, ENGINEER_TAG, SIGNED_IN_AUTH
from api.schemas.benchmarks import BenchmarksOut, MarketOut
from api.schemas.common import AUTH_ERRORS
from portal.guards.access import can_view_market, needs_second_factor
from skills.benchmarks.selectors import engineer_benchmarks, market_map

engineer_router = Router(tags=[ENGINEER_TAG], auth=ENGINEER_AUTH)
market_router = Router(tags=["recruiter"], auth=SIGNED_IN_AUTH)


@engineer_router.get(
    "/benchmarks",
    response={200: BenchmarksOut, **AUTH_ERRORS},
    summary="Where your levels stand among engineers who count in (403 unless you count in yourself)",
)
def get_own_benchmarks(request: HttpRequest):
    benchmarks = engineer_benchmarks(user=request.auth)
    if not benchmarks.counts_in:
        raise PermissionDenied(_("Count your own levels in (on your profile) to see the benchmarks."))
    return {
        "snapshot_at": benchmarks.snapshot.built_at if benchmarks.snapshot else None,
        "min_cohort": benchmarks.min_cohort,
        "skills": benchmarks.skills,
    }


@market_router.get(
    "/market", response={200: MarketOut, **AUTH_ERRORS}, summary="Demand against supply per checklist item and tool"
)
def get_market(request: HttpRequest):
    if not can_view_market(request):
        if needs_second_factor(request):
            raise PermissionDenied(_("Set up two-factor login before you use the market map."))
        raise PermissionDenied(_("Only recruiters and editors can read the market map."))
    market = market_map()
    return {
        "snapshot_at": market.snapshot.built_at if market.snapshot else None,
        "min_cohort": market.min_cohort,
        "items": [heated.row for heated in market.items],
        "tools": [heated.row for heated in market.tools],
    }
