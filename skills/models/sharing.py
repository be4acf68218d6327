"""Share links: a read-only link to an engineer's profile, for whoever they give it to."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.guards.issued_once import issue_key_field, issued_once_constraint


class ShareLinkQuerySet(models.QuerySet):
    def usable(self) -> "ShareLinkQuerySet":
        """Links that still open: not revoked, not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ShareLink(models.Model):
    """A read-only link to an engineer's profile, for whoever they give it to; only a hash of its token is kept."""

    class Lifetime(models.IntegerChoices):
        WEEK = 7, _("7 days")
        MONTH = 30, _("30 days")
        QUARTER = 90, _("90 days")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_links")
    token_hash = models.CharField(max_length=64, unique=True)
    role = models.ForeignKey(
        "skills.Role",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gaps for role"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    issue_key = issue_key_field()

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = (issued_once_constraint("share_link_issued_once"),)

    def __str__(self) -> str:
        return f"{self.user} · {self.created_at:%Y-%m-%d}"

    @property
    def anchor(self) -> str:
        """The id of its row on the owner's profile page, where a revoke lands and its outcome shows."""
        return f"share-link-{self.pk}"

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class ShareLinkView(models.Model):
    """A share link was opened, and when: never by whom, so holding a link never names its visitor to the owner."""

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="views")
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-viewed_at", "-pk")

    def __str__(self) -> str:
        return f"{self.link} viewed {self.viewed_at:%Y-%m-%d %H:%M}"
