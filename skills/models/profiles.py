"""The engineer's profile: what recruiters may see of them, as whom, and their target role."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models import TimeStamped
from skills.models.roles import Role
from skills.privacy.identity import (
    SHOWS_NAME,
    SHOWS_PSEUDONYM,
    CandidateIdentity,
    accepting_reveals_name,
    candidate_identity,
    evidence_shown,
    name_shown_to_all,
)
from skills.privacy.pseudonyms import random_pseudonym

YEARS_EXPERIENCE_MAX = 60  # the most years of experience a profile states, or a vacancy search asks


def visible_to_recruiters_lookup(prefix: str = "") -> models.Q:
    """The one rule for who recruiters may see: profiles whose owner opted in (``prefix`` reaches them across
    a relation, e.g. "profile__")."""
    return models.Q(**{f"{prefix}visibility": EngineerProfile.Visibility.RECRUITERS})


class ProfileQuerySet(models.QuerySet):
    def visible_to_recruiters(self) -> "ProfileQuerySet":
        return self.filter(visible_to_recruiters_lookup())


class EngineerProfile(TimeStamped):
    class Visibility(models.TextChoices):
        PRIVATE = "private", _("Private — only you")
        RECRUITERS = "recruiters", _("Visible to recruiters")

    class Identity(models.TextChoices):
        PSEUDONYM = SHOWS_PSEUDONYM, _("A pseudonym")
        NAME = SHOWS_NAME, _("My name")

    class Start(models.TextChoices):
        """How far the engineer went through the one-minute start (/skills/start/)."""

        NEW = "new", _("Not started")
        ROLE = "role", _("Role chosen")
        SKIPPED = "skipped", _("Skipped for now")
        DONE = "done", _("Done")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile", verbose_name=_("user")
    )
    headline = models.CharField(_("headline"), max_length=120, blank=True)
    years_experience = models.PositiveSmallIntegerField(
        _("years of experience"), default=0, validators=[MaxValueValidator(YEARS_EXPERIENCE_MAX)]
    )
    location = models.CharField(_("location"), max_length=100, blank=True)
    target_role = models.ForeignKey(  # an engineer's choice: a role someone targets is unpublished, not deleted
        Role, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("target role")
    )
    open_to_work = models.BooleanField(_("open to work"), default=False)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    display_name = models.CharField(_("name"), max_length=100, blank=True)
    identity = models.CharField(
        _("recruiters see"), max_length=20, choices=Identity.choices, default=Identity.PSEUDONYM
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=60, default=random_pseudonym, db_index=True)
    counts_in_benchmarks = models.BooleanField(
        _("count my levels in the anonymous benchmarks"),
        default=False,
        help_text=_(
            "Your levels join the anonymous aggregates other engineers and recruiters see, never your name or "
            "profile; in return you see where you stand. Independent of being visible to recruiters."
        ),
    )
    # Evidence links can name the engineer (a GitHub address): shown to a recruiter only after an accepted contact,
    # unless the engineer opts in here.
    evidence_public = models.BooleanField(_("show my evidence links to every recruiter"), default=False)
    start = models.CharField(_("start"), max_length=10, choices=Start.choices, default=Start.NEW)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        permissions = (("view_candidates", "Can search, view and shortlist visible candidate profiles"),)
        indexes = (
            models.Index(fields=("visibility", "updated_at")),
            models.Index(fields=("visibility", "years_experience")),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(years_experience__lte=YEARS_EXPERIENCE_MAX), name="profile_years_at_most_60"
            ),
        )
        verbose_name = _("engineer profile")
        verbose_name_plural = _("engineer profiles")

    def __str__(self) -> str:
        return self.headline or self.pseudonym

    def clean(self) -> None:
        """Showing "my name" without a name would show recruiters the pseudonym while the engineer believes they show
        their name: refused wherever a profile is saved."""
        if self.identity == self.Identity.NAME and not name_shown_to_all(
            display_name=self.display_name.strip(), identity=self.identity
        ):
            raise ValidationError(
                {"display_name": _("Fill in your name to show it to recruiters, or choose “A pseudonym”.")}
            )

    @property
    def published_target_role(self) -> Role | None:
        """The engineer's target role as others may see it: only while it is published."""
        return self.target_role if self.target_role is not None and self.target_role.published else None

    @property
    def is_visible_to_recruiters(self) -> bool:
        return self.visibility == self.Visibility.RECRUITERS

    @property
    def shown_identity(self) -> CandidateIdentity:
        """Who recruiters see. ``identity_revealed`` is set by the recruiting app for one recruiter (an accepted
        contact request); without it nothing is revealed."""
        return self.identity_for(revealed=getattr(self, "identity_revealed", False))

    @property
    def shows_name_to_recruiters(self) -> bool:
        return name_shown_to_all(display_name=self.display_name, identity=self.identity)

    @property
    def accepting_reveals_name(self) -> bool:
        """Whether accepting a contact request shows the recruiter a name (see ``accepting_reveals_name``)."""
        return accepting_reveals_name(display_name=self.display_name, identity=self.identity)

    @property
    def shows_evidence(self) -> bool:
        """Whether the reader may follow the evidence links, by the same ``identity_revealed`` as the name."""
        return evidence_shown(evidence_public=self.evidence_public, revealed=getattr(self, "identity_revealed", False))

    def identity_for(self, *, revealed: bool) -> CandidateIdentity:
        return candidate_identity(
            display_name=self.display_name,
            identity=self.identity,
            pseudonym=self.pseudonym,
            email=self.user.email,
            revealed=revealed,
        )
