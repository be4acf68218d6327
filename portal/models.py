"""The portal's own rows: the sessions an account is signed in with, and the job workers' sign of life."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
