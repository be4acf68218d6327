"""The market map follows the editors' tools and roles: a tool linked to a skill (or taken off it) in the admin is counted by a
snapshot built as soon as the change commits, not at the next timed build; a tool the public cannot see (unpublished,
or in an unpublished category) is off the map at once and back when published again."""

import pytest
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from recruiting.services.publishing import publish_proposal
from recruiting.services.searches import Requirement, create_search, propose_search
from skills.benchmarks.services import BUILD_TASK_PATH, build_snapshot
from skills.models import BenchmarkSnapshot, RoleRequirement
from tests.factories import EditorFactory, RecruiterFactory, RoleFactory, RoleRequirementFactory, ToolFactory
from tests.jobs import queue_in_database, work_off_queue
from tests.skills.benchmarks.test_pages import auth
from tests.skills.test_admin import role_form_data

pytestmark = pytest.mark.django_db


def market_tools(client) -> list[str]:
    """The tools of the market map, as the API gives them to a recruiter."""
    market = client.get("/api/market", headers=auth(RecruiterFactory(), staff_access=True)).json()
    return sorted(row["name"] for row in market["tools"])


def save_tools_in_admin(editor_client, skill, tools) -> None:
    """The skill's page in the admin, saved with these tools (its items unchanged)."""
    data = {
        "name_en": skill.name_en,
        "name_nl": skill.name_nl,
        "slug": skill.slug,
        "growth_stage": skill.growth_stage,
        "order": "0",
        "published": "on",
        "tools": [str(tool.pk) for tool in tools],
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
    }
    response = editor_client.post(reverse("admin:skills_skill_change", args=[skill.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def builds_waiting() -> int:
    return DBTaskResult.objects.filter(task_path=BUILD_TASK_PATH, status=TaskResultStatus.READY).count()


def test_a_tool_linked_to_a_skill_in_the_admin_is_on_the_market_once_the_rebuild_queued_by_the_change_ran(
    client, editor_client, modelling, settings
):
    build_snapshot()
    assert market_tools(client) == ["dbt"]
    queue_in_database(settings)
    great_expectations = ToolFactory(name="Great Expectations")
    save_tools_in_admin(editor_client, modelling, [*modelling.tools.all(), great_expectations])
    assert builds_waiting() == 1
    save_tools_in_admin(editor_client, modelling, [great_expectations])  # a second change: the waiting build reads it
    assert builds_waiting() == 1
    work_off_queue()
    assert market_tools(client) == ["Great Expectations"]


def test_saving_a_skill_without_changing_its_tools_queues_no_rebuild(editor_client, modelling, settings):
    build_snapshot()
    queue_in_database(settings)
    save_tools_in_admin(editor_client, modelling, list(modelling.tools.all()))
    assert builds_waiting() == 0


def test_before_the_first_snapshot_a_change_of_tools_leaves_the_first_build_to_the_timer(
    editor_client, modelling, settings
):
    queue_in_database(settings)
    save_tools_in_admin(editor_client, modelling, [ToolFactory()])
    assert builds_waiting() == 0
    assert not BenchmarkSnapshot.objects.exists()


def test_a_tool_the_public_cannot_see_is_off_the_market_at_once_and_back_when_published(client, modelling):
    dbt = modelling.tools.get()
    build_snapshot()
    dbt.published = False
    dbt.save()
    assert market_tools(client) == []
    dbt.published = True
    dbt.save()
    dbt.category.published = False
    dbt.category.save()
    assert market_tools(client) == []
    dbt.category.published = True
    dbt.category.save()
    assert market_tools(client) == ["dbt"]


def dbt_roles_required(client) -> int:
    market = client.get("/api/market", headers=auth(RecruiterFactory(), staff_access=True)).json()
    return next(row["demand"]["roles_required"] for row in market["tools"] if row["tool_slug"] == "dbt")


def save_role_in_admin(editor_client, role, requirements, **changes) -> None:
    """The role's page in the admin, saved with its requirements and these fields changed."""
    data = {**role_form_data(role, requirements), **changes}
    response = editor_client.post(reverse("admin:skills_role_change", args=[role.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def modelling_requirement(skill) -> RoleRequirement:
    return RoleRequirement.objects.filter(item__skill=skill).select_related("role").first()


def test_a_role_retired_in_the_admin_leaves_the_market_once_the_rebuild_queued_by_the_change_ran(
    client, editor_client, modelling, settings
):
    build_snapshot()
    assert dbt_roles_required(client) == 2
    queue_in_database(settings)
    requirement = modelling_requirement(modelling)
    save_role_in_admin(editor_client, requirement.role, [requirement], published="")
    assert builds_waiting() == 1
    work_off_queue()
    assert dbt_roles_required(client) == 1


def test_saving_a_role_nobody_sees_queues_no_rebuild(editor_client, modelling, settings):
    build_snapshot()
    queue_in_database(settings)
    save_role_in_admin(editor_client, RoleFactory(published=False), [], published="")
    assert builds_waiting() == 0


def test_reordering_a_published_role_queues_no_rebuild(editor_client, modelling, settings):
    build_snapshot()
    queue_in_database(settings)
    requirement = modelling_requirement(modelling)
    save_role_in_admin(editor_client, requirement.role, [requirement], order="7")
    assert builds_waiting() == 0


def test_a_published_role_deleted_in_the_admin_leaves_the_market_once_the_rebuild_queued_by_the_change_ran(
    client, editor_client, modelling, settings
):
    """A role nobody's match hangs on yet (one with matches is retired instead: the admin refuses to delete it)."""
    role = RoleFactory()
    RoleRequirementFactory(role=role, item=modelling.items.first(), is_must_have=True)
    build_snapshot()
    assert dbt_roles_required(client) == 3
    queue_in_database(settings)
    response = editor_client.post(reverse("admin:skills_role_delete", args=[role.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert builds_waiting() == 1
    work_off_queue()
    assert dbt_roles_required(client) == 2


def test_a_recruiters_proposal_published_by_an_editor_is_on_the_market_once_the_rebuild_queued_by_it_ran(
    client, modelling, settings
):
    build_snapshot()
    recruiter = RecruiterFactory()
    item = modelling.items.first()
    search = create_search(
        owner=recruiter,
        title="Analytics engineer",
        text="Models in dbt.",
        requirements=[Requirement(item=item, min_level=2, is_must_have=True)],
    )
    propose_search(owner=recruiter, search=search)
    queue_in_database(settings)
    publish_proposal(proposal=search.proposals.current().get(), editor=EditorFactory())
    assert builds_waiting() == 1
    work_off_queue()
    assert dbt_roles_required(client) == 3
