"""Property-based run over the served /api/openapi.json: no 5xx, and every response as documented."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.api import RATE_LIMIT
from api.services import create_token
from recruiting.models import ContactRequest
from skills.privacy.sharing import create_share_link
from tests.factories import (
    AssessmentFactory,
    ChooserRecommendationFactory,
    EngineerProfileFactory,
    KeywordFactory,
    RecruiterFactory,
    RoleRequirementFactory,
    ToolFactory,
    UserFactory,
)

HOST = "localhost"  # the host schemathesis's WSGI client sends

# Loading the document needs no database: it is served before any test data exists.
with override_settings(ALLOWED_HOSTS=[HOST]):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())

EXAMPLES = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture
def api_data(db, settings, monkeypatch):
    """A little of everything, so generated requests reach real rows, not only 404s."""
    settings.ALLOWED_HOSTS = [HOST]
    # Hypothesis fires many requests with one token; the limit itself has its own test.
    monkeypatch.setattr(RATE_LIMIT, "requests", 10**6)
    settings.API_ANONYMOUS_RATE_LIMIT = 10**6
    settings.API_VACANCY_RATE_LIMIT = 10**6
    tool = ToolFactory()
    tool.keywords.add(KeywordFactory())
    ChooserRecommendationFactory(tool=tool)
    requirement = RoleRequirementFactory(is_must_have=True)
    engineer = UserFactory()
    EngineerProfileFactory(user=engineer, visibility="recruiters", target_role=requirement.role)
    AssessmentFactory(user=engineer, item=requirement.item, level=3)
    # A contact request and a share link, so the engineer's privacy endpoints reach real rows too.
    ContactRequest.objects.create(
        recruiter=RecruiterFactory(), profile=engineer.profile, recruiter_name="R", recruiter_company="C", message="Hi"
    )
    create_share_link(user=engineer, days=7)
    return engineer


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Like Django's test client: the WSGI request signals must not close the test's open transaction.

    (On PostgreSQL, close_old_connections would close the connection that holds the test data.)
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def engineer_header(api_data):
    return {"Authorization": f"Bearer {create_token(user=api_data, name='schemathesis').plain}"}


@pytest.fixture
def recruiter_header(api_data):
    return {"Authorization": f"Bearer {create_token(user=RecruiterFactory(), name='schemathesis').plain}"}


# 422 is the answer for well-typed input that names nothing real (item 0, an unknown slug), so the
# heuristic "schema-valid data must be accepted" does not apply; every other built-in check runs.
EXCLUDED = [positive_data_acceptance]


def operations(part) -> list:
    """The described operations of a part of the schema, as pytest parameters named by method and path: one test
    each, with ids that tell them apart (schemathesis's own parametrize gives them one id, which pytest-xdist runs
    once)."""
    return [pytest.param(result.ok(), id=result.ok().label) for result in part.get_all_operations()]


def check_operation(operation, headers: dict) -> None:
    @EXAMPLES
    @given(case=operation.as_strategy())
    def check(case):
        case.call_and_validate(headers=headers, excluded_checks=EXCLUDED)

    check()


@pytest.mark.parametrize("operation", operations(schema.exclude(tag="recruiter")))
def test_public_and_engineer_endpoints_match_the_description(operation, engineer_header):
    check_operation(operation, engineer_header)


@pytest.mark.parametrize("operation", operations(schema.include(tag="recruiter")))
def test_recruiter_endpoints_match_the_description(operation, recruiter_header):
    check_operation(operation, recruiter_header)
