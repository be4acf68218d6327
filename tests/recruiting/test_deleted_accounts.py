"""A deleted account leaves nothing of itself in the shared cache: every fragment that showed it is gone."""

import uuid

import pytest
import redis
from django.conf import settings
from django.urls import reverse

from skills.services.profiles import update_profile
from skills.vacancies.services import save_vacancy
from tests.clients import PortalClient as Client
from tests.factories import (
    PASSWORD,
    ChecklistItemFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    UserFactory,
    assess,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not settings.REDIS_URL, reason="needs Redis: set REDIS_URL (CI does)"),
]


def redis_values_holding(text: str) -> list[bytes]:
    """Every key of the Redis database whose value holds ``text``, read with redis-py as an operator would."""
    server = redis.Redis.from_url(settings.REDIS_URL)
    needle = text.encode()

    def value(key: bytes) -> bytes:
        if server.type(key) == b"set":  # the index of which fragments show whom
            return b" ".join(server.smembers(key))
        return server.get(key) or b""

    return [key for key in server.scan_iter(count=1000) if needle in value(key)]


def test_deleting_an_account_deletes_every_cached_fragment_that_shows_its_evidence():
    evidence = f"https://example.org/evidence-{uuid.uuid4().hex}"
    item = ChecklistItemFactory(name="Window functions", skill__name="SQL")
    role = RoleFactory(slug="senior", is_senior=True)
    RoleRequirementFactory(role=role, item=item, min_level=2, is_must_have=True)
    engineer = UserFactory()
    update_profile(
        user=engineer,
        headline="Builds lakehouses",
        years_experience=5,
        location="Utrecht",
        target_role=role,
        open_to_work=True,
        visibility="recruiters",
        evidence_public=True,  # so that the recruiter's cached page holds the link too
    )
    assess(user=engineer, item=item, level=3, evidence_url=evidence)
    vacancy_title = f"Vacancy {uuid.uuid4().hex}"
    save_vacancy(owner=engineer, title=vacancy_title, link="", text="Senior data engineer: window functions.")
    profile_id = engineer.profile.pk

    own = Client()
    own.force_login(engineer)
    for url in (reverse("skills:checklist"), reverse("skills:gaps"), reverse("skills:role-gaps", args=[role.slug])):
        assert own.get(url).status_code == 200
    recruiter = Client()
    recruiter.force_login(RecruiterFactory())
    assert recruiter.get(reverse("recruiting:candidate-list")).status_code == 200
    assert evidence in recruiter.get(reverse("recruiting:candidate-detail", args=[profile_id])).content.decode()
    assert redis_values_holding(evidence), "the pages above keep the evidence link in their cached fragments"
    assert redis_values_holding(vacancy_title), "the gaps page keeps the saved vacancies in its cached fragment"

    response = own.post(reverse("skills:profile-delete"), {"email": engineer.email, "password": PASSWORD})
    assert response.status_code == 302

    assert redis_values_holding(evidence) == []
    assert redis_values_holding(vacancy_title) == []
    assert recruiter.get(reverse("recruiting:candidate-detail", args=[profile_id])).status_code == 404
