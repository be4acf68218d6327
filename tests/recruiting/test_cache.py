"""The candidate list's cached rows: reused while nothing changes, redrawn as soon as something they show does."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.cache.fragments import touch
from skills.models import EngineerProfile, RoleMatch
from skills.services.matches import recompute_matches, recompute_role_matches
from skills.services.profiles import update_profile
from tests.clients import PortalClient as Client
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    ShortlistFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db

LIST_URL = reverse("recruiting:candidate-list")


@pytest.fixture
def item():
    return ChecklistItemFactory(name="Window functions", skill__name="SQL")


@pytest.fixture
def role(item):
    role = RoleFactory(title="Senior Data Engineer", slug="senior", is_senior=True, published=True)
    RoleRequirementFactory(role=role, item=item, min_level=3, is_must_have=True)
    return role


@pytest.fixture
def candidate(role):
    user = UserFactory(first_name="Noor", last_name="Bakker", password=None)
    profile = EngineerProfileFactory(user=user, headline="Builds lakehouses", visibility="recruiters")
    recompute_matches(profile=profile)
    return profile


@pytest.fixture
def recruiter_client(client):
    client.force_login(RecruiterFactory())
    return client


def fetch(client) -> tuple[str, list[str]]:
    """The list page's HTML and the SQL it ran."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST_URL)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in captured.captured_queries]


def reads_assessments(queries: list[str]) -> bool:
    return any("skills_assessment" in sql for sql in queries)


def test_a_row_is_drawn_once_and_then_served_from_the_cache(recruiter_client, candidate):
    first, first_queries = fetch(recruiter_client)
    second, second_queries = fetch(recruiter_client)
    assert "Builds lakehouses" in first and "Builds lakehouses" in second
    assert reads_assessments(first_queries)  # the skill chart of a row not cached yet
    assert not reads_assessments(second_queries)
    assert len(second_queries) < len(first_queries)


def test_a_new_level_redraws_the_row(recruiter_client, candidate, item):
    page, _ = fetch(recruiter_client)
    assert "SQL: not yet rated" in page and "Window functions" in page  # the missing must-have, never rated
    assess(user=candidate.user, item=item, level=4)
    page, queries = fetch(recruiter_client)
    assert reads_assessments(queries)
    assert "SQL: 4.0 / 4" in page
    assert "Meets every must-have." in page


def test_profile_and_name_changes_redraw_the_row(recruiter_client, candidate):
    fetch(recruiter_client)
    profile = {
        "user": candidate.user,
        "headline": "Streams with Kafka",
        "years_experience": 7,
        "location": "Utrecht",
        "target_role": None,
        "open_to_work": True,
        "visibility": "recruiters",
    }
    update_profile(**profile)
    page, _ = fetch(recruiter_client)
    assert "Streams with Kafka" in page and "Builds lakehouses" not in page
    assert "Utrecht" in page and "Open to work" in page
    assert candidate.pseudonym in page and "Bakker" not in page
    update_profile(**profile, display_name="Noortje Bakker", identity="name")  # the same profile, now with a name
    page, _ = fetch(recruiter_client)
    assert "Noortje Bakker" in page and candidate.pseudonym not in page


def test_a_new_requirement_redraws_the_row_through_the_stored_match(recruiter_client, role, candidate):
    fetch(recruiter_client)
    RoleRequirementFactory(role=role, item=ChecklistItemFactory(name="Idempotent loads"), is_must_have=True)
    recompute_role_matches(role=role)
    page, _ = fetch(recruiter_client)
    assert "Idempotent loads" in page


def test_a_renamed_skill_shows_once_the_checklist_version_moves(recruiter_client, candidate, item):
    fetch(recruiter_client)
    item.skill.name = "Structured Query Language"
    item.skill.save()
    touch("checklist")  # what the skills app's signals do on every checklist save
    page, _ = fetch(recruiter_client)
    assert "Structured Query Language: not yet rated" in page


def test_a_profile_gone_private_leaves_the_list_at_once(recruiter_client, candidate):
    fetch(recruiter_client)
    EngineerProfile.objects.filter(pk=candidate.pk).update(visibility="private")
    page, _ = fetch(recruiter_client)
    assert "Builds lakehouses" not in page


def test_rows_are_drawn_in_the_visitors_language(recruiter_client, candidate):
    english, _ = fetch(recruiter_client)
    recruiter_client.cookies["django_language"] = "nl"
    dutch, _ = fetch(recruiter_client)
    assert "requirements met" in english
    assert "requirements met" not in dutch
    assert "eisen" in dutch


def test_each_recruiter_gets_their_own_shortlists_and_csrf_token(candidate):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_recruiter, second_recruiter = RecruiterFactory(), RecruiterFactory()
    ShortlistFactory(recruiter=first_recruiter, name="Lakehouse team")
    first.force_login(first_recruiter)
    second.force_login(second_recruiter)
    first_page, _ = fetch(first)
    fetch(second)
    second_page, _ = fetch(second)  # now from the cache
    assert "Lakehouse team" in first_page
    assert "Lakehouse team" not in second_page
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)">\s*<input type="hidden" name="profile"', second_page
    ).group(1)
    response = second.post(
        reverse("recruiting:shortlist-add"),
        {"csrfmiddlewaretoken": token, "profile": candidate.pk, "new_name": "From the list"},
    )
    assert response.status_code == 302
    assert second_recruiter.shortlists.get().name == "From the list"


