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
    RoleRequirementFactory,
    SkillFactory,
    UserFactory,
    assess,
)
from tests.markup import fact_rows

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
    detail_page = client.get(reverse("recruiting:candidate-detail", kwargs={"pk": candidate.pk}))
    detail = text(detail_page)
    api = client.get(f"/api/recruiter/candidates/{candidate.pk}").json()
    shared = text(
        client.get(reverse("share:profile", kwargs={"token": create_share_link(user=candidate.user, days=7).token}))
    )
    assert "Orchestration 1.7" in listed
    assert "Orchestration · average level 1.7 of 4" in fact_rows(detail_page.content.decode())  # the heading's facts
    assert [skill["average_level"] for skill in api["skills"]] == [1.7]
    assert "Orchestration 1.7" in shared
    assert "1.6" not in listed + detail + shared


@pytest.mark.parametrize(
    ("language", "card", "unrated", "page", "not_asked"),
    [
        (
            "en",
            "Average level per skill over all its checklist items, out of 4:",
            "not yet rated",
            "Average on the role's items",
            "Python 3.0 (over all its items) not asked",
        ),
        (
            "nl",
            "Gemiddeld niveau per vaardigheid over alle checklistpunten ervan, van 4:",
            "nog niet beoordeeld",
            "Gemiddelde op de punten van de rol",
            "Python 3,0 (over alle punten ervan) niet gevraagd",
        ),
    ],
)
def test_a_skill_never_rated_reads_not_rated_and_not_as_a_chosen_0_and_each_average_says_what_it_averages(
    client, language, card, unrated, page, not_asked
):
    rated, never = SkillFactory(name="Data quality", order=1), SkillFactory(name="Cloud basics", order=2)
    checks, costs = ChecklistItemFactory(skill=rated), ChecklistItemFactory(skill=never)
    python = ChecklistItemFactory(skill=SkillFactory(name="Python", order=3))  # a skill the role asks nothing of
    role = RoleFactory(slug="lakehouse", order=1)
    RoleRequirementFactory(role=role, item=checks, min_level=2)
    RoleRequirementFactory(role=role, item=costs, min_level=2)
    user = UserFactory(password=None)
    profile = EngineerProfileFactory(user=user, visibility=EngineerProfile.Visibility.RECRUITERS)
    assess(user=user, item=checks, level=0)  # "none" is an answer the engineer gave
    assess(user=user, item=python, level=3)
    client.force_login(RecruiterFactory())
    listed = text(client.get(reverse("recruiting:candidate-list"), HTTP_ACCEPT_LANGUAGE=language))
    assert f"{card} Data quality 0{'.' if language == 'en' else ','}0; Cloud basics {unrated}" in listed
    detail = text(
        client.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}), HTTP_ACCEPT_LANGUAGE=language)
    )
    assert page in detail and card not in detail
    assert re.search(rf"Cloud basics {unrated} 2[.,]0", detail)  # the radar's table: theirs, then what is needed
    assert not_asked in detail  # a skill the role asks nothing of is averaged over all its items, and says so
