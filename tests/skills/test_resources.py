"""Learning resources: every required item has something to learn it with, shown in order on the learning path."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo
from skills.models import ChecklistItem, Resource, Role
from skills.selectors.checklist import required_items_without_resources
from tests.factories import ChecklistItemFactory, RoleRequirementFactory, ToolFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_every_item_a_published_demo_role_requires_has_a_resource():
    load_catalog_demo()
    load_skills_demo()
    assert list(required_items_without_resources()) == []


def test_every_demo_item_has_a_resource_in_both_languages():
    load_catalog_demo()
    load_skills_demo()
    for item in ChecklistItem.objects.all():
        resources = list(Resource.objects.public().filter(item=item))
        assert resources, item
        for resource in resources:
            if resource.is_external:
                assert resource.title_en and resource.title_nl and resource.url.startswith("https://"), resource
            assert resource.note_en and resource.note_nl, resource


def test_cloud_items_point_at_the_providers_own_fundamentals():
    load_catalog_demo()
    load_skills_demo()
    urls = " ".join(Resource.objects.filter(item__skill__slug="cloud").values_list("url", flat=True))
    for provider in ("learn.microsoft.com", "aws.amazon.com", "cloudskillsboost.google"):
        assert provider in urls


def test_loading_the_demo_twice_keeps_one_set_of_resources():
    load_catalog_demo()
    load_skills_demo()
    count = Resource.objects.count()
    load_skills_demo()
    assert Resource.objects.count() == count


def test_a_required_item_without_a_resource_is_reported_and_a_draft_role_is_not():
    item = RoleRequirementFactory().item
    draft_only = RoleRequirementFactory(role__published=False).item
    assert list(required_items_without_resources()) == [item]
    Resource.objects.create(item=item, url="https://example.com/learn", title="Learn it")
    assert list(required_items_without_resources()) == []
    assert draft_only not in required_items_without_resources()


def test_a_hidden_tool_does_not_count_as_a_resource():
    item = RoleRequirementFactory().item
    Resource.objects.create(item=item, tool=ToolFactory(published=False))
    assert list(required_items_without_resources()) == [item]


def test_a_resource_is_a_tool_or_a_link_never_both_nor_neither():
    item = ChecklistItemFactory()
    with pytest.raises(ValidationError):
        Resource(item=item, tool=ToolFactory(), url="https://example.com", title="Both").full_clean()
    with pytest.raises(ValidationError):
        Resource(item=item, url="https://example.com").full_clean()  # a link needs a title
    with transaction.atomic(), pytest.raises(IntegrityError):
        Resource.objects.create(item=item)


def test_the_learning_path_shows_each_items_resources_in_order(client):
    requirement = RoleRequirementFactory(min_level=2)
    item = requirement.item
    Resource.objects.create(item=item, url="https://example.com/second", title="Second step", order=2)
    Resource.objects.create(item=item, tool=ToolFactory(name="First tool"), order=1, note="Start here.")
    client.force_login(UserFactory())
    body = client.get(reverse("skills:role-gaps", args=[requirement.role.slug])).content.decode()
    path = body[body.index('class="learning-path"') :]
    assert path.index("First tool") < path.index("Second step")
    assert "Start here." in path
    assert 'href="https://example.com/second" rel="noopener noreferrer"' in path


def test_the_tool_page_lists_the_items_it_teaches(client):
    tool = ToolFactory(name="Teacher")
    item = ChecklistItemFactory(name="Window functions")
    Resource.objects.create(item=item, tool=tool, note="Ranking per group.")
    body = client.get(tool.get_absolute_url()).content.decode()
    assert "Checklist items it teaches" in body
    assert "Window functions" in body


def test_an_editor_changing_a_resource_refreshes_the_learning_path(client):
    requirement = RoleRequirementFactory(min_level=2)
    client.force_login(UserFactory())
    url = reverse("skills:role-gaps", args=[requirement.role.slug])
    assert "Fresh link" not in client.get(url).content.decode()
    Resource.objects.create(item=requirement.item, url="https://example.com/fresh", title="Fresh link")
    assert "Fresh link" in client.get(url).content.decode()


def test_the_published_roles_exist_for_the_checks_above():
    load_catalog_demo()
    load_skills_demo()
    assert Role.objects.published().count() >= 3
