from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.guards.issued_once import issue_key_field, issued_once_constraint

# How long a new token works, in days: a forgotten token stops on its own (the owner picks; 90 unless they do).
LIFETIMES = (7, 30, 90, 365)
DEFAULT_LIFETIME = 90


def default_expiry():
    return timezone.now() + timedelta(days=DEFAULT_LIFETIME)


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=Now())


class ApiToken(models.Model):
    """A personal API token; only its SHA-256 hash is stored, the plain token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), default=default_expiry, editable=False)
    issue_key = issue_key_field()
    # Made in a session that passed the account's second factor: only such a token carries staff rights
    # (recruiter, editor), and only while the account keeps its authenticator app (see portal.guards.access).
    staff_access = models.BooleanField(_("staff access"), default=False, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=("user", "revoked_at")),)
        constraints = (issued_once_constraint("api_token_issued_once"),)
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.has_expired

    @property
    def has_expired(self) -> bool:
        return self.expires_at <= timezone.now()
