import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-Unusual-passphrase-42"


def confirmation_link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_signup_confirm_login_logout(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.com"]

    # Mandatory verification: logging in before confirming sends the user to the "verify" page.
    client.logout()
    response = client.post(reverse("account_login"), {"login": "new@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session

    link = confirmation_link(mail.outbox[0])
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302

    response = client.post(reverse("account_login"), {"login": "new@example.com", "password": PASSWORD})
    assert response.status_code == 302
    user = get_user_model().objects.get(email="new@example.com")
    assert client.session["_auth_user_id"] == str(user.pk)

    assert client.get(reverse("account_logout")).status_code == 200  # a GET only asks to confirm
    assert "_auth_user_id" in client.session
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_signup_with_mismatched_passwords_rerenders_with_email_kept(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "keep@example.com", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )
    assert response.status_code == 200
    assert 'value="keep@example.com"' in response.content.decode()
    assert not get_user_model().objects.filter(email="keep@example.com").exists()
    assert mail.outbox == []


def test_password_reset_sends_a_mail_to_known_address(client, django_user_model):
    django_user_model.objects.create_user("known@example.com", "known@example.com", PASSWORD)
    response = client.post(reverse("account_reset_password"), {"email": "known@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


@pytest.mark.parametrize(("language", "words"), [("en", "Too many attempts"), ("nl", "Te veel pogingen")])
def test_too_many_reset_requests_get_the_sites_page_in_the_readers_language_with_an_address(
    client, django_user_model, settings, language, words
):
    django_user_model.objects.create_user("known@example.com", "known@example.com", PASSWORD)
    answers = [
        client.post(reverse("account_reset_password"), {"email": "known@example.com"}, HTTP_ACCEPT_LANGUAGE=language)
        for _ in range(6)  # five a minute per address
    ]
    assert [answer.status_code for answer in answers] == [302] * 5 + [429]
    body = answers[-1].content.decode()
    assert f'<html lang="{language}">' in body and words in body and 'href="#main"' in body
    assert f'href="mailto:{settings.PRIVACY_CONTACT_EMAIL}"' in body
    assert len(mail.outbox) == 5


def test_login_page_uses_site_layout(client):
    body = client.get(reverse("account_login")).content.decode()
    assert '<html lang="en">' in body
    assert 'href="#main"' in body
    assert "form-control" in body  # crispy/bootstrap fields, not allauth's bare defaults


def test_a_visitor_sent_to_log_in_by_a_page_is_told_why_and_the_menus_log_in_says_nothing(client):
    sent = client.get(reverse("skills:profile"), follow=True)
    assert sent.redirect_chain[-1][0].startswith(reverse("account_login") + "?next=")
    assert "Log in to see that page: you land on it right after." in sent.content.decode()
    assert "Log in to see that page" not in client.get(reverse("account_login")).content.decode()
    assert "Log in to see that page" not in client.get(reverse("account_signup") + "?next=/skills/").content.decode()


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Confirm that <strong>new@example.com</strong> is your email address."),
        ("nl", "Bevestig dat <strong>new@example.com</strong> je e-mailadres is."),
    ],
)
def test_the_confirm_page_names_the_address_once(client, language, sentence):
    client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    body = client.get(confirmation_link(mail.outbox[0]), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert sentence in body
    assert "for user" not in body and "voor gebruiker" not in body


def test_the_dutch_confirmation_email_reads_plainly(client):
    client.post(
        reverse("account_signup"),
        {"email": "nieuw@example.com", "password1": PASSWORD, "password2": PASSWORD},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    body = mail.outbox[0].body
    assert "Iemand, hopelijk jij, heeft zich bij DE skills geregistreerd als nieuw@example.com." in body
    assert "zijn of haar" not in body


@override_settings(PRIVACY_CONTACT_EMAIL="help@example.com")
@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("page", ["account_reset_password", "account_reset_password_done"])
def test_the_reset_pages_give_the_privacy_statements_address_to_write_to(client, page, language):
    body = client.get(reverse(page), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    help_text = body.split('id="reset-help">', 1)[1].split("</p>", 1)[0]
    assert '<a href="mailto:help@example.com">help@example.com</a>' in help_text
    assert "contact us" not in body and "contact met ons" not in body
    privacy = client.get(reverse("privacy"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert 'href="mailto:help@example.com"' in privacy


@pytest.mark.parametrize(("language", "button"), [("en", "Email me a reset link"), ("nl", "Mail me een resetlink")])
def test_the_reset_form_button_says_it_sends_a_link(client, language, button):
    body = client.get(reverse("account_reset_password"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    form = body.split("<form", 1)[1].split("</form>", 1)[0]
    assert re.search(rf'<button[^>]*type="submit"[^>]*>\s*{button}\s*</button>', form)
