"""Which catalog texts editors keep in English and Dutch (django-modeltranslation).

Only the human texts are translated; names of tools, slugs, links and flags are
the same in both languages. English is required wherever the field itself is
required, Dutch is optional and falls back to English. Translated fields that
must be unique store an empty translation as NULL, so many rows may lack one.
"""

from typing import ClassVar

from modeltranslation.translator import TranslationOptions, register

from catalog.models import Category, ChooserOption, ChooserRecommendation, FaqEntry, Keyword, Tool


class BilingualOptions(TranslationOptions):
    required_languages = ("en",)


@register(Category)
class CategoryTranslation(BilingualOptions):
    fields = ("name", "description")
    empty_values: ClassVar[dict[str, None]] = {"name": None}


@register(Keyword)
class KeywordTranslation(BilingualOptions):
    fields = ("name",)
    empty_values: ClassVar[dict[str, None]] = {"name": None}


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


@register(Tool)
class ToolTranslation(BilingualOptions):
    fields = TOOL_TEXTS


@register(Tool.history.model)
class HistoricalToolTranslation(TranslationOptions):
    """The history keeps both languages, as simple-history copies every field of a tool, the translations too."""

    fields = TOOL_TEXTS


@register(ChooserOption)
class ChooserOptionTranslation(BilingualOptions):
    fields = ("question", "explanation")
    empty_values: ClassVar[dict[str, None]] = {"question": None}


@register(ChooserRecommendation)
class ChooserRecommendationTranslation(BilingualOptions):
    fields = ("reason",)


@register(FaqEntry)
class FaqEntryTranslation(BilingualOptions):
    fields = ("question", "answer")
    empty_values: ClassVar[dict[str, None]] = {"question": None}
