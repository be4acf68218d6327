"""No target role is set without the engineer choosing it: ticks leave it empty, the score card names the best fit
as such, and recruiters read "no target role chosen"."""

import pytest
from django.urls import reverse

from skills.models import EngineerProfile
from tests.api.conftest import bearer
from tests.factories import (
    ChecklistItemFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles():
    """A hard senior role listed first (the old silent default) and an easier one the engineer fits better."""
    item = ChecklistItemFactory(name="Spark basics")
    hard = RoleFactory(title="Senior lakehouse", order=0, is_senior=True)
    easy = RoleFactory(title="Junior engineer", order=1, is_senior=False)
    RoleRequirementFactory(role=hard, item=item, min_level=4)
    RoleRequirementFactory(role=hard, item=ChecklistItemFactory(), min_level=4, is_must_have=True)
    RoleRequirementFactory(role=easy, item=item, min_level=2)
    return {"item": item, "hard": hard, "easy": easy}


def tick(client, item, level: int) -> str:
    """A level set on the checklist, as htmx sends it: the response's HTML."""
    prefix = f"item-{item.pk}"
    data = {f"{prefix}-level": str(level), f"{prefix}-evidence_url": "", f"{prefix}-note": ""}
    return client.post(reverse("skills:assess", args=[item.pk]), data, HTTP_HX_REQUEST="true").content.decode()


def test_a_tick_on_the_checklist_stores_no_target_and_the_score_card_names_the_best_fit(client, roles):
    user = UserFactory()
    client.force_login(user)
    body = tick(client, roles["item"], 2)
    assert EngineerProfile.objects.get(user=user).target_role is None
    assert "Best fit so far (no target role chosen): Junior engineer, <strong>100</strong> out of 100." in body
    assert "Match with your target role" not in body
    page = client.get(reverse("skills:checklist")).content.decode()
    assert "Best fit so far (no target role chosen): Junior engineer" in page


def test_a_checklist_rated_none_names_no_best_fit(client, roles):
    client.force_login(UserFactory())
    body = tick(client, roles["item"], 0)
    assert "Best fit so far" not in body  # every role scores 0: none fits better than another
    assert "Best fit so far" not in client.get(reverse("skills:checklist")).content.decode()


def test_a_level_set_through_the_api_stores_no_target(client, roles):
    user = UserFactory()
    response = client.put(
        f"/api/me/assessments/{roles['item'].pk}",
        data={"level": 3},
        content_type="application/json",
        headers=bearer(user),
    )
    assert response.status_code == 200
    assert EngineerProfile.objects.get(user=user).target_role is None


def test_a_new_profile_page_offers_no_preselected_target(client, roles):
    client.force_login(UserFactory())
    body = client.get(reverse("skills:profile")).content.decode()
    target = body.split('name="target_role"')[1].split("</select>")[0]  # not the other selects ("30 days" once matched)
    assert f'<option value="{roles["hard"].pk}" selected>' not in target
    assert '<option value="" selected>' in target


def test_recruiters_see_no_target_role_chosen(client, roles):
    user = UserFactory()
    client.force_login(user)
    item = roles["item"]
    prefix = f"item-{item.pk}"
    client.post(reverse("skills:assess", args=[item.pk]), {f"{prefix}-level": "2"})
    profile = EngineerProfile.objects.get(user=user)
    profile.visibility = EngineerProfile.Visibility.RECRUITERS
    profile.save()
    recruiter = RecruiterFactory()
    client.force_login(recruiter)
    detail = client.get(reverse("recruiting:candidate-detail", args=[profile.pk])).content.decode()
    assert "No target role chosen" in detail
    assert "Aims for" not in detail
    api = client.get(f"/api/recruiter/candidates/{profile.pk}", headers=bearer(recruiter)).json()
    assert api["target_role"] is None
