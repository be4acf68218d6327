"""The API as a whole: self-hosted docs under the CSP, the OpenAPI document, JSON errors and the rate limit."""

import json
import re

import pytest
from django.test import override_settings

from api.api import RATE_LIMIT
from api.services import create_token
from skills.models import Assessment
from tests.api.conftest import bearer
from tests.factories import ChecklistItemFactory, UserFactory

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def test_the_openapi_document_quotes_the_rate_limits_as_they_are_set_now(client):
    with override_settings(API_ANONYMOUS_RATE_LIMIT=7, API_VACANCY_RATE_LIMIT=3):
        document = client.get("/api/openapi.json").json()
    assert "share 7 a minute per client address" in document["info"]["description"]
    assert "limited to 3 analyses a minute" in document["paths"]["/api/vacancies/analyze"]["post"]["description"]
    assert "$" not in json.dumps(document["info"]) + document["paths"]["/api/vacancies/analyze"]["post"]["description"]


def test_openapi_document_describes_every_endpoint(client):
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert {
        "/api/categories",
        "/api/tools",
        "/api/tools/{slug}",
        "/api/chooser",
        "/api/skills",
        "/api/roles",
        "/api/roles/{slug}",
        "/api/vacancies/analyze",
        "/api/me/assessments",
        "/api/me/assessments/{item_id}",
        "/api/me/matches",
        "/api/me/gaps/{role_slug}",
        "/api/me/share-links",
        "/api/me/share-links/{link_id}/revoke",
        "/api/me/contact-requests",
        "/api/me/contact-requests/{request_id}/answer",
        "/api/me/contact-requests/{request_id}/withdraw",
        "/api/recruiter/candidates",
        "/api/recruiter/candidates/{profile_id}",
        "/api/me/benchmarks",
        "/api/market",
    } == set(document["paths"])
    assert document["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    # Refused characters (400) and the rate limits (429) can answer any call.
    for operations in document["paths"].values():
        for operation in operations.values():
            assert {"400", "429"} <= set(operation["responses"])


def test_docs_page_has_no_inline_script_and_loads_only_our_static_files(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = SCRIPT.findall(html)
    assert scripts, "the page should load Swagger UI"
    for attributes, body in scripts:
        assert body.strip() == ""
        assert re.search(r'src="/static/', attributes)
    assert "style=" not in html
    external = re.findall(r'(?:src|href)="(https?:)?//', html)
    assert external == []
    assert '/static/ninja/swagger-ui-bundle.js"' in html
    assert '/static/api/swagger-init.js"' in html
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/static/ninja/swagger-ui-bundle.js",
        "/static/ninja/swagger-ui.css",
        "/static/api/swagger-init.js",
        "/static/api/docs.css",
    ],
)
def test_docs_assets_are_served_from_our_static_files(client, path):
    response = client.get(path)
    assert response.status_code == 200
    b"".join(response.streaming_content if response.streaming else [response.content])


@pytest.mark.parametrize("path", ["/api/no-such-thing", "/api/"])
def test_unknown_api_address_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no API endpoint at this address.", "errors": {}}


def test_wrong_method_is_a_405_not_a_500(client):
    assert client.delete("/api/tools").status_code == 405


def test_an_unexpected_failure_still_answers_in_json(client, monkeypatch):
    def explode(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("api.routers.public.catalog_selectors.chooser_options", explode)
    response = client.get("/api/chooser")
    assert response.status_code == 500
    assert response.json()["detail"] == "Something went wrong on our side; please try again later."


def test_a_body_over_the_upload_limit_is_a_json_413_and_changes_nothing(client, settings):
    item = ChecklistItemFactory()
    body = json.dumps({"level": 2, "note": "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE})
    response = client.put(
        f"/api/me/assessments/{item.pk}", body, content_type="application/json", headers=bearer(UserFactory())
    )
    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is larger than 2.5\xa0MB.", "errors": {}}
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("path", ["/api/tools", "/api/me/assessments"])
def test_a_query_string_with_too_many_fields_is_a_json_400_not_a_500(client, settings, path, caplog):
    query = "&".join(f"field{number}=1" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = client.get(f"{path}?{query}", headers=bearer(UserFactory()))
    assert response.status_code == 400
    assert response.json() == {"detail": "The request has more than 1000 fields.", "errors": {}}
    assert not [record for record in caplog.records if record.levelname == "ERROR"]


def test_rate_limit_answers_429_after_120_calls_a_minute_per_token(client, monkeypatch):
    monkeypatch.setattr(RATE_LIMIT, "timer", lambda: 1_000_040.0)  # 20 s into a window, whatever the clock does
    headers = bearer(UserFactory())
    statuses = [client.get("/api/me/matches", headers=headers).status_code for _ in range(120)]
    assert statuses == [200] * 120
    response = client.get("/api/me/matches", headers=headers)
    assert response.status_code == 429
    assert response["Retry-After"] == "40"
    assert "Too many requests" in response.json()["detail"]


def test_rate_limit_counts_each_token_separately(client, monkeypatch):
    monkeypatch.setattr(RATE_LIMIT, "requests", 2)
    user = UserFactory()
    first = {"Authorization": f"Bearer {create_token(user=user, name='one').plain}"}
    second = {"Authorization": f"Bearer {create_token(user=user, name='two').plain}"}
    for _ in range(2):
        client.get("/api/me/matches", headers=first)
    assert client.get("/api/me/matches", headers=first).status_code == 429
    assert client.get("/api/me/matches", headers=second).status_code == 200


def test_rate_limit_opens_again_in_the_next_window(client, monkeypatch):
    monkeypatch.setattr(RATE_LIMIT, "requests", 1)
    now = [1_000_000.0]
    monkeypatch.setattr(RATE_LIMIT, "timer", lambda: now[0])
    headers = bearer(UserFactory())
    client.get("/api/me/matches", headers=headers)
    assert client.get("/api/me/matches", headers=headers).status_code == 429
    now[0] += 60
    assert client.get("/api/me/matches", headers=headers).status_code == 200


def test_anonymous_calls_past_the_limit_answer_429_with_retry_after_per_address(client, settings, one_rate_window):
    settings.API_ANONYMOUS_RATE_LIMIT = 3
    assert [client.get("/api/tools").status_code for _ in range(3)] == [200] * 3
    response = client.get("/api/tools")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "Too many requests" in response.json()["detail"]
    assert client.get("/api/tools", REMOTE_ADDR="203.0.113.9").status_code == 200


def test_calls_with_an_invalid_token_count_towards_the_address_limit(client, settings, one_rate_window):
    settings.API_ANONYMOUS_RATE_LIMIT = 3
    wrong = {"Authorization": "Bearer not-a-real-token"}
    assert [client.get("/api/me/matches", headers=wrong).status_code for _ in range(3)] == [401] * 3
    response = client.get("/api/me/matches", headers=wrong)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert client.get("/api/tools").status_code == 429


def test_a_valid_token_is_not_held_to_the_address_limit(client, settings):
    settings.API_ANONYMOUS_RATE_LIMIT = 1
    headers = bearer(UserFactory())
    assert [client.get("/api/me/matches", headers=headers).status_code for _ in range(3)] == [200] * 3
