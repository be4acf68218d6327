"""Limit/offset pages with a hard cap, so no request can ask for a whole table."""

from collections.abc import Sequence

from django.db.models import QuerySet

from api.schemas.common import PageParams


def page(items: QuerySet | Sequence, params: PageParams, **extra) -> dict:
    """One page of ``items`` with the total count: two queries for a queryset, none for a list."""
    count = items.count() if isinstance(items, QuerySet) else len(items)
    end = params.offset + params.limit
    return {
        "count": count,
        "limit": params.limit,
        "offset": params.offset,
        "items": list(items[params.offset : end]),
        **extra,
    }
