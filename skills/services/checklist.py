"""The editors' retiring of skills and items from the checklist, and publishing them again."""

from django.db.models import QuerySet


def set_checklist_published(*, queryset: QuerySet, published: bool) -> int:
    """Publish skills or checklist items again, or retire them: a retired one leaves the checklist, the vacancy
    reading and the API, while engineers' levels and the requirements on it stay. Returns how many changed; each
    is saved on its own, so the pages built from the checklist are marked stale (skills.signals)."""
    rows = list(queryset.exclude(published=published))
    for row in rows:
        row.published = published
        row.save(update_fields=["published"])
    return len(rows)
