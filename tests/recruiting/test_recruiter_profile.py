"""The recruiter as a person: a profile they edit, shown to engineers (never the email address), and the start of
every contact request."""

import pytest
from django.contrib import admin
from django.urls import reverse

from recruiting.models import RecruiterProfile
from recruiting.services.contacts import send_contact_request
from recruiting.services.searches import Requirement, create_search
from tests.clients import signed_in
from tests.factories import (
    ChecklistItemFactory,
    EditorFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

RECRUITER_EMAIL = "rita.private@acme.example"
PROFILE = reverse("recruiting:recruiter-profile")
DETAILS = {"name": "Rita Recruiter", "company": "Acme Data", "hires_for": "Senior data engineers for our lakehouse"}


@pytest.fixture
def recruiter():
    """A recruiter who has not named themselves yet: these tests are about doing so."""
    return RecruiterFactory(email=RECRUITER_EMAIL, username=RECRUITER_EMAIL, recruiter_profile=False)


@pytest.fixture
def candidate():
    return EngineerProfileFactory(user=UserFactory(), visibility="recruiters")


def test_the_recruiter_edits_their_profile_and_it_fills_the_contact_form(recruiter, candidate):
    client = signed_in(recruiter)
    assert client.get(PROFILE).status_code == 200
    assert client.post(PROFILE, DETAILS).status_code == 302
    assert RecruiterProfile.objects.filter(user=recruiter, **DETAILS).exists()
    form = client.get(reverse("recruiting:contact-request", kwargs={"pk": candidate.pk})).context["form"]
    assert form.initial == {"name": "Rita Recruiter", "company": "Acme Data"}
    assert client.get(PROFILE).context["form"].initial["hires_for"] == DETAILS["hires_for"]


def test_a_profile_without_name_or_company_is_refused_with_a_400(recruiter):
    response = signed_in(recruiter).post(PROFILE, {"name": "", "company": "", "hires_for": "x" * 500})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"name", "company", "hires_for"}
    assert not RecruiterProfile.objects.exists()


def test_sending_a_request_keeps_the_role_line_and_the_engineer_sees_it_without_the_email(recruiter, candidate):
    client = signed_in(recruiter)
    client.post(PROFILE, DETAILS)
    url = reverse("recruiting:contact-request", kwargs={"pk": candidate.pk})
    data = {"name": "Rita R.", "company": "Acme Data", "message": "Hello"}
    assert client.post(url, data).status_code == 302
    assert RecruiterProfile.objects.get(user=recruiter).hires_for == DETAILS["hires_for"]  # not wiped by the form
    html = signed_in(candidate.user).get(reverse("skills:profile")).content.decode()
    assert "Rita R." in html and "Hires for: Senior data engineers for our lakehouse" in html
    assert RECRUITER_EMAIL not in html


def test_editors_cannot_reach_recruiter_profiles(recruiter):
    signed_in(recruiter).post(PROFILE, DETAILS)
    assert not admin.site.is_registered(RecruiterProfile)
    assert signed_in(EditorFactory()).get(PROFILE).status_code == 403


def test_the_recruiters_details_are_kept_on_one_line_for_the_engineers_who_read_them(recruiter):
    details = {"name": "Rita\x07\x1b[2J", "company": "Acme\u202egnp.exe", "hires_for": "Leads\nBcc: all@example.com"}
    assert signed_in(recruiter).post(PROFILE, details).status_code == 302
    profile = RecruiterProfile.objects.get(user=recruiter)
    assert (profile.name, profile.company, profile.hires_for) == (
        "Rita[2J",
        "Acmegnp.exe",
        "Leads Bcc: all@example.com",
    )


@pytest.mark.parametrize(
    "blank",
    # An invisible separator, a zero-width space with a byte-order mark, a Hangul filler, a blank Braille cell with a
    # soft hyphen: each passed as a name, and engineers read a blank where the recruiter's name should be.
    ["\u2063", "\u200b\ufeff", "\u3164", "\u2800\u00ad"],
)
def test_a_name_or_company_that_draws_nothing_is_refused_like_an_empty_one(recruiter, candidate, blank):
    client = signed_in(recruiter)
    response = client.post(PROFILE, {**DETAILS, "name": blank, "company": f" {blank} "})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"name", "company"}
    assert not RecruiterProfile.objects.exists()
    assert client.get(reverse("recruiting:candidate-detail", kwargs={"pk": candidate.pk})).status_code == 302
    kept = client.post(PROFILE, {**DETAILS, "name": f"Rita\u200b {blank}Recruiter"})
    assert kept.status_code == 302 and RecruiterProfile.objects.get().name == "Rita Recruiter"


def test_a_recruiters_data_download_holds_what_they_did_and_names_candidates_no_further(recruiter, candidate):
    client = signed_in(recruiter)
    client.post(PROFILE, DETAILS)
    gone = EngineerProfileFactory(user=UserFactory(), visibility="recruiters")
    for profile in (candidate, gone):
        send_contact_request(
            recruiter=recruiter,
            profile=profile,
            message="Shall we talk?",
            name=DETAILS["name"],
            company=DETAILS["company"],
            answer_url="",
        )
    shortlist = ShortlistFactory(recruiter=recruiter, name="Lakehouse")
    ShortlistEntryFactory(shortlist=shortlist, profile=candidate, note="Strong on Spark")
    ShortlistEntryFactory(shortlist=shortlist, profile=gone, note="Left since")
    create_search(
        owner=recruiter,
        title="Platform lead",
        requirements=[Requirement(item=ChecklistItemFactory(), min_level=3, is_must_have=True)],
    )
    gone.visibility = "private"
    gone.save()
    candidate.display_name = "Noor Visser"  # shown to no recruiter: the pseudonym is
    candidate.save()

    data = client.get(reverse("skills:profile-export")).json()

    assert data["recruiter_profile"] == DETAILS
    assert [(sent["candidate"], sent["message"]) for sent in data["contact_requests_sent"]] == [
        (candidate.pseudonym, "Shall we talk?"),
        (None, "Shall we talk?"),  # the candidate has left the recruiters' view: not named, not even by pseudonym
    ]
    assert [(entry["candidate"], entry["note"]) for entry in data["shortlists"][0]["entries"]] == [
        (candidate.pseudonym, "Strong on Spark")
    ]
    assert [search["title"] for search in data["vacancy_searches"]] == ["Platform lead"]
    assert candidate.user.email not in str(data) and candidate.display_name not in str(data)
