"""An export downloaded again after a candidate in it shows the recruiter less: a visible candidate keeps their row,
reduced to what they share now (the pseudonym, no email address), exactly as a fresh export writes it; only who left
the recruiters' view is left out. While the file is written again, the page says so."""

import csv
import io

import pytest
from django.urls import reverse

from recruiting.models import CandidateExport, ContactRequest
from recruiting.services.contacts import answer_contact_request, send_contact_request, withdraw_acceptance
from skills.models import EngineerProfile
from tests.clients import DUTCH, ENGLISH
from tests.factories import (
    EngineerProfileFactory,
    RoleFactory,
    RoleMatchFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    UserFactory,
)
from tests.jobs import queue_in_database, work_off_queue

pytestmark = pytest.mark.django_db

VISIBLE = EngineerProfile.Visibility.RECRUITERS


@pytest.fixture
def shortlist(recruiter):
    return ShortlistFactory(recruiter=recruiter, name="Medior Utrecht", role=RoleFactory(slug="medior"))


def shortlisted(shortlist, *, email: str, **fields) -> EngineerProfile:
    user = UserFactory(email=email, username=email, password=None)
    profile = EngineerProfileFactory(user=user, visibility=VISIBLE, **fields)
    RoleMatchFactory(profile=profile, role=shortlist.role, score=70)
    ShortlistEntryFactory(shortlist=shortlist, profile=profile)
    return profile


def accepted(recruiter, profile) -> ContactRequest:
    contact = send_contact_request(
        recruiter=recruiter, profile=profile, message="Hi", name="Rachid", company="Acme",
        answer_url="https://portal.example/skills/profile/",
    )  # fmt: skip
    return answer_contact_request(engineer=profile.user, contact_request=contact, accept=True)


def export_of(client, shortlist, **headers) -> CandidateExport:
    url = reverse("recruiting:shortlist-export", kwargs={"pk": shortlist.pk})
    client.post(url, {"file_format": "csv"}, **headers)
    return CandidateExport.objects.latest("created_at")


def download(client, export, **headers):
    return client.get(reverse("recruiting:export-download", kwargs={"pk": export.pk}), **headers)


def rows(response, language="en") -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";" if language == "nl" else ","))[1:]


def identities(file_rows) -> list[tuple[str, str]]:
    return sorted((row[0], row[8]) for row in file_rows)


@pytest.fixture
def two_on_the_list(recruiter, shortlist):
    """Tidy accepted this recruiter's request (name and email in the file); Sanne never did."""
    tidy = shortlisted(shortlist, email="tidy@example.com", display_name="Tim Hobbs")
    sanne = shortlisted(shortlist, email="sanne@example.com", display_name="Sanne de Vries")
    return tidy, sanne, accepted(recruiter, tidy)


def test_after_a_withdrawal_the_candidate_keeps_their_row_under_the_pseudonym_without_email(
    recruiter_client, two_on_the_list, shortlist, settings
):
    tidy, sanne, contact = two_on_the_list
    queue_in_database(settings)
    export = export_of(recruiter_client, shortlist)
    work_off_queue()
    assert identities(rows(download(recruiter_client, export))) == sorted(
        [("Tim Hobbs", "tidy@example.com"), (sanne.pseudonym, "")]
    )
    withdraw_acceptance(engineer=tidy.user, contact_request=contact)
    assert download(recruiter_client, export).status_code == 302
    work_off_queue()
    rewritten = rows(download(recruiter_client, export))
    assert identities(rewritten) == sorted([(tidy.pseudonym, ""), (sanne.pseudonym, "")])
    assert "Tim Hobbs" not in str(rewritten) and "tidy@example.com" not in str(rewritten)
    fresh = export_of(recruiter_client, shortlist, **ENGLISH)
    work_off_queue()
    assert identities(rows(download(recruiter_client, fresh))) == identities(rewritten), "as a fresh export"
    export.refresh_from_db()
    assert export.rows_written == 2


def test_a_name_switched_off_keeps_the_row_under_the_pseudonym(recruiter_client, shortlist):
    named = shortlisted(shortlist, email="femke@example.com", display_name="Femke Bos", identity="name")
    export = export_of(recruiter_client, shortlist)
    assert identities(rows(download(recruiter_client, export))) == [("Femke Bos", "")]
    EngineerProfile.objects.filter(pk=named.pk).update(identity=EngineerProfile.Identity.PSEUDONYM)
    assert download(recruiter_client, export).status_code == 302  # written again at once in tests
    assert identities(rows(download(recruiter_client, export))) == [(named.pseudonym, "")]


def test_who_is_no_longer_visible_is_still_left_out(recruiter_client, shortlist):
    staying = shortlisted(shortlist, email="stay@example.com")
    leaving = shortlisted(shortlist, email="leave@example.com")
    export = export_of(recruiter_client, shortlist)
    EngineerProfile.objects.filter(pk=leaving.pk).update(visibility=EngineerProfile.Visibility.PRIVATE)
    assert download(recruiter_client, export).status_code == 302
    assert identities(rows(download(recruiter_client, export))) == [(staying.pseudonym, "")]


@pytest.mark.parametrize(
    ("headers", "says"),
    [
        (ENGLISH, "is being written again"),
        (DUTCH, "wordt opnieuw geschreven"),
    ],
)
def test_the_page_says_why_the_download_did_not_start_and_again_while_it_is_written(
    recruiter_client, two_on_the_list, shortlist, settings, headers, says
):
    tidy, _sanne, contact = two_on_the_list
    queue_in_database(settings)
    export = export_of(recruiter_client, shortlist, **headers)
    work_off_queue()
    withdraw_acceptance(engineer=tidy.user, contact_request=contact)
    response = download(recruiter_client, export, **headers)
    assert response["Location"] == export.get_absolute_url()
    page = recruiter_client.get(response["Location"], **headers).content.decode()
    assert says in page
    again = download(recruiter_client, export, **headers)  # a second click before the job ran: no 404
    assert again["Location"] == export.get_absolute_url()
    assert says in recruiter_client.get(again["Location"], **headers).content.decode()


def test_the_download_link_lets_a_redirect_show_the_page(recruiter_client, shortlist):
    """A link with the ``download`` attribute would save the page it is sent back to as a file, and its message
    with it; the file's own Content-Disposition makes it a download."""
    shortlisted(shortlist, email="one@example.com")
    export = export_of(recruiter_client, shortlist)
    page = recruiter_client.get(export.get_absolute_url(), **DUTCH).content.decode()
    link = page[page.index(reverse("recruiting:export-download", kwargs={"pk": export.pk})) :].split(">")[0]
    assert " download" not in link
    assert "hun pseudoniem in plaats van de naam" in page, "the page says what a download leaves out, and what it keeps"
