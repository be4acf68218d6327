"""Every API operation, read from the OpenAPI schema, with every content type and hostile bodies: never a 5xx.

A body that is not declared JSON gets 415 and one with text no field can store gets 400 (portal.guards.hardening), in
the API's JSON error shape, and a refused request changes nothing, on SQLite and PostgreSQL. A new endpoint is
in the schema, so it is fuzzed here without anyone adding it.
"""

import json
import re

import pytest
from django.http.request import HttpHeaders
from django.test.client import FakePayload, encode_multipart

from api.api import RATE_LIMIT, api
from api.models import ApiToken
from api.services import create_token
from recruiting.models import ContactRequest
from skills.models import Assessment, EngineerProfile, ShareLink
from skills.privacy.sharing import create_share_link
from tests.factories import (
    AssessmentFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleRequirementFactory,
    ToolFactory,
    UserFactory,
)
from tests.hostile import HOSTILE_BYTES, HOSTILE_JSON_STRINGS

pytestmark = pytest.mark.django_db

SCHEMA = api.get_openapi_schema()
OPERATIONS = [
    (method.upper(), path, operation)
    for path, operations in SCHEMA["paths"].items()
    for method, operation in operations.items()
]

BOUNDARY = "HostileBoundary"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"
JSON_TYPES = ("application/json", "application/merge-patch+json")
OTHER_TYPES = ("text/plain", "application/x-www-form-urlencoded", MULTIPART, "application/x-json", None)
UPLOAD_LIMIT = 20_000  # a small DATA_UPLOAD_MAX_MEMORY_SIZE, so a "huge" body stays cheap to send


def test_every_operation_of_the_api_is_fuzzed():
    """The list comes from the schema: the same operations the docs show (catalog, engineer, recruiter, vacancy)."""
    ids = {operation["operationId"] for _method, _path, operation in OPERATIONS}
    assert {"analyze_vacancy", "set_own_assessment", "create_own_share_link", "list_candidates"} <= ids


