"""Saved vacancies: a vacancy an engineer kept, to read again and to see beside the roles on the gaps page."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skills.validators import http_url_validator

MAX_SAVED_VACANCIES = 50  # per engineer
# Their list's heading on the gaps page: where a deletion lands and says what it did.
SAVED_VACANCIES_PLACE = "saved-vacancies-heading"


class SavedVacancyQuerySet(models.QuerySet):
    def owned_by(self, user) -> "SavedVacancyQuerySet":
        """The one rule for who sees a saved vacancy: its owner, no one else (staff neither)."""
        return self.filter(owner=user)


class SavedVacancy(models.Model):
    """A pasted vacancy the engineer kept, private to them.

    The text is kept to open its reading again; ``items_asked`` keeps what the
    reading found when it was saved (item ids, required or not), and
    ``unrecognised_asks`` how many tech terms it did not know, so that the
    gaps page can score every saved vacancy against the current levels without
    reading each text again.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_vacancies")
    title = models.CharField(_("title"), max_length=120)
    link = models.URLField(_("link"), max_length=500, blank=True, validators=[http_url_validator])
    text = models.TextField(_("vacancy text"))
    seniority = models.CharField(_("seniority"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    items_asked = models.JSONField(default=list, blank=True)  # [{"item": <ChecklistItem id>, "required": bool}]
    # The tech terms its reading did not recognise (those not said to be unneeded): with items_asked, whether its
    # score rests on few items. Vacancies saved before it was counted have 0.
    unrecognised_asks = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)

    objects = SavedVacancyQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")
        indexes = (models.Index(fields=("owner", "-created_at"), name="saved_vacancy_owner_recent"),)
        constraints = (models.CheckConstraint(condition=~models.Q(title=""), name="saved_vacancy_has_title"),)
        verbose_name = _("saved vacancy")
        verbose_name_plural = _("saved vacancies")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("skills:vacancy-detail", kwargs={"pk": self.pk})
