import logging
from urllib.parse import urlsplit, urlunsplit

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal import health
from portal.accounts.redirects import safe_next

logger = logging.getLogger(__name__)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html")


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico``, which browsers ask for on pages that link no icon (the admin, the API's JSON): our icon from
    the static files. Not permanent: the static file's hashed name changes with its content."""
    return redirect(static("favicon.svg"))


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    """The privacy statement: public, so it can be read before signing up (the sign-up page links it)."""
    return render(request, "portal/privacy.html")


@login_required
@require_safe
def account_menu(request: HttpRequest) -> HttpResponse:
    """The header's account menu as a page: where its toggle leads a browser without JavaScript."""
    return render(request, "portal/account_menu.html")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 while the database answers, 503 when it does not; the JSON reports each part (portal/health.py)."""
    status, report = health.report()
    if status != 200:
        logger.error("Health check: database unreachable")  # the cache logs its own failures (portal/cache/)
    return JsonResponse(report, status=status)


def too_many_requests(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The page allauth answers with when its rate limits stop a sign-in, a reset or a confirmation e-mail
    (``handler429``): the site's frame in the reader's language, not allauth's bare page."""
    return render(request, "429.html", status=429)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form refused for its missing or stale CSRF token (``CSRF_FAILURE_VIEW``), mostly one left open too long or
    sent after the cookies were cleared: the site's frame in the reader's language, with a way back to the form's
    page (the Referer, when it is this site's) instead of Django's bare developer page. Still a 403."""
    referer = urlsplit(request.headers.get("referer", ""))
    on_this_site = referer.netloc == request.get_host()
    back = safe_next(request, urlunsplit(("", "", referer.path, referer.query, ""))) if on_this_site else ""
    return render(request, "csrf_failure.html", {"back_url": back}, status=403)
