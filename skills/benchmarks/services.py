"""Building a benchmark snapshot: set-based SQL over the engineers who count in, written with ``bulk_create``;
and when to build one (on the worker's timer, when the latest is a day old or enough levels changed since).

Who counts in is decided here, in :data:`COUNTED_SQL`: an active account whose profile says "count my levels in
the anonymous benchmarks". Nobody else's row enters any sum.
"""

import time
from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from portal.cache.fragments import person_kind, touch
from portal.jobs import lifecycle
from skills.benchmarks import demand, disclosure
from skills.benchmarks.cohorts import MEDIOR_FROM_YEARS, SENIOR_FROM_YEARS
from skills.models import (
    Assessment,
    AssessmentChange,
    BenchmarkCell,
    BenchmarkSnapshot,
    ChecklistItem,
    Cohort,
    EngineerProfile,
    Level,
    MarketCell,
    Role,
    RoleRequirement,
    Skill,
)
from skills.services.profiles import get_or_create_profile

LEVELS = len(Level.choices)
BUILD_TASK_PATH = "skills.benchmarks.services.build_benchmark_snapshot"


def _tables() -> dict[str, str]:
    return {
        "profile": EngineerProfile._meta.db_table,
        "user": get_user_model()._meta.db_table,
        "role": Role._meta.db_table,
        "assessment": Assessment._meta.db_table,
        "item": ChecklistItem._meta.db_table,
        "skill": Skill._meta.db_table,
    }


COUNTED_SQL = """
counted AS (
  SELECT p.user_id, r.id AS role_id,
         CASE WHEN p.years_experience < {medior} THEN 'junior'
              WHEN p.years_experience < {senior} THEN 'medior' ELSE 'senior' END AS seniority
  FROM {profile} p
  JOIN {user} u ON u.id = p.user_id
  LEFT JOIN {role} r ON r.id = p.target_role_id AND r.published = %s AND r.kind = 'role'
  WHERE p.counts_in_benchmarks = %s AND u.is_active = %s
),
items AS (
  SELECT i.id AS item_id, i.skill_id FROM {item} i JOIN {skill} s ON s.id = i.skill_id
  WHERE i.published = %s AND s.published = %s
)"""
COUNTED_PARAMS = [True, True, True, True, True]

POPULATION_SQL = "WITH {counted} SELECT role_id, seniority, COUNT(*) FROM counted GROUP BY role_id, seniority"

ITEM_LEVELS_SQL = """WITH {counted}
SELECT items.skill_id, a.item_id, a.level, c.role_id, c.seniority, COUNT(*)
FROM {assessment} a JOIN counted c ON c.user_id = a.user_id JOIN items ON items.item_id = a.item_id
WHERE a.level > 0
GROUP BY items.skill_id, a.item_id, a.level, c.role_id, c.seniority"""

# A skill's level as skills.benchmarks.cohorts.skill_level computes it, in SQL.
SKILL_LEVELS_SQL = """WITH {counted},
per_skill AS (SELECT skill_id, COUNT(*) AS n FROM items GROUP BY skill_id),
per_user AS (
  SELECT a.user_id, items.skill_id, SUM(a.level) AS total
  FROM {assessment} a JOIN counted c ON c.user_id = a.user_id JOIN items ON items.item_id = a.item_id
  GROUP BY a.user_id, items.skill_id
)
SELECT pu.skill_id, (2 * pu.total + ps.n) / (2 * ps.n), c.role_id, c.seniority, COUNT(*)
FROM per_user pu JOIN per_skill ps ON ps.skill_id = pu.skill_id JOIN counted c ON c.user_id = pu.user_id
WHERE (2 * pu.total + ps.n) / (2 * ps.n) > 0
GROUP BY pu.skill_id, (2 * pu.total + ps.n) / (2 * ps.n), c.role_id, c.seniority"""


