"""The skills models: checklist, assessments, roles, profiles and stored matches; resources, share links and saved
vacancies in their own modules, imported here so every model is ``skills.models.X``."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import PublishedQuerySet, TimeStamped
from skills.models.levels import TICKED_LEVEL, GrowthStage, Level
from skills.models.phrases import ItemPhrase, UnrecognisedTerm, VacancyCue
from skills.models.recomputes import RoleRecompute
from skills.models.resources import Resource, ResourceQuerySet
from skills.models.saved_vacancies import SavedVacancy, SavedVacancyQuerySet
from skills.models.sharing import ShareLink, ShareLinkQuerySet, ShareLinkView
from skills.privacy.identity import SHOWS_NAME, SHOWS_PSEUDONYM, CandidateIdentity, candidate_identity
from skills.privacy.pseudonyms import random_pseudonym
from skills.validators import http_url_validator

__all__ = [  # the models kept in their own modules, at home here too
    "TICKED_LEVEL",
    "GrowthStage",
    "ItemPhrase",
    "Level",
    "Resource",
    "ResourceQuerySet",
    "RoleRecompute",
    "SavedVacancy",
    "SavedVacancyQuerySet",
    "ShareLink",
    "ShareLinkQuerySet",
    "ShareLinkView",
    "UnrecognisedTerm",
    "VacancyCue",
    "http_url_validator",
]


class SkillQuerySet(PublishedQuerySet):
    """``published()``: the skills engineers tick and vacancies are read for; an unpublished one is retired."""


class Skill(models.Model):
    """One line of the recruiter checklist; retired by unpublishing it, never deleted while anyone relies on it."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(unique=True)
    description = models.TextField(_("description"), blank=True)
    growth_stage = models.PositiveSmallIntegerField(_("growth stage"), choices=GrowthStage.choices)
    tools = models.ManyToManyField("catalog.Tool", blank=True, related_name="skills", verbose_name=_("tools"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    published = models.BooleanField(_("published"), default=True)

    objects = SkillQuerySet.as_manager()

    class Meta:
        ordering = ("growth_stage", "order", "name")
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self) -> str:
        return self.name


class ChecklistItemQuerySet(PublishedQuerySet):
    def published(self) -> "ChecklistItemQuerySet":
        """Items engineers may tick and vacancies are read for: the item and its skill are published."""
        return self.filter(published=True, skill__published=True)


class ChecklistItem(models.Model):
    """A concrete point under a skill ("window functions", "skew"); retired by unpublishing it, never deleted
    while an engineer assessed it or a role or search requires it (``on_delete=PROTECT`` on those)."""

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField()
    description = models.TextField(_("description"), blank=True)
    is_senior = models.BooleanField(_("senior item"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    published = models.BooleanField(_("published"), default=True)

    objects = ChecklistItemQuerySet.as_manager()

    class Meta:
        ordering = ("skill__growth_stage", "skill__order", "order", "name")
        constraints = (
            models.UniqueConstraint(fields=("skill", "slug"), name="unique_item_slug_per_skill"),
            models.UniqueConstraint(fields=("skill", "name"), name="unique_item_name_per_skill"),
        )
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self) -> str:
        return self.name


class Assessment(models.Model):
    """One engineer's level on one checklist item."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments")
    # An engineer's levels outlive no account, but no editor's deletion either: an item in use is unpublished.
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="assessments")
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, default=Level.NONE)
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True, validators=[http_url_validator])
    note = models.CharField(_("note"), max_length=280, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("user", "item"), name="unique_assessment_per_user_item"),
            models.CheckConstraint(condition=models.Q(level__lte=4), name="assessment_level_0_to_4"),
        )
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.user} · {self.item}: {self.level}"

    @property
    def is_ticked(self) -> bool:
        return self.level >= TICKED_LEVEL


class AssessmentChange(models.Model):
    """Every change of a level, kept for the progress history."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_changes")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="changes")
    old_level = models.PositiveSmallIntegerField(choices=Level.choices)
    new_level = models.PositiveSmallIntegerField(choices=Level.choices)
    ticked_count = models.PositiveSmallIntegerField(help_text=_("Items ticked after this change."))
    target_score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Match with the target role after this change.")
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-changed_at", "-id")
        indexes = (models.Index(fields=("user", "changed_at")),)
        verbose_name = _("level change")
        verbose_name_plural = _("level changes")

    def __str__(self) -> str:
        return f"{self.user} · {self.item}: {self.old_level} → {self.new_level}"


class RoleQuerySet(PublishedQuerySet):
    """``published()``: the roles engineers and recruiters see; an editor's draft stays out of every list and
    ranking (the catalog's rule for its published content, in one place). A recruiter's vacancy search is a role
    that is never published (a database constraint), so it is in no list either."""

    def editorial(self) -> "RoleQuerySet":
        """The editors' roles, drafts included: the ones every engineer's tick keeps current. A recruiter's
        vacancy search is left out, so a tick costs the same however many searches there are; it is ranked on
        request instead."""
        return self.exclude(kind=Role.Kind.SEARCH)

    def searches(self) -> "RoleQuerySet":
        """Recruiters' private vacancy searches (the recruiting app knows whose)."""
        return self.filter(kind=Role.Kind.SEARCH)


