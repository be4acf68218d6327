"""Vacancy phrases of checklist items: the words that tell a vacancy asks for an item (skills.vacancies reads them)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from catalog.models import PHRASE_WORD, VacancyPhrase, clean_phrase_text

PAIR = " + "  # joins the two parts of an item's pair, which name it when both stand in one sentence


class ItemPhrase(VacancyPhrase):
    text = models.CharField(
        _("phrase"),
        max_length=100,
        help_text=_(
            'Words in any form ("window functions"). Two parts joined by " + " ("crash + restart") name the item '
            "when both stand in one sentence, in either order, with other words between them."
        ),
    )
    item = models.ForeignKey(
        "skills.ChecklistItem", on_delete=models.CASCADE, related_name="phrases", verbose_name=_("checklist item")
    )
    needs_context = models.BooleanField(
        _("needs context"),
        default=False,
        help_text=_(
            'A generic word ("debugging", "pipeline"): it counts only when the same sentence or bullet also names '
            "the item's skill or one of its tools."
        ),
    )

    class Meta(VacancyPhrase.Meta):
        constraints = (models.UniqueConstraint(Lower("text"), "item", name="unique_phrase_per_item"),)
        verbose_name = _("vacancy phrase of an item")
        verbose_name_plural = _("vacancy phrases of items")

    def clean(self) -> None:
        super().clean()
        pieces = self.text.split()  # folded by the parent: one space between pieces
        if "+" not in pieces:
            return
        parts = self.text.split(PAIR)
        if pieces.count("+") > 1 or len(parts) != 2 or not all(PHRASE_WORD.search(part) for part in parts):
            raise ValidationError({"text": _('A pair is two parts with words, joined by one " + ".')})


class VacancyCue(models.Model):
    """Words that tell the reader how to take what follows: a heading that opens a section, a cue that makes a
    mention nice to have, or one that negates it (skills.vacancies.layout); or a term it cannot take, a product or
    language no phrase knows, named to the user as unrecognised (skills.vacancies.unknown)."""

    class Kind(models.TextChoices):
        REQUIRED_HEADING = "required", _("heading of a required section")
        NICE_HEADING = "nice", _("heading of a nice-to-have section")
        PLAIN_HEADING = "plain", _("heading of the role or the tasks (asked for)")
        COMPANY_HEADING = "company", _("heading of the company section (asks for nothing)")
        OFFER_HEADING = "offer", _("heading of the offer section (asks for nothing)")
        NOT_ASKED_HEADING = "not-asked", _("heading of what is not needed (all it names is not asked)")
        NICE = "nice-cue", _("makes its sentence nice to have")
        NEGATION = "negation", _('denies the need for what its clause names ("no", "niet", "hardly", "out of scope")')
        NEGATION_NEXT = "negation-next", _('negates only the mention right after it ("instead of", "zonder")')
        NOT_NEGATING = "not-negating", _('an idiom that looks negative but asks ("no problem with")')
        TERM = (
            "term",
            _("a product, language, format or technical acronym (named as unrecognised unless a phrase knows it)"),
        )
        OFFER = "offer-cue", _('what follows it in its sentence is offered, not asked ("we will train you in")')

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = models.CharField(_("cue"), max_length=100)
    language = models.CharField(
        _("language"), max_length=2, choices=VacancyPhrase.Language.choices, default=VacancyPhrase.Language.ENGLISH
    )

    class Meta:
        ordering = ("kind", "language", Lower("text"))
        constraints = (models.UniqueConstraint(Lower("text"), "kind", "language", name="unique_vacancy_cue"),)
        verbose_name = _("vacancy cue")
        verbose_name_plural = _("vacancy cues")

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        clean_phrase_text(self, message=_("A cue needs at least one letter or digit."))


DEFAULT_MIN_READERS = 3


def min_readers_for_editors() -> int:
    """How many readers must meet an unrecognised term before editors see it: the setting
    ``UNRECOGNISED_TERM_MIN_READERS``, else DEFAULT_MIN_READERS."""
    return getattr(settings, "UNRECOGNISED_TERM_MIN_READERS", DEFAULT_MIN_READERS)


class UnrecognisedTermQuerySet(models.QuerySet):
    def most_seen(self):
        return self.order_by("-count", Lower("term"))

    def shown_to_editors(self):
        """The terms several readers met (:func:`min_readers_for_editors`): a name or an ID that one engineer pasted
        never reaches an editor, as CamelCase names ("PietJansen") look like products ("GitLab")."""
        return self.filter(count__gte=min_readers_for_editors())


class UnrecognisedTerm(models.Model):
    """A tech-looking term the reader met and did not know, with how many different people met it in a signed-in
    reading (skills.vacancies.services.count_unrecognised_terms); no vacancy text is kept."""

    term = models.CharField(_("term"), max_length=60)
    language = models.CharField(_("language of the vacancy"), max_length=5, choices=VacancyPhrase.Language.choices)
    count = models.PositiveIntegerField(_("people"), default=0)  # its readers, kept in step with them
    last_seen = models.DateTimeField(_("last seen"), auto_now=True)

    objects = UnrecognisedTermQuerySet.as_manager()

    class Meta:
        ordering = ("-count", "term")
        constraints = (models.UniqueConstraint(fields=("term", "language"), name="unique_unrecognised_term"),)
        verbose_name = _("unrecognised vacancy term")
        verbose_name_plural = _("unrecognised vacancy terms")

    def __str__(self) -> str:
        return self.term


class UnrecognisedTermReader(models.Model):
    """Someone met the term: a keyed hash of their account (``skills.vacancies.services.reader_mark``), never the
    account itself, so that each person counts once however often they read it and their marks go with their
    account. Nobody sees these rows; editors see the count."""

    term = models.ForeignKey(UnrecognisedTerm, on_delete=models.CASCADE, related_name="readers")
    reader = models.CharField(max_length=64, db_index=True)

    class Meta:
        constraints = (models.UniqueConstraint(fields=("term", "reader"), name="unique_unrecognised_term_reader"),)

    def __str__(self) -> str:
        return f"{self.term_id}: {self.reader[:8]}…"
