"""One guard for every recruiter page, applied once to the whole URL group in ``recruiting.urls``."""

from django.utils.translation import gettext_lazy as _

from portal.guards.access import can_view_candidates, can_view_market
from portal.guards.pages import guarded


def candidates_required(view):
    return guarded(view, allowed=can_view_candidates, refusal=_("Only recruiters can work with candidates."))


def market_required(view):
    """The market map: recruiters and editors (aggregates only)."""
    return guarded(view, allowed=can_view_market, refusal=_("Only recruiters and editors can read the market map."))
