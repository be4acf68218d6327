"""A recruiter's vacancy search is a role of its own kind that no engineer, visitor or editor's list ever shows."""

import json

import pytest
from django.urls import reverse

from recruiting.services.searches import Requirement, create_search, rank_search
from skills.models import EngineerProfile, Role
from skills.privacy.forms import ProfileForm, ShareLinkForm
from skills.services.profiles import update_profile
from tests.api.conftest import bearer
from tests.factories import (
    ChecklistItemFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db

SECRET = "Acme confidential: lakehouse lead"


@pytest.fixture
def world():
    item = ChecklistItemFactory(name="Partitioning")
    role = RoleFactory(title="Senior Data Engineer — lakehouse", slug="lakehouse")
    RoleRequirementFactory(role=role, item=item, min_level=2)
    recruiter = RecruiterFactory()
    search = create_search(
        owner=recruiter, title=SECRET, requirements=[Requirement(item=item, min_level=3, is_must_have=True)]
    )
    user = UserFactory()
    assess(user=user, item=item, level=3)
    update_profile(
        user=user,
        headline="",
        years_experience=2,
        location="",
        target_role=role,
        open_to_work=True,
        visibility=EngineerProfile.Visibility.RECRUITERS,
    )
    rank_search(owner=recruiter, search=search)  # the engineer now has a stored match with the search
    return {"role": role, "search": search, "user": user}


@pytest.fixture
def engineer_client(client, world):
    client.force_login(world["user"])
    return client


def test_public_role_pages_list_no_search_and_its_slug_is_404(client, world):
    listing = client.get(reverse("skills:role-list"))
    assert world["role"].title in listing.content.decode()
    assert SECRET not in listing.content.decode()
    assert client.get(reverse("skills:role-detail", kwargs={"slug": world["search"].role.slug})).status_code == 404


def test_the_engineers_gaps_pages_show_no_search(engineer_client, world):
    gaps = engineer_client.get(reverse("skills:gaps"))
    assert [fit.role for fit in gaps.context["fits"]] == [world["role"]]
    assert SECRET not in gaps.content.decode()
    role_gaps = engineer_client.get(reverse("skills:role-gaps", kwargs={"slug": world["search"].role.slug}))
    assert role_gaps.status_code == 404


def test_no_search_is_among_the_target_roles_or_share_link_roles(engineer_client, world):
    profile = EngineerProfile.objects.get(user=world["user"])
    assert list(ProfileForm(instance=profile).fields["target_role"].queryset) == [world["role"]]
    assert list(ShareLinkForm().fields["role"].queryset) == [world["role"]]
    page = engineer_client.get(reverse("skills:profile"))
    assert SECRET not in page.content.decode()


def test_the_api_lists_no_search_and_answers_404_for_its_slug(client, world):
    roles = client.get("/api/roles").json()
    assert [role["slug"] for role in roles] == ["lakehouse"]
    assert client.get(f"/api/roles/{world['search'].role.slug}").status_code == 404
    headers = bearer(world["user"])
    matches = client.get("/api/me/matches", headers=headers)
    assert matches.status_code == 200, matches.content
    assert SECRET not in matches.content.decode()
    assert client.get(f"/api/me/gaps/{world['search'].role.slug}", headers=headers).status_code == 404


def test_the_personal_data_export_says_a_search_ranked_them_without_its_name(engineer_client, world):
    response = engineer_client.get(reverse("skills:profile-export"))
    data = json.loads(b"".join(response.streaming_content) if response.streaming else response.content)
    assert SECRET not in json.dumps(data)
    assert [match["role"] for match in data["matches"]] == [world["role"].title, "a recruiter's private vacancy search"]


def test_the_editors_role_admin_lists_no_search(client, world):
    from tests.factories import EditorFactory

    client.force_login(EditorFactory())
    changelist = client.get(reverse("admin:skills_role_changelist"))
    assert list(changelist.context["cl"].queryset) == [world["role"]]
    change = client.get(reverse("admin:skills_role_change", args=[world["search"].role.pk]))
    assert change.status_code == 302, "a search is no role the editors can open"
    assert Role.objects.get(pk=world["search"].role.pk).is_search
