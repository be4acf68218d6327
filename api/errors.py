"""Every failure becomes JSON ``{"detail": ..., "errors": {...}}`` with the status that names it."""

import logging
import math
from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from portal.middleware import DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS, log_database_unavailable

logger = logging.getLogger(__name__)

NON_FIELD = "__all__"


class InvalidInput(Exception):
    """Input that a form or service rejected, with the messages per field."""

    def __init__(self, errors: Mapping[str, list[str]]):
        self.errors = {field: [str(message) for message in messages] for field, messages in errors.items()}
        super().__init__(self.errors)


def summary(errors: Mapping[str, list[str]]) -> str:
    """One readable sentence for ``detail``: every message, prefixed by its field."""
    parts = []
    for field, messages in errors.items():
        for message in messages:
            parts.append(message if field == NON_FIELD else f"{field}: {message}")
    return " ".join(parts) or _("The input is not valid.")


def _ninja_errors(exc: NinjaValidationError) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        # loc is ("query", "limit") or ("body", "payload", "level"): the field is the last part.
        location = [str(part) for part in error.get("loc", ())]
        field = location[-1] if len(location) > 1 else NON_FIELD
        errors.setdefault(field, []).append(str(error.get("msg", _("This value is not valid."))))
    return errors


def install_error_handlers(api: NinjaAPI) -> None:
    def respond(request: HttpRequest, status: int, detail: str, errors=None) -> HttpResponse:
        return api.create_response(request, {"detail": detail, "errors": errors or {}}, status=status)

    @api.exception_handler(InvalidInput)
    def invalid_input(request, exc: InvalidInput):
        return respond(request, 422, summary(exc.errors), exc.errors)

    @api.exception_handler(DjangoValidationError)
    def service_validation(request, exc: DjangoValidationError):
        errors = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD: exc.messages}
        return respond(request, 422, summary(errors), errors)

    @api.exception_handler(NinjaValidationError)
    def request_validation(request, exc: NinjaValidationError):
        errors = _ninja_errors(exc)
        return respond(request, 422, summary(errors), errors)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc: AuthenticationError):
        response = respond(request, 401, _("Log in, or send a valid API token as “Authorization: Bearer <token>”."))
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response

    @api.exception_handler(Throttled)
    def throttled(request, exc: Throttled):
        seconds = math.ceil(exc.wait) if exc.wait else 60
        response = respond(
            request, 429, _("Too many requests; try again in %(seconds)d seconds.") % {"seconds": seconds}
        )
        response["Retry-After"] = str(seconds)
        return response

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc: RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return respond(request, 413, _("The request body is larger than %(size)s.") % {"size": filesizeformat(limit)})

    @api.exception_handler(TooManyFieldsSent)
    def too_many_fields(request, exc: TooManyFieldsSent):
        # Django refuses the query string as it is read: the client's doing, so a 400, not a failure of ours.
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        return respond(request, 400, _("The request has more than %(limit)d fields.") % {"limit": limit})

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return respond(request, exc.status_code, str(exc))

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc: PermissionDenied):
        return respond(request, 403, str(exc) or _("You may not do this."))

    @api.exception_handler(Http404)
    def not_found(request, exc: Http404):
        return respond(request, 404, str(exc) or _("Not found."))

    def database_unavailable(request, exc: Exception):
        # The API's own handlers catch every error before the site's 503 middleware could: say the same here.
        log_database_unavailable(request, exc)
        response = respond(
            request,
            503,
            _("The database cannot be reached right now; try again in %(seconds)d seconds.")
            % {"seconds": RETRY_AFTER_SECONDS},
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response

    for unavailable in DATABASE_UNAVAILABLE:
        api.exception_handler(unavailable)(database_unavailable)

    @api.exception_handler(Exception)
    def unexpected(request, exc: Exception):
        # Still JSON for the client; the traceback goes to the log.
        logger.exception("Unhandled API error on %s", request.path)
        return respond(request, 500, _("Something went wrong on our side; please try again later."))