def _query(sql: str) -> list[tuple]:
    counted = COUNTED_SQL.format(medior=MEDIOR_FROM_YEARS, senior=SENIOR_FROM_YEARS, **_tables())
    with connection.cursor() as cursor:
        cursor.execute(sql.format(counted=counted, **_tables()), COUNTED_PARAMS)
        return cursor.fetchall()


def _cohorts_of(role_id, seniority) -> list[tuple[str, str]]:
    keys = [(Cohort.EVERYONE, ""), (Cohort.SENIORITY, seniority)]
    return [*keys, (Cohort.ROLE, str(role_id))] if role_id is not None else keys


def _populations() -> dict[tuple[str, str], int]:
    populations: dict[tuple[str, str], int] = defaultdict(int)
    for role_id, seniority, count in _query(POPULATION_SQL):
        for cohort in _cohorts_of(role_id, seniority):
            populations[cohort] += count
    return populations


def _level_counts(rows: Iterable[tuple]) -> dict[tuple, list[int]]:
    """(skill, item or None, cohort, key) → engineers at levels 1–4 (level 0 is the rest of the cohort)."""
    counts: dict[tuple, list[int]] = defaultdict(lambda: [0] * LEVELS)
    for skill_id, item_id, level, role_id, seniority, count in rows:
        for cohort, key in _cohorts_of(role_id, seniority):
            counts[(skill_id, item_id, cohort, key)][level] += count
    return counts


def _cells(snapshot: BenchmarkSnapshot, populations: dict[tuple[str, str], int]) -> list[BenchmarkCell]:
    counts = _level_counts(_query(ITEM_LEVELS_SQL))
    counts.update(_level_counts((skill, None, *rest) for skill, *rest in _query(SKILL_LEVELS_SQL)))
    subjects = [(item.skill_id, item.pk) for item in ChecklistItem.objects.published()]
    subjects += [(skill_id, None) for skill_id in Skill.objects.published().values_list("pk", flat=True)]
    cells = []
    for (cohort, key), population in populations.items():
        for skill_id, item_id in subjects:
            at_level = counts.get((skill_id, item_id, cohort, key), [0] * LEVELS)
            at_level[0] = population - sum(at_level[1:])
            cells.append(
                BenchmarkCell(
                    snapshot=snapshot,
                    skill_id=skill_id,
                    item_id=item_id,
                    cohort=cohort,
                    cohort_key=key,
                    population=population,
                    at_level=at_level,
                )
            )
    return cells


def _held_back(cells: list[BenchmarkCell], previous: BenchmarkSnapshot | None, k: int) -> list[BenchmarkCell]:
    """Each cell that fewer than ``k`` engineers moved since the previous snapshot keeps its counts from there."""
    if previous is None:
        return cells
    before = {
        (cell.cohort, cell.cohort_key, cell.skill_id, cell.item_id): (cell.population, cell.at_level)
        for cell in previous.cells.only("cohort", "cohort_key", "skill_id", "item_id", "population", "at_level")
    }
    for cell in cells:
        earlier = before.get((cell.cohort, cell.cohort_key, cell.skill_id, cell.item_id))
        if earlier is None:
            continue
        moved = disclosure.engineers_moved(before=earlier, after=(cell.population, cell.at_level))
        if not disclosure.may_move(moved, k=k):
            cell.population, cell.at_level = earlier[0], list(earlier[1])
    return cells


def _levels_asked() -> dict[int, int]:
    """Per item, the level roles and searches ask most often (the lower one on a tie)."""
    rows = RoleRequirement.objects.exclude(role__kind=Role.Kind.ROLE, role__published=False)
    tally = rows.values("item_id", "min_level").annotate(n=Count("pk")).order_by("item_id", "-n", "min_level")
    asked: dict[int, int] = {}
    for row in tally:
        asked.setdefault(row["item_id"], row["min_level"])
    return asked


