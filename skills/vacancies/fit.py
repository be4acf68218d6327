"""What a vacancy needs, as requirements the match rule (skills.scoring) scores: the one rule, in one place.

- A **required** item needs level 3 (strong) when the vacancy asks for a senior, level 2 (working) otherwise; it is
  a must-have with weight 2, so it counts 2 × ``MUST_HAVE_FACTOR`` = 6.
- A **nice-to-have** item needs level 2, is no must-have and has weight 3, so it counts 3: half of a required one.

Tools are not scored: the checklist items say what a tool is used for, and those are what a vacancy is read into.
"""

from dataclasses import dataclass

from skills.models import Level
from skills.scoring import MUST_HAVE_FACTOR, RequirementSpec
from skills.vacancies.reading import VacancyReading
from skills.vacancies.seniority import MEDIOR, SENIOR

REQUIRED_WEIGHT = 2
NICE_WEIGHT = REQUIRED_WEIGHT * MUST_HAVE_FACTOR // 2  # half of what a required item counts


def needed_level(*, required: bool, seniority: str) -> int:
    """The level an item asked for needs: strong for a senior's required item, working otherwise."""
    return Level.STRONG if required and seniority == SENIOR else Level.WORKING


def vacancy_requirements(*, reading: VacancyReading) -> list[RequirementSpec]:
    """The requirements of the module's rule for every item the vacancy asks for, in order of first mention."""
    return [
        RequirementSpec(
            item_id=asked.item.pk,
            min_level=needed_level(required=asked.required, seniority=reading.seniority),
            weight=REQUIRED_WEIGHT if asked.required else NICE_WEIGHT,
            is_must_have=asked.required,
        )
        for asked in reading.items
    ]


@dataclass(frozen=True)
class VacancyRule:
    """The numbers of the one rule for what a vacancy needs (this module), for the note on the page."""

    required_level: int
    senior_required_level: int
    nice_to_have_level: int
    required_counts: int  # what a required item counts in the score (skills.scoring.RequirementSpec.counts)
    nice_to_have_counts: int

    @property
    def nice_to_have_percent(self) -> int:
        return round(100 * self.nice_to_have_counts / self.required_counts)


def vacancy_rule() -> VacancyRule:
    """The rule's own numbers: the levels of ``needed_level`` and what its weights count in the score."""

    def counts(*, weight: int, required: bool) -> int:
        return RequirementSpec(item_id=0, min_level=1, weight=weight, is_must_have=required).counts

    return VacancyRule(
        required_level=needed_level(required=True, seniority=MEDIOR),
        senior_required_level=needed_level(required=True, seniority=SENIOR),
        nice_to_have_level=needed_level(required=False, seniority=SENIOR),
        required_counts=counts(weight=REQUIRED_WEIGHT, required=True),
        nice_to_have_counts=counts(weight=NICE_WEIGHT, required=False),
    )
