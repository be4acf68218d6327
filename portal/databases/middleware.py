"""Reads of the listed pages from a replica; a browser that just wrote reads from the primary for a while.

A request that writes (any method but GET, HEAD, OPTIONS) leaves a short-lived cookie; while it lasts, that
browser's pages are read from the primary, so whoever ticked an item, saved a shortlist or changed their profile
sees it at once, whatever a replica has replayed. When the replica a page read from fails during the request (it
stopped, or its connection broke), the page is answered once more from the primary, provided nothing was
written yet: a replica failure costs time, never a 500 or a 503.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve

from portal.databases import replicas
from portal.databases.routing import reads_from_replica, replica_aliases, replica_reads

PIN_COOKIE = "primary_pin"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def pinned_to_primary(request: HttpRequest) -> bool:
    return request.COOKIES.get(PIN_COOKIE) == "1"


def _url_name(request: HttpRequest) -> str | None:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None


class ReplicaReadsMiddleware:
    """Sits right after DatabaseUnavailableMiddleware: it sees that middleware's 503 for a failed replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not replica_aliases():  # one database: nothing to route, nothing to pin
            return self.get_response(request)
        if request.method not in SAFE_METHODS or not reads_from_replica(_url_name(request)):
            response = self.get_response(request)
        else:
            with replica_reads(replicas_allowed=not pinned_to_primary(request)) as reads:
                response = self.get_response(request)
            failed = response.status_code >= 500 and reads.replica and not reads.wrote
            if failed and not replicas.usable(reads.replica, fresh=True):  # another replica, or else the primary
                with replica_reads():
                    response = self.get_response(request)
        if request.method not in SAFE_METHODS and response.status_code < 500:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.DATABASE_PRIMARY_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
