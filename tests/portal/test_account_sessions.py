"""Deleting an account ends every session of it, in the database and the cache session stores alike."""

from importlib import import_module

import pytest
from django.conf import settings
from django.urls import reverse

from portal.models import AccountSession
from tests.clients import PortalClient
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

EMAIL = "leaving@example.com"
ENGINES = ("db", "cache", "cached_db")


def signed_in_browser() -> PortalClient:
    """A browser that signed in through the login page, as the owner does."""
    browser = PortalClient()
    assert browser.post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD}).status_code == 302
    assert browser.get(reverse("skills:checklist")).status_code == 200
    return browser


def stored(session_key: str) -> bool:
    return import_module(settings.SESSION_ENGINE).SessionStore().exists(session_key)


@pytest.mark.parametrize("engine", ENGINES)
def test_deleting_the_account_ends_its_sessions_in_every_other_browser(
    settings, engine, django_capture_on_commit_callbacks
):
    settings.SESSION_ENGINE = f"django.contrib.sessions.backends.{engine}"
    UserFactory(email=EMAIL, username=EMAIL)
    laptop, phone = signed_in_browser(), signed_in_browser()
    phone_key = phone.session.session_key
    assert stored(phone_key)
    with django_capture_on_commit_callbacks(execute=True):
        response = laptop.post(reverse("skills:profile-delete"), {"email": EMAIL, "password": PASSWORD})
    assert response.status_code == 302
    assert not stored(phone_key)  # gone from the store, with the e-mail address it held
    assert phone.get(reverse("skills:checklist")).status_code == 302
    assert not AccountSession.objects.exists()


def test_a_session_whose_key_changed_with_the_password_ends_too(settings, django_capture_on_commit_callbacks):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    UserFactory(email=EMAIL, username=EMAIL)
    phone = signed_in_browser()
    old_key = phone.session.session_key
    new_password = "another-Long-passphrase-77"
    data = {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password}
    assert phone.post(reverse("account_change_password"), data).status_code == 302
    new_key = phone.session.session_key
    assert new_key != old_key and stored(new_key)
    laptop = PortalClient()
    laptop.post(reverse("account_login"), {"login": EMAIL, "password": new_password})
    with django_capture_on_commit_callbacks(execute=True):
        laptop.post(reverse("skills:profile-delete"), {"email": EMAIL, "password": new_password})
    assert not stored(new_key)


def test_signing_out_forgets_the_noted_session(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    user = UserFactory(email=EMAIL, username=EMAIL)
    browser = signed_in_browser()
    assert list(AccountSession.objects.filter(user=user).values_list("session_key", flat=True)) == [
        browser.session.session_key
    ]
    browser.post(reverse("account_logout"))
    assert not AccountSession.objects.exists()
