"""The editors' retiring of skills and items from the checklist, and publishing them again."""

from django.db.models import QuerySet

from skills.benchmarks.services import queue_snapshot_for_market_change


def set_checklist_published(*, queryset: QuerySet, published: bool) -> int:
    """Publish skills or checklist items again, or retire them: a retired one leaves the checklist, the vacancy
    reading and the API, while engineers' levels and the requirements on it stay. Returns how many changed; each
    is saved on its own, so the pages built from the checklist are marked stale (skills.signals), and the market
    map is built afresh once the change commits."""
    rows = list(queryset.exclude(published=published))
    for row in rows:
        row.published = published
        row.save(update_fields=["published"])
    if rows:
        queue_snapshot_for_market_change()
    return len(rows)
