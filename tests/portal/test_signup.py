"""Sign-up without friction: confirming signs in, the email can be sent again, and one set of words."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from tests.clients import PortalClient as Client
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_up(client, email="new@example.com"):
    return client.post(reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def confirmation_link(message) -> str:
    return re.search(r"/accounts/confirm-email/\S+/", message.body).group(0)


def resend(client, email):
    return client.post(reverse("account_resend_confirmation"), {"email": email}, follow=True)


def test_confirming_the_email_in_the_same_browser_signs_in(client):
    sign_up(client)
    assert "_auth_user_id" not in client.session
    response = client.post(confirmation_link(mail.outbox[0]))
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
    assert EmailAddress.objects.get(email="new@example.com").verified


def test_the_verify_page_offers_to_send_the_email_again_to_the_address_just_used(client):
    sign_up(client)
    body = client.get(reverse("account_email_verification_sent")).content.decode()
    assert 'value="new@example.com"' in body
    assert "Send the email again" in body


def test_send_again_sends_one_email_then_waits(client):
    sign_up(client)
    assert len(mail.outbox) == 1
    response = resend(client, "NEW@example.com")
    assert "a new email is on its way" in response.content.decode()
    assert len(mail.outbox) == 2
    assert confirmation_link(mail.outbox[1])
    resend(client, "new@example.com")
    assert len(mail.outbox) == 2  # rate-limited: at most one every few minutes


def test_send_again_answers_alike_for_unknown_and_confirmed_addresses_and_sends_nothing(client):
    UserFactory(email="known@example.com")
    assert EmailAddress.objects.get(email="known@example.com").verified
    for email in ("nobody@example.com", "known@example.com"):
        response = resend(client, email)
        assert f"If {email} is waiting for confirmation, a new email is on its way." in response.content.decode()
    assert mail.outbox == []


def test_send_again_with_a_bad_address_says_so(client):
    response = resend(client, "not an address")
    assert "Enter the email address you signed up with." in response.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("language", "words", "never"),
    [
        ("en", ["Log in", "Sign up"], ["Sign In", "Sign Up"]),
        ("nl", ["Inloggen", "Registreren"], ["Aanmelden", "Meld je"]),
    ],
)
def test_login_and_signup_pages_use_one_set_of_words(client, language, words, never):
    for name in ("account_login", "account_signup"):
        body = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        for word in words:
            assert word in body, (name, word)
        for word in never:
            assert word not in body, (name, word)


@pytest.mark.parametrize(
    ("language", "word", "never"), [("en", "Log out", "Sign Out"), ("nl", "Uitloggen", "Afmelden")]
)
def test_logout_page_and_menu_say_log_out(client, language, word, never):
    client.force_login(UserFactory())
    body = client.get(reverse("account_logout"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert word in body
    assert never not in body


def test_one_client_cannot_send_confirmations_to_more_than_a_few_addresses_an_hour(client):
    from portal.accounts.verification import RESENDS_PER_CLIENT_HOUR

    addresses = [f"waiting-{number}@example.com" for number in range(RESENDS_PER_CLIENT_HOUR + 2)]
    for email in addresses:
        EmailAddress.objects.create(user=UserFactory(email=f"owner-{email}"), email=email, verified=False)
    for email in addresses:
        response = resend(client, email)
        assert f"If {email} is waiting for confirmation" in response.content.decode()  # the same answer throughout
    assert len(mail.outbox) == RESENDS_PER_CLIENT_HOUR
    other = resend(client.__class__(REMOTE_ADDR="203.0.113.9"), addresses[-1])
    assert other.status_code == 200
    assert len(mail.outbox) == RESENDS_PER_CLIENT_HOUR + 1  # another client is not held back


def test_signing_up_with_a_registered_address_hashes_the_password_as_a_new_address_does(settings):
    """Both answers take the same work, so timing does not tell who is registered (counted, never timed)."""
    from tests.clients import PortalClient
    from tests.hashers import CountingHasher

    settings.PASSWORD_HASHERS = ["tests.hashers.CountingHasher"]
    UserFactory(email="known@example.com")
    CountingHasher.hashed.clear()
    new = sign_up(PortalClient(), "new@example.com")
    hashed_for_new = list(CountingHasher.hashed)
    CountingHasher.hashed.clear()
    known = sign_up(PortalClient(), "known@example.com")
    assert hashed_for_new == [PASSWORD]
    assert CountingHasher.hashed == hashed_for_new
    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])


def shown_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Your email address new@example.com is confirmed and you are logged in."),
        ("nl", "Je e-mailadres new@example.com is bevestigd en je bent ingelogd."),
    ],
)
def test_confirming_the_email_says_confirmed_and_logged_in_in_one_message(client, language, words):
    client.cookies["django_language"] = language
    client.get(sign_up(client).url)  # the page that says the email is on its way
    response = client.post(confirmation_link(mail.outbox[0]), follow=True)
    assert shown_messages(response) == [words]


def test_confirming_in_another_browser_says_confirmed_only(client):
    sign_up(client)
    other_browser = Client()
    response = other_browser.post(confirmation_link(mail.outbox[0]), follow=True)
    assert "_auth_user_id" not in other_browser.session
    assert shown_messages(response) == ["You have confirmed new@example.com."]


def test_a_normal_login_still_says_logged_in(client):
    UserFactory(email="known@example.com")
    response = client.post(reverse("account_login"), {"login": "known@example.com", "password": PASSWORD}, follow=True)
    assert shown_messages(response) == ["Logged in as known@example.com."]


@pytest.mark.parametrize(
    ("language", "too_short"),
    [
        ("en", "This password is too short. It must contain at least 8 characters."),
        ("nl", "Dit wachtwoord is te kort. Het moet minstens 8 tekens bevatten."),
    ],
)
def test_a_password_too_short_is_refused_in_the_readers_language(client, language, too_short):
    fields = {"email": "kort@example.com", "password1": "kort", "password2": "kort"}
    response = client.post(reverse("account_signup"), fields, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert too_short in response.content.decode()
