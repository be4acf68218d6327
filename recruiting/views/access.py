"""One guard for every recruiter page, applied once to the whole URL group in ``recruiting.urls``."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from portal.access import can_view_candidates, needs_second_factor
from portal.redirects import to_second_factor


def candidates_required(view):
    """Anonymous visitors go to the login page; staff without a confirmed second factor to the page that explains
    it; anyone else without the right gets 403."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_view_candidates(request):
            if needs_second_factor(request):
                return to_second_factor(request)
            raise PermissionDenied(_("Only recruiters can work with candidates."))
        return view(request, *args, **kwargs)

    return guarded
