"""The match rule: how far a set of levels meets a role's requirements.

Pure functions on plain data, so the services that store matches and the
selectors that explain gaps cannot disagree.

The rule, in one place (the gaps page explains it with the engineer's own numbers):

- Each requirement **counts** its weight, times ``MUST_HAVE_FACTOR`` for a must-have.
- It **earns** that count times the share of its minimum level reached
  (level 1 of a minimum 3 earns a third; above the minimum earns no more).
  A **must-have** below its minimum earns half that share: it pays off
  when it is met, as recruiters filter on it.
- The **score** is everything earned over everything counted, × 100, rounded; 100 only when every
  requirement is met.

So raising a must-have from level 1 to a minimum of 3 moves the score about
twice as far as the plain weighted share did (7 to 13 points on the demo
roles instead of 4 to 7); nice-to-haves keep the plain share.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

MUST_HAVE_FACTOR = 3
MUST_HAVE_BELOW_MINIMUM = Fraction(1, 2)


@dataclass(frozen=True)
class RequirementSpec:
    item_id: int
    min_level: int
    weight: int
    is_must_have: bool

    @property
    def counts(self) -> int:
        """What this requirement counts for in the score."""
        return self.weight * (MUST_HAVE_FACTOR if self.is_must_have else 1)

    def earned(self, level: int) -> Fraction:
        """What ``level`` earns of :attr:`counts`: the share of the minimum reached, all of it from the minimum up;
        a must-have below its minimum earns half that share."""
        share = Fraction(min(level, self.min_level), self.min_level)
        if self.is_must_have and level < self.min_level:
            share *= MUST_HAVE_BELOW_MINIMUM
        return self.counts * share


@dataclass(frozen=True)
class MatchResult:
    score: int
    requirements_met: int
    requirements_total: int
    missing_must_have_ids: tuple[int, ...]  # by item id: worded when shown, in the reader's language
    counted: int = 0  # everything counted: the sum of RequirementSpec.counts
    earned: Fraction = Fraction(0)  # everything earned

    @property
    def must_haves_missing(self) -> int:
        return len(self.missing_must_have_ids)

    @property
    def is_scored(self) -> bool:
        """Whether there was anything to match: with no requirement (a vacancy in which nothing matched the
        checklist) the 0 is no score, and pages say so instead of showing one."""
        return self.requirements_total > 0


def score_of(earned: Fraction, counted: int) -> int:
    """Earned over counted, × 100, rounded half up, but 100 only when all is earned: every page reads 100 as "you
    meet every requirement", which 99.6 does not. Nothing counted scores 0."""
    if not counted:
        return 0
    rounded = int(earned * 100 / counted + Fraction(1, 2))
    return rounded if earned >= counted else min(rounded, 99)


def compute_match(requirements: Iterable[RequirementSpec], levels: Mapping[int, int]) -> MatchResult:
    """Score 0–100 by the rule above; a requirement is met when the level reaches its minimum.

    A role without requirements scores 0, since there is nothing to show a match on. What is earned is summed in
    whole units of one common denominator and made a Fraction once: the same value as summing each requirement's
    ``earned()``, without a Fraction per requirement (recomputing a role for a million engineers runs this a
    million times).
    """
    requirements = tuple(requirements)
    half = MUST_HAVE_BELOW_MINIMUM
    denominator = half.denominator * math.lcm(*(requirement.min_level for requirement in requirements))
    counted = 0
    units = 0
    met = 0
    missing_must_have_ids = []
    for requirement in requirements:
        level = levels.get(requirement.item_id, 0)
        counted += requirement.counts
        reached = requirement.counts * min(level, requirement.min_level) * (denominator // requirement.min_level)
        if level >= requirement.min_level:
            met += 1
            units += reached
        elif requirement.is_must_have:
            missing_must_have_ids.append(requirement.item_id)
            units += reached * half.numerator // half.denominator  # exact: ``reached`` holds half's denominator
        else:
            units += reached
    earned = Fraction(units, denominator)
    return MatchResult(
        score=score_of(earned, counted),
        requirements_met=met,
        requirements_total=len(requirements),
        missing_must_have_ids=tuple(missing_must_have_ids),
        counted=counted,
        earned=earned,
    )


def fits_at_all(score: int) -> bool:
    """Whether a match makes a role a fit. At 0 (nothing rated yet, or nothing that counts) every role fits equally
    badly, so naming one "your best fit" would pick a role for a newcomer at random."""
    return score > 0
