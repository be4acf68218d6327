"""Reads of a person's language: the one every email to them is written in."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import F, Q, QuerySet

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
    return language_or_default(kept_language(user=user))


def language_or_default(kept: str | None) -> str:
    """``kept`` if the portal speaks it, else the site's default: the rule of :func:`language_of`, for a kept
    language read with the account's row (:func:`with_kept_language`)."""
    return kept if is_language(kept) else settings.LANGUAGE_CODE


def with_kept_language(rows: QuerySet, *, user_path: str, name: str) -> QuerySet:
    """``rows``, each with the language kept for the account at ``user_path`` as ``name`` (None if none), read in
    the same query."""
    return rows.annotate(**{name: F(f"{user_path}__person_language__language")})
