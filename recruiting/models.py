"""The recruiter's own records: shortlists with private notes, and the audit of profile views.

The tables keep the names they had when these models lived in ``skills``.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.jobs import Job, JobStatus


class Shortlist(models.Model):
    recruiter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shortlists")
    name = models.CharField(_("name"), max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "skills_shortlist"
        ordering = ("name",)
        constraints = (models.UniqueConstraint(fields=("recruiter", "name"), name="unique_shortlist_name"),)

    def __str__(self) -> str:
        return self.name


class ShortlistEntry(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="entries")
    profile = models.ForeignKey("skills.EngineerProfile", on_delete=models.CASCADE, related_name="shortlist_entries")
    note = models.TextField(_("private note"), max_length=1000, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "skills_shortlistentry"
        ordering = ("-added_at",)
        constraints = (models.UniqueConstraint(fields=("shortlist", "profile"), name="unique_profile_per_shortlist"),)

    def __str__(self) -> str:
        return f"{self.shortlist}: {self.profile}"


class ProfileView(models.Model):
    """A recruiter opened a candidate profile; the engineer may see it."""

    recruiter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile_views_made")
    profile = models.ForeignKey("skills.EngineerProfile", on_delete=models.CASCADE, related_name="views")
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "skills_profileview"
        ordering = ("-viewed_at",)
        indexes = (models.Index(fields=("profile", "viewed_at"), name="skills_prof_profile_66b617_idx"),)

    def __str__(self) -> str:
        return f"{self.recruiter} viewed {self.profile}"


class CandidateExport(Job):
    """One recruiter's CSV export of a filtered candidate list: the job, its private file, and its audit.

    The row outlives the file (deleted after ``expires_at``), so who exported what, when, and how many rows stays
    on record.
    """

    recruiter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="candidate_exports",
        verbose_name=_("recruiter"),
    )
    role = models.ForeignKey(
        "skills.Role", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("role")
    )
    role_title = models.CharField(_("role title"), max_length=200)
    filters = models.TextField(_("filters (query string)"), blank=True)
    profile_url_base = models.CharField(_("profile URL base"), max_length=500)
    rows_total = models.PositiveIntegerField(_("rows to write"), null=True, blank=True)
    rows_written = models.PositiveIntegerField(_("rows written"), default=0)
    file_name = models.CharField(_("file in the exports storage"), max_length=300, blank=True)
    expires_at = models.DateTimeField(_("download valid until"), null=True, blank=True)

    class Meta:
        ordering = ("-created_at",)
        indexes = (
            models.Index(fields=("recruiter", "-created_at"), name="export_recruiter_recent"),
            models.Index(fields=("status", "heartbeat_at"), name="export_status_heartbeat"),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(status__in=[choice.value for choice in JobStatus]), name="export_status_valid"
            ),
        )

    def __str__(self) -> str:
        return f"{self.recruiter} · {self.role_title} · {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("recruiting:export-detail", kwargs={"pk": self.pk})

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_downloadable(self) -> bool:
        return self.status == JobStatus.DONE and bool(self.file_name) and not self.is_expired

    @property
    def percent(self) -> int:
        return self.progress_percent(self.rows_written, self.rows_total)
