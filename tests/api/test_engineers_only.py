"""/api/me/ is an engineer's own, as the engineer's pages are (one rule: ``portal.guards.access.works_as_engineer``):
a recruiter or an editor gets a JSON 403 and no engineer profile, by token or by session, in the reader's language."""

import re

import pytest

from recruiting.models import ContactRequest
from recruiting.services.contacts import send_contact_request
from skills.models import Assessment, EngineerProfile, ShareLink
from skills.privacy.sharing import create_share_link
from tests.api.conftest import bearer
from tests.factories import (
    ChecklistItemFactory,
    EditorFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    SuperuserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

REFUSAL = "These endpoints are an engineer's own: recruiters and editors keep no levels or profile here."
DUTCH_REFUSAL = (
    "Deze endpoints zijn van een engineer zelf: recruiters en redacteuren hebben hier geen niveaus of profiel."
)
STAFF = {"recruiter": RecruiterFactory, "editor": EditorFactory, "superuser": SuperuserFactory}


@pytest.fixture
def engineers_rows():
    """An engineer's share link and contact request: what a staff caller must not reach through /api/me/ either."""
    engineer = UserFactory()
    profile = EngineerProfileFactory(user=engineer, visibility="recruiters")
    link = create_share_link(user=engineer, days=7).link
    contact = send_contact_request(
        recruiter=RecruiterFactory(), profile=profile, message="Hi", name="Rita", company="Acme", answer_url="/"
    )
    return link, contact


def engineer_calls(*, link: ShareLink, contact: ContactRequest) -> list[tuple[str, str, dict]]:
    """Every /api/me/ operation as (method, path, a valid body)."""
    item, role = ChecklistItemFactory(), RoleFactory(published=True)
    return [
        ("get", "/api/me/assessments", {}),
        ("put", f"/api/me/assessments/{item.pk}", {"level": 2}),
        ("get", "/api/me/matches", {}),
        ("get", f"/api/me/gaps/{role.slug}", {}),
        ("get", "/api/me/share-links", {}),
        ("post", "/api/me/share-links", {"days": 7}),
        ("post", f"/api/me/share-links/{link.pk}/revoke", {}),
        ("get", "/api/me/contact-requests", {}),
        ("post", f"/api/me/contact-requests/{contact.pk}/answer", {"accept": True}),
        ("post", f"/api/me/contact-requests/{contact.pk}/withdraw", {}),
        ("get", "/api/me/benchmarks", {}),
    ]


def call(client, method: str, path: str, body: dict, **headers):
    if method == "get":
        return client.get(path, headers=headers)
    return getattr(client, method)(path, data=body, content_type="application/json", headers=headers)


def test_the_calls_here_cover_every_engineer_operation_of_the_openapi_document(client, engineers_rows):
    link, contact = engineers_rows
    called = [(method, path) for method, path, _body in engineer_calls(link=link, contact=contact)]
    document = client.get("/api/openapi.json").json()
    missing = [
        f"{method.upper()} {template}"
        for template, by_method in document["paths"].items()
        if template.startswith("/api/me/")
        for method in by_method
        if not any(
            method == called_method and re.fullmatch(re.sub(r"\{\w+\}", "[^/]+", template), path)
            for called_method, path in called
        )
    ]
    assert not missing, "call these in engineer_calls too"


@pytest.mark.parametrize("by", ["token", "session"])
@pytest.mark.parametrize("who", STAFF)
def test_a_recruiter_or_editor_is_refused_every_engineer_operation_in_json_and_gets_no_profile(
    client, engineers_rows, who, by
):
    link, contact = engineers_rows
    staff = STAFF[who]()
    headers = bearer(staff) if by == "token" else {}
    if by == "session":
        client.force_login(staff)  # with the second factor passed: the staff rights count
    answers = {
        f"{method.upper()} {path}": call(client, method, path, body, **headers)
        for method, path, body in engineer_calls(link=link, contact=contact)
    }
    wrong = {
        name: (response.status_code, response.json())
        for name, response in answers.items()
        if (response.status_code, response.json()) != (403, {"detail": REFUSAL, "errors": {}})
    }
    assert not wrong
    assert not EngineerProfile.objects.filter(user=staff).exists()
    assert not Assessment.objects.exists() and ShareLink.objects.get() == link and link.is_usable
    assert ContactRequest.objects.get().status == ContactRequest.Status.PENDING


def test_the_refusal_is_in_the_readers_language(client):
    headers = {**bearer(RecruiterFactory()), "Accept-Language": "nl"}
    assert client.get("/api/me/assessments", headers=headers).json()["detail"] == DUTCH_REFUSAL
    headers["Accept-Language"] = "en"
    assert client.get("/api/me/assessments", headers=headers).json()["detail"] == REFUSAL


@pytest.mark.parametrize("by", ["token", "session"])
def test_a_recruiter_who_keeps_an_engineer_profile_of_their_own_uses_it(client, by):
    recruiter = RecruiterFactory()
    EngineerProfileFactory(user=recruiter)
    headers = bearer(recruiter) if by == "token" else {}
    if by == "session":
        client.force_login(recruiter)
    item = ChecklistItemFactory()
    assert call(client, "put", f"/api/me/assessments/{item.pk}", {"level": 3}, **headers).status_code == 200
    assert call(client, "get", "/api/me/assessments", {}, **headers).json()["count"] == 1


def test_a_new_engineer_without_a_profile_yet_uses_the_engineer_operations(client):
    """Signing up makes no profile row: the first level set makes it, as the checklist page does."""
    newcomer = UserFactory()
    headers = bearer(newcomer)
    assert not EngineerProfile.objects.filter(user=newcomer).exists()
    assert call(client, "get", "/api/me/matches", {}, **headers).status_code == 200
    assert call(client, "get", "/api/me/share-links", {}, **headers).json() == []
    item = ChecklistItemFactory()
    assert call(client, "put", f"/api/me/assessments/{item.pk}", {"level": 2}, **headers).status_code == 200
    assert EngineerProfile.objects.filter(user=newcomer).exists()


def test_the_openapi_document_says_whom_each_engineer_operation_refuses(client):
    document = client.get("/api/openapi.json").json()
    refusals = {
        f"{method.upper()} {path}": operation["responses"]["403"]["description"]
        for path, by_method in document["paths"].items()
        if path.startswith("/api/me/")
        for method, operation in by_method.items()
    }
    assert all("a recruiter or an editor" in description for description in refusals.values()), refusals
    other = document["paths"]["/api/recruiter/candidates"]["get"]["responses"]["403"]["description"]
    assert "engineer" not in other
