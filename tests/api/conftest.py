"""Helpers for calling the API as each kind of user, with a personal token."""

import pytest

from api.services import create_token
from tests.factories import EditorFactory, RecruiterFactory, SuperuserFactory, UserFactory

ROLE_FACTORIES = {
    "engineer": UserFactory,
    "recruiter": RecruiterFactory,
    "editor": EditorFactory,
    "superuser": SuperuserFactory,
}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Many users per test; a cheap hasher keeps the API suite quick (hashing is not under test here)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def bearer(user, *, staff_access: bool = True) -> dict[str, str]:
    """A fresh token of ``user``, by default as made in a session that passed the account's second factor."""
    return {"Authorization": f"Bearer {create_token(user=user, name='tests', staff_access=staff_access).plain}"}


@pytest.fixture
def call_as():
    """call_as(client, role_or_user, method, url, **kwargs): one request with a fresh token, or none for "anonymous"."""

    def call(client, who, method: str, url: str, **kwargs):
        if who != "anonymous":
            user = ROLE_FACTORIES[who]() if isinstance(who, str) else who
            kwargs.setdefault("headers", {}).update(bearer(user))
        return getattr(client, method)(url, **kwargs)

    return call
