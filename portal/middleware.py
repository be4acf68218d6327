"""Pages instead of bare answers: a clean 503, instead of a 500, while the database cannot be reached; and a page
for a 405 that a browser would otherwise show blank.

When PostgreSQL restarts or is down, every page that needs it fails with
``OperationalError`` or ``InterfaceError``. Visitors then get a short "back in a
moment" page with ``Retry-After``, rendered without touching the database.
Nothing else is needed to recover: with ``CONN_HEALTH_CHECKS`` on, the next
request drops the broken connection and opens a new one.
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from portal.guards.hardening import is_api_request

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 15
_FAILURE_ATTRIBUTE = "_portal_database_failure"


def render_database_unavailable() -> str:
    """The 503 page; no request context, so no context processor, session or user lookup reaches the database."""
    return get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})


def _as_database_unavailable(response: HttpResponse) -> HttpResponse:
    response.status_code = 503
    response.content = render_database_unavailable()
    response["Content-Type"] = "text/html; charset=utf-8"
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def log_database_unavailable(request: HttpRequest, exception: Exception) -> None:
    logger.error(
        "Database unavailable, answered 503 to %s %s: %s: %s",
        request.method,
        request.path,
        type(exception).__name__,
        next(iter(str(exception).strip().splitlines()), ""),
    )


def _remember_database_failure(sender, request: HttpRequest | None = None, **kwargs) -> None:
    """Django turned an exception from another middleware into a 500; note it when the database caused it."""
    exception = sys.exc_info()[1]
    if request is not None and isinstance(exception, DATABASE_UNAVAILABLE):
        setattr(request, _FAILURE_ATTRIBUTE, exception)


class DatabaseUnavailableMiddleware:
    """Answer 503 with Retry-After when the database is unreachable, wherever in the request it failed.

    Errors raised by views (and template rendering) arrive in ``process_exception``.
    Errors raised by other middleware (a session or user lookup before the view)
    never reach it: Django turns them into a 500 response first, so this
    middleware sits first in ``MIDDLEWARE`` and rewrites that response, keeping
    the security headers the other middleware added.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_remember_database_failure, dispatch_uid="portal-database-unavailable")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        failure = getattr(request, _FAILURE_ATTRIBUTE, None)
        if failure is not None and response.status_code == 500:
            log_database_unavailable(request, failure)
            response = _as_database_unavailable(response)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        log_database_unavailable(request, exception)
        return _as_database_unavailable(HttpResponse())


# The page each form that posts to a POST-only address is on, by URL name (``namespace:name``); the 405 page leads
# back there, else to the reader's home.
FORM_PAGES = {
    "skills:share-link-create": "skills:profile",
    "skills:share-link-revoke": "skills:profile",
    "skills:item-state": "skills:checklist",
    "skills:assess": "skills:checklist",
    "skills:assess-all": "skills:checklist",
    "skills:resource-done": "skills:gaps",
}


class MethodNotAllowedPageMiddleware:
    """A page for a browser that opens an address which only takes a form's answer (Enter in the address bar after
    a post): Django answers 405 with an empty body, which a browser shows as a blank page. The status and the
    Allow header stay; the API answers as it does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code != 405
            or response.content
            or request.method not in {"GET", "HEAD"}
            or not request.accepts("text/html")
            or is_api_request(request)
        ):
            return response
        match = request.resolver_match
        form_page = FORM_PAGES.get(match.view_name) if match is not None else None
        page = render(request, "405.html", {"form_page": reverse(form_page) if form_page else ""}, status=405)
        page["Allow"] = response["Allow"]
        return page
