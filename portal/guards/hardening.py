"""Site-wide guards for what arrives and what leaves: hostile text in, personal pages out.

``HostileInputMiddleware`` answers 400 before any view runs when the path, the
query string, a cookie or a form or JSON body holds text no field can store: a NUL
(PostgreSQL refuses it in text with a DataError, a 500), a lone surrogate, or
bytes that are not UTF-8 (over-long encodings included). The API reads every body
as JSON whatever its declared type, so there a body that is not declared JSON gets
415: every body an API view reads has passed the JSON check. One guard, so no view
has to remember it.

``PrivateResponsesMiddleware`` keeps what a signed-in caller sees out of shared
caches and the browser's history.
"""

import json
import re
from urllib.parse import unquote_to_bytes

from django.core.exceptions import RequestDataTooBig
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.defaults import bad_request

UNSTORABLE_TEXT = re.compile("[\x00\ud800-\udfff]")
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


def _unstorable_bytes(raw: bytes) -> bool:
    """NUL, or anything Python's strict UTF-8 decoder refuses (over-long forms, encoded surrogates, stray bytes)."""
    if b"\x00" in raw:
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _unstorable_urlencoded(encoded: bytes) -> bool:
    # "&" and "=" are ASCII, so decoding the whole string at once judges every name and value.
    return _unstorable_bytes(unquote_to_bytes(encoded.replace(b"+", b" ")))


def _unstorable_json(body: bytes) -> bool:
    """JSON escapes can spell NUL or a lone surrogate (\\u0000, \\ud800) in valid UTF-8."""
    if _unstorable_bytes(body):
        return True
    try:
        pending = [json.loads(body)]
    except (ValueError, RecursionError):
        return False  # not JSON: the endpoint rejects it in its own words
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if UNSTORABLE_TEXT.search(value):
                return True
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False


def has_unstorable_text(request: HttpRequest) -> bool:
    """Whether the path, query string, a cookie or a form/JSON body holds text that no field may store."""
    # A session cookie is looked up in the database when sessions live there.
    if any(UNSTORABLE_TEXT.search(value) for value in request.COOKIES.values()):
        return True
    # Django percent-quotes bytes of the path that are not UTF-8 (%C0%AF), so the path is unquoted once more.
    if _unstorable_bytes(unquote_to_bytes(request.path_info)):
        return True
    if _unstorable_urlencoded(get_bytes_from_wsgi(request.META, "QUERY_STRING", "")):
        return True
    content_type = (request.content_type or "").lower()
    if content_type == "multipart/form-data":
        # Files may hold any bytes. Django decodes the text fields leniently, so NUL is all that is left to find.
        # The API reads no multipart body: it refuses one with 415 (see api_body_is_refused).
        if request.method != "POST" or is_api_request(request):
            return False
        return any("\x00" in text for key, values in request.POST.lists() for text in (key, *values))
    if content_type != FORM_CONTENT_TYPE and not is_json_media_type(content_type):
        return False
    try:
        body = request.body
    except RequestDataTooBig:
        return False  # the view that reads it answers that (400 for pages, 413 for the API)
    return _unstorable_urlencoded(body) if content_type == FORM_CONTENT_TYPE else _unstorable_json(body)


def is_api_request(request: HttpRequest) -> bool:
    """The JSON API, not the token page that lives beside it."""
    return request.path_info.startswith("/api/") and not request.path_info.startswith(reverse("tokens:list"))


def is_json_media_type(content_type: str) -> bool:
    """``application/json`` or a JSON-based type such as ``application/merge-patch+json``."""
    content_type = content_type.lower()
    return content_type == "application/json" or (
        content_type.startswith("application/") and content_type.endswith("+json")
    )


def api_body_is_refused(request: HttpRequest) -> bool:
    """An API request with a body that is not declared JSON: the API would read it as JSON unchecked."""
    if not is_api_request(request) or is_json_media_type(request.content_type or ""):
        return False
    try:
        return bool(request.body)
    except RequestDataTooBig:
        return True


class HostileInputMiddleware:
    """Answer 400 (JSON under /api/, the plain error page elsewhere) to text that no field can store, and 415 to an
    API body that is not JSON."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if api_body_is_refused(request):
            detail = _("The API reads JSON only: send the body with “Content-Type: application/json”.")
            return JsonResponse({"detail": detail, "errors": {}}, status=415)
        if not has_unstorable_text(request):
            return self.get_response(request)
        if is_api_request(request):
            detail = _("The request holds characters that are not allowed (NUL, or text that is not valid UTF-8).")
            return JsonResponse({"detail": detail, "errors": {}}, status=400)
        return bad_request(request, None)


class PrivateResponsesMiddleware:
    """``Cache-Control: private, no-store`` on every answer to a signed-in session or a call with credentials.

    One rule for every page that shows someone's own data (the engineer's
    pages, candidates, shortlists, tokens, account pages, the personal API),
    so a new page cannot forget it. A view that sets its own Cache-Control
    keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        if "HTTP_AUTHORIZATION" in request.META or (user is not None and user.is_authenticated):
            patch_cache_control(response, private=True, no_store=True)
        return response
