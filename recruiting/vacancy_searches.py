"""A recruiter's saved vacancy searches and what they propose to the editors (models of the recruiting app)."""

import re

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skills.vacancies.limits import VACANCY_MAX_CHARS
from skills.vacancies.requirements import is_remote

PLACE_ENDS = re.compile(r"[,/(]| [-–—] ")
PLACES_JOINED = re.compile(r"\b(?:of|or|en|and)\b", re.IGNORECASE)


class VacancySearch(models.Model):
    """A recruiter's saved vacancy search: a pasted vacancy turned into requirements, ranked like a role.

    The requirements are those of ``role``, a private role of kind "search" that is never published; the
    candidates are ranked from its stored matches. Only its owner ever sees it, until they propose it to the
    editors, who may publish it as an ordinary role (``published_at``).
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vacancy_searches", verbose_name=_("recruiter")
    )
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("vacancy text"), max_length=VACANCY_MAX_CHARS, blank=True)
    # A search goes with its owner; its role never takes the search along (deleting the search deletes a private
    # role, see recruiting.signals), so an editor cannot delete a recruiter's search by deleting the role.
    role = models.OneToOneField(
        "skills.Role", on_delete=models.PROTECT, related_name="vacancy_search", verbose_name=_("role")
    )
    # Asked besides skills, as read (skills.vacancies.requirements): language codes, the fewest years, the place.
    languages = models.JSONField(_("languages asked"), default=list, blank=True)
    years_experience = models.PositiveSmallIntegerField(_("years of experience asked"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    proposed_at = models.DateTimeField(_("proposed to the editors"), null=True, blank=True)
    proposal_note = models.TextField(_("note to the editors"), max_length=1000, blank=True)
    published_at = models.DateTimeField(_("published as a role"), null=True, blank=True)

    class Meta:
        ordering = ("-updated_at", "-pk")
        indexes = (
            models.Index(fields=("owner", "-updated_at"), name="search_owner_recent"),
            models.Index(
                fields=("proposed_at",), name="search_proposed", condition=models.Q(proposed_at__isnull=False)
            ),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True) | models.Q(proposed_at__isnull=False),
                name="search_published_only_when_proposed",
            ),
        )
        verbose_name = _("vacancy search")
        verbose_name_plural = _("vacancy searches")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("recruiting:search-detail", kwargs={"pk": self.pk})

    @property
    def place_asked(self) -> str:
        """The place the ranked candidates open filtered on: the location as read up to its first comma, slash,
        bracket or dash ("Arnhem" of "Arnhem, twee dagen per week op kantoor", "Utrecht - hybride"), as a profile
        states a place; nothing for a remote job, however the vacancy words it
        (skills.vacancies.requirements.is_remote), nor for a choice of places ("Amsterdam of Utrecht"), which one
        "contains" filter would narrow to the first."""
        place = PLACE_ENDS.split(self.location, maxsplit=1)[0].strip()
        return "" if is_remote(place) or PLACES_JOINED.search(place) else place

    @property
    def is_proposed(self) -> bool:
        return self.proposed_at is not None

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class SearchProposalQuerySet(models.QuerySet):
    def current(self) -> "SearchProposalQuerySet":
        """Proposals no later one replaced: what the editors may publish."""
        return self.filter(replaced_at__isnull=True)

    def waiting(self) -> "SearchProposalQuerySet":
        """Current proposals not yet published: what waits for an editor."""
        return self.current().filter(published_at__isnull=True)


class SearchProposal(models.Model):
    """A search as its recruiter proposed it to the editors: a frozen copy of its title and requirements, which
    the editors review and publish as it is.

    The recruiter's later change of the title, seniority or requirements makes a new proposal that ``replaces``
    this one (a changed note alone is written into this one); a replaced proposal is never published, so an editor
    publishes only what they reviewed.
    """

    search = models.ForeignKey(
        VacancySearch, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("vacancy search")
    )
    title = models.CharField(_("title"), max_length=120)
    is_senior = models.BooleanField(_("senior role"), default=True)
    # [{"item": id, "item_name": str, "skill_name": str, "min_level": 1-4, "weight": int, "is_must_have": bool}]
    requirements = models.JSONField(_("requirements"), default=list)
    note = models.TextField(_("note to the editors"), max_length=1000, blank=True)
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now)
    replaces = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("replaces the proposal"),
    )
    replaced_at = models.DateTimeField(_("changed by the recruiter"), null=True, blank=True)
    published_at = models.DateTimeField(_("published as a role"), null=True, blank=True)

    objects = SearchProposalQuerySet.as_manager()

    class Meta:
        ordering = ("-proposed_at", "-pk")
        constraints = (
            models.UniqueConstraint(
                fields=("search",), condition=models.Q(replaced_at__isnull=True), name="one_current_proposal_per_search"
            ),
            models.CheckConstraint(
                condition=models.Q(replaced_at__isnull=True) | models.Q(published_at__isnull=True),
                name="replaced_proposal_never_published",
            ),
        )
        verbose_name = _("proposed vacancy search")
        verbose_name_plural = _("proposed vacancy searches")

    def __str__(self) -> str:
        return self.title

    @property
    def is_replaced(self) -> bool:
        return self.replaced_at is not None

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
