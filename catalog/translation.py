"""Which catalog texts editors keep in English and Dutch (django-modeltranslation).

Only the human texts are translated; names of tools, slugs, links and flags are
the same in both languages. English is required wherever the field itself is
required, Dutch is optional and falls back to English. Translated fields that
must be unique store an empty translation as NULL, so many rows may lack one.
"""

from collections.abc import Callable

from django.db import models
from modeltranslation.translator import TranslationOptions, register, translator

from catalog.models import Category, ChooserOption, ChooserRecommendation, FaqEntry, Keyword, Tool


class BilingualOptions(TranslationOptions):
    required_languages = ("en",)


def register_bilingual(model: type[models.Model], fields: tuple[str, ...], *, unique: str | None = None) -> None:
    """Keep ``fields`` of ``model`` in English and Dutch, English required; the ``unique`` field stores an empty
    translation as NULL, so many rows may lack one. One rule for every app's texts, so they cannot drift apart."""
    options: dict[str, object] = {"fields": fields}
    if unique is not None:
        options["empty_values"] = {unique: None}
    register(model)(type(f"{model.__name__}Translation", (BilingualOptions,), options))


def bilingual_texts(model: type[models.Model]) -> list[tuple[str, str]]:
    """The English and Dutch field names (``<field>_en``, ``<field>_nl``) of each text of ``model`` a published row
    keeps in both languages: once the English text is filled in, the Dutch one is needed to publish. In the form's
    order. The one home of that rule, for every bilingual model with a published flag; :func:`missing_dutch` checks a
    row against it and the admin marks the Dutch fields by it."""
    translated = translator.get_options_for_model(model).fields
    return [
        (f"{field.name}_en", f"{field.name}_nl") for field in model._meta.concrete_fields if field.name in translated
    ]


def missing_dutch(*, model: type[models.Model], text_of: Callable[[str], object]) -> list[str]:
    """The Dutch fields of ``model`` (:func:`bilingual_texts`) whose English text is filled in and whose Dutch one is
    empty (``text_of`` reads a field by name, from a form or a row). A published row may lack none: its Dutch page
    would show English under Dutch headings."""

    def filled(name: str) -> bool:
        return bool(str(text_of(name) or "").strip())

    return [dutch for english, dutch in bilingual_texts(model) if filled(english) and not filled(dutch)]


# A tool's longer texts, shown under "Content" in the admin; with the summary, every text of a tool.
TOOL_CONTENT = (
    "used_for",
    "in_vacancies",
    "typical_uses",
    "strengths",
    "pitfalls",
    "seniority_signals",
    "when_to_pick",
)
TOOL_TEXTS = ("summary", *TOOL_CONTENT)

register_bilingual(Category, ("name", "description"), unique="name")
register_bilingual(Keyword, ("name",), unique="name")
register_bilingual(Tool, TOOL_TEXTS)
register_bilingual(ChooserOption, ("question", "explanation"), unique="question")
register_bilingual(ChooserRecommendation, ("reason",))
register_bilingual(FaqEntry, ("question", "answer"), unique="question")


@register(Tool.history.model)
class HistoricalToolTranslation(TranslationOptions):
    """The history keeps both languages, as simple-history copies every field of a tool, the translations too."""

    fields = TOOL_TEXTS