def _market(
    snapshot: BenchmarkSnapshot, cells: list[BenchmarkCell], previous: BenchmarkSnapshot | None, k: int
) -> list[MarketCell]:
    everyone = {cell.item_id: cell for cell in cells if cell.cohort == Cohort.EVERYONE and cell.item_id}
    asks = {
        "roles": demand.role_asks(Role.objects.published()),
        "searches": demand.role_asks(Role.objects.searches()),
        "vacancies": demand.vacancy_asks(),
    }
    counted = {kind: demand.askers_per_subject(by_asker, lambda item_id: (item_id,)) for kind, by_asker in asks.items()}
    asked = _levels_asked()
    market = {}
    for item_id in ChecklistItem.objects.published().values_list("pk", flat=True):
        level = asked.get(item_id, Level.WORKING)
        cell = everyone.get(item_id)
        market[item_id] = MarketCell(
            snapshot=snapshot,
            item_id=item_id,
            level_asked=level,
            **demand.demand_fields(counted, subject=item_id),
            population=cell.population if cell else 0,
            supplied=sum(cell.at_level[level:]) if cell else 0,
        )
    items = _private_counts_held(previous, list(market.values()), k)
    tools, items_of = _tool_market(snapshot, market, asks)
    return [*items, *_private_counts_held(previous, tools, k, first=items_of)]


def _tool_market(
    snapshot: BenchmarkSnapshot, by_item: dict[int, MarketCell], asks: dict[str, demand.Asks]
) -> tuple[list[MarketCell], dict[int, list[MarketCell]]]:
    """Per tool: how many roles, searches and vacancies ask for any item of its skills (each counted once, see
    :func:`skills.benchmarks.demand.askers_per_subject`), the supply on average over those items; and the cells of
    those items per tool."""
    items_of: dict[int, list[MarketCell]] = defaultdict(list)
    tools_of: dict[int, list[int]] = defaultdict(list)
    links = Skill.tools.through.objects.values_list("tool_id", "skill_id")
    items_by_skill: dict[int, list[int]] = defaultdict(list)
    for item_id, skill_id in ChecklistItem.objects.filter(pk__in=list(by_item)).values_list("pk", "skill_id"):
        items_by_skill[skill_id].append(item_id)
    for tool_id, skill_id in links:
        items_of[tool_id] += [by_item[item_id] for item_id in items_by_skill[skill_id]]
        for item_id in items_by_skill[skill_id]:
            tools_of[item_id].append(tool_id)
    counted = {
        kind: demand.askers_per_subject(by_asker, lambda item_id: tools_of.get(item_id, ()))
        for kind, by_asker in asks.items()
    }
    tools = []
    for tool_id, cells in items_of.items():
        if not cells:
            continue
        tools.append(
            MarketCell(
                snapshot=snapshot,
                tool_id=tool_id,
                level_asked=min(cell.level_asked for cell in cells),
                population=cells[0].population,
                supplied=round(sum(cell.supplied for cell in cells) / len(cells)),
                **demand.demand_fields(counted, subject=tool_id),
            )
        )
    return tools, items_of


def _private_counts_held(
    previous: BenchmarkSnapshot | None,
    cells: list[MarketCell],
    k: int,
    first: dict[int, list[MarketCell]] | None = None,
) -> list[MarketCell]:
    """Recruiters' searches and engineers' saved vacancies: a count moves only by ``k`` or more at a time. A tool new
    in this snapshot (an editor linked it to a skill, or linked it again) starts from the most of its items' counts
    as published here (``first``: the item cells per tool, held already), which it can only ask more than: a number
    the map shows already, so neither the link nor the build it queues tells anyone a fresher count."""
    if previous is None:
        return cells  # nothing earlier to subtract from
    before = {(cell.item_id, cell.tool_id): cell for cell in previous.market.all()}
    for cell in cells:
        earlier = before.get((cell.item_id, cell.tool_id))
        items = (first or {}).get(cell.tool_id, ()) if earlier is None else ()
        for name in disclosure.PRIVATE_DEMAND:
            start = max((getattr(item, name) for item in items), default=None)
            known = getattr(earlier, name) if earlier is not None else start
            setattr(cell, name, disclosure.held_count(getattr(cell, name), before=known, k=k))
    return cells


