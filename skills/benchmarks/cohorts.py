"""Which cohorts an engineer belongs to, and a skill's level: the same arithmetic as the snapshot's SQL, for the
engineer's own live levels."""

from collections.abc import Iterable

from skills.models import Cohort, EngineerProfile, Seniority

MEDIOR_FROM_YEARS, SENIOR_FROM_YEARS = 2, 5  # the vacancy reader's scale: 0–1 junior, 2–4 medior, 5+ senior


def seniority_of(years_experience: int) -> str:
    if years_experience < MEDIOR_FROM_YEARS:
        return Seniority.JUNIOR
    return Seniority.MEDIOR if years_experience < SENIOR_FROM_YEARS else Seniority.SENIOR


def cohorts_of(profile: EngineerProfile) -> list[tuple[str, str]]:
    """(cohort, key) of everyone, the same seniority and, with a published target role, the same role."""
    cohorts = [(Cohort.EVERYONE, ""), (Cohort.SENIORITY, seniority_of(profile.years_experience))]
    role = profile.published_target_role
    return [*cohorts[:1], (Cohort.ROLE, str(role.pk)), *cohorts[1:]] if role else cohorts


def skill_level(levels: Iterable[int], item_count: int) -> int:
    """A skill's level: the mean over its published items (unassessed ones count 0), halves up, in integers."""
    return (2 * sum(levels) + item_count) // (2 * item_count) if item_count else 0
