"""Nobody exposed: over random populations and cohorts, what a snapshot publishes never rests on fewer than k
engineers, no two published numbers subtract down to fewer than k, and engineers who do not count in change
nothing published."""

import pytest
from django.contrib.auth import get_user_model
from django.core import checks
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skills.benchmarks import disclosure
from skills.benchmarks.cohorts import skill_level
from skills.benchmarks.selectors import market_map
from skills.benchmarks.services import build_snapshot
from skills.models import Assessment, BenchmarkCell, Cohort, EngineerProfile
from tests.factories import ChecklistItemFactory, RoleFactory, RoleRequirementFactory

K = 5

engineer = st.fixed_dictionaries(
    {
        "counts_in": st.booleans(),
        "active": st.booleans() | st.just(True),
        "years": st.integers(min_value=0, max_value=12),
        "role": st.sampled_from([None, 0, 1]),
        "levels": st.lists(st.integers(min_value=0, max_value=4), min_size=3, max_size=3),
    }
)


@pytest.fixture
def world(db, settings):
    settings.BENCHMARK_MIN_COHORT = K
    first = ChecklistItemFactory()
    items = [first, ChecklistItemFactory(skill=first.skill), ChecklistItemFactory()]
    roles = [RoleFactory(), RoleFactory()]
    RoleRequirementFactory(role=roles[0], item=items[0], min_level=3, is_must_have=True)
    return items, roles


def populate(people: list[dict], items, roles) -> dict[int, dict]:
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"e{index}", email=f"e{index}@example.com", is_active=person["active"])
        for index, person in enumerate(people)
    )
    EngineerProfile.objects.bulk_create(
        EngineerProfile(
            user=user,
            counts_in_benchmarks=person["counts_in"],
            years_experience=person["years"],
            target_role=roles[person["role"]] if person["role"] is not None else None,
        )
        for user, person in zip(users, people, strict=True)
    )
    Assessment.objects.bulk_create(
        Assessment(user=user, item=item, level=level)
        for user, person in zip(users, people, strict=True)
        for item, level in zip(items, person["levels"], strict=True)
        if level
    )
    return {user.pk: person for user, person in zip(users, people, strict=True)}


def published_numbers() -> dict:
    """Everything a page can show of the latest snapshot."""
    snapshot = build_snapshot()
    cells = list(BenchmarkCell.objects.filter(snapshot=snapshot))
    everyone = next((cell.population for cell in cells if cell.cohort == Cohort.EVERYONE), 0)
    shown = {}
    for cell in cells:
        key = (cell.cohort, cell.cohort_key, cell.skill_id, cell.item_id)
        published = disclosure.is_published(population=cell.population, everyone=everyone, k=K)
        shown[key] = disclosure.shares(cell.at_level, cell.population) if published else None
    market = market_map()
    shown["market"] = [(h.row.name, h.row.demand, h.row.supply, h.heat) for h in market.items + market.tools]
    return shown


def members(people: dict[int, dict], cohort: str, key: str) -> set[int]:
    counted = {pk for pk, person in people.items() if person["counts_in"] and person["active"]}
    if cohort == Cohort.EVERYONE:
        return counted
    if cohort == Cohort.ROLE:
        return {pk for pk in counted if people[pk]["role"] is not None and people[pk]["role_id"] == key}
    seniority = {"junior": range(2), "medior": range(2, 5), "senior": range(5, 100)}[key]
    return {pk for pk in counted if people[pk]["years"] in seniority}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(engineer, max_size=30))
