"""One guard for every recruiter page, applied once to the whole URL group in ``recruiting.urls``."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from portal.accounts.redirects import to_second_factor
from portal.guards.access import can_view_candidates, can_view_market, needs_second_factor


def _guard(view, *, allowed, refusal: str):
    """Anonymous visitors go to the login page; staff without a confirmed second factor to the page that explains
    it; anyone else without the right gets 403."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not allowed(request):
            if needs_second_factor(request):
                return to_second_factor(request)
            raise PermissionDenied(refusal)
        return view(request, *args, **kwargs)

    return guarded


def candidates_required(view):
    return _guard(view, allowed=can_view_candidates, refusal=_("Only recruiters can work with candidates."))


def market_required(view):
    """The market map: recruiters and editors (aggregates only)."""
    return _guard(view, allowed=can_view_market, refusal=_("Only recruiters and editors can read the market map."))
