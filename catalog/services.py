"""Writes on catalog content that carry a rule: admin actions, imports and the demo loader call these."""

from collections.abc import Iterable
from functools import partial

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import bulk_update_with_history, get_history_manager_for_model

from catalog.models import Keyword
from catalog.translation import missing_dutch
from portal.cache.fragments import touch

# The fragment cache kind of everything the public catalog pages show (see catalog.signals).
CATALOG_KIND = "catalog"


def _keeps_history(model: type[Model]) -> bool:
    try:
        get_history_manager_for_model(model)
    except NotHistoricalModelError:
        return False
    return True


@transaction.atomic
def set_published(*, queryset: QuerySet, published: bool, user: AbstractBaseUser | None = None) -> int:
    """Publish or hide many rows at once; returns how many changed.

    Models with a change history (tools) get one history record per changed row,
    credited to ``user``, so editors still see who hid what. Bulk updates send no
    signals, so the catalog pages' cached fragments are marked stale here.
    """
    rows = list(queryset.exclude(published=published))
    now = timezone.now()
    for row in rows:
        row.published = published
        row.updated_at = now
    fields = ["published", "updated_at"]
    if _keeps_history(queryset.model):
        # Stored in English, translated where the history shows it (templates/simple_history), so that every
        # editor reads it in their own language.
        reason = gettext_noop("Published in bulk") if published else gettext_noop("Unpublished in bulk")
        bulk_update_with_history(rows, queryset.model, fields, default_user=user, default_change_reason=reason)
    else:
        queryset.model.objects.bulk_update(rows, fields)
    if rows:
        touch(CATALOG_KIND)
    return len(rows)


def draft_unless_dutch(*, row: Model) -> list[str]:
    """Unpublish ``row`` (not saved) when it lacks a Dutch text (:func:`catalog.translation.missing_dutch`), for a
    row made without an editor's form; returns the Dutch fields it lacks."""
    missing = missing_dutch(model=type(row), text_of=partial(getattr, row))
    if missing:
        row.published = False
    return missing


def get_or_create_keywords(*, names: Iterable[str]) -> list[Keyword]:
    """The vacancy keywords with these names, creating the missing ones.

    A name matches an existing keyword by its English or Dutch name (ignoring
    case) or by slug, so "EDA" and "eda" never become two keywords; a new one
    gets the name as its English name. Raises ValueError for a name that
    cannot give a slug.
    """
    keywords = []
    for raw_name in names:
        name = " ".join(raw_name.split())
        if not name:
            continue
        slug = slugify(name)
        if not slug:
            raise ValueError(_("“%(name)s” is not a usable keyword.") % {"name": name})
        keyword = (
            Keyword.objects.filter(Q(name_en__iexact=name) | Q(name_nl__iexact=name)).first()
            or Keyword.objects.filter(slug=slug).first()
        )
        if keyword is None:
            keyword = Keyword(name_en=name, slug=slug)
            keyword.full_clean()
            keyword.save()
        if keyword not in keywords:
            keywords.append(keyword)
    return keywords
