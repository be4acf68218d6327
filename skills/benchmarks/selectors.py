"""Reads of the latest benchmark snapshot: the engineer's view (their live levels against it) and the market map.
Every number goes through :mod:`skills.benchmarks.disclosure`; a fixed number of queries, whatever the data."""

import math
import operator
from collections import defaultdict
from dataclasses import dataclass, field
from functools import reduce

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.utils.translation import gettext as _

from catalog.models import public_tool_lookup
from skills.benchmarks import disclosure
from skills.benchmarks.cohorts import cohorts_of, skill_level
from skills.models import (
    Assessment,
    BenchmarkCell,
    BenchmarkSnapshot,
    ChecklistItem,
    Cohort,
    EngineerProfile,
    Level,
    MarketCell,
    Seniority,
    Skill,
)
from skills.selectors.profiles import own_profile

LEVEL_NAMES = [label for _, label in Level.choices]


@dataclass(frozen=True)
class Standing:
    """One subject in one cohort: the shares at each level, or ``None`` (too few); the engineer's band, or ``None``
    (too few, not started, or ``with_most``: where more than 90 % of the cohort stand)."""

    cohort: str
    shares: list[int] | None
    band: int | None
    with_most: bool = False
    key: str = ""  # which seniority, which role

    @property
    def label(self) -> str:
        """The cohort's name; the seniority's is named ("Same seniority: Junior"): a newcomer is compared with
        juniors, whatever role they aim at."""
        if self.cohort == Cohort.SENIORITY and self.key:
            return _("Same seniority: %(seniority)s") % {"seniority": Seniority(self.key).label}
        return Cohort(self.cohort).label

    @property
    def in_top_band(self) -> bool:
        """Whether the band reads as a top ("among the top 30 %"); above it, more than half stand as high or higher."""
        return self.band is not None and self.band <= disclosure.TOP_BAND_MOST

    @property
    def levels(self) -> list[tuple[int, str, int, int]]:
        """(level, its name, share in %, where its part of the bar starts in %): the bar is drawn as SVG."""
        shares = list(self.shares or ())
        return [(level, LEVEL_NAMES[level], share, sum(shares[:level])) for level, share in enumerate(shares)]


@dataclass(frozen=True)
class SubjectBenchmark:
    name: str
    level: int  # 0 also where the engineer rated nothing yet
    is_rated: bool  # the engineer rated the item (a skill: any of its items), so 0 reads "level 0", not "not yet rated"
    standings: list[Standing]

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]


@dataclass(frozen=True)
class SkillBenchmark:
    skill: SubjectBenchmark
    items: list[SubjectBenchmark] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[bool, SubjectBenchmark]]:
        """The table's rows: the skill as a whole (``True``), then its items."""
        return [(True, self.skill), *((False, item) for item in self.items)]


@dataclass(frozen=True)
class EngineerBenchmarks:
    counts_in: bool
    snapshot: BenchmarkSnapshot | None
    cohorts: list[tuple[str, str]]  # (cohort, key) in the order the page shows them
    skills: list[SkillBenchmark]
    min_cohort: int
    level_names = tuple(enumerate(LEVEL_NAMES))

    @property
    def rated_any(self) -> bool:
        """Whether the engineer rated anything: a newcomer has no band anywhere, and is shown where to start."""
        return any(skill.skill.is_rated for skill in self.skills)


def _standing(cell: BenchmarkCell | None, everyone: int, level: int, k: int, cohort: str, key: str) -> Standing:
    if cell is None or not disclosure.is_published(population=cell.population, everyone=everyone, k=k):
        return Standing(cohort=cohort, key=key, shares=None, band=None)
    return Standing(
        cohort=cohort,
        key=key,
        shares=disclosure.shares(cell.at_level, cell.population),
        band=disclosure.band(cell.at_level, cell.population, level),
        with_most=disclosure.with_most(cell.at_level, cell.population, level),
    )


def latest_snapshot() -> BenchmarkSnapshot | None:
    return BenchmarkSnapshot.objects.latest_built()


def latest_snapshot_for(profile: EngineerProfile | None) -> BenchmarkSnapshot | None:
    """The snapshot an engineer may read: the latest, only when they count in (no query otherwise)."""
    if profile is None or not profile.counts_in_benchmarks:
        return None
    return latest_snapshot()


