"""An engineer's history of levels: the list of changes and the charts drawn from it."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from skills.charts import LineChart, build_line_chart
from skills.models import (
    AssessmentChange,
    ChecklistItem,
)

HISTORY_CHART_POINTS = 200


@dataclass(frozen=True)
class ProgressCharts:
    ticked: LineChart | None
    score: LineChart | None
    total_items: int
    points: int


def progress_changes(*, user: AbstractBaseUser) -> QuerySet[AssessmentChange]:
    """Every change of the user's levels, newest first, ready to list."""
    return AssessmentChange.objects.filter(user=user).select_related("item__skill")


def progress_charts(*, user: AbstractBaseUser) -> ProgressCharts:
    """Ticked items and target-role match after each of the latest changes, oldest first."""
    latest = list(
        AssessmentChange.objects.filter(user=user)
        .order_by("-changed_at", "-id")
        .values_list("ticked_count", "target_score")[:HISTORY_CHART_POINTS]
    )
    latest.reverse()
    total_items = ChecklistItem.objects.count()
    ticked = [ticked_count for ticked_count, _score in latest]
    scores = [score for _ticked, score in latest if score is not None]
    return ProgressCharts(
        ticked=build_line_chart(ticked, y_max=max([total_items, *ticked])) if ticked else None,
        score=build_line_chart(scores, y_max=100) if scores else None,
        total_items=total_items,
        points=len(latest),
    )
