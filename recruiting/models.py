"""The recruiter's own records: exports and contact requests (their tables keep the names they had in ``skills``).
The shortlists (a pipeline with stages) live in ``recruiting.pipeline``, the vacancy searches in
``recruiting.vacancy_searches``, the audit of profile views in ``recruiting.audit``; all are imported here.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from portal.jobs.lifecycle import FAILURE_REASONS, Job, JobStatus
from recruiting.audit import ProfileView  # noqa: F401 - imported to register, as the pipeline's models
from recruiting.pipeline import OutreachSummary, Shortlist, ShortlistEntry, Stage, StageChange  # noqa: F401
from recruiting.vacancy_searches import SearchProposal, SearchProposalQuerySet, VacancySearch  # noqa: F401


class ExportFormat(models.TextChoices):
    XLSX = "xlsx", _("Excel (XLSX)")
    CSV = "csv", _("CSV")


class ExportFailure(models.TextChoices):  # why an export failed besides any job's trouble: its row keeps the code
    ROLE_GONE = "role-gone", _("The role of this export is no longer published.")
    RIGHT_GONE = "right-gone", _("You may no longer read candidates, so this export was not written.")
    SHORTLIST_GONE = "shortlist-gone", _("The shortlist of this export was deleted.")


class CandidateExport(Job):
    """One recruiter's spreadsheet export of a filtered candidate list or of one of their shortlists: the job, its
    private file, and its audit.

    The row outlives the file (deleted after ``expires_at``), so who exported what, when, and how many rows stays
    on record.
    """

    task_key = "export_id"
    failure_reasons = FAILURE_REASONS | dict(ExportFailure.choices)

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
    # The list's filters as parsed when the recruiter asked (recruiting.filters.CandidateSpec.to_json): the job ranks by it.
    spec = models.JSONField(_("filters"), default=dict, blank=True)
    # Set for the export of a shortlist (its entries instead of a filtered list); the name stays when the list goes.
    shortlist = models.ForeignKey(
        Shortlist, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("shortlist")
    )
    shortlist_name = models.CharField(_("shortlist name"), max_length=100, blank=True)
    profile_url_base = models.CharField(_("profile URL base"), max_length=500)
    rows_total = models.PositiveIntegerField(_("rows to write"), null=True, blank=True)
    rows_written = models.PositiveIntegerField(_("rows written"), default=0)
    file_name = models.CharField(_("file in the exports storage"), max_length=300, blank=True)
    expires_at = models.DateTimeField(_("download valid until"), null=True, blank=True)
    file_format = models.CharField(
        _("file format"), max_length=4, choices=ExportFormat.choices, default=ExportFormat.CSV
    )
    # The recruiter's language when they asked: the headers, the item names and, for CSV, separator and decimal mark.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")

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
        return f"{self.recruiter} · {self.shortlist_name or self.role_title} · {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("recruiting:export-detail", kwargs={"pk": self.pk})

    @property
    def is_of_shortlist(self) -> bool:
        return bool(self.shortlist_name)

    @property
    def role_name(self) -> str:
        """The role as the pages name it: its title now, in the reader's language, while it exists; else the title
        written when the export was asked (which the file keeps either way)."""
        return str(self.role.title) if self.role_id else self.role_title

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_downloadable(self) -> bool:
        return self.status == JobStatus.DONE and bool(self.file_name) and not self.is_expired

    @property
    def percent(self) -> int:
        return self.progress_percent(self.rows_written, self.rows_total)

    @property
    def download_name(self) -> str:
        """The name the recruiter saves the file under, in the language the file is written in (its headers')."""
        with translation.override(self.language):
            if self.is_of_shortlist:
                kind, subject = pgettext("export file", "shortlist"), slugify(self.shortlist_name)
            else:
                kind, subject = pgettext("export file", "candidates"), self.role.slug if self.role_id else ""
            subject = subject or pgettext("export file", "list")
        stem = f"{kind}-{subject}"
        return f"{stem}-{timezone.localtime(self.created_at):%Y%m%d-%H%M}.{self.file_format}"

    @property
    def content_type(self) -> str:
        if self.file_format == ExportFormat.XLSX:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return "text/csv; charset=utf-8"


class RecruiterProfile(models.Model):
    """What an engineer is told about a recruiter (on requests, on who viewed their profile): never the email."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recruiter_profile")
    name = models.CharField(_("your name"), max_length=100)
    company = models.CharField(_("company"), max_length=100)
    hires_for = models.CharField(_("the role you hire for"), max_length=120, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.company})"


class ContactRequest(models.Model):
    """A recruiter asks a candidate for contact; only an accepted request shows that recruiter who they are.

    Kept as the audit of what was asked and answered; the engineer sees it, exports it, and it goes with
    either account.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for your answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Acceptance withdrawn")
        EXPIRED = "expired", _("Not answered in time")

    recruiter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="contact_requests_sent",
        verbose_name=_("recruiter's account"),
    )
    profile = models.ForeignKey(
        "skills.EngineerProfile",
        on_delete=models.CASCADE,
        related_name="contact_requests",
        verbose_name=_("engineer profile"),
    )
    # What the engineer was told when the request came, even if the recruiter changes their details later.
    recruiter_name = models.CharField(_("recruiter"), max_length=100)
    recruiter_company = models.CharField(_("company"), max_length=100)
    message = models.TextField(_("message"), max_length=1000)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = (
            # One open question at a time: a pending or accepted request, per recruiter and candidate.
            models.UniqueConstraint(
                fields=("recruiter", "profile"),
                condition=models.Q(status__in=("pending", "accepted")),
                name="one_open_contact_request",
            ),
            # A withdrawal's time only on a request that stands withdrawn: accepted again, it reads as accepted.
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True) | models.Q(status="withdrawn"),
                name="withdrawn_at_only_when_withdrawn",
            ),
        )
        indexes = (
            models.Index(fields=("recruiter", "created_at")),
            models.Index(fields=("profile", "created_at")),
        )
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")

    def __str__(self) -> str:
        return f"{self.recruiter_name} → {self.profile}: {self.status}"

    @property
    def is_ignored(self) -> bool:
        """Pending for longer than UNANSWERED_AFTER: it counts as declined and can no longer be accepted."""
        return went_unanswered(status=self.status, created_at=self.created_at, now=timezone.now())

    @property
    def is_answerable(self) -> bool:
        return self.status == self.Status.PENDING and not self.is_ignored

    @property
    def anchor(self) -> str:
        """The id of its row on the engineer's profile page, where a plain answer lands and its outcome shows."""
        return f"contact-{self.pk}"

    @property
    def refused_at(self) -> datetime | None:
        """When the engineer said no (declined, withdrew, or let it lapse); None while it is open or accepted."""
        if self.status == self.Status.DECLINED:
            return self.answered_at
        if self.status == self.Status.WITHDRAWN:
            return self.withdrawn_at
        if self.status == self.Status.EXPIRED or self.is_ignored:
            return self.created_at + UNANSWERED_AFTER
        return None

    @property
    def ask_again_from(self) -> datetime | None:
        """While the engineer's no still holds: when the recruiter may ask again; None otherwise."""
        refused_at = self.refused_at
        if refused_at is None or timezone.now() >= refused_at + ASK_AGAIN_AFTER:
            return None
        return refused_at + ASK_AGAIN_AFTER

    @property
    def allows_a_new_request(self) -> bool:
        """The recruiter may ask again: the engineer said no (or never answered) long enough ago."""
        return self.refused_at is not None and self.ask_again_from is None

    @property
    def can_accept_again(self) -> bool:
        """The engineer withdrew the acceptance and may take the withdrawal back (the same request accepted anew)
        while the recruiter still waits to ask again: until ``ask_again_from``."""
        return self.status == self.Status.WITHDRAWN and self.ask_again_from is not None


UNANSWERED_AFTER = timedelta(days=14)  # a request not answered by then counts as declined
ASK_AGAIN_AFTER = timedelta(days=30)  # after a no, the same recruiter waits this long before asking again


def went_unanswered(*, status: str, created_at: datetime, now: datetime) -> bool:
    """A request still pending ``UNANSWERED_AFTER`` after it was sent: a no, for the engineer and the recruiter."""
    return status == ContactRequest.Status.PENDING and created_at <= now - UNANSWERED_AFTER
