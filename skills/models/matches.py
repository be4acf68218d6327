"""The stored match of every profile with every role, kept by the services so rankings are one query."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from skills.models.profiles import EngineerProfile, visible_to_recruiters_lookup
from skills.models.roles import Role


class RoleMatchQuerySet(models.QuerySet):
    def marked_visible(self) -> "RoleMatchQuerySet":
        """Matches whose stored copy says visible: one index, no profile read; good for counting, never for showing."""
        return self.filter(profile_visible=True)

    def visible_to_recruiters(self) -> "RoleMatchQuerySet":
        """Matches of visible profiles: the stored copy walks the ranking index, the profile's own choice decides."""
        return self.marked_visible().filter(visible_to_recruiters_lookup("profile__"))

    def lock_for_tick(self, *, profile: EngineerProfile) -> None:
        """Lock the profile's matches with the editors' roles, the ones its tick writes: a role's recompute writing
        them waits for the tick, or the tick for the recompute (a no-op on SQLite, whose writers take turns)."""
        list(
            self.filter(profile=profile)
            .exclude(role__kind=Role.Kind.SEARCH)
            .select_for_update(of=("self",))
            .order_by("role_id")  # one order for every locker: no two wait for each other
            .values_list("pk")
        )


class RoleMatch(models.Model):
    """Stored match of a profile with a role, kept current by the services."""

    profile = models.ForeignKey(
        EngineerProfile, on_delete=models.CASCADE, related_name="matches", verbose_name=_("engineer profile")
    )
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="matches", verbose_name=_("role"))
    score = models.PositiveSmallIntegerField(_("score"), default=0)
    requirements_met = models.PositiveSmallIntegerField(_("requirements met"), default=0)
    requirements_total = models.PositiveSmallIntegerField(_("requirements"), default=0)
    must_haves_missing = models.PositiveSmallIntegerField(_("must-haves missing"), default=0)
    # Item ids, not names: each reader sees the items named in their own language, as the items are named now.
    missing_must_have_ids = models.JSONField(_("must-haves missing, by item id"), default=list, blank=True)
    # A copy of profile.visibility == RECRUITERS, written by the services with every match and every change
    # of visibility, so that ranking and paging read one index and never the profiles they skip.
    profile_visible = models.BooleanField(_("visible to recruiters"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = RoleMatchQuerySet.as_manager()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("profile", "role"), name="unique_match_per_profile_role"),
            models.CheckConstraint(condition=models.Q(score__lte=100), name="match_score_at_most_100"),
        )
        verbose_name = _("stored match")
        verbose_name_plural = _("stored matches")
        # Ranking reads one role's visible matches in score order, ties broken by profile, from this index alone.
        indexes = (
            models.Index(
                fields=("role", "-score", "profile"),
                condition=models.Q(profile_visible=True),
                name="match_visible_rank_idx",
            ),
        )

    def __str__(self) -> str:
        return f"{self.profile} × {self.role}: {self.score}"
