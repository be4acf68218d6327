"""An engineer's history of levels: the list of changes, the charts drawn from it (one point per day) and the
calendar of the days they worked on their skills."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, Max, QuerySet, Window
from django.db.models.functions import TruncDate
from django.utils import timezone

from skills.charts import LineChart, build_line_chart
from skills.models import (
    AssessmentChange,
    ChecklistItem,
)

HISTORY_CHART_DAYS = 200  # the latest days with a change that the charts show
CALENDAR_WEEKS = 12
CALENDAR_FIRST_DAYS = 7  # until an account is this many days old, the calendar is a sentence, not an almost empty grid


@dataclass(frozen=True)
class ProgressCharts:
    ticked: LineChart | None
    score: LineChart | None
    total_items: int
    points: int  # days charted


@dataclass(frozen=True)
class ActivityDay:
    day: date
    changes: int
    counted: bool = True  # False for the days of the first week before the user joined: blanks, not idle days

    @property
    def intensity(self) -> int:
        """0 (nothing) to 3 (five changes or more): the shade of the day in the calendar."""
        return 0 if not self.changes else 1 if self.changes < 2 else 2 if self.changes < 5 else 3


@dataclass(frozen=True)
class ActivityCalendar:
    days: list[ActivityDay]  # whole weeks, Monday first, oldest first, up to today
    active_days: int
    since_joining: bool  # the period starts the day the user joined, not ``CALENDAR_WEEKS`` ago

    @property
    def counted_days(self) -> int:
        return sum(1 for day in self.days if day.counted)

    @property
    def too_new_for_a_grid(self) -> bool:
        """In its first week an account's grid would be a square or two above empty rows: a sentence says it better."""
        return self.counted_days < CALENDAR_FIRST_DAYS

    @property
    def active(self) -> list[ActivityDay]:
        """The days with a change: all a screen reader is told day by day (the grid is for the eye)."""
        return [day for day in self.days if day.changes]


def level_changes(*, user: AbstractBaseUser) -> QuerySet[AssessmentChange]:
    """Every change of the user's levels, newest first, ready to list: what the home's latest changes and the progress
    page both show. A first rating to 0 counts: the start steps' "No experience yet" is an answer the engineer gave."""
    return AssessmentChange.objects.filter(user=user).select_related("item__skill")


def progress_changes(*, user: AbstractBaseUser) -> QuerySet[AssessmentChange]:
    """:func:`level_changes` with ``saved_with``, how many changes were saved together with each (the ticked count and
    target score are those after the whole save, so a page shows them once for the save)."""
    saved_with = Window(Count("id"), partition_by=[F("changed_at")])
    return level_changes(user=user).annotate(saved_with=saved_with)


def _by_day(*, user: AbstractBaseUser) -> QuerySet:
    """The user's changes grouped by the day they were made (in the portal's time zone)."""
    # No ordering: PostgreSQL binds the time zone of each TruncDate as its own parameter, so an ORDER BY on the day
    # (or the model's ordering) is not the GROUP BY's expression to it.
    return AssessmentChange.objects.filter(user=user).annotate(day=TruncDate("changed_at")).values("day").order_by()


def progress_charts(*, user: AbstractBaseUser) -> ProgressCharts:
    """Ticked items and target-role match at the end of each of the latest days with a change, oldest first, on a
    time axis: one point per day, however many changes it had."""
    days_with_changes = sorted(_by_day(user=user).annotate(last_id=Max("id")).values_list("day", "last_id"))
    last_of_day = [last_id for _day, last_id in days_with_changes[-HISTORY_CHART_DAYS:]]
    latest = sorted(
        AssessmentChange.objects.filter(pk__in=last_of_day).values_list("changed_at", "ticked_count", "target_score")
    )
    total_items = ChecklistItem.objects.count()
    days = [timezone.localdate(changed_at) for changed_at, _ticked, _score in latest]
    ticked = [ticked_count for _at, ticked_count, _score in latest]
    scored = [(day, score) for day, (_at, _ticked, score) in zip(days, latest, strict=True) if score is not None]
    return ProgressCharts(
        ticked=build_line_chart(ticked, y_max=max([total_items, *ticked]), days=days) if ticked else None,
        score=build_line_chart([s for _d, s in scored], y_max=100, days=[d for d, _s in scored]) if scored else None,
        total_items=total_items,
        points=len(latest),
    )


def activity_calendar(*, user: AbstractBaseUser, today: date | None = None) -> ActivityCalendar:
    """The last ``CALENDAR_WEEKS`` whole weeks up to today, or the weeks since the user joined when that is later, each
    day with its number of level changes: one query. A new account is not told of weeks it could not have worked."""
    today = today or timezone.localdate()
    start = today - timedelta(days=today.weekday() + 7 * (CALENDAR_WEEKS - 1))
    joined = timezone.localdate(user.date_joined)
    since_joining = joined > start
    if since_joining:
        start = joined
    first = start - timedelta(days=start.weekday())
    counts = dict(
        _by_day(user=user)
        .filter(changed_at__date__gte=start)
        .annotate(changes=Count("id"))
        .values_list("day", "changes")
    )
    dates = [first + timedelta(days=n) for n in range((today - first).days + 1)]
    days = [ActivityDay(day=day, changes=counts.get(day, 0), counted=day >= start) for day in dates]
    return ActivityCalendar(days=days, active_days=sum(1 for d in days if d.changes), since_joining=since_joining)