class Role(TimeStamped):
    """A target role such as "Senior Data Engineer — lakehouse", or the requirements of a recruiter's saved
    vacancy search (``kind`` search): ranked through stored matches like a role, never published."""

    class Kind(models.TextChoices):
        ROLE = "role", _("Role kept by the editors")
        SEARCH = "search", _("A recruiter's vacancy search")

    # Unique among the editors' roles only (see Meta): two recruiters may name their searches alike.
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(unique=True)
    summary = models.TextField(_("summary"), blank=True)
    is_senior = models.BooleanField(_("senior role"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    published = models.BooleanField(_("published"), default=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ROLE, editable=False)

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ("order", "title")
        constraints = (
            # django-modeltranslation adds the same constraint for each language's title.
            models.UniqueConstraint(
                fields=("title",),
                condition=~models.Q(kind="search"),
                name="unique_editorial_role_title",
                violation_error_code="unique",  # reported on the title field, as a plain unique field would be
                violation_error_message=_("A role with this title already exists."),
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="search", published=True), name="vacancy_search_never_published"
            ),
        )
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("skills:role-detail", kwargs={"slug": self.slug})

    @property
    def is_search(self) -> bool:
        return self.kind == self.Kind.SEARCH

    def validate_constraints(self, exclude=None) -> None:
        """``kind`` is set by the services, never in a form; the constraints that depend on it are checked all the
        same, so an editor's duplicate title is a form error, not a failed save."""
        super().validate_constraints(exclude=set(exclude or ()) - {"kind"})


class RoleRequirement(models.Model):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="requirements")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="requirements")
    min_level = models.PositiveSmallIntegerField(
        _("minimum level"),
        choices=[choice for choice in Level.choices if choice[0] > 0],
        default=Level.WORKING,
    )
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    is_must_have = models.BooleanField(_("must-have"), default=False)

    class Meta:
        ordering = ("-is_must_have", "item__skill__growth_stage", "item__skill__order", "item__order")
        constraints = (
            models.UniqueConstraint(fields=("role", "item"), name="unique_requirement_per_role_item"),
            models.CheckConstraint(
                condition=models.Q(min_level__gte=1, min_level__lte=4), name="requirement_min_level_1_to_4"
            ),
            models.CheckConstraint(
                condition=models.Q(weight__gte=1, weight__lte=10), name="requirement_weight_1_to_10"
            ),
        )
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")

    def __str__(self) -> str:
        return f"{self.role}: {self.item} ≥ {self.min_level}"


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

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    headline = models.CharField(_("headline"), max_length=120, blank=True)
    years_experience = models.PositiveSmallIntegerField(
        _("years of experience"), default=0, validators=[MaxValueValidator(60)]
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
    start = models.CharField(_("start"), max_length=10, choices=Start.choices, default=Start.NEW)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        permissions = (("view_candidates", "Can search, view and shortlist visible candidate profiles"),)
        indexes = (
            models.Index(fields=("visibility", "updated_at")),
            models.Index(fields=("visibility", "years_experience")),
        )
        constraints = (
            models.CheckConstraint(condition=models.Q(years_experience__lte=60), name="profile_years_at_most_60"),
        )
        verbose_name = _("engineer profile")
        verbose_name_plural = _("engineer profiles")

    def __str__(self) -> str:
        return self.headline or self.pseudonym

    @property
    def published_target_role(self) -> Role | None:
        """The engineer's target role as others may see it: only while it is published."""
        return self.target_role if self.target_role is not None and self.target_role.published else None

    @property
    def start_is_done(self) -> bool:
        return self.start == self.Start.DONE

    @property
    def is_visible_to_recruiters(self) -> bool:
        return self.visibility == self.Visibility.RECRUITERS

    @property
    def shown_identity(self) -> CandidateIdentity:
        """Who recruiters see. ``identity_revealed`` is set by the recruiting app for one recruiter (an accepted
        contact request); without it nothing is revealed."""
        return self.identity_for(revealed=getattr(self, "identity_revealed", False))

    def identity_for(self, *, revealed: bool) -> CandidateIdentity:
        return candidate_identity(
            display_name=self.display_name,
            identity=self.identity,
            pseudonym=self.pseudonym,
            email=self.user.email,
            revealed=revealed,
        )


class RoleMatchQuerySet(models.QuerySet):
    def marked_visible(self) -> "RoleMatchQuerySet":
        """Matches whose stored copy says visible: one index, no profile read; good for counting, never for showing."""
        return self.filter(profile_visible=True)

    def visible_to_recruiters(self) -> "RoleMatchQuerySet":
        """Matches of visible profiles: the stored copy walks the ranking index, the profile's own choice decides."""
        return self.marked_visible().filter(visible_to_recruiters_lookup("profile__"))


class RoleMatch(models.Model):
    """Stored match of a profile with a role, kept current by the services."""

    profile = models.ForeignKey(EngineerProfile, on_delete=models.CASCADE, related_name="matches")
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="matches")
    score = models.PositiveSmallIntegerField(default=0)
    requirements_met = models.PositiveSmallIntegerField(default=0)
    requirements_total = models.PositiveSmallIntegerField(default=0)
    must_haves_missing = models.PositiveSmallIntegerField(default=0)
    missing_must_have_names = models.JSONField(default=list, blank=True)
    # A copy of profile.visibility == RECRUITERS, written by the services with every match and every change
    # of visibility, so that ranking and paging read one index and never the profiles they skip.
    profile_visible = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

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
