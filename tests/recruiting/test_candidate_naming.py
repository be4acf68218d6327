"""How a candidate is named to a recruiter: the same name in the notices, the e-mails, the shortlist and the pages,
and never a name the engineer did not allow (a name kept hidden, an acceptance withdrawn, a name switched off)."""

import pytest
from django.core import mail
from django.urls import reverse

from recruiting.models import ContactRequest
from tests.clients import signed_in
from tests.factories import (
    EngineerProfileFactory,
    RecruiterFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NOTICES = reverse("notices")


def candidate(*, display_name: str, identity: str):
    user = UserFactory(email="nina.private@example.com")
    return EngineerProfileFactory(user=user, visibility="recruiters", display_name=display_name, identity=identity)


def ask(recruiter, profile) -> ContactRequest:
    url = reverse("recruiting:contact-request", kwargs={"pk": profile.pk})
    data = {"name": "Rita Recruiter", "company": "DataWerk BV", "message": "Shall we talk?"}
    assert signed_in(recruiter).post(url, data).status_code == 302
    return ContactRequest.objects.get(recruiter=recruiter, profile=profile)


def answer(profile, contact, answer_with: str) -> None:
    url = reverse("recruiting:contact-answer", kwargs={"pk": contact.pk})
    assert signed_in(profile.user).post(url, {"answer": answer_with}).status_code == 302


def withdraw(profile, contact) -> None:
    url = reverse("recruiting:contact-withdraw", kwargs={"pk": contact.pk})
    assert signed_in(profile.user).post(url).status_code == 302


def mails_to(recruiter) -> list[str]:
    return [f"{message.subject}\n{message.body}" for message in mail.outbox if message.to == [recruiter.email]]


def test_a_candidate_who_shows_her_name_is_named_by_it_in_the_notice_the_email_and_the_shortlist():
    profile = candidate(display_name="Nina Nieuw", identity="name")
    recruiter = RecruiterFactory()
    ShortlistEntryFactory(shortlist=ShortlistFactory(recruiter=recruiter), profile=profile)
    answer(profile, ask(recruiter, profile), "accept")

    [accepted] = mails_to(recruiter)
    assert accepted.startswith("[DE skills] Candidate Nina Nieuw accepted your contact request\n")
    assert profile.pseudonym not in accepted
    client = signed_in(recruiter)
    notices = client.get(NOTICES).content.decode()
    assert "Candidate Nina Nieuw accepted your contact request." in notices
    assert profile.pseudonym not in notices
    shortlist = reverse("recruiting:shortlist-detail", kwargs={"pk": recruiter.shortlists.get().pk})
    assert "Nina Nieuw" in client.get(shortlist).content.decode()


def test_a_hidden_name_is_named_only_while_the_acceptance_stands():
    profile = candidate(display_name="Noor Visser", identity="pseudonym")
    recruiter = RecruiterFactory()
    contact = ask(recruiter, profile)
    answer(profile, contact, "accept")
    assert mails_to(recruiter)[0].startswith("[DE skills] Candidate Noor Visser accepted your contact request\n")
    assert "Candidate Noor Visser accepted" in signed_in(recruiter).get(NOTICES).content.decode()

    withdraw(profile, contact)
    withdrawn = mails_to(recruiter)[1]
    assert withdrawn.startswith(f"[DE skills] Candidate {profile.pseudonym} withdrew their acceptance\n")
    assert "Noor Visser" not in withdrawn
    notices = signed_in(recruiter).get(NOTICES).content.decode()
    assert "Noor Visser" not in notices  # the earlier notice of the acceptance too
    assert f"Candidate {profile.pseudonym} accepted your contact request." in notices


def test_a_hidden_name_never_reaches_a_recruiter_who_was_declined():
    profile = candidate(display_name="Noor Visser", identity="pseudonym")
    recruiter = RecruiterFactory()
    answer(profile, ask(recruiter, profile), "decline")
    [declined] = mails_to(recruiter)
    assert declined.startswith(f"[DE skills] Candidate {profile.pseudonym} declined your contact request\n")
    assert "Noor Visser" not in declined
    assert "Noor Visser" not in signed_in(recruiter).get(NOTICES).content.decode()


def test_a_name_switched_off_later_leaves_the_earlier_notices_too():
    profile = candidate(display_name="Nina Nieuw", identity="name")
    recruiter = RecruiterFactory()
    answer(profile, ask(recruiter, profile), "decline")
    assert "Candidate Nina Nieuw declined" in signed_in(recruiter).get(NOTICES).content.decode()

    profile.identity = "pseudonym"
    profile.save()
    notices = signed_in(recruiter).get(NOTICES).content.decode()
    assert "Nina Nieuw" not in notices
    assert f"Candidate {profile.pseudonym} declined your contact request." in notices


@pytest.mark.parametrize("count", [1, 12])
def test_naming_the_candidates_of_the_notices_takes_a_fixed_number_of_queries(django_assert_max_num_queries, count):
    recruiter = RecruiterFactory()
    for number in range(count):
        profile = EngineerProfileFactory(visibility="recruiters", display_name=f"Engineer {number}", identity="name")
        answer(profile, ask(recruiter, profile), "decline")
    client = signed_in(recruiter)
    client.get(reverse("account-menu"))
    # the notices page's own queries, and two to name the candidates: their profiles, their answers to this recruiter
    with django_assert_max_num_queries(11):
        response = client.get(NOTICES)
    assert f"Candidate Engineer {count - 1} declined" in response.content.decode()
