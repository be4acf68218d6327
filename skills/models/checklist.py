"""The checklist: skills in growth order and the items an engineer assesses."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models import PublishedQuerySet
from skills.models.levels import GrowthStage


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

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="items", verbose_name=_("skill"))
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
