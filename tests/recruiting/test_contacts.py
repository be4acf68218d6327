"""Contact requests: asking, the limits on asking, answering, and what an answer reveals to whom."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from recruiting.models import ASK_AGAIN_AFTER, UNANSWERED_AFTER, CandidateExport, ContactRequest
from recruiting.services.contacts import (
    CONTACT_REQUESTS_PER_DAY,
    answer_contact_request,
    send_contact_request,
    withdraw_acceptance,
)
from skills.privacy import personal_data
from skills.services.profiles import delete_account
from tests.dates import shown_time
from tests.factories import EngineerProfileFactory, RecruiterFactory, RoleFactory, RoleMatchFactory, UserFactory
from tests.markup import inside

pytestmark = pytest.mark.django_db

EMAIL = "noor.private@example.com"


@pytest.fixture
def role():
    return RoleFactory(published=True, is_senior=True)


@pytest.fixture
def profile(role):
    user = UserFactory(email=EMAIL, username=EMAIL)
    profile = EngineerProfileFactory(user=user, visibility="recruiters", display_name="Noor Visser")
    RoleMatchFactory(profile=profile, role=role, score=70)
    return profile


@pytest.fixture
def recruiter():
    return RecruiterFactory()


def ask(recruiter, profile, message="We build a lakehouse; would you like to talk?"):
    return send_contact_request(
        recruiter=recruiter, profile=profile, message=message, name="Rita Recruiter", company="Acme Data",
        answer_url="https://portal.example/skills/profile/",
    )  # fmt: skip


def test_a_request_is_stored_and_the_engineer_is_emailed(recruiter, profile, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        contact = ask(recruiter, profile)
    assert contact.status == ContactRequest.Status.PENDING
    assert (contact.recruiter_name, contact.recruiter_company) == ("Rita Recruiter", "Acme Data")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [EMAIL]
    assert "Rita Recruiter" in mail.outbox[0].subject and "Acme Data" in mail.outbox[0].body
    assert "https://portal.example/skills/profile/" in mail.outbox[0].body


def test_a_private_profile_cannot_be_asked(recruiter, profile):
    profile.visibility = "private"
    profile.save()
    with pytest.raises(ValidationError):
        ask(recruiter, profile)


def test_a_recruiter_who_spams_hits_the_daily_limit_with_a_clear_message(recruiter):
    for _ in range(CONTACT_REQUESTS_PER_DAY):
        ask(recruiter, EngineerProfileFactory(visibility="recruiters"))
    with pytest.raises(ValidationError, match="20 contact requests in the last 24 hours"):
        ask(recruiter, EngineerProfileFactory(visibility="recruiters"))
    ContactRequest.objects.update(created_at=timezone.now() - timedelta(days=1, minutes=1))
    ask(recruiter, EngineerProfileFactory(visibility="recruiters"))  # a day later the count starts again


def test_a_pending_request_cannot_be_sent_twice(recruiter, profile):
    ask(recruiter, profile)
    with pytest.raises(ValidationError, match="still waiting"):
        ask(recruiter, profile)


def test_after_a_decline_the_recruiter_waits_thirty_days(recruiter, profile):
    contact = ask(recruiter, profile)
    answer_contact_request(engineer=profile.user, contact_request=contact, accept=False)
    with pytest.raises(ValidationError, match="You can ask again from"):
        ask(recruiter, profile)
    ContactRequest.objects.update(answered_at=timezone.now() - ASK_AGAIN_AFTER - timedelta(minutes=1))
    assert ask(recruiter, profile).status == ContactRequest.Status.PENDING


def test_an_ignored_request_counts_as_declined_and_can_no_longer_be_accepted(recruiter, profile):
    contact = ask(recruiter, profile)
    ContactRequest.objects.update(created_at=timezone.now() - UNANSWERED_AFTER - timedelta(minutes=1))
    contact.refresh_from_db()
    with pytest.raises(ValidationError, match="can no longer be answered"):
        answer_contact_request(engineer=profile.user, contact_request=contact, accept=True)
    with pytest.raises(ValidationError, match="You can ask again from"):
        ask(recruiter, profile)
    ContactRequest.objects.update(created_at=timezone.now() - UNANSWERED_AFTER - ASK_AGAIN_AFTER - timedelta(hours=1))
    assert ask(recruiter, profile).status == ContactRequest.Status.PENDING
    contact.refresh_from_db()
    assert contact.status == ContactRequest.Status.EXPIRED


def test_only_the_engineer_asked_can_answer(recruiter, profile):
    contact = ask(recruiter, profile)
    with pytest.raises(PermissionDenied):
        answer_contact_request(engineer=UserFactory(), contact_request=contact, accept=True)


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def exported(client) -> str:
    """The recruiter's CSV as the export job wrote it and the download sends it (jobs run at once in tests)."""
    # A new export, not the one of a moment ago: two clicks within seconds give one export.
    CandidateExport.objects.update(created_at=timezone.now() - timedelta(minutes=1))
    response = client.post(reverse("recruiting:candidate-export"))
    assert response.status_code == 303
    download = client.get(f"{response.url}download/")
    assert download.status_code == 200
    return b"".join(download.streaming_content).decode()