def test_shortlist_membership_shows_on_the_next_request(recruiter_client, candidate):
    recruiter = recruiter_client.session["_auth_user_id"]
    shortlist = ShortlistFactory(recruiter_id=recruiter, name="Call this week")
    page, _ = fetch(recruiter_client)
    assert "On shortlist:" not in page
    shortlist.entries.create(profile=candidate)
    page, _ = fetch(recruiter_client)
    assert "On shortlist:" in page


def test_stored_matches_are_the_rows_source_not_a_stale_fragment(recruiter_client, role, candidate):
    fetch(recruiter_client)
    RoleMatch.objects.filter(profile=candidate, role=role).update(score=88, updated_at="2030-01-01T00:00:00Z")
    page, _ = fetch(recruiter_client)
    assert ">88<" in page


# The candidate's page ----------------------------------------------------------------------------


def fetch_detail(client, profile) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}))
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in captured.captured_queries]


def test_the_detail_body_is_cached_but_every_view_is_still_recorded(recruiter_client, candidate):
    first, first_queries = fetch_detail(recruiter_client, candidate)
    second, second_queries = fetch_detail(recruiter_client, candidate)
    assert "Window functions" in first and "Window functions" in second
    assert reads_assessments(first_queries) and not reads_assessments(second_queries)
    # the audit the engineer sees never comes from a cache: the reload dates the day's one view anew
    assert candidate.views.count() == 1
    assert any(query.startswith('UPDATE "skills_profileview"') for query in second_queries)


def test_new_evidence_shows_on_the_detail_page_at_once(recruiter_client, candidate, item):
    EngineerProfile.objects.filter(pk=candidate.pk).update(evidence_public=True)  # shown to every recruiter
    fetch_detail(recruiter_client, candidate)
    assess(user=candidate.user, item=item, level=3, evidence_url="https://example.com/proof")
    page, _ = fetch_detail(recruiter_client, candidate)
    assert "https://example.com/proof" in page
    assess(user=candidate.user, item=item, level=3, evidence_url="https://example.com/better")
    page, _ = fetch_detail(recruiter_client, candidate)  # the same level: only the engineer's token moved
    assert "https://example.com/better" in page


def test_the_detail_page_of_one_candidate_never_shows_another(recruiter_client, role, candidate, item):
    other = EngineerProfileFactory(user=UserFactory(password=None), visibility="recruiters", evidence_public=True)
    assess(user=other.user, item=item, level=4, evidence_url="https://example.com/other")
    recompute_matches(profile=other)
    fetch_detail(recruiter_client, other)
    page, _ = fetch_detail(recruiter_client, candidate)
    assert "https://example.com/other" not in page


def test_a_role_published_by_an_editor_can_be_chosen_at_once(recruiter_client, role, candidate):
    junior = RoleFactory(title="Junior Data Engineer", slug="junior", published=False)
    response = recruiter_client.get(LIST_URL, {"role": "junior"})
    assert response.context["role"] == role  # not published: the default role, with an error
    assert response.context["form"].has_error("role")
    junior.published = True
    junior.save()
    response = recruiter_client.get(LIST_URL, {"role": "junior"})
    assert response.context["role"] == junior
    chosen = r'value="junior"\s+id="(id_role_\d+)" checked>\s*<label for="\1" class="form-check-label">\s*Junior Data Engineer'
    assert re.search(chosen, response.content.decode())
    junior.published = False
    junior.save()
    assert recruiter_client.get(LIST_URL, {"role": "junior"}).context["role"] == role


def test_a_shortlist_made_or_deleted_elsewhere_shows_in_the_rows_at_once(recruiter_client, candidate):
    from recruiting.services.shortlists import create_shortlist, delete_shortlist

    recruiter = RecruiterFactory._meta.model.objects.get(pk=recruiter_client.session["_auth_user_id"])
    page, _ = fetch(recruiter_client)
    assert "Team Rotterdam" not in page
    shortlist = create_shortlist(recruiter=recruiter, name="Team Rotterdam")  # e.g. on the shortlists page
    page, _ = fetch(recruiter_client)
    assert f'<option value="{shortlist.pk}">Team Rotterdam</option>' in page
    delete_shortlist(recruiter=recruiter, shortlist=shortlist)
    page, _ = fetch(recruiter_client)
    assert "Team Rotterdam" not in page


def test_a_new_checklist_item_can_be_filtered_on_at_once(recruiter_client, candidate):
    response = recruiter_client.get(LIST_URL, {"items": "999999"})
    assert response.context["form"].has_error("items")
    new_item = ChecklistItemFactory(name="Streaming joins")
    response = recruiter_client.get(LIST_URL, {"items": str(new_item.pk)})
    assert not response.context["form"].has_error("items")
    assert list(response.context["form"].cleaned_data["items"]) == [new_item]
