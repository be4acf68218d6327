"""Reads of a person's language: the one every email to them is written in."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q

from portal.models import PersonLanguage


def is_language(code: object) -> bool:
    """A language the portal speaks (``settings.LANGUAGES``), exactly as it names it."""
    return isinstance(code, str) and code in dict(settings.LANGUAGES)


def kept_language(*, user: AbstractBaseUser | None = None, address: str | None = None) -> str | None:
    """The language kept for this person (by account, or by any email address of theirs), or None if none is."""
    if user is not None:
        rows = PersonLanguage.objects.filter(user=user)
    else:
        rows = PersonLanguage.objects.filter(
            Q(user__email__iexact=address) | Q(user__emailaddress__email__iexact=address)
        )
    return rows.values_list("language", flat=True).first()


def language_of(*, user: AbstractBaseUser) -> str:
    """The person's language; the site's default for someone with none kept (or one the portal no longer speaks)."""
    language = kept_language(user=user)
    return language if is_language(language) else settings.LANGUAGE_CODE
