"""Benchmark snapshots: aggregates over the engineers who chose to count in, built by a job
(:mod:`skills.benchmarks.services`) and read by the benchmark and market pages, never summed live.

The rows keep exact counts, because the engineer's own band is computed against them; what is published of them
is decided in one place, :mod:`skills.benchmarks.disclosure`.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skills.models.checklist import ChecklistItem, Skill


class Cohort(models.TextChoices):
    EVERYONE = "all", _("Everyone")
    ROLE = "role", _("Same target role")
    SENIORITY = "seniority", _("Same seniority")


class Seniority(models.TextChoices):
    """An engineer's seniority from their years of experience, on the vacancy reader's scale (0–1, 2–4, 5+)."""

    JUNIOR = "junior", _("Junior")
    MEDIOR = "medior", _("Medior")
    SENIOR = "senior", _("Senior")


class BenchmarkSnapshotQuerySet(models.QuerySet):
    def latest_built(self) -> "BenchmarkSnapshot | None":
        """The one snapshot pages read: the newest that finished building."""
        return self.filter(complete=True).order_by("-built_at", "-pk").first()


class BenchmarkSnapshot(models.Model):
    built_at = models.DateTimeField(_("built at"), default=timezone.now, db_index=True)
    complete = models.BooleanField(default=False)
    seconds = models.FloatField(_("build time in seconds"), default=0)
    min_cohort = models.PositiveSmallIntegerField(_("smallest cohort published"), default=10)
    last_change_id = models.BigIntegerField(default=0)  # the newest level change it saw: "enough changes since"

    objects = BenchmarkSnapshotQuerySet.as_manager()

    class Meta:
        ordering = ("-built_at",)
        verbose_name = _("benchmark snapshot")
        verbose_name_plural = _("benchmark snapshots")

    def __str__(self) -> str:
        return f"{self.built_at:%Y-%m-%d %H:%M}"


class BenchmarkCell(models.Model):
    """How many engineers of one cohort stand at each level of one item (``item`` set) or skill (``item`` empty;
    a skill's level is the mean of its published items, halves up)."""

    snapshot = models.ForeignKey(BenchmarkSnapshot, on_delete=models.CASCADE, related_name="cells")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    cohort = models.CharField(max_length=10, choices=Cohort.choices)
    cohort_key = models.CharField(max_length=40, blank=True)  # a role's id or a seniority; empty for everyone
    population = models.PositiveIntegerField()
    at_level = models.JSONField(default=list)  # five counts, levels 0–4

    class Meta:
        indexes = (models.Index(fields=("snapshot", "cohort", "cohort_key")),)

    def __str__(self) -> str:
        return f"{self.cohort} {self.cohort_key} · {self.item_id or self.skill_id}"


class MarketCell(models.Model):
    """Demand for one item (``item`` set) or tool (``tool`` set) against the share of engineers who count in at or
    above the level asked."""

    snapshot = models.ForeignKey(BenchmarkSnapshot, on_delete=models.CASCADE, related_name="market")
    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    tool = models.ForeignKey("catalog.Tool", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    level_asked = models.PositiveSmallIntegerField()
    roles_required = models.PositiveIntegerField(default=0)
    roles_nice = models.PositiveIntegerField(default=0)
    searches_required = models.PositiveIntegerField(default=0)
    searches_nice = models.PositiveIntegerField(default=0)
    vacancies_required = models.PositiveIntegerField(default=0)
    vacancies_nice = models.PositiveIntegerField(default=0)
    population = models.PositiveIntegerField(default=0)
    supplied = models.PositiveIntegerField(default=0)  # engineers at or above the level asked

    class Meta:
        indexes = (models.Index(fields=("snapshot", "tool")),)
        constraints = (
            models.CheckConstraint(
                condition=models.Q(item__isnull=True) ^ models.Q(tool__isnull=True), name="market_cell_item_or_tool"
            ),
        )

    def __str__(self) -> str:
        return f"market · {self.item_id or self.tool_id}"
