"""Hostile text gets 400 before any view runs; every answer to a signed-in caller stays out of shared caches."""

import json

import pytest
from django.urls import reverse

from api.services import create_token
from skills.models import Assessment, EngineerProfile, ShareLink
from skills.privacy.sharing import create_share_link
from tests.factories import ChecklistItemFactory, EditorFactory, RoleFactory, ToolFactory, UserFactory
from tests.hostile import HOSTILE_BYTES, HOSTILE_JSON_STRINGS, form_encode

pytestmark = pytest.mark.django_db


def bearer(user) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_token(user=user, name='tests').plain}"}


@pytest.mark.parametrize(
    "path",
    ["/api/tools/%00", "/api/roles/%00", "/api/tools/a%00b", "/api/tools/%C0%AF", "/api/roles/%ED%A0%80"],
)
def test_public_api_answers_400_in_json_to_nul_and_broken_utf8_in_the_path(client, path):
    ToolFactory(slug="a")
    response = client.get(path)
    assert response.status_code == 400
    assert response.json()["detail"]
    assert response.json()["errors"] == {}


def test_personal_api_answers_400_to_nul_in_the_path_with_a_token(client):
    RoleFactory(slug="lakehouse")
    response = client.get("/api/me/gaps/%00", headers=bearer(UserFactory()))
    assert response.status_code == 400
    assert "detail" in response.json()


@pytest.mark.parametrize("hostile", HOSTILE_JSON_STRINGS)
def test_json_body_with_nul_or_a_lone_surrogate_is_refused_and_changes_nothing(client, hostile):
    item = ChecklistItemFactory()
    response = client.put(
        f"/api/me/assessments/{item.pk}",
        json.dumps({"level": 2, "note": hostile}),
        content_type="application/json",
        headers=bearer(UserFactory()),
    )
    assert response.status_code == 400
    assert not Assessment.objects.exists()


NOT_JSON = ["text/plain", "application/x-json", "application/x-www-form-urlencoded", "multipart/form-data", ""]


@pytest.mark.parametrize("content_type", NOT_JSON)
def test_an_api_body_not_declared_json_is_refused_with_415_and_changes_nothing(client, content_type):
    """django-ninja reads any body as JSON: one declared otherwise would pass the JSON guard unchecked."""
    item = ChecklistItemFactory()
    RoleFactory(slug="lakehouse")
    calls = [
        ("put", f"/api/me/assessments/{item.pk}", '{"level":2,"evidence_url":"","note":"\\ud800"}'),
        ("put", f"/api/me/assessments/{item.pk}", '{"level":2,"evidence_url":"","note":"fine"}'),
        ("post", "/api/me/share-links", '{"days":7,"role":"\\u0000"}'),
        ("post", "/api/vacancies/analyze", '{"text":"SQL"}'),
    ]
    for method, path, body in calls:
        response = getattr(client, method)(path, body, content_type=content_type, headers=bearer(UserFactory()))
        assert response.status_code == 415, (path, body)
        assert "application/json" in response.json()["detail"]
        assert response.json()["errors"] == {}
    assert not Assessment.objects.exists()
    assert not ShareLink.objects.exists()


def test_a_json_based_media_type_is_read_as_json(client):
    item = ChecklistItemFactory()
    response = client.put(
        f"/api/me/assessments/{item.pk}",
        json.dumps({"level": 2}),
        content_type="application/merge-patch+json",
        headers=bearer(UserFactory()),
    )
    assert response.status_code == 200
    assert Assessment.objects.get().level == 2


def test_an_api_call_without_a_body_needs_no_content_type(client):
    user = UserFactory()
    link = create_share_link(user=user, days=7).link
    response = client.generic("POST", f"/api/me/share-links/{link.pk}/revoke", headers=bearer(user))
    assert response.status_code == 200
    assert not response.json()["usable"]


@pytest.mark.parametrize("hostile", HOSTILE_BYTES)
def test_pages_answer_the_plain_400_page_to_hostile_bytes_in_the_query_string(client, hostile):
    response = client.get(f"/catalog/?{form_encode({'q': hostile})}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Security-Policy" in response.headers  # the security headers still come along


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "django_language"])
def test_a_cookie_with_a_nul_is_refused_before_the_session_is_looked_up(client, settings, cookie):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"  # where a NUL would reach PostgreSQL
    client.cookies[cookie] = "abcdefgh\x00"
    assert client.get("/catalog/").status_code == 400


@pytest.mark.parametrize("hostile", HOSTILE_BYTES)
def test_form_posts_with_hostile_bytes_are_refused_and_change_nothing(client, hostile):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("skills:profile"),
        form_encode({"headline": hostile, "years_experience": "3", "visibility": "private"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert not EngineerProfile.objects.filter(user=user).exclude(headline="").exists()


def test_multipart_form_posts_with_nul_are_refused(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("skills:profile"), {"headline": "a\x00b", "years_experience": "3"})
    assert response.status_code == 400
    assert not EngineerProfile.objects.filter(user=user).exclude(headline="").exists()


def test_admin_autocomplete_answers_400_to_a_nul_term(client):
    ToolFactory()
    client.force_login(EditorFactory())
    params = {"app_label": "catalog", "model_name": "tool", "field_name": "keywords", "term": "\x00"}
    response = client.get(f"/admin/autocomplete/?{form_encode(params)}")
    assert response.status_code == 400


@pytest.mark.parametrize("text", ["Zürich", "naïve café", "🚀 lakehouse", "a+b=c&d"])
def test_ordinary_unicode_passes_the_guard(client, text):
    assert client.get("/catalog/", {"q": text}).status_code == 200
    assert client.get(f"/api/tools?{form_encode({'q': text})}").status_code == 200


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize("path", ["/api/me/assessments", "/api/me/matches"])
def test_personal_api_answers_to_a_token_are_private_and_never_stored(client, path):
    response = client.get(path, headers=bearer(UserFactory()))
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)


def test_public_pages_for_anonymous_visitors_are_not_marked_private(client):
    assert "private" not in cache_control(client.get("/catalog/"))
    assert "no-store" not in cache_control(client.get("/api/tools"))
