"""Withdrawing an acceptance asks first, on a page that needs no JavaScript; while the recruiter still waits to ask
again, the engineer may accept the same request again, and the recruiter is told as of any acceptance, the candidate
named only as the engineer chose."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from recruiting.models import ASK_AGAIN_AFTER, ContactRequest, Stage
from tests.clients import DUTCH, ENGLISH
from tests.dates import shown_time
from tests.factories import RecruiterFactory, ShortlistEntryFactory, ShortlistFactory
from tests.markup import inside
from tests.recruiting.test_candidate_naming import NOTICES, answer, ask, mails_to, signed_in, withdraw
from tests.recruiting.test_contact_wording import HIDES_NAME, SHOWS_NAME, candidate

pytestmark = pytest.mark.django_db

PROFILE = reverse("skills:profile")


def accepted_request(**naming):
    profile = candidate(**(naming or HIDES_NAME))
    recruiter = RecruiterFactory()
    contact = ask(recruiter, profile)
    answer(profile, contact, "accept")
    return profile, recruiter, contact


def row(page: str, contact: ContactRequest) -> str:
    return inside(page, contact.anchor)


@pytest.mark.parametrize(
    ("headers", "link", "confirm", "keep", "consequence"),
    [
        (
            ENGLISH,
            "Withdraw my acceptance…",
            "Withdraw my acceptance",
            "Keep my acceptance",
            "you can accept their request",
        ),
        (
            DUTCH,
            "Mijn acceptatie intrekken…",
            "Mijn acceptatie intrekken",
            "Mijn acceptatie houden",
            "kun je het verzoek opnieuw accepteren",
        ),
    ],
)
def test_withdrawing_asks_first_on_a_page_of_its_own(headers, link, confirm, keep, consequence):
    profile, _, contact = accepted_request()
    engineer = signed_in(profile.user)
    url = reverse("recruiting:contact-withdraw", kwargs={"pk": contact.pk})
    shown = row(engineer.get(PROFILE, **headers).content.decode(), contact)
    assert f'href="{url}"' in shown and link in re.sub(r'<span class="visually-hidden">.*?</span>', "", shown)
    assert "<form" not in shown  # no one-click withdrawal on the profile page

    page = engineer.get(url, **headers).content.decode()
    form = re.search(rf'<form method="post" action="{url}">(.*?)</form>', page, re.S).group(1)
    assert confirm in form and f'href="{PROFILE}#{contact.anchor}"' in form and keep in form
    assert "Rita Recruiter" in page and consequence in page
    contact.refresh_from_db()
    assert contact.status == ContactRequest.Status.ACCEPTED  # looking is not withdrawing

    response = engineer.post(url, **headers)
    assert response.status_code == 302 and response.url == f"{PROFILE}#{contact.anchor}"
    contact.refresh_from_db()
    assert contact.status == ContactRequest.Status.WITHDRAWN


def test_the_withdrawal_page_of_a_request_not_accepted_leads_back_to_its_row():
    profile = candidate(**HIDES_NAME)
    contact = ask(RecruiterFactory(), profile)
    response = signed_in(profile.user).get(reverse("recruiting:contact-withdraw", kwargs={"pk": contact.pk}))
    assert response.status_code == 302 and response.url == f"{PROFILE}#{contact.anchor}"


def test_another_person_gets_a_404_for_the_withdrawal_page():
    _, recruiter, contact = accepted_request()
    url = reverse("recruiting:contact-withdraw", kwargs={"pk": contact.pk})
    assert signed_in(candidate(**SHOWS_NAME).user).get(url).status_code == 404
    assert signed_in(recruiter).get(url).status_code == 404


@pytest.mark.parametrize(
    ("language", "button", "until"),
    [("en", "Accept again", "You can accept it again until {date}."), ("nl", "Opnieuw accepteren", "tot {date}")],
)
def test_after_withdrawing_the_engineer_may_accept_the_same_request_again(language, button, until):
    profile, _, contact = accepted_request()
    withdraw(profile, contact)
    engineer = signed_in(profile.user)
    contact.refresh_from_db()
    shown = row(engineer.get(PROFILE, HTTP_ACCEPT_LANGUAGE=language).content.decode(), contact)
    with translation.override(language):
        date = shown_time(contact.withdrawn_at + ASK_AGAIN_AFTER)
    assert button in shown and until.format(date=date) in shown
    assert f'action="{reverse("recruiting:contact-answer", kwargs={"pk": contact.pk})}"' in shown

    answered = engineer.post(
        reverse("recruiting:contact-answer", kwargs={"pk": contact.pk}), {"answer": "accept"}, HTTP_HX_REQUEST="true"
    )
    contact.refresh_from_db()
    assert contact.status == ContactRequest.Status.ACCEPTED
    assert "Noor Visser" in answered.content.decode()  # told what the recruiter now sees, as after any acceptance


@pytest.mark.parametrize("naming", [HIDES_NAME, SHOWS_NAME, {"display_name": "", "identity": "pseudonym"}])
def test_accepting_again_tells_the_recruiter_as_the_first_acceptance_did(naming):
    profile, recruiter, contact = accepted_request(**naming)
    entry = ShortlistEntryFactory(shortlist=ShortlistFactory(recruiter=recruiter), profile=profile)
    entry.stage = Stage.ACCEPTED
    entry.save()
    withdraw(profile, contact)
    answer(profile, contact, "accept")
    first, withdrawn, again = mails_to(recruiter)
    assert again == first  # the same subject and body: named as the engineer's choice allows, now
    assert "withdrew" in withdrawn
    name = re.search(r"Candidate (.+) accepted your contact request\n", first).group(1)
    notices = signed_in(recruiter).get(NOTICES).content.decode()
    assert notices.count(f"Candidate {name} accepted your contact request.") == 2
    entry.refresh_from_db()
    assert entry.stage == Stage.ACCEPTED  # back from "contacted", where the withdrawal took it
    detail = signed_in(recruiter).get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}))
    assert profile.user.email in detail.content.decode()


def test_a_hidden_name_comes_back_to_the_recruiter_only_with_the_acceptance():
    profile, recruiter, contact = accepted_request(**HIDES_NAME)
    withdraw(profile, contact)
    assert "Noor Visser" not in signed_in(recruiter).get(NOTICES).content.decode()
    answer(profile, contact, "accept")
    assert "Candidate Noor Visser accepted your contact request." in signed_in(recruiter).get(NOTICES).content.decode()
    assert mails_to(recruiter)[-1].startswith("[DE skills] Candidate Noor Visser accepted your contact request\n")


def test_the_recruiter_reads_that_the_candidate_may_still_accept_until_they_may_ask_again():
    profile, recruiter, contact = accepted_request()
    withdraw(profile, contact)
    contact.refresh_from_db()
    page = signed_in(recruiter).get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}))
    date = shown_time(contact.withdrawn_at + ASK_AGAIN_AFTER)
    assert f"You can ask again from {date}. Until then, the candidate can still accept this request again." in (
        " ".join(page.content.decode().split())
    )


def test_once_the_recruiter_may_ask_again_the_old_request_can_no_longer_be_accepted():
    profile, _, contact = accepted_request()
    withdraw(profile, contact)
    ContactRequest.objects.update(withdrawn_at=timezone.now() - ASK_AGAIN_AFTER - timedelta(minutes=1))
    engineer = signed_in(profile.user)
    assert "Accept again" not in row(engineer.get(PROFILE).content.decode(), contact)
    engineer.post(reverse("recruiting:contact-answer", kwargs={"pk": contact.pk}), {"answer": "accept"})
    contact.refresh_from_db()
    assert contact.status == ContactRequest.Status.WITHDRAWN
    assert "can no longer be answered" in engineer.get(PROFILE).content.decode()


def test_a_declined_request_is_not_accepted_afterwards():
    profile = candidate(**HIDES_NAME)
    contact = ask(RecruiterFactory(), profile)
    answer(profile, contact, "decline")
    signed_in(profile.user).post(reverse("recruiting:contact-answer", kwargs={"pk": contact.pk}), {"answer": "accept"})
    contact.refresh_from_db()
    assert contact.status == ContactRequest.Status.DECLINED
    assert len(mail.outbox) == 2  # the request and the decline; no acceptance


def test_a_request_accepted_again_reads_as_accepted_everywhere_with_no_withdrawal_left_on_it():
    profile, recruiter, contact = accepted_request()
    withdraw(profile, contact)
    answer(profile, contact, "accept")
    exported = signed_in(profile.user).get(reverse("skills:profile-export")).json()["contact_requests"]
    assert [(request["status"], request["withdrawn_at"]) for request in exported] == [("accepted", None)]
    page = " ".join(
        signed_in(recruiter)
        .get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}))
        .content.decode()
        .split()
    )
    assert '<span class="badge text-bg-success">accepted</span>' in page and "You can ask again" not in page
