"""Writes of a person's language: the one service that keeps it, and the sign-up / sign-in signals that call it."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponseBase
from django.utils import translation

from portal.languages.selectors import is_language, kept_language, language_or_default
from portal.models import PersonLanguage


def keep_language(*, user: AbstractBaseUser, language: str) -> bool:
    """Keep ``language`` as the person's; True if it changed. One read, and a write only when it differs."""
    if not is_language(language):
        raise ValueError(f"not a language of the portal: {language!r}")
    if kept_language(user=user) == language:
        return False
    PersonLanguage.objects.update_or_create(user=user, defaults={"language": language})
    return True


def keep_language_at_sign_up(*, request: HttpRequest, user: AbstractBaseUser, **kwargs) -> None:
    """allauth's ``user_signed_up``: the new person reads in the language the sign-up page was in."""
    keep_language(user=user, language=_active_language())


def keep_language_at_sign_in(
    *, request: HttpRequest, user: AbstractBaseUser, response: HttpResponseBase | None = None, **kwargs
) -> None:
    """allauth's ``user_logged_in``: a language already kept stays (a browser in another language does not change
    it) and the portal switches to it from the next page on; someone without one gets the page's language."""
    kept = kept_language(user=user)
    if kept is None:
        keep_language(user=user, language=_active_language())
    elif response is not None and is_language(kept) and kept != _active_language():
        in_language(response, language=kept)


def in_language(response: HttpResponseBase, *, language: str) -> HttpResponseBase:
    """The browser reads the portal in ``language`` from this response on: the cookie the switcher sets."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def answer_in_own_language(request: HttpRequest, *, kept: str | None) -> None:
    """A caller the request itself names no language for (no language cookie, no ``Accept-Language``) is answered
    in the language ``kept`` for them (by :func:`language_or_default`'s rule), as their pages are once they sign in;
    a language the request names wins, as HTTP has it. For callers that never sign in on a page: API tokens."""
    if is_language(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)) or request.headers.get("Accept-Language"):
        return
    language = language_or_default(kept)
    translation.activate(language)
    request.LANGUAGE_CODE = language


def _active_language() -> str:
    return translation.get_supported_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
