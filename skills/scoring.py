"""The match rule: how far a set of levels meets a role's requirements.

Pure functions on plain data, so the services that store matches and the
selectors that explain gaps cannot disagree.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class RequirementSpec:
    item_id: int
    item_name: str
    min_level: int
    weight: int
    is_must_have: bool


@dataclass(frozen=True)
class MatchResult:
    score: int
    requirements_met: int
    requirements_total: int
    missing_must_haves: tuple[str, ...]

    @property
    def must_haves_missing(self) -> int:
        return len(self.missing_must_haves)


def compute_match(requirements: Iterable[RequirementSpec], levels: Mapping[int, int]) -> MatchResult:
    """Weighted score 0–100: each requirement earns its weight × the share of its minimum level reached.

    A requirement is met when the level reaches its minimum; a role without
    requirements scores 0, since there is nothing to show a match on.
    """
    total_weight = 0
    earned = Fraction(0)
    met = 0
    total = 0
    missing_must_haves = []
    for requirement in requirements:
        level = levels.get(requirement.item_id, 0)
        total += 1
        total_weight += requirement.weight
        earned += Fraction(requirement.weight * min(level, requirement.min_level), requirement.min_level)
        if level >= requirement.min_level:
            met += 1
        elif requirement.is_must_have:
            missing_must_haves.append(requirement.item_name)
    score = int(earned * 100 / total_weight + Fraction(1, 2)) if total_weight else 0
    return MatchResult(
        score=score,
        requirements_met=met,
        requirements_total=total,
        missing_must_haves=tuple(missing_must_haves),
    )
