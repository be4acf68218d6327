"""The portal's own records about accounts."""

from django.conf import settings
from django.db import models
from django.utils import timezone


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
