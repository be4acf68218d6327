"""The engineer's own levels, matches and gaps: token or session, the checklist page's rules and messages."""

import pytest

from skills.models import Assessment, AssessmentChange, RoleMatch
from tests.api.conftest import bearer
from tests.clients import PortalClient as Client
from tests.factories import (
    AssessmentFactory,
    ChecklistItemFactory,
    EngineerProfileFactory,
    RoleFactory,
    RoleRequirementFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LEVEL_MESSAGE = "Choose a level from 0 (none) to 4 (can teach others)."
LINK_MESSAGE = "Enter a link that starts with http:// or https://."


def engineer_urls() -> dict[str, str]:
    role = RoleFactory()
    return {"assessments": "/api/me/assessments", "matches": "/api/me/matches", "gaps": f"/api/me/gaps/{role.slug}"}


@pytest.mark.parametrize("name", ["assessments", "matches", "gaps"])
def test_anonymous_caller_gets_a_json_401(client, name):
    response = client.get(engineer_urls()[name])
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert "Authorization: Bearer" in response.json()["detail"]


@pytest.mark.parametrize("name", ["assessments", "matches", "gaps"])
def test_an_engineer_reads_their_own_data(client, call_as, name):
    assert call_as(client, "engineer", "get", engineer_urls()[name]).status_code == 200


@pytest.mark.parametrize(("who", "status"), [("anonymous", 401), ("engineer", 200), ("recruiter", 403)])
def test_setting_a_level_needs_a_signed_in_engineer(client, call_as, who, status):
    item = ChecklistItemFactory()
    response = call_as(
        client, who, "put", f"/api/me/assessments/{item.pk}", data={"level": 2}, content_type="application/json"
    )
    assert response.status_code == status


def test_assessments_list_only_the_callers_own(client):
    me, other = UserFactory(), UserFactory()
    mine = AssessmentFactory(user=me, level=3, evidence_url="https://example.com/proof")
    AssessmentFactory(user=other)
    body = client.get("/api/me/assessments", headers=bearer(me)).json()
    assert body["count"] == 1
    assert body["items"][0]["item_id"] == mine.item.pk
    assert body["items"][0]["level"] == 3
    assert body["items"][0]["level_label"] == "Strong"
    assert body["items"][0]["evidence_url"] == "https://example.com/proof"


def test_setting_a_level_goes_through_the_service_history_and_stored_match(client):
    requirement = RoleRequirementFactory(min_level=2)
    user = UserFactory()
    profile = EngineerProfileFactory(user=user)
    response = client.put(
        f"/api/me/assessments/{requirement.item.pk}",
        data={"level": 2, "evidence_url": "https://example.com/repo", "note": "  shipped  "},
        content_type="application/json",
        headers=bearer(user),
    )
    assert response.status_code == 200
    assert response.json()["level"] == 2
    assert response.json()["note"] == "shipped"
    assessment = Assessment.objects.get(user=user, item=requirement.item)
    assert (assessment.level, assessment.evidence_url) == (2, "https://example.com/repo")
    assert AssessmentChange.objects.filter(user=user, old_level=None, new_level=2).count() == 1
    assert RoleMatch.objects.get(profile=profile, role=requirement.role).score == 100


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({"level": 7}, "level", LEVEL_MESSAGE),
        ({"level": -1}, "level", LEVEL_MESSAGE),
        ({"level": 2, "evidence_url": "ftp://example.com/file"}, "evidence_url", LINK_MESSAGE),
        ({"level": 2, "note": "x" * 281}, "note", "Ensure this value has at most 280 characters (it has 281)."),
    ],
)
def test_bad_input_gets_the_checklist_pages_message_and_changes_nothing(client, payload, field, message):
    existing = AssessmentFactory(level=1, evidence_url="https://example.com/old")
    response = client.put(
        f"/api/me/assessments/{existing.item.pk}",
        data=payload,
        content_type="application/json",
        headers=bearer(existing.user),
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {field: [message]}
    assert message in response.json()["detail"]
    existing.refresh_from_db()
    assert (existing.level, existing.evidence_url) == (1, "https://example.com/old")
    assert not AssessmentChange.objects.exists()


@pytest.mark.parametrize("level", ["high", "2", True, 2.0])
def test_a_level_that_is_not_a_whole_number_is_refused_in_json(client, level):
    item = ChecklistItemFactory()
    user = UserFactory()
    response = client.put(
        f"/api/me/assessments/{item.pk}", data={"level": level}, content_type="application/json", headers=bearer(user)
    )
    assert response.status_code == 422
    assert "level" in response.json()["errors"]
    assert not Assessment.objects.exists()


def test_a_body_that_is_not_json_is_a_json_400(client):
    item = ChecklistItemFactory()
    response = client.put(
        f"/api/me/assessments/{item.pk}", data="{level:", content_type="application/json", headers=bearer(UserFactory())
    )
    assert response.status_code == 400
    assert response.json()["detail"]


def test_unknown_item_is_a_json_404(client):
    response = client.put(
        "/api/me/assessments/999999", data={"level": 2}, content_type="application/json", headers=bearer(UserFactory())
    )
    assert response.status_code == 404
    assert response.json()["detail"] == "There is no checklist item 999999."


def test_matches_cover_every_published_role_target_first(client):
    target = RoleRequirementFactory(min_level=2, is_must_have=True)
    other = RoleRequirementFactory(min_level=4)
    RoleFactory(published=False)
    user = UserFactory()
    EngineerProfileFactory(user=user, target_role=other.role)
    AssessmentFactory(user=user, item=target.item, level=2)
    body = client.get("/api/me/matches", headers=bearer(user)).json()
    assert [(match["role"], match["is_target"], match["score"]) for match in body] == [
        (other.role.slug, True, 0),
        (target.role.slug, False, 100),
    ]
    assert body[0]["missing_must_haves"] == []


def test_gaps_list_what_is_missing_in_learning_order(client):
    role = RoleFactory()
    met = RoleRequirementFactory(role=role, min_level=2)
    missing = RoleRequirementFactory(role=role, min_level=3, is_must_have=True)
    user = UserFactory()
    AssessmentFactory(user=user, item=met.item, level=2)
    AssessmentFactory(user=user, item=missing.item, level=1)
    body = client.get(f"/api/me/gaps/{role.slug}", headers=bearer(user)).json()
    assert [status["item_id"] for status in body["met"]] == [met.item.pk]
    assert [(status["item_id"], status["gap"]) for status in body["learning_path"]] == [(missing.item.pk, 2)]
    assert body["requirements_met"] == 1


def test_gaps_say_whether_each_item_is_rated_so_a_0_is_told_from_not_rated(client):
    role = RoleFactory()
    zero = RoleRequirementFactory(role=role, min_level=2)
    unrated = RoleRequirementFactory(role=role, min_level=2)
    user = UserFactory()
    AssessmentFactory(user=user, item=zero.item, level=0)
    body = client.get(f"/api/me/gaps/{role.slug}", headers=bearer(user)).json()
    by_item = {status["item_id"]: (status["level"], status["rated"]) for status in body["missing"]}
    assert by_item == {zero.item.pk: (0, True), unrated.item.pk: (0, False)}


def test_gaps_of_an_unpublished_role_are_a_json_404(client):
    role = RoleFactory(published=False)
    response = client.get(f"/api/me/gaps/{role.slug}", headers=bearer(UserFactory()))
    assert response.status_code == 404


def test_browser_session_reads_without_a_token(client):
    user = UserFactory()
    AssessmentFactory(user=user)
    client.force_login(user)
    assert client.get("/api/me/assessments").json()["count"] == 1


def test_browser_session_write_without_csrf_token_is_refused_and_changes_nothing():
    browser = Client(enforce_csrf_checks=True)
    item = ChecklistItemFactory()
    browser.force_login(UserFactory())
    response = browser.put(f"/api/me/assessments/{item.pk}", data={"level": 2}, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not Assessment.objects.exists()


def test_browser_session_write_with_csrf_token_is_saved():
    browser = Client(enforce_csrf_checks=True)
    item = ChecklistItemFactory()
    browser.force_login(UserFactory())
    browser.get("/api/tokens/")  # any page with a form sets the CSRF cookie
    response = browser.put(
        f"/api/me/assessments/{item.pk}",
        data={"level": 2},
        content_type="application/json",
        headers={"X-CSRFToken": browser.cookies["csrftoken"].value},
    )
    assert response.status_code == 200
    assert Assessment.objects.get(item=item).level == 2


def test_token_caller_needs_no_csrf_token():
    script = Client(enforce_csrf_checks=True)
    item = ChecklistItemFactory()
    response = script.put(
        f"/api/me/assessments/{item.pk}",
        data={"level": 3},
        content_type="application/json",
        headers=bearer(UserFactory()),
    )
    assert response.status_code == 200


def test_assessment_list_uses_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    user = UserFactory()
    headers = bearer(user)
    AssessmentFactory.create_batch(2, user=user)
    with django_assert_max_num_queries(8) as small:
        client.get("/api/me/assessments", headers=headers)
    AssessmentFactory.create_batch(20, user=user)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/api/me/assessments", headers=headers)


def test_gaps_use_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    user = UserFactory()
    headers = bearer(user)
    role = RoleFactory()
    RoleRequirementFactory.create_batch(2, role=role)
    with django_assert_max_num_queries(10) as small:
        client.get(f"/api/me/gaps/{role.slug}", headers=headers)
    RoleRequirementFactory.create_batch(15, role=role)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(f"/api/me/gaps/{role.slug}", headers=headers)
