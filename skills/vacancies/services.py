"""Writes of the vacancy reader: an engineer's saved vacancies, unrecognised terms counted by the people who met them, and an
editor turning one into a phrase.

No vacancy text is kept: a signed-in reading marks each distinct term it did not know as met by its reader, nothing
more; a term that may name a person is never kept (skills.vacancies.unknown.may_name_a_person). A term's count is the
number of different people who met it, each once for good, and editors see a term only once several did
(``UnrecognisedTerm.objects.shown_to_editors``): a name in one person's vacancy never reaches them, however often that
person reads it. Who met a term is kept as a keyed hash of the account (:func:`reader_mark`), deleted with it.

A term leaves the editors' list once the phrasebook knows it, however it came to know it: made known from the list,
or a phrase, a tool or a publication saved anywhere else (a tool's page, the phrases' list, an import). One rule, in
:func:`forget_recognised_terms`, run before the list is shown whenever the phrasebook changed since it last ran.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override

from catalog.models import Category, Tool, ToolPhrase
from catalog.services import draft_unless_dutch
from portal.cache.fragments import VERSION_SECONDS, person_kind, touch
from skills.models import ChecklistItem, ItemPhrase, SavedVacancy, UnrecognisedTerm, UnrecognisedTermReader
from skills.models.saved_vacancies import MAX_SAVED_VACANCIES
from skills.vacancies.phrasebook import current_phrasebook, phrasebook_version
from skills.vacancies.reading import VacancyReading, read_vacancy
from skills.vacancies.selectors import saved_copy, unrecognised_asks

MOST_TERMS_COUNTED = 20  # per reading: a pasted list of names counts no more than this
TERM_MAX_CHARS = UnrecognisedTerm._meta.get_field("term").max_length
FORGOTTEN_AT_KEY = "vacancies:unrecognised-terms:forgotten-at"  # the phrasebook's version the last sweep knew
DELETE_BATCH = 500  # terms deleted per query: within any database's limit of parameters
READER_MARK_SALT = "skills.vacancies.unrecognised-term-reader"


def reader_mark(*, reader_id: int) -> str:
    """What a term keeps of someone who met it: a hash of their account keyed with SECRET_KEY, the same for each of
    their readings, that names nobody to whoever reads the table."""
    return salted_hmac(READER_MARK_SALT, str(reader_id), algorithm="sha256").hexdigest()


def count_unrecognised_terms(*, reading: VacancyReading, reader: AbstractBaseUser) -> None:
    """Mark every distinct term the reading did not know, in the language of the vacancy, as met by ``reader``, and
    count each term's different readers: four queries however many terms; a second reading by the same person, or
    two at once, counts them once."""
    terms = list(dict.fromkeys(term[:TERM_MAX_CHARS] for term in reading.terms_for_editors))[:MOST_TERMS_COUNTED]
    if not terms:
        return
    UnrecognisedTerm.objects.bulk_create(
        [UnrecognisedTerm(term=term, language=reading.language, count=0) for term in terms], ignore_conflicts=True
    )
    met = list(UnrecognisedTerm.objects.filter(language=reading.language, term__in=terms).values_list("pk", flat=True))
    mark = reader_mark(reader_id=reader.pk)
    UnrecognisedTermReader.objects.bulk_create(
        [UnrecognisedTermReader(term_id=pk, reader=mark) for pk in met], ignore_conflicts=True
    )
    _recount(met)


def _recount(term_ids: list[int]) -> None:
    """Each term's count made its number of readers again, in one query."""
    readers = UnrecognisedTermReader.objects.filter(term=OuterRef("pk")).values("term").annotate(n=Count("pk"))
    UnrecognisedTerm.objects.filter(pk__in=term_ids).update(
        count=Coalesce(Subquery(readers.values("n")[:1]), 0), last_seen=timezone.now()
    )


def forget_reader(*, reader_id: int) -> None:
    """A deleted account met no term any more: its marks go and the terms it met are counted again without it."""
    marks = UnrecognisedTermReader.objects.filter(reader=reader_mark(reader_id=reader_id))
    met = list(marks.values_list("term_id", flat=True))
    if met:
        marks.delete()
        _recount(met)


