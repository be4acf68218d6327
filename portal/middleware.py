"""A clean 503 page, instead of a 500, while the database cannot be reached.

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
from django.template.loader import get_template
from django.utils.cache import add_never_cache_headers

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
