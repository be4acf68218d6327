"""Which skills texts editors keep in English and Dutch (django-modeltranslation), by the catalog's one rule
(``catalog.translation.register_bilingual``): English required, Dutch optional and falling back to English."""

from modeltranslation.translator import TranslationOptions, register

from catalog.translation import register_bilingual
from skills.models import ChecklistItem, Resource, Role, Skill

register_bilingual(Skill, ("name", "description"), unique="name")
register_bilingual(ChecklistItem, ("name", "description"), unique="name")
register_bilingual(Role, ("title", "summary"), unique="title")


@register(Resource)
class ResourceTranslation(TranslationOptions):
    """Both texts may stay empty (a tool's resource shows the tool's name), so no language is required."""

    fields = ("title", "note")
