"""The compact per-skill chart of each candidate on a page of the list."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils.formats import number_format

from skills.models import Assessment, Level, Skill
from skills.selectors.gaps import average_level

SKILL_BAR_HEIGHT = 28  # px: a full bar is level 4
SKILL_BAR_STEP = 14  # px per skill: a 10-px bar and a 4-px gap


@dataclass(frozen=True)
class SkillColumn:
    """One skill's place in the compact chart: the same for every candidate on a page, so worked out once."""

    skill: Skill
    name: str  # in the active language
    position: int  # place in growth order: where its bar stands

    @property
    def bar_x(self) -> int:
        return self.position * SKILL_BAR_STEP


@dataclass(frozen=True)
class SkillLevel:
    """A candidate's average level on one skill, over all of the skill's items (unassessed = 0); ``is_rated`` is
    false when they rated none of its items, which the card says rather than showing 0.0 (a level they chose)."""

    column: SkillColumn
    average: Decimal
    label: str  # the average with one decimal, in the active language's notation
    is_rated: bool = True

    @property
    def skill(self) -> Skill:
        return self.column.skill

    @property
    def bar_x(self) -> int:
        return self.column.bar_x

    @property
    def bar_height(self) -> int:
        return round(self.average * SKILL_BAR_HEIGHT / Level.TEACH)


@dataclass(frozen=True)
class SkillChart:
    """A candidate's compact skill chart: one bar per skill."""

    levels: list[SkillLevel]

    @property
    def width(self) -> int:
        return len(self.levels) * SKILL_BAR_STEP


def skills_with_item_counts() -> list[Skill]:
    return list(Skill.objects.annotate(item_count=Count("items")).order_by("growth_stage", "order", "name"))


def skill_charts_for_users(*, user_ids: Iterable[int]) -> dict[int, SkillChart]:
    """Levels per skill for many users with two queries (for a page of candidates)."""
    user_ids = list(user_ids)
    skills = skills_with_item_counts()
    columns = [SkillColumn(skill=skill, name=skill.name, position=position) for position, skill in enumerate(skills)]
    totals: dict[int, dict[int, int]] = defaultdict(dict)  # only the skills with a rated item
    rows = (
        Assessment.objects.filter(user_id__in=user_ids)
        .values("user_id", "item__skill_id")
        .annotate(total=Sum("level"))
        .order_by()
    )
    for row in rows:
        totals[row["user_id"]][row["item__skill_id"]] = row["total"]
    labels: dict[Decimal, str] = {}  # a page repeats few averages

    def level(user_id: int, column: SkillColumn) -> SkillLevel:
        skill = column.skill
        average = average_level(total=totals[user_id].get(skill.pk, 0), count=skill.item_count)
        if average not in labels:
            labels[average] = number_format(average, decimal_pos=1)
        return SkillLevel(column=column, average=average, label=labels[average], is_rated=skill.pk in totals[user_id])

    return {user_id: SkillChart(levels=[level(user_id, column) for column in columns]) for user_id in user_ids}
