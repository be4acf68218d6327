"""What the contact-request texts promise about a name follows the engineer's own choice: an engineer who shows her
name to every recruiter reveals only her e-mail address by accepting, and hides only that by withdrawing. Both
languages, on the pages and in the e-mails."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from portal.models import PersonLanguage
from tests.clients import DUTCH
from tests.dates import shown_time
from tests.factories import EngineerProfileFactory, RecruiterFactory, UserFactory
from tests.recruiting.test_candidate_naming import answer, ask, signed_in, withdraw

pytestmark = pytest.mark.django_db

SHOWS_NAME = {"display_name": "Nina Nieuw", "identity": "name"}
HIDES_NAME = {"display_name": "Noor Visser", "identity": "pseudonym"}


def candidate(*, language: str = "en", **naming):
    user = UserFactory()
    PersonLanguage.objects.create(user=user, language=language)
    return EngineerProfileFactory(user=user, visibility="recruiters", **naming)


def recruiter_in(language: str):
    recruiter = RecruiterFactory()
    PersonLanguage.objects.create(user=recruiter, language=language)
    return recruiter


def mail_to(user) -> str:
    return "\n".join(message.body for message in mail.outbox if message.to == [user.email])


@pytest.mark.parametrize(
    ("headers", "promise", "false_promise"),
    [
        ({}, "if they accept, you also see their email address", "you see their name and email address"),
        (DUTCH, "accepteert de kandidaat, dan zie je ook het e-mailadres", "dan zie je naam en e-mailadres"),
    ],
)
def test_the_contact_form_promises_only_the_email_of_a_candidate_who_shows_her_name(headers, promise, false_promise):
    profile = candidate(**SHOWS_NAME)
    page = signed_in(RecruiterFactory()).get(
        reverse("recruiting:contact-request", kwargs={"pk": profile.pk}), **headers
    )
    text = page.content.decode()
    assert promise in text and false_promise not in text


def test_the_contact_form_promises_the_name_of_a_candidate_who_hides_it_only_as_far_as_they_set_one():
    profile = candidate(**HIDES_NAME)
    page = signed_in(RecruiterFactory()).get(reverse("recruiting:contact-request", kwargs={"pk": profile.pk}))
    assert "If they accept, you see their email address, and their name if they set one" in page.content.decode()


@pytest.mark.parametrize(
    ("language", "promise", "false_promise"),
    [
        ("en", "They see your email address only if you accept.", "do not see your name"),
        ("nl", "Ze zien je e-mailadres alleen als je accepteert.", "naam en e-mailadres blijven verborgen"),
    ],
)
def test_the_request_email_of_an_engineer_who_shows_her_name_hides_only_the_email(language, promise, false_promise):
    profile = candidate(language=language, **SHOWS_NAME)
    ask(RecruiterFactory(), profile)
    body = mail_to(profile.user)
    assert promise in body and false_promise not in body


def test_the_request_email_of_an_engineer_who_hides_her_name_says_both_stay_hidden():
    profile = candidate(**HIDES_NAME)
    ask(RecruiterFactory(), profile)
    assert "They do not see your name or email address unless you accept." in mail_to(profile.user)


@pytest.mark.parametrize(
    ("language", "accepted", "withdrawn"),
    [
        (
            "en",
            "On their page you now see their email address: http",
            "withdrew their acceptance of your contact request: you no longer see their email address.",
        ),
        (
            "nl",
            "Op de pagina van de kandidaat zie je nu het e-mailadres: http",
            "heeft de acceptatie van je contactverzoek ingetrokken: je ziet het e-mailadres niet meer.",
        ),
    ],
)
def test_the_recruiters_emails_about_a_candidate_who_shows_her_name_speak_of_the_email_alone(
    language, accepted, withdrawn
):
    profile = candidate(**SHOWS_NAME)
    recruiter = recruiter_in(language)
    contact = ask(recruiter, profile)
    engineer = signed_in(profile.user)
    engineer.post(reverse("recruiting:contact-answer", kwargs={"pk": contact.pk}), {"answer": "accept"})
    engineer.post(reverse("recruiting:contact-withdraw", kwargs={"pk": contact.pk}))
    body = mail_to(recruiter)
    assert accepted in body and withdrawn in body
    assert "name if they set one" not in body and "de naam als die is ingevuld" not in body


def test_the_recruiters_emails_about_a_candidate_who_hides_her_name_speak_of_name_and_email():
    profile = candidate(**HIDES_NAME)
    recruiter = recruiter_in("en")
    contact = ask(recruiter, profile)
    engineer = signed_in(profile.user)
    engineer.post(reverse("recruiting:contact-answer", kwargs={"pk": contact.pk}), {"answer": "accept"})
    engineer.post(reverse("recruiting:contact-withdraw", kwargs={"pk": contact.pk}))
    body = mail_to(recruiter)
    assert "On their page you now see their name and email address: http" in body
    assert "you no longer see their name and email address." in body


@pytest.mark.parametrize(
    ("headers", "pending", "accepted", "withdrawn"),
    [
        (
            {},
            "Accepting shows this recruiter your email address; nobody else. They see your name already",
            "now sees your email address, {email}. They saw your name already",
            "Rita Recruiter of DataWerk BV no longer sees your email address. They still see your name",
        ),
        (
            DUTCH,
            "Accepteren toont deze recruiter je e-mailadres; verder niemand. Je naam zien ze al",
            "ziet nu je e-mailadres, {email}. Je naam zagen ze al",
            "Rita Recruiter van DataWerk BV ziet je e-mailadres niet meer. Je naam zien ze nog wel",
        ),
    ],
)
def test_the_engineer_who_shows_her_name_is_told_that_only_her_email_comes_and_goes(
    headers, pending, accepted, withdrawn
):
    profile = candidate(**SHOWS_NAME)
    contact = ask(RecruiterFactory(), profile)
    engineer = signed_in(profile.user)
    assert pending in engineer.get(reverse("skills:profile"), **headers).content.decode()
    hx = {"HTTP_HX_REQUEST": "true", **headers}
    answered = engineer.post(
        reverse("recruiting:contact-answer", kwargs={"pk": contact.pk}), {"answer": "accept"}, **hx
    )
    assert accepted.format(email=profile.user.email) in answered.content.decode()
    withdrawal = engineer.post(reverse("recruiting:contact-withdraw", kwargs={"pk": contact.pk}), **hx)
    text = withdrawal.content.decode()
    assert withdrawn in text
    assert "no longer sees your name" not in text and "ziet je naam en e-mailadres niet meer" not in text


def test_the_engineer_who_hides_her_name_is_told_that_name_and_email_come_and_go():
    profile = candidate(**HIDES_NAME)
    contact = ask(RecruiterFactory(), profile)
    engineer = signed_in(profile.user)
    page = engineer.get(reverse("skills:profile")).content.decode()
    assert "Accepting shows this recruiter your name and email address; nobody else." in page
    hx = {"HTTP_HX_REQUEST": "true"}
    engineer.post(reverse("recruiting:contact-answer", kwargs={"pk": contact.pk}), {"answer": "accept"}, **hx)
    withdrawal = engineer.post(reverse("recruiting:contact-withdraw", kwargs={"pk": contact.pk}), **hx)
    assert "Rita Recruiter of DataWerk BV no longer sees your name and email address." in withdrawal.content.decode()


def test_the_engineer_without_a_name_is_told_that_only_her_email_comes_and_goes():
    profile = candidate(display_name="", identity="pseudonym")
    contact = ask(RecruiterFactory(), profile)
    engineer = signed_in(profile.user)
    hx = {"HTTP_HX_REQUEST": "true"}
    engineer.post(reverse("recruiting:contact-answer", kwargs={"pk": contact.pk}), {"answer": "accept"}, **hx)
    withdrawal = engineer.post(reverse("recruiting:contact-withdraw", kwargs={"pk": contact.pk}), **hx)
    assert "Rita Recruiter of DataWerk BV no longer sees your email address.<" in withdrawal.content.decode()


@pytest.mark.parametrize("naming", [SHOWS_NAME, HIDES_NAME])
@pytest.mark.parametrize(
    ("headers", "language", "rule"),
    [
        ({}, "en", "do not answer within 14 days (until {lapses}), you can ask again 30 days after that: on {again}, or sooner if they decline sooner."),
        (DUTCH, "nl", "binnen 14 dagen (tot {lapses}) geen antwoord, dan kun je het 30 dagen daarna opnieuw vragen: op {again}, of eerder als de kandidaat eerder afwijst."),
    ],
)  # fmt: skip
def test_the_contact_form_names_the_dates_of_the_waiting_rule(headers, language, rule, naming):
    """Sent today, the request lapses in 14 days; 30 days after a no (that one, or an earlier decline) it may be
    asked again: the form says both dates rather than leave the reader to count."""
    profile = candidate(**naming)
    page = signed_in(RecruiterFactory()).get(
        reverse("recruiting:contact-request", kwargs={"pk": profile.pk}), **headers
    )
    today = timezone.localdate()
    with translation.override(language):
        lapses, again = (
            f'<time datetime="{day.isoformat()}T[^"]+">{re.escape(date_format(day, "DATE_FORMAT"))}</time>'
            for day in (today + timedelta(days=14), today + timedelta(days=44))
        )  # each date one <time> element, its moment on that day in the reader's time zone
    text = " ".join(page.content.decode().split())
    assert re.search(re.escape(rule).replace(r"\{lapses\}", lapses).replace(r"\{again\}", again), text), text
    assert "after 30 days" not in text and "na 30 dagen" not in text


@pytest.mark.parametrize(
    ("headers", "language", "refusal"),
    [
        ({}, "en", "The candidate did not accept your last request. You can ask again from {date}."),
        (DUTCH, "nl", "De kandidaat heeft je vorige verzoek niet geaccepteerd. Vanaf {date} kun je het opnieuw vragen."),
    ],
)  # fmt: skip
def test_a_request_sent_too_soon_is_refused_with_the_date_to_ask_again_as_one_time_element(headers, language, refusal):
    """The form was still open when the candidate declined: sending it then is refused, and the refusal names the
    day to ask again the way every page shows a date (a ``<time>``), in the reader's language."""
    profile = candidate(**HIDES_NAME)
    recruiter = RecruiterFactory()
    contact = ask(recruiter, profile)
    signed_in(profile.user).post(reverse("recruiting:contact-answer", kwargs={"pk": contact.pk}), {"answer": "decline"})
    contact.refresh_from_db()
    data = {"name": "Rita Recruiter", "company": "DataWerk BV", "message": "Shall we talk after all?"}
    url = reverse("recruiting:contact-request", kwargs={"pk": profile.pk})
    response = signed_in(recruiter).post(url, data, **headers)
    assert response.status_code == 400
    with translation.override(language):
        date = shown_time(contact.ask_again_from)
    assert refusal.format(date=date) in response.content.decode()


