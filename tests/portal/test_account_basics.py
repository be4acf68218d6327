"""What a newcomer notices first: the account menu works without JavaScript, the e-mails name the portal and the
address (never the host or an internal username), and the two-factor code field opens the number keyboard."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, EditorFactory, RecruiterFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_account_toggle_is_a_link_to_a_page_with_the_whole_menu(client):
    client.force_login(UserFactory(email="engineer@example.com"))
    body = client.get(reverse("skills:checklist")).content.decode()
    assert re.search(r'<a class="nav-link dropdown-toggle nav-account-toggle" href="/accounts/menu/"', body)
    assert "css/no-script" in body  # without JavaScript the folded navigation is shown
    page = client.get("/accounts/menu/").content.decode()
    for url in ("/accounts/email/", "/accounts/password/change/", "/accounts/2fa/", "/api/tokens/"):
        assert f'href="{url}"' in page, url
    assert 'action="/accounts/logout/"' in page
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and "_auth_user_id" not in client.session


def test_the_account_page_is_in_dutch_too(client):
    client.force_login(UserFactory())
    body = client.get("/accounts/menu/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Je account" in body and "Uitloggen" in body


def test_the_confirmation_mail_names_the_portal_and_the_address_never_the_host_or_username(client):
    client.post(
        reverse("account_signup"), {"email": "newbie@example.com", "password1": PASSWORD, "password2": PASSWORD}
    )
    get_user_model().objects.filter(email="newbie@example.com").update(username="newbie.en")
    client.post(reverse("account_resend_confirmation"), {"email": "newbie@example.com"})
    body = mail.outbox[0].body
    assert "Hello from DE skills!" in body
    assert "testserver" not in body.split("http", 1)[0]  # the host appears in the link only
    assert "newbie@example.com" in body


def test_signing_in_names_the_address_not_the_username(client):
    user = UserFactory(email="newbie@example.com")
    get_user_model().objects.filter(pk=user.pk).update(username="newbie.en")
    response = client.post(reverse("account_login"), {"login": "newbie@example.com", "password": PASSWORD}, follow=True)
    body = response.content.decode()
    assert "newbie@example.com" in body
    assert "newbie.en" not in body


def test_the_two_factor_code_field_opens_the_number_keyboard(client):
    RecruiterFactory(email="r@example.com")
    client.post(reverse("account_login"), {"login": "r@example.com", "password": PASSWORD})
    body = client.get(reverse("mfa_authenticate")).content.decode()
    field = re.search(r'<input[^>]*name="code"[^>]*>', body).group(0)
    assert 'inputmode="numeric"' in field and 'autocomplete="one-time-code"' in field


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_portal_has_one_name_in_the_header_the_mails_subject_and_greeting_and_the_admin(client, language):
    name = settings.PRODUCT_NAME
    client.post(
        reverse("account_signup"),
        {"email": "newbie@example.com", "password1": PASSWORD, "password2": PASSWORD},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    [message] = mail.outbox
    assert message.subject.startswith(f"[{name}] ")
    greeting = {"nl": f"Hallo van {name}!", "en": f"Hello from {name}!"}[language]
    assert greeting in message.body
    page = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert re.search(rf'class="navbar-brand[^"]*"[^>]*>{re.escape(name)}</a>', page)
    assert re.search(rf"<title>[^<]* · {re.escape(name)}</title>", page)
    client.force_login(EditorFactory())
    admin = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<a href="/admin/">{name}</a>' in admin
    for other in ("skillsportaal", "DE-skills", "DE skills portal"):
        assert other not in message.subject + message.body + page + admin, other
