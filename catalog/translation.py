"""Which catalog texts editors keep in English and Dutch (django-modeltranslation).

Only the human texts are translated; names of tools, slugs, links and flags are
the same in both languages. English is required wherever the field itself is
required, Dutch is optional and falls back to English. Translated fields that
must be unique store an empty translation as NULL, so many rows may lack one.
"""

from django.db import models
from modeltranslation.translator import TranslationOptions, register

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
