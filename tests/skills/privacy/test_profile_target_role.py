"""Every page that sets a target role does what the one home of "make this my target role"
(:func:`skills.services.profiles.set_target_role`) does: the role is saved, the engineer's stored matches, which
recruiters rank by, are written at once, and the engineer's cached pages show the new target. The profile form,
the start's step 1 and the start's last step each show all three (the API sets no target role), so a page that
changed the target its own way would fail here."""

import re

import pytest
from django.urls import reverse

from skills.models import EngineerProfile
from skills.services.profiles import set_target_role
from tests.api.conftest import bearer
from tests.factories import ChecklistItemFactory, RecruiterFactory, RoleFactory, RoleRequirementFactory, assess

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(engineer):
    """The engineer meets Joins at 3; then two roles are published whose role-wide recompute has not run yet, so
    neither has a stored match of theirs."""
    joins = ChecklistItemFactory(name="Joins")
    first = RoleFactory(title="Data engineer", slug="data", order=1)  # no requirements yet
    assess(user=engineer, item=joins, level=3)
    set_target_role(user=engineer, role=first)
    analytics, lakehouse = (
        RoleFactory(title="Analytics lead", slug="analytics-lead", order=2),
        RoleFactory(title="Senior lakehouse", slug="lakehouse", order=3),
    )
    RoleRequirementFactory(role=analytics, item=joins, min_level=2)
    RoleRequirementFactory(role=lakehouse, item=joins, min_level=4)
    RoleRequirementFactory(role=lakehouse, item=ChecklistItemFactory(name="Skew"), min_level=3, is_must_have=True)
    return {"first": first, "analytics": analytics, "lakehouse": lakehouse}


def stored_matches(client, profile: EngineerProfile) -> dict[str, tuple[int, int, list[str]]]:
    """What a recruiter reads of the candidate's stored matches: per role, score, requirements met, must-haves
    missing."""
    detail = client.get(f"/api/recruiter/candidates/{profile.pk}", headers=bearer(RecruiterFactory())).json()
    return {
        match["role"]: (match["score"], match["requirements_met"], match["missing_must_haves"])
        for match in detail["matches"]
    }


@pytest.mark.parametrize("target", ["lakehouse", None])
def test_a_target_role_changed_on_the_profile_page_writes_the_stored_matches_at_once(client, engineer, roles, target):
    data = {"headline": "SQL first", "years_experience": "4", "location": "", "visibility": "recruiters"}
    role = roles[target] if target else None
    response = client.post(reverse("skills:profile"), {**data, "target_role": str(role.pk) if role else ""})
    assert response.status_code == 302
    profile = EngineerProfile.objects.get(user=engineer)
    assert (profile.target_role, profile.headline, profile.visibility) == (role, "SQL first", "recruiters")
    assert stored_matches(client, profile) == {
        "analytics-lead": (100, 1, []),
        "data": (0, 0, []),  # a role without requirements scores 0
        "lakehouse": (19, 0, ["Skew"]),
    }


def target_badges(client) -> list[str]:
    """The roles the gaps page marks "your target" (a page cached per engineer)."""
    page = client.get(reverse("skills:gaps")).content.decode()
    cards = re.findall(r'<h2 class="h5 card-title"[^>]*>(.*?)</h2>', page, re.S)
    return [re.search(r">([^<]+)</a>", card).group(1) for card in cards if "your target" in card]


def on_the_profile_form(client, role) -> None:
    data = {"headline": "", "years_experience": "4", "location": "", "visibility": "recruiters"}
    assert client.post(reverse("skills:profile"), {**data, "target_role": str(role.pk)}).status_code == 302


def at_the_starts_first_step(client, role) -> None:
    assert client.post(reverse("skills:start"), {"action": "role", "role": role.slug}).status_code == 302


def at_the_starts_last_step(client, role) -> None:
    assert client.post(reverse("skills:start"), {"action": "target", "role": role.slug}).status_code == 302


@pytest.mark.parametrize("set_it", [on_the_profile_form, at_the_starts_first_step, at_the_starts_last_step])
def test_every_page_that_sets_a_target_role_saves_it_writes_the_matches_and_shows_it_at_once(
    client, engineer, roles, set_it
):
    profile = EngineerProfile.objects.get(user=engineer)
    EngineerProfile.objects.filter(pk=profile.pk).update(visibility=EngineerProfile.Visibility.RECRUITERS)
    assert target_badges(client) == ["Data engineer"]  # and the gaps page is now in the cache
    set_it(client, roles["lakehouse"])
    recruiter = RecruiterFactory()
    detail = client.get(f"/api/recruiter/candidates/{profile.pk}", headers=bearer(recruiter)).json()
    assert detail["target_role"] == "lakehouse"
    assert stored_matches(client, profile) == {
        "analytics-lead": (100, 1, []),
        "data": (0, 0, []),
        "lakehouse": (19, 0, ["Skew"]),
    }
    assert target_badges(client) == ["Senior lakehouse"]
