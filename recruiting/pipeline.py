"""A recruiter's pipeline: named shortlists whose entries move through stages (each move audited with its date),
and the per-role outreach numbers a job counts from the recruiter's own contact requests.

The shortlist tables keep the names they had when these models lived in ``skills``.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    """Where a shortlisted candidate stands in the recruiter's process, in order."""

    TO_CONTACT = "to_contact", _("To contact")
    CONTACTED = "contacted", _("Contacted")
    ACCEPTED = "accepted", _("Accepted")
    INTERVIEWING = "interviewing", _("Interviewing")
    HIRED = "hired", _("Hired")
    NOT_A_FIT = "not_a_fit", _("Not a fit")


class Shortlist(models.Model):
    recruiter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shortlists")
    name = models.CharField(_("name"), max_length=100)
    # The role the list is for: its entries show their stored score for it, the overview counts per it.
    role = models.ForeignKey(
        "skills.Role", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("role")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "skills_shortlist"
        ordering = ("name",)
        constraints = (models.UniqueConstraint(fields=("recruiter", "name"), name="unique_shortlist_name"),)

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("recruiting:shortlist-detail", kwargs={"pk": self.pk})


class ShortlistEntry(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="entries")
    profile = models.ForeignKey("skills.EngineerProfile", on_delete=models.CASCADE, related_name="shortlist_entries")
    note = models.TextField(_("private note"), max_length=1000, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.TO_CONTACT)
    stage_changed_at = models.DateTimeField(_("stage since"), default=timezone.now)

    class Meta:
        db_table = "skills_shortlistentry"
        ordering = ("-added_at",)
        constraints = (
            models.UniqueConstraint(fields=("shortlist", "profile"), name="unique_profile_per_shortlist"),
            models.CheckConstraint(condition=models.Q(stage__in=Stage.values), name="shortlist_entry_stage_valid"),
        )

    def __str__(self) -> str:
        return f"{self.shortlist}: {self.profile}"


class StageChange(models.Model):
    """The audit of one stage move: which entry, from where to where, by whom, when."""

    entry = models.ForeignKey(ShortlistEntry, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(_("from"), max_length=20, choices=Stage.choices)
    to_stage = models.CharField(_("to"), max_length=20, choices=Stage.choices)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        ordering = ("-changed_at", "-pk")
        indexes = (models.Index(fields=("entry", "-changed_at"), name="stage_change_entry_recent"),)

    def __str__(self) -> str:
        return f"{self.entry}: {self.from_stage} → {self.to_stage}"


class OutreachSummary(models.Model):
    """One recruiter's contact requests for one role (``role`` empty: all their requests), counted by a job so that
    the overview page reads a handful of rows, never the requests themselves."""

    recruiter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.ForeignKey("skills.Role", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    sent = models.PositiveIntegerField(_("requests sent"), default=0)
    accepted = models.PositiveIntegerField(_("accepted"), default=0)
    declined = models.PositiveIntegerField(_("declined"), default=0)
    withdrawn = models.PositiveIntegerField(_("withdrawn"), default=0)
    median_answer_seconds = models.PositiveIntegerField(_("median time to an answer"), null=True, blank=True)
    computed_at = models.DateTimeField(_("counted at"), default=timezone.now)

    class Meta:
        ordering = ("role__title", "pk")
        constraints = (
            models.UniqueConstraint(fields=("recruiter", "role"), name="one_outreach_row_per_role"),
            models.UniqueConstraint(
                fields=("recruiter",), condition=models.Q(role__isnull=True), name="one_outreach_total_row"
            ),
        )

    def __str__(self) -> str:
        return f"{self.recruiter} · {self.role or 'all'}: {self.sent}"

    @property
    def median_answer_start(self) -> datetime | None:
        """``computed_at`` less the median wait, so that the ``timesince`` filter says the wait in words."""
        if self.median_answer_seconds is None:
            return None
        return self.computed_at - timedelta(seconds=self.median_answer_seconds)
