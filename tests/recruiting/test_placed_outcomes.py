"""What a post of a shortlist's widget, stage or note did is said beside it in the one look of a placed outcome
(templates/partials/placed_outcome.html), in the htmx answer as after a plain post's redirect."""

import re

import pytest
from django.urls import reverse

from recruiting.models import Stage
from tests.factories import RoleFactory, ShortlistEntryFactory, ShortlistFactory
from tests.recruiting.test_views import body, make_candidate

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def outcome(page: str, role: str) -> list[str]:
    """The placed outcomes of ``role`` (status or alert) in ``page``, with their colour."""
    return re.findall(rf'<p class="small mb-0 mt-1 (text-[a-z-]+)[^"]* placed-outcome" role="{role}">([^<]*)</p>', page)


@pytest.fixture
def entry(recruiter):
    role = RoleFactory(published=True, is_senior=True)
    shortlist = ShortlistFactory(recruiter=recruiter, name="Round one", role=role)
    return ShortlistEntryFactory(shortlist=shortlist, profile=make_candidate(role=role, score=73))


def test_the_widgets_htmx_answer_says_it_added_the_candidate_as_a_placed_outcome(recruiter_client, recruiter):
    profile = make_candidate(role=RoleFactory(published=True), score=60)
    data = {"profile": profile.pk, "new_name": "Round two"}
    page = body(recruiter_client.post(reverse("recruiting:shortlist-add"), data, headers=HTMX))
    assert outcome(page, "status") == [("text-success", "Added to “Round two”.")]


def test_the_widgets_htmx_answer_says_why_it_refused_as_a_placed_outcome(recruiter_client, entry):
    data = {"profile": entry.profile_id, "new_name": "Round one"}
    page = body(recruiter_client.post(reverse("recruiting:shortlist-add"), data, headers=HTMX))
    assert outcome(page, "alert") == [("text-danger", "You already have a shortlist called “Round one”.")]


def test_a_stage_moved_by_htmx_says_so_as_a_placed_outcome(recruiter_client, entry):
    url = reverse("recruiting:shortlist-stage", kwargs={"pk": entry.shortlist_id, "profile_pk": entry.profile_id})
    moved = body(recruiter_client.post(url, {"stage": Stage.CONTACTED}, headers=HTMX))
    again = body(recruiter_client.post(url, {"stage": Stage.CONTACTED}, headers=HTMX))
    assert outcome(moved, "status") == [("text-success", "Moved to “Contacted”.")]
    assert outcome(again, "status") == [("text-body-secondary", "Already in “Contacted”.")]


def test_a_note_saved_by_htmx_says_so_as_a_placed_outcome(recruiter_client, entry):
    url = reverse("recruiting:shortlist-note", kwargs={"pk": entry.shortlist_id, "profile_pk": entry.profile_id})
    page = body(recruiter_client.post(url, {"note": "Call on Monday"}, headers=HTMX))
    assert outcome(page, "status") == [("text-success", "Saved.")]


def form_of(page: str, form_id: str) -> str:
    """The markup of the form whose id is ``form_id``."""
    return re.search(rf'<form id="{form_id}".*?</form>', page, re.S).group(0)


def test_a_stage_moved_without_javascript_lands_on_its_entry_and_says_so_beside_the_stage(recruiter_client, entry):
    url = reverse("recruiting:shortlist-stage", kwargs={"pk": entry.shortlist_id, "profile_pk": entry.profile_id})
    response = recruiter_client.post(url, {"stage": Stage.CONTACTED, "next": entry.shortlist.get_absolute_url()})
    assert response["Location"] == f"{entry.shortlist.get_absolute_url()}#entry-{entry.pk}"
    page = body(recruiter_client.get(response["Location"]))
    assert outcome(form_of(page, f"stage-{entry.pk}"), "status") == [("text-success", "Moved to “Contacted”.")]
    assert 'class="messages"' not in page  # said once, beside the stage, not at the top as well


def test_a_note_saved_without_javascript_lands_on_its_entry_and_says_so_beside_the_note(recruiter_client, entry):
    url = reverse("recruiting:shortlist-note", kwargs={"pk": entry.shortlist_id, "profile_pk": entry.profile_id})
    response = recruiter_client.post(url, {"note": "Call on Monday"})
    assert response["Location"] == f"{entry.shortlist.get_absolute_url()}#entry-{entry.pk}"
    page = body(recruiter_client.get(response["Location"]))
    assert outcome(form_of(page, f"note-{entry.pk}"), "status") == [("text-success", "Saved.")]
    assert 'class="messages"' not in page


def test_a_stage_moved_without_javascript_on_the_candidate_page_says_so_beside_that_stage(recruiter_client, entry):
    detail = reverse("recruiting:candidate-detail", kwargs={"pk": entry.profile_id})
    url = reverse("recruiting:shortlist-stage", kwargs={"pk": entry.shortlist_id, "profile_pk": entry.profile_id})
    response = recruiter_client.post(url, {"stage": Stage.HIRED, "next": detail, "named": "1"})
    assert response["Location"] == f"{detail}#stage-{entry.pk}"
    page = body(recruiter_client.get(response["Location"]))
    assert outcome(form_of(page, f"stage-{entry.pk}"), "status") == [("text-success", "Moved to “Hired”.")]
    assert 'class="messages"' not in page
