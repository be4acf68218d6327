"""An engineer's level on each checklist item, and the history of every change."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skills.models.checklist import ChecklistItem
from skills.models.levels import TICKED_LEVEL, Level
from skills.validators import http_url_validator


class Assessment(models.Model):
    """One engineer's level on one checklist item."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments")
    # An engineer's levels outlive no account, but no editor's deletion either: an item in use is unpublished.
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="assessments")
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, default=Level.NONE)
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True, validators=[http_url_validator])
    note = models.CharField(_("note"), max_length=280, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("user", "item"), name="unique_assessment_per_user_item"),
            models.CheckConstraint(condition=models.Q(level__lte=4), name="assessment_level_0_to_4"),
        )
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.user} · {self.item}: {self.level}"

    @property
    def is_ticked(self) -> bool:
        return self.level >= TICKED_LEVEL


class AssessmentChange(models.Model):
    """Every change of a level, kept for the progress history."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_changes")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="changes")
    old_level = models.PositiveSmallIntegerField(
        choices=Level.choices, null=True, blank=True, help_text=_("Empty for the item's first rating: it had no level.")
    )
    new_level = models.PositiveSmallIntegerField(choices=Level.choices)
    ticked_count = models.PositiveSmallIntegerField(help_text=_("Items ticked after the save that made this change."))
    target_score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Match with the target role after the save that made this change.")
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-changed_at", "-id")
        indexes = (models.Index(fields=("user", "changed_at")),)
        verbose_name = _("level change")
        verbose_name_plural = _("level changes")

    def __str__(self) -> str:
        old = "–" if self.old_level is None else self.old_level
        return f"{self.user} · {self.item}: {old} → {self.new_level}"