def test_no_published_cell_or_difference_of_two_rests_on_fewer_than_k_engineers(world, people):
    items, roles = world
    with transaction.atomic():
        stored = populate(people, items, roles)
        for person in stored.values():
            person["role_id"] = str(roles[person["role"]].pk) if person["role"] is not None else None
        snapshot = build_snapshot()
        cells = list(BenchmarkCell.objects.filter(snapshot=snapshot))
        everyone = members(stored, Cohort.EVERYONE, "")
        published = [
            cell for cell in cells if disclosure.is_published(population=cell.population, everyone=len(everyone), k=K)
        ]
        for cell in published:
            group = members(stored, cell.cohort, cell.cohort_key)
            assert cell.population == len(group) >= K
            for other in published:
                other_group = members(stored, other.cohort, other.cohort_key)
                if group < other_group:  # a cohort inside another: their difference is a group of people
                    assert len(other_group - group) >= K
        transaction.set_rollback(True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(counted=st.lists(engineer, max_size=25), others=st.lists(engineer, min_size=1, max_size=10), data=st.data())
def test_engineers_who_do_not_count_in_change_no_published_number(world, counted, others, data):
    items, roles = world
    counted = [{**person, "counts_in": True, "active": True} for person in counted]
    others = [{**person, "counts_in": False} for person in others]
    with transaction.atomic():
        populate(counted, items, roles)
        before = published_numbers()
        transaction.set_rollback(True)
    changed = [
        {**person, "levels": data.draw(st.lists(st.integers(0, 4), min_size=3, max_size=3))} for person in others
    ]
    with transaction.atomic():
        populate(counted + changed, items, roles)
        after = published_numbers()
        transaction.set_rollback(True)
    assert after == before


def test_k_is_never_below_five_and_the_check_says_so(settings):
    settings.BENCHMARK_MIN_COHORT = 2
    assert disclosure.min_cohort() == 5
    assert [message.id for message in disclosure.check_min_cohort()] == ["skills.W001"]
    settings.BENCHMARK_MIN_COHORT = 12
    assert disclosure.min_cohort() == 12
    assert disclosure.check_min_cohort() == []
    assert checks.run_checks(tags=[checks.Tags.security]) == []


def contribution(person: dict, cohort: str, key: str, item_index: int | None, skill_items: list[int]) -> int | None:
    """What one engineer adds to a cell: nothing outside its cohort, else their level of its item or skill."""
    if person["pk"] not in members({person["pk"]: person}, cohort, key):
        return None
    if item_index is not None:
        return person["levels"][item_index]
    return skill_level([person["levels"][index] for index in skill_items], len(skill_items))


def store_change(pk: int, person: dict, items, roles) -> None:
    get_user_model().objects.filter(pk=pk).update(is_active=person["active"])
    EngineerProfile.objects.filter(user_id=pk).update(
        counts_in_benchmarks=person["counts_in"],
        years_experience=person["years"],
        target_role=roles[person["role"]] if person["role"] is not None else None,
    )
    Assessment.objects.filter(user_id=pk).delete()
    Assessment.objects.bulk_create(
        Assessment(user_id=pk, item=item, level=level)
        for item, level in zip(items, person["levels"], strict=True)
        if level
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(engineer, min_size=1, max_size=30), data=st.data())
def test_no_number_moves_between_two_snapshots_on_fewer_than_k_engineers(world, people, data):
    """Whoever compares two successive snapshots learns nothing that fewer than k engineers did: a number that
    moved was moved by at least k of them (joined, left or changed level), and then it is the true count."""
    items, roles = world
    with transaction.atomic():
        stored = populate(people, items, roles)
        for pk, person in stored.items():
            person.update(pk=pk, role_id=str(roles[person["role"]].pk) if person["role"] is not None else None)
        first = {cell_key(cell): cell for cell in BenchmarkCell.objects.filter(snapshot=build_snapshot())}
        before = {pk: dict(person) for pk, person in stored.items()}
        for pk in data.draw(st.sets(st.sampled_from(sorted(stored)))):
            change = data.draw(engineer)
            stored[pk] = {
                **change,
                "pk": pk,
                "role_id": str(roles[change["role"]].pk) if change["role"] is not None else None,
            }
            store_change(pk, stored[pk], items, roles)
        second = {cell_key(cell): cell for cell in BenchmarkCell.objects.filter(snapshot=build_snapshot())}
        index_of = {item.pk: index for index, item in enumerate(items)}
        for key, cell in second.items():
            earlier = first.get(key)
            if earlier is None or (earlier.population, earlier.at_level) == (cell.population, cell.at_level):
                continue
            cohort, cohort_key, skill_id, item_id = key
            skill_items = [index for index, item in enumerate(items) if item.skill_id == skill_id]
            item_index = index_of[item_id] if item_id else None
            moved = [
                pk
                for pk in stored
                if contribution(before[pk], cohort, cohort_key, item_index, skill_items)
                != contribution(stored[pk], cohort, cohort_key, item_index, skill_items)
            ]
            assert len(moved) >= K
            truth = [contribution(person, cohort, cohort_key, item_index, skill_items) for person in stored.values()]
            counted = [level for level in truth if level is not None]
            assert cell.population == len(counted)
            assert cell.at_level == [counted.count(level) for level in range(5)]
        transaction.set_rollback(True)


def cell_key(cell: BenchmarkCell) -> tuple:
    return (cell.cohort, cell.cohort_key, cell.skill_id, cell.item_id)


@pytest.mark.parametrize(
    ("at_level", "level", "band", "with_most"),
    [
        ((0, 10, 0, 0, 0), 1, None, True),  # everyone counted is at level 1 or higher: "top 100 %" says nothing
        ((0, 1, 9, 0, 0), 1, None, True),
        ((1, 0, 9, 0, 0), 2, 90, False),  # exactly 90 % at or above: still a band
        ((0, 5, 3, 1, 1), 3, 20, False),
        ((10, 0, 0, 0, 0), 0, None, False),  # not started: no band, and not "nearly everyone" either
    ],
)
def test_a_band_is_never_the_top_100_percent(at_level, level, band, with_most):
    assert disclosure.band(at_level, sum(at_level), level) == band
    assert disclosure.with_most(at_level, sum(at_level), level) is with_most
