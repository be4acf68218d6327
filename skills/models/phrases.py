"""Vacancy phrases of checklist items: the words that tell a vacancy asks for an item (skills.vacancies reads them)."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from catalog.models import VacancyPhrase


class ItemPhrase(VacancyPhrase):
    item = models.ForeignKey(
        "skills.ChecklistItem", on_delete=models.CASCADE, related_name="phrases", verbose_name=_("checklist item")
    )

    class Meta(VacancyPhrase.Meta):
        constraints = (models.UniqueConstraint(Lower("text"), "item", name="unique_phrase_per_item"),)
        verbose_name = _("vacancy phrase of an item")
        verbose_name_plural = _("vacancy phrases of items")
