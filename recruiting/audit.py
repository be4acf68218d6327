"""The audit of which candidate profiles a recruiter opened: the engineer sees it ("who viewed my profile").

The table keeps the name it had when the model lived in ``skills``.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ProfileView(models.Model):
    """A recruiter opened a candidate profile; the engineer may see it."""

    recruiter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile_views_made",
        verbose_name=_("recruiter"),
    )
    profile = models.ForeignKey(
        "skills.EngineerProfile", on_delete=models.CASCADE, related_name="views", verbose_name=_("engineer profile")
    )
    viewed_at = models.DateTimeField(_("viewed at"), default=timezone.now)

    class Meta:
        db_table = "skills_profileview"
        ordering = ("-viewed_at",)
        indexes = (models.Index(fields=("profile", "viewed_at"), name="skills_prof_profile_66b617_idx"),)
        # One view per recruiter, profile and day (recruiting.services.shortlists.record_profile_view). The day is
        # the one ``viewed_at__date`` reads: in the current time zone, which is always TIME_ZONE (the portal
        # activates no other), and was when the migration built this index; a change of TIME_ZONE needs the
        # index built again.
        constraints = (
            models.UniqueConstraint("recruiter", "profile", TruncDate("viewed_at"), name="profile_viewed_once_a_day"),
        )
        verbose_name = _("profile view")
        verbose_name_plural = _("profile views")

    def __str__(self) -> str:
        return _("%(recruiter)s viewed %(profile)s") % {"recruiter": self.recruiter, "profile": self.profile}
