"""One number per skill for a candidate: the list, the detail page, the shared profile and the API agree."""

import re

import pytest
from django.urls import reverse

from skills.models import EngineerProfile
from skills.privacy.sharing import create_share_link
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    SkillFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate():
    """20 items of one skill at 13 × level 2 and 7 × level 1: 33 / 20 = 1.65, a half that floats round down."""
    skill = SkillFactory(name="Orchestration")
    items = ChecklistItemFactory.create_batch(20, skill=skill)
    RoleFactory(slug="lakehouse", order=1, is_senior=True)
    user = UserFactory(password=None)
    profile = EngineerProfileFactory(user=user, visibility=EngineerProfile.Visibility.RECRUITERS, target_role=None)
    for number, item in enumerate(items):
        assess(user=user, item=item, level=2 if number < 13 else 1)
    return profile


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_every_surface_shows_the_same_average_rounded_half_up(client, candidate):
    client.force_login(RecruiterFactory())
    listed = text(client.get(reverse("recruiting:candidate-list")))
    detail = text(client.get(reverse("recruiting:candidate-detail", kwargs={"pk": candidate.pk})))
    api = client.get(f"/api/recruiter/candidates/{candidate.pk}").json()
    shared = text(
        client.get(reverse("share:profile", kwargs={"token": create_share_link(user=candidate.user, days=7).token}))
    )
    assert "Orchestration 1.7" in listed
    assert "Orchestration · average level 1.7 of 4" in detail
    assert [skill["average_level"] for skill in api["skills"]] == [1.7]
    assert "Orchestration 1.7" in shared
    assert "1.6" not in listed + detail + shared