def forget_recognised_terms() -> int:
    """Drop the counts of the terms the current phrasebook knows, and return how many. Nothing but a cache read
    while the phrasebook is the one the last call swept with; after an editor's change, the terms are read in one
    query and those now known deleted (in one more for up to DELETE_BATCH). A reading that started before the change
    may count a term again afterwards: the adopt page then says it is known already and drops it."""
    version = phrasebook_version()
    if cache.get(FORGOTTEN_AT_KEY) == version:
        return 0
    book = current_phrasebook()
    known = [pk for pk, term in UnrecognisedTerm.objects.values_list("pk", "term") if book.recognises(term)]
    for start in range(0, len(known), DELETE_BATCH):
        UnrecognisedTerm.objects.filter(pk__in=known[start : start + DELETE_BATCH]).delete()
    cache.set(FORGOTTEN_AT_KEY, version, VERSION_SECONDS)
    return len(known)


def forget_if_recognised(*, term: UnrecognisedTerm) -> bool:
    """Drop ``term``'s count if the current phrasebook knows it, and say whether it did (the rule of
    :func:`forget_recognised_terms`, for one term)."""
    if not current_phrasebook().recognises(term.term):
        return False
    term.delete()
    return True


def _phrase_language(term: UnrecognisedTerm) -> str:
    return term.language if term.language in ("en", "nl") else "en"


@transaction.atomic
def adopt_unrecognised_term(
    *,
    term: UnrecognisedTerm,
    item: ChecklistItem | None = None,
    tool: Tool | None = None,
    new_tool_category: Category | None = None,
) -> ItemPhrase | ToolPhrase | Tool:
    """Turn an unrecognised term into a phrase of ``item`` or of ``tool``, or into a new tool of ``new_tool_category``
    (exactly one of the three); the term's count is then dropped. A new tool has English texts only, so it is saved
    as a draft (:func:`catalog.services.draft_unless_dutch`): an editor completes and publishes it."""
    if sum(choice is not None for choice in (item, tool, new_tool_category)) != 1:
        raise ValidationError(_("Choose one: an item, a tool, or a category for a new tool."))
    if item is not None:
        made = ItemPhrase(item=item, text=term.term, language=_phrase_language(term))
    elif tool is not None:
        made = ToolPhrase(tool=tool, text=term.term, language=_phrase_language(term))
    else:
        slug = slugify(term.term) or "tool"
        if Tool.objects.filter(slug=slug).exists():
            raise ValidationError(_("A tool with the slug “%(slug)s” exists already.") % {"slug": slug})
        with override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):  # the English texts, whoever adopts the term
            made = Tool(
                name=term.term,
                slug=slug,
                category=new_tool_category,
                tool_type=Tool.ToolType.LIBRARY,
                summary=_("Named in vacancies; an editor still has to describe it."),
                used_for=_("Named in vacancies."),
            )
        draft_unless_dutch(row=made)
    made.full_clean()
    made.save()
    term.delete()
    return made


class VacancySavedAlready(ValidationError):
    """The owner keeps this vacancy already (``vacancy``): it is not saved twice."""

    def __init__(self, vacancy: SavedVacancy):
        super().__init__(_("You saved this vacancy already, as “%(title)s”.") % {"title": vacancy.title})
        self.vacancy = vacancy


@transaction.atomic
def save_vacancy(*, owner: AbstractBaseUser, title: str, link: str, text: str) -> SavedVacancy:
    """Keep a vacancy in the owner's private list, with what its reading asks for, up to MAX_SAVED_VACANCIES; a text
    they saved already raises :class:`VacancySavedAlready`."""
    reading = read_vacancy(text=text)  # refuses text it cannot read (too long, NUL)
    copy = saved_copy(owner=owner, text=text)
    if copy is not None:
        raise VacancySavedAlready(copy)
    if SavedVacancy.objects.owned_by(owner).count() >= MAX_SAVED_VACANCIES:
        raise ValidationError(
            _("You keep %(limit)s saved vacancies, the most there is room for: delete one before saving another.")
            % {"limit": MAX_SAVED_VACANCIES}
        )
    vacancy = SavedVacancy(
        owner=owner,
        title=title.strip(),
        link=link,
        text=text,
        seniority=reading.seniority,
        language=reading.language,
        items_asked=[{"item": asked.item.pk, "required": asked.required} for asked in reading.items],
        unrecognised_asks=len(unrecognised_asks(reading=reading)),
    )
    vacancy.full_clean()
    vacancy.save()
    touch(person_kind(owner.pk))  # the gaps page lists it
    return vacancy


@transaction.atomic
def delete_saved_vacancy(*, owner: AbstractBaseUser, vacancy: SavedVacancy) -> None:
    if vacancy.owner_id != owner.pk:
        raise PermissionDenied(_("This saved vacancy belongs to someone else."))
    vacancy.delete()
    touch(person_kind(owner.pk))
