"""The market map's demand counts roles, searches and vacancies, not requirements: a tool is asked for by each role
(search, saved vacancy) that asks for any item of its skills, counted once, as a must-have when any of those items
is one. The private counts keep their k rule."""

import pytest
from django.urls import reverse

from skills.benchmarks.services import build_snapshot
from skills.models import Role, SavedVacancy
from tests.clients import DUTCH
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    ToolFactory,
    UserFactory,
    assess,
)
from tests.skills.benchmarks.test_pages import auth

pytestmark = pytest.mark.django_db

MARKET = reverse("recruiting:market")


@pytest.fixture
def dbt():
    """The three items of a skill whose tool is dbt."""
    skill = SkillFactory(name="Data modelling")
    skill.tools.add(ToolFactory(name="dbt", slug="dbt"))
    return [ChecklistItemFactory(skill=skill, name=name) for name in ("Models", "Tests", "Snapshots")]


def counting_engineers(count: int, items) -> list:
    users = []
    for _ in range(count):
        user = UserFactory()
        EngineerProfileFactory(user=user, counts_in_benchmarks=True)
        for item in items:
            assess(user=user, item=item, level=2)
        users.append(user)
    return users


def ask(role, items, *, must_have=()) -> None:
    for item in items:
        RoleRequirementFactory(role=role, item=item, is_must_have=item in must_have)


def market_rows(client) -> dict[str, dict]:
    market = client.get("/api/market", headers=auth(RecruiterFactory(), staff_access=True)).json()
    return {row["name"]: row["demand"] for row in market["items"] + market["tools"]}


def test_a_tool_counts_each_published_role_once_must_have_winning(client, dbt):
    models, tests, snapshots = dbt
    ask(RoleFactory(), [models, tests, snapshots], must_have=[models, tests])  # three requirements, one role
    ask(RoleFactory(), [tests, snapshots])  # two nice-to-haves, one role
    ask(RoleFactory(published=False), [models], must_have=[models])  # a draft asks nobody
    counting_engineers(10, [models, tests, snapshots])
    build_snapshot()
    demand = market_rows(client)
    assert (demand["dbt"]["roles_required"], demand["dbt"]["roles_nice"]) == (1, 1)
    assert (demand["Tests"]["roles_required"], demand["Tests"]["roles_nice"]) == (1, 1)
    client.force_login(RecruiterFactory())
    page = client.get(MARKET, **DUTCH).content.decode()
    tools = page[page.index('id="market-tools-table"') :]
    row = tools[tools.index(">dbt<") :].split("</tr>")[0]
    assert '<td data-label="Rollen">1 · 1</td>' in row


def test_searches_and_saved_vacancies_are_counted_once_per_tool_and_keep_the_k_rule(client, dbt):
    models, tests, snapshots = dbt
    for _ in range(10):
        search = RoleFactory(published=False)
        Role.objects.filter(pk=search.pk).update(kind=Role.Kind.SEARCH)
        ask(search, [models, tests], must_have=[models])
    owners = counting_engineers(12, [models, tests, snapshots])
    asked = [{"item": models.pk, "required": True}, {"item": tests.pk}, {"item": models.pk}]
    for owner in owners[:10]:
        SavedVacancy.objects.create(owner=owner, title="Analytics engineer", text="…", items_asked=asked)
    SavedVacancy.objects.create(owner=owners[10], title="Only nice", text="…", items_asked=[{"item": snapshots.pk}])
    build_snapshot()
    demand = market_rows(client)["dbt"]
    assert (demand["searches_required"], demand["searches_nice"]) == (10, 0)
    assert (demand["vacancies_required"], demand["vacancies_nice"]) == (10, None), "one nice-to-have is under k"
    models_demand = market_rows(client)["Models"]
    assert (models_demand["vacancies_required"], models_demand["vacancies_nice"]) == (10, 0), "required wins"


def test_a_tool_new_on_the_market_does_not_give_away_the_searches_its_neighbours_hold_back(client, dbt):
    """A tool linked after the last snapshot (or unlinked and linked again, with the build the link queues) starts
    from the count its skill's items show: an exact count, or one rounded to k, would show the one search saved
    since (19 → 20)."""
    models, tests, snapshots = dbt
    searches = []
    for _ in range(20):
        search = RoleFactory(published=False)
        Role.objects.filter(pk=search.pk).update(kind=Role.Kind.SEARCH)
        searches.append(search)
    for search in searches[:19]:
        ask(search, [models], must_have=[models])
    counting_engineers(10, [models, tests, snapshots])
    build_snapshot()
    assert market_rows(client)["dbt"]["searches_required"] == 19
    ask(searches[19], [models], must_have=[models])  # one more search since
    sqlmesh = ToolFactory(name="SQLMesh", slug="sqlmesh")
    models.skill.tools.add(sqlmesh)
    build_snapshot()
    demand = market_rows(client)
    assert demand["dbt"]["searches_required"] == demand["Models"]["searches_required"] == 19, "held: moved by 1"
    assert demand["SQLMesh"]["searches_required"] == 19
    models.skill.tools.remove(sqlmesh)
    build_snapshot()
    models.skill.tools.add(sqlmesh)
    build_snapshot()
    assert market_rows(client)["SQLMesh"]["searches_required"] == 19