@pytest.mark.parametrize(
    ("headers", "language", "ask_again", "accept_again"),
    [
        ({}, "en", "ask again", "the candidate can still accept this request again."),
        (DUTCH, "nl", "opnieuw vragen", "kan de kandidaat dit verzoek nog opnieuw accepteren."),
    ],
)  # fmt: skip
@pytest.mark.parametrize("refusal", ["decline", "withdraw"])
def test_a_request_sent_too_soon_names_the_day_to_ask_again_once(headers, language, ask_again, accept_again, refusal):
    """Refused, the page gives the day to ask again in the refusal alone: not a second time in the status line above
    it, nor a third in the rule for a request that is not being sent. A withdrawn acceptance still says the
    candidate may take the withdrawal back until that day."""
    profile = candidate(**HIDES_NAME)
    recruiter = RecruiterFactory()
    contact = ask(recruiter, profile)
    answer(profile, contact, "accept" if refusal == "withdraw" else "decline")
    if refusal == "withdraw":
        withdraw(profile, contact)
    contact.refresh_from_db()
    data = {"name": "Rita Recruiter", "company": "DataWerk BV", "message": "Shall we talk after all?"}
    url = reverse("recruiting:contact-request", kwargs={"pk": profile.pk})
    response = signed_in(recruiter).post(url, data, **headers)
    assert response.status_code == 400
    html = " ".join(response.content.decode().split())
    with translation.override(language):
        date = shown_time(contact.ask_again_from)
    assert html.count(date) == 1, html
    assert html.count(ask_again) == 1, html
    assert (accept_again in html) == (refusal == "withdraw")
