"""The portal's own rows: the sessions an account is signed in with, the job workers' sign of life, and the notices
each person receives (with how they want them), the language each person reads in, and whether each queued e-mail went
out."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.notices.kinds import DEFAULT_CHANNEL, NoticeChannel, NoticeKind, notice_line


class AccountSession(models.Model):
    """A session an account is signed in with, by its key: deleting the account ends every one of them.

    Kept here, not read from the session store: a cache backend cannot be searched by user.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    session_key = models.CharField(max_length=40)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = (models.UniqueConstraint(fields=("user", "session_key"), name="account_session_unique"),)

    def __str__(self) -> str:
        return f"{self.user_id} · {self.created_at:%Y-%m-%d %H:%M}"


class WorkerHeartbeat(models.Model):
    """One job worker (``manage.py db_worker``): written every few seconds while it runs, kept a day after.

    Other workers read it to find the tasks of a worker that died; progress pages read it to say that no worker
    is there to start a job.
    """

    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    host = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    seen_at = models.DateTimeField(_("last sign of life"), default=timezone.now, db_index=True)
    task_id = models.CharField(_("task it runs"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}:{self.pid})"


class EmailDelivery(models.Model):
    """Whether one queued e-mail went out (``portal.jobs.mail``): written when the message is queued, marked when the
    mail server accepted it. A retry or another worker skips it once sent."""

    queued_at = models.DateTimeField(_("queued"), default=timezone.now)
    sent_at = models.DateTimeField(_("accepted by the mail server"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("email delivery")
        verbose_name_plural = _("email deliveries")

    def __str__(self) -> str:
        return f"{self.pk}: {self.sent_at or 'not sent'}"


class Notice(models.Model):
    """Something a person is told in the portal: its kind and the names it mentions, worded when it is read.

    ``about`` is the other person (the recruiter who asked, the candidate who answered; nobody for a published
    search, whose editor stays unnamed): deleting either account deletes the notice, so no name outlives its owner's
    account here.
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    about = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=NoticeKind.choices)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        indexes = (models.Index(fields=("recipient", "read_at"), name="notice_unread"),)
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    @property
    def text(self) -> str:
        return notice_line(self.kind, self.params)


class NoticePreference(models.Model):
    """How one person wants one kind of notice; without a row, ``DEFAULT_CHANNEL`` (email and the portal)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_preferences")
    kind = models.CharField(_("kind"), max_length=30, choices=NoticeKind.choices)
    channel = models.CharField(_("how"), max_length=10, choices=NoticeChannel.choices, default=DEFAULT_CHANNEL)

    class Meta:
        constraints = (models.UniqueConstraint(fields=("user", "kind"), name="one_notice_preference_per_kind"),)

    def __str__(self) -> str:
        return f"{self.user_id} · {self.kind}: {self.channel}"


class PersonLanguage(models.Model):
    """The language a person reads the portal in: last chosen with the switcher or on the notices page, else the one
    active when they signed up or first signed in. Emails to them are written in it (``portal.languages``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="person_language"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.language}"