def build_snapshot() -> BenchmarkSnapshot:
    """Build a whole snapshot in one transaction; pages switch to it when it commits, complete."""
    started = time.monotonic()
    k = disclosure.min_cohort()
    with transaction.atomic():
        previous = BenchmarkSnapshot.objects.latest_built()
        last_change = AssessmentChange.objects.aggregate(last=Max("pk"))["last"] or 0
        snapshot = BenchmarkSnapshot.objects.create(min_cohort=k, last_change_id=last_change)
        cells = _held_back(_cells(snapshot, _populations()), previous, k)
        BenchmarkCell.objects.bulk_create(cells, batch_size=2000)
        MarketCell.objects.bulk_create(_market(snapshot, cells, previous, k), batch_size=2000)
        snapshot.complete = True
        snapshot.seconds = round(time.monotonic() - started, 3)
        snapshot.save(update_fields=["complete", "seconds"])
    BenchmarkSnapshot.objects.filter(built_at__lt=snapshot.built_at - timedelta(days=7)).delete()
    return snapshot


@task()
def build_benchmark_snapshot() -> int:
    """The job: build a snapshot; its id."""
    return build_snapshot().pk


def snapshot_is_due() -> bool:
    """No snapshot yet while someone counts in (an empty one would publish nothing), the latest is
    ``BENCHMARK_SNAPSHOT_HOURS`` old, or ``BENCHMARK_SNAPSHOT_CHANGES`` levels changed since."""
    latest = BenchmarkSnapshot.objects.latest_built()
    if latest is None:
        return EngineerProfile.objects.filter(counts_in_benchmarks=True, user__is_active=True).exists()
    if latest.built_at < timezone.now() - timedelta(hours=settings.BENCHMARK_SNAPSHOT_HOURS):
        return True
    enough = settings.BENCHMARK_SNAPSHOT_CHANGES
    return AssessmentChange.objects.filter(pk__gt=latest.last_change_id)[:enough].count() >= enough


def queue_snapshot_if_due() -> int:
    """The worker's timer: queue a build when one is due and none is queued or running; how many were queued."""
    waiting = DBTaskResult.objects.filter(
        task_path=BUILD_TASK_PATH, status__in=(TaskResultStatus.READY, TaskResultStatus.RUNNING)
    )
    if waiting.exists() or not snapshot_is_due():
        return 0
    lifecycle.enqueue(build_benchmark_snapshot)
    return 1


def queue_snapshot_for_market_change() -> int:
    """Editors changed what the market counts (the tools a skill names; a skill, checklist item or role published
    or retired; a published role's requirements): queue a build for when their change commits, so the market
    follows now and not at the next timed build; how many were queued. None while a build waits to start (it will read the change) or before the first
    snapshot (the timer builds that one)."""
    waiting = DBTaskResult.objects.filter(task_path=BUILD_TASK_PATH, status=TaskResultStatus.READY)
    if waiting.exists() or not BenchmarkSnapshot.objects.filter(complete=True).exists():
        return 0
    lifecycle.enqueue(build_benchmark_snapshot)
    return 1


@transaction.atomic
def set_benchmark_choice(*, user: AbstractBaseUser, counts_in: bool) -> EngineerProfile:
    """The engineer's choice to count in; turning it off leaves them out of the next snapshot."""
    profile = get_or_create_profile(user=user)
    EngineerProfile.objects.filter(pk=profile.pk).update(counts_in_benchmarks=counts_in, updated_at=timezone.now())
    profile.counts_in_benchmarks = counts_in
    touch(person_kind(user.pk))
    return profile
