"""Every session of an account ends with the account, whichever session engine holds them (db, cache, cached_db).

Each session key an account signs in with is noted at login, and by :class:`RecordSessionsMiddleware` the new
one whenever the key changes later (a password change); signing out drops the note. Deleting the account deletes each
noted session from the session store, once the deletion commits, so no other browser stays signed in and
nothing the session held (its e-mail address among it) stays behind in the database or the cache.
"""

from collections.abc import Callable
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db import transaction
from django.db.models.signals import pre_delete
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from portal.models import AccountSession

RECORDED_SESSION_KEY = "portal_recorded_session"


def record_session(*, user: AbstractBaseUser, session_key: str) -> None:
    """Note that ``user`` is signed in with this session; notes older than a session's lifetime are dropped."""
    now = timezone.now()
    AccountSession.objects.filter(
        user=user, created_at__lt=now - timedelta(seconds=settings.SESSION_COOKIE_AGE)
    ).delete()
    AccountSession.objects.bulk_create(
        [AccountSession(user=user, session_key=session_key, created_at=now)], ignore_conflicts=True
    )


def forget_session(*, user: AbstractBaseUser, session_key: str | None) -> None:
    AccountSession.objects.filter(user=user, session_key=session_key).delete()


def end_sessions_after_commit(*, user: AbstractBaseUser) -> None:
    """Delete every noted session of ``user`` from the session store once the current transaction commits."""
    keys = list(AccountSession.objects.filter(user=user).values_list("session_key", flat=True))
    store = import_module(settings.SESSION_ENGINE).SessionStore

    def end() -> None:
        for key in keys:
            store().delete(key)

    transaction.on_commit(end)


def _note_session(request: HttpRequest, user: AbstractBaseUser) -> None:
    """Note the request's session for ``user`` unless this very key is noted already (the session says so)."""
    session = getattr(request, "session", None)
    key = session.session_key if session is not None else None
    if key and session.get(RECORDED_SESSION_KEY) != key:
        record_session(user=user, session_key=key)
        session[RECORDED_SESSION_KEY] = key


class RecordSessionsMiddleware:
    """After the view: a signed-in session whose key changed since it was noted gets noted again (one write)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "session", None) is not None and request.user.is_authenticated:
            _note_session(request, request.user)
        return response


def _note_session_on_login(sender, request: HttpRequest, user: AbstractBaseUser, **kwargs) -> None:
    _note_session(request, user)


def _end_sessions_of_deleted_user(sender, instance: AbstractBaseUser, **kwargs) -> None:
    end_sessions_after_commit(user=instance)


def _forget_session_on_logout(sender, request: HttpRequest, user: AbstractBaseUser | None, **kwargs) -> None:
    if user is not None and getattr(request, "session", None) is not None:
        forget_session(user=user, session_key=request.session.session_key)


def connect() -> None:
    pre_delete.connect(_end_sessions_of_deleted_user, sender=get_user_model(), dispatch_uid="portal.end_sessions")
    user_logged_in.connect(_note_session_on_login, dispatch_uid="portal.note_session_on_login")
    user_logged_out.connect(_forget_session_on_logout, dispatch_uid="portal.forget_session_on_logout")
