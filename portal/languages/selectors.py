"""Reads of a person's language: the one every email to them is written in."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser

from portal.models import PersonLanguage


def is_language(code: object) -> bool:
    """A language the portal speaks (``settings.LANGUAGES``), exactly as it names it."""
    return isinstance(code, str) and code in dict(settings.LANGUAGES)


def kept_language(*, user: AbstractBaseUser) -> str | None:
    """The language kept for this person, or None if none is."""
    return PersonLanguage.objects.filter(user=user).values_list("language", flat=True).first()


def language_of(*, user: AbstractBaseUser) -> str:
    """The person's language; the site's default for someone with none kept (or one the portal no longer speaks)."""
    language = kept_language(user=user)
    return language if is_language(language) else settings.LANGUAGE_CODE
