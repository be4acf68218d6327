"""Each person's language: kept from the switcher, the notices page, sign-up and the first sign-in; every notice email
is written in it alone; it is in the person's data export."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from portal.languages.selectors import language_of
from portal.models import NoticePreference, PersonLanguage
from recruiting.models import ContactRequest
from skills.privacy.personal_data import export_user_data
from tests.clients import PortalClient
from tests.factories import PASSWORD, EngineerProfileFactory, RecruiterFactory, UserFactory
from tests.jobs import queue_in_database, work_off_queue

pytestmark = pytest.mark.django_db

LANGUAGE = reverse("notice-language")
NOTICES = reverse("notices")
MESSAGE = "Shall we talk about our lakehouse?"


def browser(language: str = "en") -> PortalClient:
    client = PortalClient()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def signed_in(user, language: str = "en") -> PortalClient:
    client = browser(language)
    client.force_login(user)
    return client


def keep(user, language: str) -> None:
    PersonLanguage.objects.create(user=user, language=language)


def ask_for_contact(recruiter, profile) -> ContactRequest:
    url = reverse("recruiting:contact-request", kwargs={"pk": profile.pk})
    data = {"name": "Rita Recruiter", "company": "Acme Data", "message": MESSAGE}
    assert signed_in(recruiter).post(url, data).status_code == 302
    return ContactRequest.objects.get(recruiter=recruiter)


@pytest.mark.parametrize(
    ("language", "subject", "other_language_words"),
    [
        ("nl", "[DE skills] Rita Recruiter van Acme Data wil graag contact met je", "would like to get in touch"),
        ("en", "[DE skills] Rita Recruiter of Acme Data would like to get in touch", "wil graag contact"),
    ],
)
def test_a_notice_email_is_written_in_the_recipients_language_alone(settings, language, subject, other_language_words):
    queue_in_database(settings)
    engineer = UserFactory(email="noor@example.com")
    keep(engineer, language)
    profile = EngineerProfileFactory(user=engineer, visibility="recruiters")

    ask_for_contact(RecruiterFactory(), profile)  # the recruiter's request is in English
    work_off_queue()

    [email] = mail.outbox
    assert email.subject == subject
    assert other_language_words not in email.subject + email.body
    assert email.body.count(MESSAGE) == 1  # one message, told once
    assert "-----" not in email.body


def test_the_recruiter_is_answered_in_their_own_language_whatever_the_engineers(settings):
    queue_in_database(settings)
    recruiter = RecruiterFactory(email="rita@acme.example")
    keep(recruiter, "nl")
    engineer = UserFactory()
    profile = EngineerProfileFactory(user=engineer, visibility="recruiters")
    NoticePreference.objects.create(user=engineer, kind="contact_requested", channel="portal")  # no email to them
    contact = ask_for_contact(recruiter, profile)

    answer = reverse("recruiting:contact-answer", kwargs={"pk": contact.pk})
    assert signed_in(engineer, "en").post(answer, {"answer": "accept"}).status_code == 302
    work_off_queue()

    assert [email.subject for email in mail.outbox] == [
        f"[DE skills] Kandidaat {profile.pseudonym} heeft je contactverzoek geaccepteerd"
    ]


def test_someone_without_a_language_is_written_to_in_the_sites_default():
    assert language_of(user=UserFactory()) == settings.LANGUAGE_CODE == "en"


def test_the_switcher_keeps_the_signed_in_persons_language():
    user = UserFactory()
    client = signed_in(user)
    switch = reverse("set_language")
    assert client.post(switch, {"language": "nl", "next": "/"}).status_code == 302
    assert language_of(user=user) == "nl"
    assert client.post(switch, {"language": "en", "next": "/"}).status_code == 302
    assert language_of(user=user) == "en"
    assert client.post(switch, {"language": "xx", "next": "/"}).status_code == 302  # Django ignores it
    assert language_of(user=user) == "en"
    assert PersonLanguage.objects.filter(user=user).count() == 1


def test_an_anonymous_switch_keeps_nothing():
    assert browser().post(reverse("set_language"), {"language": "nl", "next": "/"}).status_code == 302
    assert not PersonLanguage.objects.exists()


def test_signing_up_keeps_the_language_of_the_sign_up_page():
    data = {"email": "nieuw@example.com", "password1": PASSWORD, "password2": PASSWORD}
    assert browser("nl").post(reverse("account_signup"), data).status_code == 302
    assert PersonLanguage.objects.get(user__email="nieuw@example.com").language == "nl"


def test_signing_in_keeps_a_kept_language_and_gives_one_to_someone_without():
    dutch = UserFactory(email="dutch@example.com")
    keep(dutch, "nl")
    newcomer = UserFactory(email="newcomer@example.com")
    login = reverse("account_login")

    assert browser("en").post(login, {"login": dutch.email, "password": PASSWORD}).status_code == 302
    assert browser("nl").post(login, {"login": newcomer.email, "password": PASSWORD}).status_code == 302

    assert language_of(user=dutch) == "nl"  # an English browser does not change it
    assert language_of(user=newcomer) == "nl"


def test_signing_in_switches_the_browser_to_the_kept_language():
    dutch = UserFactory(email="dutch@example.com")
    keep(dutch, "nl")
    client = browser("en")

    response = client.post(reverse("account_login"), {"login": dutch.email, "password": PASSWORD}, follow=True)

    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nl"
    assert '<html lang="nl">' in response.content.decode()


@pytest.mark.parametrize(("kept", "page", "said"), [("nl", "en", "Ingelogd als"), ("en", "nl", "Logged in as")])
def test_the_sign_in_message_is_in_the_language_of_the_page_it_shows_on(kept, page, said):
    person = UserFactory(email="person@example.com")
    keep(person, kept)

    response = browser(page).post(reverse("account_login"), {"login": person.email, "password": PASSWORD}, follow=True)

    shown = [str(message) for message in response.context["messages"]]
    assert [message.startswith(said) for message in shown] == [True], shown
    assert f'<html lang="{kept}">' in response.content.decode()


@pytest.mark.parametrize(
    ("kept", "page", "why"),
    [
        ("en", "nl", "The portal opens in the language you chose before"),
        ("nl", "en", "De portal opent in de taal die je eerder koos"),
    ],
)
def test_signing_in_from_a_page_in_another_language_says_why_the_language_changed(kept, page, why):
    person = UserFactory(email="person@example.com")
    keep(person, kept)

    response = browser(page).post(reverse("account_login"), {"login": person.email, "password": PASSWORD}, follow=True)

    assert why in response.content.decode()


def test_signing_in_from_a_page_in_the_kept_language_says_nothing_of_the_language():
    person = UserFactory(email="person@example.com")
    keep(person, "en")

    response = browser("en").post(reverse("account_login"), {"login": person.email, "password": PASSWORD}, follow=True)

    assert [str(message) for message in response.context["messages"]] == ["Logged in as person@example.com."]


def test_the_notices_page_shows_the_language_and_changes_it_and_the_portal_with_it():
    user = UserFactory()
    client = signed_in(user)
    page = client.get(NOTICES).content.decode()
    assert 'name="language"' in page and '<option value="en" selected>' in page

    response = client.post(LANGUAGE, {"language": "nl"}, follow=True)

    assert response.status_code == 200
    assert language_of(user=user) == "nl"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nl"
    page = response.content.decode()
    assert "Je taal is opgeslagen." in page and '<option value="nl" selected>' in page


@pytest.mark.parametrize("value", ["xx", "", "en-gb", "e" * 10_000])
def test_a_wrong_language_is_refused_with_the_page_again(value):
    user = UserFactory()
    keep(user, "en")
    response = signed_in(user).post(LANGUAGE, {"language": value})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'name="language"' in page and ("Select a valid choice" in page or "This field is required" in page)
    assert language_of(user=user) == "en"


def test_a_nul_byte_is_refused_before_anything_is_kept():
    user = UserFactory()
    assert signed_in(user).post(LANGUAGE, {"language": "nl\x00"}).status_code == 400
    assert language_of(user=user) == "en"


def test_the_language_form_needs_the_csrf_token():
    user = UserFactory()
    client = PortalClient(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(LANGUAGE, {"language": "nl"}).status_code == 403
    assert not PersonLanguage.objects.filter(user=user).exists()


def test_the_notices_page_with_the_language_form_runs_a_fixed_number_of_queries(django_assert_max_num_queries):
    user = UserFactory()
    keep(user, "nl")
    client = signed_in(user, "nl")
    client.get(NOTICES)
    with django_assert_max_num_queries(12):
        assert client.get(NOTICES).status_code == 200


def test_the_data_export_holds_the_language():
    user = UserFactory()
    assert export_user_data(user=user)["account"]["language"] is None
    keep(user, "nl")
    assert export_user_data(user=user)["account"]["language"] == "nl"


@pytest.mark.parametrize(
    ("language", "words", "portal"),
    [
        ("nl", "Mail voor een nieuw wachtwoord", "Hallo van DE skills!"),
        ("en", "Password reset email", "Hello from DE skills!"),
    ],
)
def test_an_account_email_is_written_in_the_owners_language_whatever_the_page(language, words, portal):
    owner = UserFactory(email="owner@example.com")
    keep(owner, language)
    other_page_language = "en" if language == "nl" else "nl"

    response = browser(other_page_language).post(reverse("account_reset_password"), {"email": "OWNER@example.com"})

    assert response.status_code == 302
    [email] = mail.outbox
    assert words in email.subject
    assert portal in email.body  # the portal by its name in the owner's language, not the host


def test_the_sign_up_confirmation_is_in_the_sign_up_pages_language():
    data = {"email": "nieuw@example.com", "password1": PASSWORD, "password2": PASSWORD}
    browser("nl").post(reverse("account_signup"), data)
    [email] = mail.outbox
    assert "Bevestig" in email.subject or "bevestig" in email.body
