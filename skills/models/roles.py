"""Roles (the editors' published ones and recruiters' vacancy searches) and what each requires."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog.models import PublishedQuerySet, TimeStamped
from skills.models.checklist import ChecklistItem
from skills.models.levels import Level


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
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="requirements", verbose_name=_("role"))
    item = models.ForeignKey(
        ChecklistItem, on_delete=models.PROTECT, related_name="requirements", verbose_name=_("checklist item")
    )
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
        # The pk last: requirements alike in the rest keep the order they were added in, on every database.
        ordering = ("-is_must_have", "item__skill__growth_stage", "item__skill__order", "item__order", "pk")
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