def test_acceptance_reveals_name_and_email_to_that_recruiter_only_until_withdrawn(client, recruiter, profile):
    other = RecruiterFactory()
    contact = ask(recruiter, profile)
    detail = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
    urls = (detail, reverse("recruiting:candidate-list"))

    def shown(url_or_export) -> str:
        return exported(client) if url_or_export == "export" else page(client, url_or_export)

    client.force_login(recruiter)
    for url in (*urls, "export"):
        assert EMAIL not in shown(url) and "Noor Visser" not in shown(url)
    answer_contact_request(engineer=profile.user, contact_request=contact, accept=True)
    for url in (*urls, "export"):
        assert EMAIL in shown(url) and "Noor Visser" in shown(url), url
    assert "<title>Noor Visser ·" in page(client, detail)
    rows = list(csv.DictReader(io.StringIO(exported(client))))
    assert (rows[0]["name"], rows[0]["email"]) == ("Noor Visser", EMAIL)
    client.force_login(other)
    for url in (*urls, "export"):
        assert EMAIL not in shown(url) and "Noor Visser" not in shown(url)
    withdraw_acceptance(engineer=profile.user, contact_request=contact)
    client.force_login(recruiter)
    for url in (*urls, "export"):
        assert EMAIL not in shown(url) and "Noor Visser" not in shown(url)


def test_a_file_written_before_a_withdrawal_is_not_downloaded_with_the_email(client, recruiter, profile):
    contact = ask(recruiter, profile)
    answer_contact_request(engineer=profile.user, contact_request=contact, accept=True)
    client.force_login(recruiter)
    response = client.post(reverse("recruiting:candidate-export"))
    assert EMAIL in b"".join(client.get(f"{response.url}download/").streaming_content).decode()
    withdraw_acceptance(engineer=profile.user, contact_request=contact)
    assert client.get(f"{response.url}download/")["Location"] == response.url  # written again, by the job
    download = client.get(f"{response.url}download/")
    assert EMAIL not in b"".join(download.streaming_content).decode()


def test_the_api_shows_the_email_only_after_acceptance(client, recruiter, profile):
    contact = ask(recruiter, profile)
    client.force_login(recruiter)
    url = f"/api/recruiter/candidates/{profile.pk}"
    assert client.get(url).json()["email"] is None
    assert EMAIL not in client.get("/api/recruiter/candidates").content.decode()
    answer_contact_request(engineer=profile.user, contact_request=contact, accept=True)
    assert client.get(url).json()["email"] == EMAIL
    assert client.get("/api/recruiter/candidates").json()["items"][0]["email"] == EMAIL


def test_a_recruiter_sends_a_request_through_the_page(client, recruiter, profile):
    client.force_login(recruiter)
    url = reverse("recruiting:contact-request", kwargs={"pk": profile.pk})
    data = {"name": "Rita", "company": "Acme", "message": "Hello"}
    assert client.post(url, data).status_code == 302
    response = client.post(url, data)
    assert response.status_code == 400
    assert "still waiting" in response.content.decode()
    assert ContactRequest.objects.count() == 1
    assert client.get(url).context["form"].initial == {"name": "Rita", "company": "Acme"}


