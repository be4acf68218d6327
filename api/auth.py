"""Who is calling: a personal API token (scripts) or the browser session with its CSRF token. A token's call that
names no language is answered in its owner's (``portal.languages.services.answer_in_own_language``).

Also the per-caller rate limit, the engineer check that every ``/api/me/`` endpoint applies with its
authentication (``ENGINEER_AUTH``), and the recruiter check, which every recruiter endpoint applies before it reads
a candidate.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError, Throttled
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import BaseThrottle
from ninja.utils import check_csrf

from api.services import use_token
from portal.guards.access import can_view_candidates, needs_second_factor, works_as_engineer
from portal.guards.addresses import client_address
from portal.guards.rate_limits import VACANCY_READINGS, count_call
from portal.languages.services import answer_in_own_language


def anyone_signed_in(request: HttpRequest) -> None:
    """Every signed-in caller may go on."""


def require_engineer(request: HttpRequest) -> None:
    """The engineer's pages' rule (``portal.guards.access.works_as_engineer``) for ``/api/me/``: a recruiter or an
    editor is refused with 403 unless they keep an engineer profile of their own, so none is made or served."""
    if not works_as_engineer(request):
        raise PermissionDenied(
            _("These endpoints are an engineer's own: recruiters and editors keep no levels or profile here.")
        )


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>`` with an active personal token of an active user, who then passes
    ``check`` (which raises to refuse them)."""

    def __init__(self, *, check: Callable[[HttpRequest], None] = anyone_signed_in):
        self.check = check
        super().__init__()

    def authenticate(self, request: HttpRequest, token: str) -> AbstractBaseUser | None:
        api_token = use_token(plain=token)
        if api_token is None:
            ANONYMOUS_RATE_LIMIT.check(request)
            return None
        request.api_token = api_token
        answer_in_own_language(request, kept=api_token.owner_language)  # before the check, whose refusal is worded too
        self.check(request)
        return api_token.user


class BrowserSessionAuth(SessionAuth):
    """The logged-in browser session, whose user then passes ``check``; unsafe methods need the CSRF token, as on
    every form of the site."""

    def __init__(self, *, check: Callable[[HttpRequest], None] = anyone_signed_in):
        self.check = check
        super().__init__(csrf=True)

    def _get_key(self, request: HttpRequest) -> str | None:
        # Without a logged-in session there is nothing to protect: the caller gets 401, not a CSRF error.
        if request.user.is_authenticated and check_csrf(request) is not None:
            raise HttpError(403, _("CSRF check failed: send the X-CSRFToken header with the csrftoken cookie's value."))
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> AbstractBaseUser | None:
        user = super().authenticate(request, key)
        if user is not None:
            self.check(request)
        return user


# Token first, so a script's request never depends on a stray session cookie.
SIGNED_IN_AUTH = [TokenAuth(), BrowserSessionAuth()]
# The engineer's own endpoints (/api/me/…, tagged ENGINEER_TAG): the same callers, and staff only with an engineer
# profile of their own; the OpenAPI document says so at each of their 403s.
ENGINEER_AUTH = [TokenAuth(check=require_engineer), BrowserSessionAuth(check=require_engineer)]
ENGINEER_TAG = "engineer"
ENGINEERS_ONLY_403 = (
    "Forbidden: these endpoints are an engineer's own, so a recruiter or an editor (staff rights with a confirmed "
    "second factor) without an engineer profile of their own is refused; the summary names any other refusal."
)


class PerCallerRateThrottle(BaseThrottle):
    """At most ``requests`` calls per ``seconds`` window for each token (or session user).

    Counted by :func:`portal.guards.rate_limits.count_call`, so several workers share one count. Anonymous calls to
    public endpoints are not counted here.
    """

    timer = staticmethod(time.time)

    def __init__(self, *, requests: int, seconds: int):
        self.requests = requests
        self.seconds = seconds

    def limit(self) -> int:
        return self.requests

    @staticmethod
    def caller(request: HttpRequest) -> str | None:
        api_token = getattr(request, "api_token", None)
        if api_token is not None:
            return f"token-{api_token.pk}"
        user = getattr(request, "auth", None)
        if user is not None and getattr(user, "pk", None) is not None:
            return f"user-{user.pk}"
        return None

    def allow_request(self, request: HttpRequest) -> bool:
        caller = self.caller(request)
        if caller is None:
            return True
        return count_call(caller, seconds=self.seconds, now=self.timer()) <= self.limit()

    def wait(self) -> float:
        return self.seconds - (self.timer() % self.seconds)


class PerAddressRateThrottle(PerCallerRateThrottle):
    """Calls without a valid token or session, counted per client address (``API_ANONYMOUS_RATE_LIMIT`` a window,
    read on each call).

    Public endpoints count here, and so does every call with a token that is
    not valid (``TokenAuth``), so guessing tokens is limited too.
    """

    def __init__(self, *, seconds: int):
        super().__init__(requests=settings.API_ANONYMOUS_RATE_LIMIT, seconds=seconds)

    def limit(self) -> int:
        return settings.API_ANONYMOUS_RATE_LIMIT

    def caller(self, request: HttpRequest) -> str | None:
        if PerCallerRateThrottle.caller(request) is not None:
            return None
        return f"address-{client_address(request)}"

    def check(self, request: HttpRequest) -> None:
        """Count one call, and refuse it with 429 once the address is over its limit."""
        if not self.allow_request(request):
            raise Throttled(wait=self.wait())


ANONYMOUS_RATE_LIMIT = PerAddressRateThrottle(seconds=60)


def limit_vacancy_readings(request: HttpRequest) -> None:
    """The vacancy readings' own limit per client address (the engineer's page counts there too), besides the
    API's limits: 429 once the address is over it."""
    if not VACANCY_READINGS.allow(request):
        raise Throttled(wait=VACANCY_READINGS.wait())


def require_recruiter(request: HttpRequest) -> None:
    """The candidate pages' rule (portal.guards.access.can_view_candidates), for the token and the session alike."""
    if can_view_candidates(request):
        return
    if needs_second_factor(request):
        raise PermissionDenied(_("Set up two-factor login before you use the recruiter API."))
    raise PermissionDenied(_("Only recruiters can read candidates."))
