"""One guard for a group of pages, applied once to the group's URLs (``recruiting.urls``, ``skills.urls``).

Anonymous visitors go to the login page; staff without a confirmed second factor to the page that explains it;
anyone else without the right gets 403, whose page says why and where they work instead (``templates/403.html``).
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from portal.accounts.redirects import to_second_factor
from portal.guards.access import needs_second_factor, works_as_engineer


def guarded(view, *, allowed: Callable[[HttpRequest], bool], refusal: str | Promise):
    """``view`` for whom ``allowed(request)`` lets through; the others as above. ``refusal`` is lazy text: the
    guard is applied once, when the URLs load, and the 403 page puts it in each reader's language."""

    @wraps(view)
    def guarded_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not allowed(request):
            if needs_second_factor(request):
                return to_second_factor(request)
            raise PermissionDenied(refusal)
        return view(request, *args, **kwargs)

    return guarded_view


def engineer_required(view):
    """The engineer's own pages: recruiters and editors are not engineers, unless they keep an engineer profile of
    their own as well (``works_as_engineer``)."""
    return guarded(view, allowed=works_as_engineer, refusal=_("These pages are an engineer's own."))
