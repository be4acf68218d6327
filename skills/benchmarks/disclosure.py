"""The one home of what a benchmark may publish ("nobody exposed").

- A number is published only over at least ``k`` distinct engineers who count in (``BENCHMARK_MIN_COHORT``, 10
  by default, never below 5): a smaller cohort shows "too few to show".
- Shares only, rounded to whole percents: never a minimum, a maximum, or the exact size of a cohort.
- A cohort is a subset of everyone; it is suppressed too when the engineers outside it are fewer than ``k`` (but
  not none), so that "everyone" minus the cohort never singles out fewer than ``k`` engineers.
- A count of private things (recruiters' searches, engineers' saved vacancies) under ``k`` is not shown either.
- From one snapshot to the next, a number moves only when at least ``k`` engineers moved it; until then it keeps
  its earlier value, so that two snapshots never subtract down to fewer than ``k`` (not even the one engineer who
  just left: their leaving would show exactly their levels). A count of private things new in a snapshot starts from
  what the map shows already (a tool's, from its items'), else at a multiple of ``k``, so it never tells the held
  counts beside it apart by fewer.
"""

import math
from collections.abc import Sequence

from django.conf import settings
from django.core import checks

DEFAULT_MIN_COHORT = 10
LOWEST_MIN_COHORT = 5
BAND_WIDTH = 10  # "among the top 30 %": bands of ten percent
TOP_BAND_MOST = 50  # a band named "top": "among the top 90 %" for a level most stand at or above reads as praise
# The market's counts of private things: recruiters' saved searches and engineers' saved vacancies.
PRIVATE_DEMAND = ("searches_required", "searches_nice", "vacancies_required", "vacancies_nice")


def min_cohort() -> int:
    """``k``: the setting, never below 5 whatever it says."""
    return max(LOWEST_MIN_COHORT, int(getattr(settings, "BENCHMARK_MIN_COHORT", DEFAULT_MIN_COHORT)))


@checks.register(checks.Tags.security)
def check_min_cohort(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Say so when the setting asks for less than the floor (it is raised to 5 all the same)."""
    value = getattr(settings, "BENCHMARK_MIN_COHORT", DEFAULT_MIN_COHORT)
    if not isinstance(value, int) or value < LOWEST_MIN_COHORT:
        return [
            checks.Warning(
                f"BENCHMARK_MIN_COHORT is {value!r}; benchmarks publish nothing over fewer than "
                f"{LOWEST_MIN_COHORT} engineers, so {LOWEST_MIN_COHORT} is used.",
                id="skills.W001",
            )
        ]
    return []


def is_published(*, population: int, everyone: int, k: int) -> bool:
    """Whether a cohort of ``population`` engineers out of ``everyone`` may be published."""
    rest = everyone - population
    return population >= k and (rest == 0 or rest >= k)


def shares(at_level: Sequence[int], population: int) -> list[int]:
    """Percent of the cohort at each level, rounded so they add up to 100 (largest remainders)."""
    exact = [100 * count / population for count in at_level]
    rounded = [math.floor(share) for share in exact]
    by_remainder = sorted(range(len(exact)), key=lambda index: rounded[index] - exact[index])
    for index in by_remainder[: 100 - sum(rounded)]:
        rounded[index] += 1
    return rounded


def share_at_or_above(at_level: Sequence[int], population: int, level: int) -> int:
    """Percent of the cohort at ``level`` or higher, rounded to a whole percent."""
    return round(100 * sum(at_level[level:]) / population)


def band(at_level: Sequence[int], population: int, level: int) -> int | None:
    """The engineer's band: at ``level`` they are among the top N % (N a multiple of ten, rounded up, 10 to 90).
    None where it would say nothing: at level 0 (no band before a start), and where N would be 100 — more than 90 %
    stand at ``level`` or higher, which :func:`with_most` says instead."""
    if level == 0 or with_most(at_level, population, level):
        return None
    exact = 100 * sum(at_level[level:]) / population
    return max(BAND_WIDTH, math.ceil(exact / BAND_WIDTH) * BAND_WIDTH)


def with_most(at_level: Sequence[int], population: int, level: int) -> bool:
    """Whether a started engineer stands where most of the cohort does: more than 90 % of it at ``level`` or higher
    (the band that would read "among the top 100 %")."""
    return level > 0 and 100 * sum(at_level[level:]) > (100 - BAND_WIDTH) * population


def published_count(count: int, *, k: int) -> int | None:
    """A count of private things: shown from ``k`` on (or when none), else ``None`` ("too few to show")."""
    return count if count == 0 or count >= k else None


def engineers_moved(*, before: tuple[int, Sequence[int]], after: tuple[int, Sequence[int]]) -> int:
    """At least how many engineers differ between two counts (population, engineers at each level) of one cell:
    one who changed level moves two counts by one, one who joined or left moves one count and the population."""
    (population_before, levels_before), (population_after, levels_after) = before, after
    shifts = sum(abs(now - then) for now, then in zip(levels_after, levels_before, strict=True))
    return (shifts + abs(population_after - population_before)) // 2


def may_move(moved: int, *, k: int) -> bool:
    """Whether a published number may change from one snapshot to the next: unchanged, or moved by ``k`` or more."""
    return moved == 0 or moved >= k


def held_count(count: int, *, before: int | None, k: int) -> int:
    """A count of private things in a new snapshot: the earlier one while it moved by fewer than ``k``. A count
    with nothing before it (an item published since) starts rounded down to a multiple of ``k``: the counts beside
    it are held, so its exact value would give away the few searches or vacancies they hold back."""
    if before is None:
        return count - count % k if count >= k else count
    return count if may_move(abs(count - before), k=k) else before