def engineer_benchmarks(*, user: AbstractBaseUser) -> EngineerBenchmarks:
    """Per published skill and item, where the engineer's live levels stand in their three cohorts."""
    profile = own_profile(user=user)
    counts_in = bool(profile and profile.counts_in_benchmarks)
    snapshot = latest_snapshot_for(profile)
    k = disclosure.min_cohort()
    if snapshot is None:
        return EngineerBenchmarks(counts_in=counts_in, snapshot=None, cohorts=[], skills=[], min_cohort=k)
    cohorts = cohorts_of(profile)
    mine = reduce(operator.or_, (Q(cohort=cohort, cohort_key=key) for cohort, key in cohorts))
    cells = {
        (cell.cohort, cell.cohort_key, cell.skill_id, cell.item_id): cell
        for cell in BenchmarkCell.objects.filter(mine, snapshot=snapshot)
    }
    levels = dict(Assessment.objects.filter(user=user).values_list("item_id", "level"))
    items_by_skill = defaultdict(list)
    for item in ChecklistItem.objects.published().order_by("order", "pk"):
        items_by_skill[item.skill_id].append(item)

    def subject(name: str, skill_id: int, item_id: int | None, level: int, is_rated: bool) -> SubjectBenchmark:
        everyone = cells.get((Cohort.EVERYONE, "", skill_id, item_id))
        population = everyone.population if everyone else 0
        standings = [
            _standing(cells.get((cohort, key, skill_id, item_id)), population, level, k, cohort, key)
            for cohort, key in cohorts
        ]
        return SubjectBenchmark(name=name, level=level, is_rated=is_rated, standings=standings)

    rows = []
    for skill in Skill.objects.published():
        items = items_by_skill.get(skill.pk, [])
        if not items:
            continue
        own = [levels.get(item.pk, 0) for item in items]
        rows.append(
            SkillBenchmark(
                skill=subject(
                    skill.name, skill.pk, None, skill_level(own, len(items)), any(item.pk in levels for item in items)
                ),
                items=[
                    subject(item.name, skill.pk, item.pk, level, item.pk in levels)
                    for item, level in zip(items, own, strict=True)
                ],
            )
        )
    return EngineerBenchmarks(counts_in=True, snapshot=snapshot, cohorts=cohorts, skills=rows, min_cohort=k)


@dataclass(frozen=True)
class MarketRow:
    """One item or tool: demand (``None`` where a private count is under k) against supply (``None``: too few)."""

    name: str
    item_id: int | None
    tool_slug: str | None
    level_asked: int
    demand: dict[str, int | None]
    supply: int | None

    @property
    def demand_total(self) -> int:
        return sum(count or 0 for count in self.demand.values())

    @property
    def scarcity(self) -> float:
        """Demand (required counts double) times the share of engineers short of the level asked."""
        weighted = sum((2 if name.endswith("required") else 1) * (n or 0) for name, n in self.demand.items())
        return weighted * (100 - self.supply) / 100 if self.supply is not None else 0.0

    def heat(self, scarcest: float) -> int:
        """0–4 for the heat map's colour: this row's scarcity against the scarcest row's, in quarters."""
        return min(4, math.ceil(4 * self.scarcity / scarcest)) if scarcest > 0 else 0


@dataclass(frozen=True)
class HeatRow:
    row: MarketRow
    heat: int


@dataclass(frozen=True)
class MarketMap:
    snapshot: BenchmarkSnapshot | None
    items: list[HeatRow]
    tools: list[HeatRow]
    min_cohort: int


def _market_row(cell: MarketCell, k: int) -> MarketRow:
    demand = {"roles_required": cell.roles_required, "roles_nice": cell.roles_nice}
    demand |= {name: disclosure.published_count(getattr(cell, name), k=k) for name in disclosure.PRIVATE_DEMAND}
    published = disclosure.is_published(population=cell.population, everyone=cell.population, k=k)
    subject = cell.item or cell.tool
    return MarketRow(
        name=subject.name,
        item_id=cell.item_id,
        tool_slug=cell.tool.slug if cell.tool else None,
        level_asked=cell.level_asked,
        demand=demand,
        supply=disclosure.share_at_or_above([cell.population - cell.supplied, cell.supplied], cell.population, 1)
        if published
        else None,
    )


def market_map() -> MarketMap:
    """Items and tools of the latest snapshot, the scarcest first (then by name); two queries."""
    snapshot = latest_snapshot()
    k = disclosure.min_cohort()
    if snapshot is None:
        return MarketMap(snapshot=None, items=[], tools=[], min_cohort=k)
    # A tool the public cannot see leaves the map at once and comes back when published: no build is needed for that.
    cells = snapshot.market.filter(Q(tool=None) | public_tool_lookup("tool__")).select_related("item", "tool")
    rows = [_market_row(cell, k) for cell in cells]
    ordered = sorted(rows, key=lambda row: (-row.scarcity, row.supply if row.supply is not None else 101, row.name))
    items = [row for row in ordered if row.item_id is not None]
    tools = [row for row in ordered if row.tool_slug is not None]
    return MarketMap(snapshot=snapshot, items=_heated(items), tools=_heated(tools), min_cohort=k)


def _heated(rows: list[MarketRow]) -> list[HeatRow]:
    scarcest = rows[0].scarcity if rows else 0
    return [HeatRow(row=row, heat=row.heat(scarcest)) for row in rows]
