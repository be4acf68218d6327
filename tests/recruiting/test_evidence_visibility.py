"""Evidence links can name a candidate: recruiters see them only after that candidate accepted their contact
request, unless the candidate shows them to every recruiter. Every surface: page, API, export, share link."""

import pytest
from django.urls import reverse

from recruiting.services.contacts import answer_contact_request, send_contact_request, withdraw_acceptance
from skills.privacy.sharing import create_share_link
from skills.services.profiles import update_profile
from tests.api.conftest import bearer
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    UserFactory,
    assess,
)
from tests.recruiting.test_views import csv_rows, exported

pytestmark = pytest.mark.django_db

EVIDENCE = "https://github.com/noor-visser-private/lakehouse"


@pytest.fixture
def role():
    return RoleFactory(published=True, is_senior=True)


@pytest.fixture
def candidate(role):
    profile = EngineerProfileFactory(user=UserFactory(), visibility="recruiters")
    RoleMatchFactory(profile=profile, role=role, score=60)
    assess(user=profile.user, item=ChecklistItemFactory(), level=3, evidence_url=EVIDENCE)
    return profile


def accept(recruiter, profile):
    contact = send_contact_request(
        recruiter=recruiter, profile=profile, message="Shall we talk?", name="Rita", company="Acme",
        answer_url="https://portal.example/skills/profile/",
    )  # fmt: skip
    return answer_contact_request(engineer=profile.user, contact_request=contact, accept=True)


def show_to_everyone(profile):
    update_profile(
        user=profile.user, headline=profile.headline, years_experience=profile.years_experience,
        location=profile.location, target_role=None, open_to_work=False, visibility="recruiters",
        evidence_public=True,
    )  # fmt: skip


def detail(client, profile) -> str:
    return client.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})).content.decode()


def api_evidence(client, profile, recruiter) -> list[str]:
    data = client.get(f"/api/recruiter/candidates/{profile.pk}", headers=bearer(recruiter)).json()
    return [item["evidence_url"] for skill in data["skills"] for item in skill["items"]]


def test_the_candidate_page_hides_evidence_before_an_accepted_contact(recruiter_client, candidate):
    page = detail(recruiter_client, candidate)
    assert EVIDENCE not in page
    assert "Shown after an accepted contact request" in page


def test_the_candidate_page_shows_evidence_after_acceptance_and_hides_it_again_on_withdrawal(
    recruiter_client, recruiter, candidate
):
    contact = accept(recruiter, candidate)
    assert EVIDENCE in detail(recruiter_client, candidate)
    withdraw_acceptance(engineer=candidate.user, contact_request=contact)
    assert EVIDENCE not in detail(recruiter_client, candidate)  # the cached card is not reused


def test_an_acceptance_shows_evidence_to_that_recruiter_only(client, recruiter, candidate):
    accept(recruiter, candidate)
    client.force_login(RecruiterFactory())
    assert EVIDENCE not in detail(client, candidate)


def test_the_engineer_can_show_evidence_to_every_recruiter(recruiter_client, candidate):
    show_to_everyone(candidate)
    assert EVIDENCE in detail(recruiter_client, candidate)


def test_the_api_hides_evidence_before_an_accepted_contact(client, recruiter, candidate):
    assert api_evidence(client, candidate, recruiter) == [""]
    accept(recruiter, candidate)
    assert api_evidence(client, candidate, recruiter) == [EVIDENCE]


def test_the_api_shows_evidence_the_engineer_shows_to_everyone(client, recruiter, candidate):
    show_to_everyone(candidate)
    assert api_evidence(client, candidate, recruiter) == [EVIDENCE]


def test_an_export_never_holds_evidence_links(recruiter_client, recruiter, candidate):
    accept(recruiter, candidate)
    rows = csv_rows(exported(recruiter_client))
    assert len(rows) == 2
    assert not any(EVIDENCE in cell for row in rows for cell in row)


def test_a_share_link_hides_evidence_unless_shown_to_everyone(client, candidate):
    url = reverse("share:profile", kwargs={"token": create_share_link(user=candidate.user, days=7).token})
    assert EVIDENCE not in client.get(url).content.decode()
    show_to_everyone(candidate)
    assert EVIDENCE in client.get(url).content.decode()


def test_the_profile_form_warns_that_a_link_can_name_you(client, candidate):
    client.force_login(candidate.user)
    page = client.get(reverse("skills:profile")).content.decode()
    assert "show my evidence links to every recruiter" in page.lower()
    assert "a link can name you" in page
    assert candidate.evidence_public is False


def test_the_choice_is_saved_from_the_profile_form(client, candidate):
    client.force_login(candidate.user)
    response = client.post(
        reverse("skills:profile"),
        {"headline": "DE", "years_experience": 3, "location": "", "visibility": "recruiters", "evidence_public": "on"},
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.evidence_public is True
