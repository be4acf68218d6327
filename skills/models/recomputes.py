"""One run of the role recompute job, kept for its progress and its last finished run (skills.services.recomputes)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.jobs.lifecycle import FAILURE_REASONS, Job


class RecomputeFailure(models.TextChoices):  # why a recompute failed besides any job's trouble: its row keeps the code
    REPLACED = "replaced", _("A newer change to the role started a fresh recompute.")


class RoleRecompute(Job):
    """One run of the job that refreshes every engineer's stored match with a role after an editor changed it.

    The run is split into chunks of profiles, each a task any worker may take; the run is done when the last
    chunk of its attempt is.
    """

    task_key = "recompute_id"
    failure_reasons = FAILURE_REASONS | dict(RecomputeFailure.choices)

    role = models.ForeignKey("skills.Role", on_delete=models.CASCADE, related_name="recomputes", verbose_name=_("role"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    matches_total = models.PositiveIntegerField(_("matches to write"), null=True, blank=True)
    matches_written = models.PositiveIntegerField(_("matches written"), default=0)
    chunks_total = models.PositiveIntegerField(_("chunks"), default=1)
    chunks_done = models.PositiveIntegerField(_("chunks done"), default=0)

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("role recompute")
        verbose_name_plural = _("role recomputes")
        indexes = (
            models.Index(fields=("role", "-created_at"), name="recompute_role_recent"),
            models.Index(fields=("status", "heartbeat_at"), name="recompute_status_heartbeat"),
        )

    def __str__(self) -> str:
        return f"{self.role} · {self.created_at:%Y-%m-%d %H:%M} · {self.status}"

    @property
    def percent(self) -> int:
        return self.progress_percent(self.matches_written, self.matches_total)