def _resolve(schema: dict) -> dict:
    while "$ref" in schema:
        schema = SCHEMA["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _plausible(schema: dict):
    """A value the field accepts, so that one hostile field at a time gets past the others' validation."""
    schema = _resolve(schema)
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema:
        return _plausible(next(option for option in schema["anyOf"] if option.get("type") != "null"))
    return {"integer": 2, "number": 2, "boolean": True, "array": [], "object": {}}.get(schema.get("type"), "SQL")


def body_fields(operation: dict) -> dict:
    """The JSON body's fields with plausible values ({} for an operation that takes no body)."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if content is None:
        return {}
    properties = _resolve(content["schema"]).get("properties", {})
    return {name: _plausible(field) for name, field in properties.items()}


def hostile_bodies(fields: dict) -> list[tuple[bytes, bool]]:
    """(body, holds text no field can store): hostile text in each field in turn, raw bytes, wrong types, a huge
    body, and form-like text."""
    bodies = []
    for hostile in HOSTILE_JSON_STRINGS:
        bodies.append((json.dumps({name: hostile for name in fields} or {"text": hostile}).encode(), True))
        for name in fields:
            bodies.append((json.dumps({**fields, name: hostile}).encode(), True))
        bodies.append((json.dumps({**fields, hostile: hostile}).encode(), True))
    for raw in HOSTILE_BYTES:
        bodies.append((b'{"text": "' + raw + b'", "note": "' + raw + b'"}', True))
    for wrong in (
        b"",
        b"{}",
        b"[]",
        b"null",
        b"1e309",
        b'"just text"',
        b"{",
        b"[" * 50_000 + b"]" * 50_000,
        b'{"level": ' + b"9" * 5_000 + b"}",
        b"level=2&note=%00&text=%ED%A0%80",
        b"\xef\xbb\xbf{}",  # a byte order mark
        "{}".encode("utf-16"),
        json.dumps({name: [[{"x": None}]] for name in fields} or {"text": 1}).encode(),
        json.dumps({name: 10**30 for name in fields} or {"text": -1}).encode(),
        json.dumps(fields).encode(),
        json.dumps({**fields, "text": "x" * UPLOAD_LIMIT}).encode(),  # over the upload limit
    ):
        bodies.append((wrong, False))
    return bodies


def send(client, method: str, path: str, body: bytes, content_type: str | None, headers: dict):
    """One request with exactly these bytes and this Content-Type, or none at all."""
    if content_type == MULTIPART and body:
        body = encode_multipart(BOUNDARY, {"payload": body.decode("latin-1")})
    environ = {
        "PATH_INFO": path,
        "REQUEST_METHOD": method,
        "QUERY_STRING": "",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": FakePayload(body),
        **HttpHeaders.to_wsgi_names(headers),
    }
    if content_type is not None:
        environ["CONTENT_TYPE"] = content_type
    return client.request(**environ)


def snapshot():
    """What a refused request must leave alone."""
    return (
        list(Assessment.objects.order_by("pk").values_list("user_id", "item_id", "level", "evidence_url", "note")),
        list(ShareLink.objects.order_by("pk").values_list("pk", "revoked_at")),
        list(ContactRequest.objects.order_by("pk").values_list("pk", "status")),
        list(EngineerProfile.objects.order_by("pk").values_list("pk", "headline", "visibility")),
        ApiToken.objects.count(),
    )


@pytest.fixture
def world(db, settings, monkeypatch):
    """A row behind every path parameter, and a token for each kind of caller."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_LIMIT
    monkeypatch.setattr(RATE_LIMIT, "requests", 10**6)
    settings.API_ANONYMOUS_RATE_LIMIT = 10**6
    settings.API_VACANCY_RATE_LIMIT = 10**6
    requirement = RoleRequirementFactory(is_must_have=True, role__slug="lakehouse")
    ToolFactory(slug="lakehouse")  # one slug names a tool and a role
    engineer = UserFactory()
    profile = EngineerProfileFactory(user=engineer, visibility="recruiters", target_role=requirement.role)
    AssessmentFactory(user=engineer, item=requirement.item, level=3)
    contact = ContactRequest.objects.create(
        recruiter=RecruiterFactory(), profile=profile, recruiter_name="R", recruiter_company="C", message="Hi"
    )
    link = create_share_link(user=engineer, days=7).link
    return {
        "params": {
            "item_id": requirement.item.pk,
            "slug": "lakehouse",
            "role_slug": "lakehouse",
            "link_id": link.pk,
            "request_id": contact.pk,
            "profile_id": profile.pk,
        },
        "engineer": {"Authorization": f"Bearer {create_token(user=engineer, name='fuzz').plain}"},
        "recruiter": {"Authorization": f"Bearer {create_token(user=RecruiterFactory(), name='fuzz').plain}"},
    }


def caller_headers(world, operation: dict) -> dict:
    if not operation.get("security"):
        return {}
    return world["recruiter"] if "recruiter" in operation.get("tags", ()) else world["engineer"]


@pytest.mark.parametrize(
    ("method", "path", "operation"), OPERATIONS, ids=[operation["operationId"] for _m, _p, operation in OPERATIONS]
)
def test_hostile_bodies_of_any_content_type_never_fail(client, world, method, path, operation):
    url = re.sub(r"{(\w+)}", lambda match: str(world["params"].get(match.group(1), 1)), path)
    headers = caller_headers(world, operation)
    failures = []
    before = snapshot()  # each request's "after" is the next one's "before": one snapshot a request, not two
    for body, unstorable in hostile_bodies(body_fields(operation)):
        for content_type in (*JSON_TYPES, *OTHER_TYPES):
            response = send(client, method, url, body, content_type, headers)
            seen = (content_type, body[:60], response.status_code)
            after = snapshot()
            if response.status_code >= 500 or (response.status_code >= 400 and "detail" not in response.json()):
                failures.append(seen)
            elif body and content_type not in JSON_TYPES and response.status_code != 415:
                failures.append((*seen, "expected 415"))
            elif unstorable and content_type in JSON_TYPES and response.status_code != 400:
                failures.append((*seen, "expected 400"))
            elif response.status_code >= 400 and after != before:
                failures.append((*seen, "a refused request changed data"))
            before = after
    assert not failures, "\n".join(repr(failure) for failure in failures)
