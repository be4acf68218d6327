"""Which skills texts editors keep in English and Dutch (django-modeltranslation).

English is required wherever the field itself is required, Dutch is optional
and falls back to English. Translated fields that must be unique store an
empty translation as NULL, so many rows may lack one.
"""

from typing import ClassVar

from modeltranslation.translator import TranslationOptions, register

from skills.models import ChecklistItem, Resource, Role, Skill


class BilingualOptions(TranslationOptions):
    required_languages = ("en",)


@register(Skill)
class SkillTranslation(BilingualOptions):
    fields = ("name", "description")
    empty_values: ClassVar[dict[str, None]] = {"name": None}


@register(ChecklistItem)
class ChecklistItemTranslation(BilingualOptions):
    fields = ("name", "description")
    empty_values: ClassVar[dict[str, None]] = {"name": None}


@register(Role)
class RoleTranslation(BilingualOptions):
    fields = ("title", "summary")
    empty_values: ClassVar[dict[str, None]] = {"title": None}


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("title", "note")