def test_a_line_break_in_the_recruiters_name_still_sends_the_request_and_its_e_mail(
    client, recruiter, profile, django_capture_on_commit_callbacks
):
    client.force_login(recruiter)
    url = reverse("recruiting:contact-request", kwargs={"pk": profile.pk})
    data = {"name": "Rita\nBcc: all@example.com", "company": "Acme\r\nCorp", "message": "Hello"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert [message.to for message in mail.outbox] == [[EMAIL]]
    assert "\n" not in mail.outbox[0].subject and "Bcc" not in mail.outbox[0].extra_headers
    assert "Rita Bcc: all@example.com of Acme Corp found your profile" in mail.outbox[0].body  # no line of its own


def test_the_message_keeps_its_lines_but_not_control_or_direction_characters(client, recruiter, profile):
    client.force_login(recruiter)
    url = reverse("recruiting:contact-request", kwargs={"pk": profile.pk})
    message = "Hello\x1b[2J\x07,\r\n\r\nwe build a lake\u202eesuoh."
    assert client.post(url, {"name": "Rita", "company": "Acme", "message": message}).status_code == 302
    assert ContactRequest.objects.get().message == "Hello[2J,\r\n\r\nwe build a lakeesuoh."


def test_control_and_direction_characters_never_reach_the_engineer(client, recruiter, profile):
    client.force_login(recruiter)
    url = reverse("recruiting:contact-request", kwargs={"pk": profile.pk})
    assert client.post(url, {"name": "Rita\x1b[2J", "company": "Acme\u202egnp.exe", "message": "Hi"}).status_code == 302
    contact = ContactRequest.objects.get()
    assert (contact.recruiter_name, contact.recruiter_company) == ("Rita[2J", "Acmegnp.exe")


def test_the_engineer_answers_on_the_profile_page_and_html_stays_text(client, recruiter, profile):
    contact = ask(recruiter, profile, message='<script>alert(1)</script> =HYPERLINK("http://evil")')
    client.force_login(profile.user)
    html = page(client, reverse("skills:profile"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "Rita Recruiter" in html and "Acme Data" in html
    response = client.post(reverse("recruiting:contact-answer", kwargs={"pk": contact.pk}), {"answer": "accept"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.status == ContactRequest.Status.ACCEPTED
    exported = personal_data.export_user_data(user=profile.user)["contact_requests"]
    assert exported[0]["message"] == '<script>alert(1)</script> =HYPERLINK("http://evil")'
    assert exported[0]["status"] == "accepted"


def test_another_engineer_gets_a_404_and_changes_nothing(client, recruiter, profile):
    contact = ask(recruiter, profile)
    client.force_login(UserFactory())
    for name in ("recruiting:contact-answer", "recruiting:contact-withdraw"):
        assert client.post(reverse(name, kwargs={"pk": contact.pk}), {"answer": "accept"}).status_code == 404
    contact.refresh_from_db()
    assert contact.status == ContactRequest.Status.PENDING


def test_deleting_either_account_deletes_the_requests(recruiter, profile):
    ask(recruiter, profile)
    delete_account(user=profile.user)
    assert not ContactRequest.objects.exists()
    ask(recruiter, EngineerProfileFactory(visibility="recruiters"))
    recruiter.delete()
    assert not ContactRequest.objects.exists()


@pytest.mark.parametrize(
    ("answer", "shown"),
    [("accept", "accepted"), ("decline", "declined"), ("withdraw", "acceptance withdrawn"), ("ignore", "no answer")],
)
def test_the_candidate_page_says_what_became_of_the_recruiters_request(client, recruiter, profile, answer, shown):
    contact = ask(recruiter, profile)
    if answer == "ignore":
        ContactRequest.objects.update(created_at=timezone.now() - UNANSWERED_AFTER - timedelta(minutes=1))
    else:
        answer_contact_request(engineer=profile.user, contact_request=contact, accept=answer != "decline")
    if answer == "withdraw":
        withdraw_acceptance(engineer=profile.user, contact_request=contact)
    client.force_login(recruiter)
    badges = re.findall(
        r'class="badge[^"]*">([^<]+)<', page(client, reverse("recruiting:candidate-detail", args=[profile.pk]))
    )
    assert shown in badges and {"accepted", "declined", "acceptance withdrawn", "no answer"} & set(badges) == {shown}


def test_after_a_decline_the_pages_show_the_date_to_ask_again_instead_of_the_button_and_form(
    client, recruiter, profile
):
    contact = answer_contact_request(engineer=profile.user, contact_request=ask(recruiter, profile), accept=False)
    client.force_login(recruiter)
    again = shown_time(contact.answered_at + ASK_AGAIN_AFTER)
    ask_url = reverse("recruiting:contact-request", kwargs={"pk": profile.pk})
    for url in (reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}), ask_url):
        body = page(client, url)
        assert f"You can ask again from {again}." in body
        assert ">Ask for contact</a>" not in body  # no button
        assert "Send contact request" not in body  # and no form
    ContactRequest.objects.update(answered_at=timezone.now() - ASK_AGAIN_AFTER - timedelta(minutes=1))
    assert ">Ask for contact</a>" in page(client, reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}))
    body = page(client, ask_url)
    assert "Send contact request" in body
    assert "You can ask again" not in body
    assert ">Ask for contact</a>" not in body  # the form, not a second button above it


@pytest.mark.parametrize(
    ("display_name", "told"),
    [
        ("Noor Visser", f"Rita Recruiter of Acme Data now sees your name, Noor Visser, and your email address, {EMAIL}."),
        ("", f"Rita Recruiter of Acme Data now sees your email address, {EMAIL}. You have set no name, so they see no "
         "name: only your pseudonym."),
    ],
)  # fmt: skip
def test_the_accepted_message_states_exactly_what_the_recruiter_now_sees(
    client, recruiter, profile, display_name, told
):
    profile.display_name = display_name
    profile.save(update_fields=["display_name"])
    contact = ask(recruiter, profile)
    client.force_login(profile.user)
    response = client.post(
        reverse("recruiting:contact-answer", kwargs={"pk": contact.pk}), {"answer": "accept"}, follow=True
    )
    assert told in [str(message) for message in response.context["messages"]]
    html = response.content.decode()
    assert ("sees your name and email address" in html) == bool(display_name)


def request_row(html: str, contact) -> str:
    return inside(html, contact.anchor)


def test_a_plain_answer_lands_on_the_request_and_says_the_outcome_there(client, recruiter, profile):
    contact = ask(recruiter, profile)
    client.force_login(profile.user)
    response = client.post(reverse("recruiting:contact-answer", kwargs={"pk": contact.pk}), {"answer": "decline"})
    assert response["Location"] == f"{reverse('skills:profile')}#contact-{contact.pk}"
    html = client.get(response["Location"]).content.decode()
    told = "You declined the request of Rita Recruiter of Acme Data. They see nothing more of you."
    assert told in request_row(html, contact) and 'class="messages"' not in html


def test_an_htmx_answer_gives_the_request_back_with_its_outcome(client, recruiter, profile):
    contact = ask(recruiter, profile)
    client.force_login(profile.user)
    url = reverse("recruiting:contact-answer", kwargs={"pk": contact.pk})
    html = client.post(url, {"answer": "accept"}, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert html.strip().startswith(f'<li class="border-bottom py-2" id="contact-{contact.pk}">')
    assert "Geaccepteerd" in html and f"ziet nu je naam, Noor Visser, en je e-mailadres, {EMAIL}." in html
    assert 'class="messages"' not in client.get(reverse("skills:profile")).content.decode()  # told once, in place


@pytest.mark.parametrize("accept", [True, False])
def test_once_answered_the_request_page_reads_as_the_outcome_not_as_an_invitation_to_ask(
    client, recruiter, profile, accept
):
    answer_contact_request(engineer=profile.user, contact_request=ask(recruiter, profile), accept=accept)
    client.force_login(recruiter)
    body = page(client, reverse("recruiting:contact-request", kwargs={"pk": profile.pk}))
    heading = re.search(r"<h1>(.*?)</h1>", body, re.S).group(1)
    assert heading.startswith("Your contact request to ")
    assert '<li class="breadcrumb-item active" aria-current="page">Contact request</li>' in body
    assert "If they accept" not in body
    detail = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
    assert (f'are on <a href="{detail}">their page</a>' in body) is accept
