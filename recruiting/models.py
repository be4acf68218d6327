"""The recruiter's own records: shortlists with private notes, and the audit of profile views.

The tables keep the names they had when these models lived in ``skills``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
