"""Every write to what the catalog pages show replaces the "catalog" version, so their cached fragments go stale.

The admin, imports, the demo loader and the factories save rows one by one, so
these receivers see them; the bulk updates in :mod:`catalog.services` send no
signals and touch the kind themselves.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from catalog.models import Category, ChooserOption, ChooserRecommendation, FaqEntry, Keyword, Tool
from catalog.services import CATALOG_KIND
from portal.fragments import touch

CATALOG_MODELS = (Category, Keyword, Tool, ChooserOption, ChooserRecommendation, FaqEntry)
# Links the tool pages list: vacancy keywords, related tools and the checklist skills a tool serves.
CATALOG_LINKS = (Tool.keywords.through, Tool.related_tools.through, Tool.skills.through)


def catalog_changed(sender, **kwargs) -> None:
    touch(CATALOG_KIND)


def catalog_links_changed(sender, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        touch(CATALOG_KIND)


def connect() -> None:
    for model in CATALOG_MODELS:
        uid = f"catalog.catalog_changed.{model._meta.model_name}"
        post_save.connect(catalog_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(catalog_changed, sender=model, dispatch_uid=uid)
    for through in CATALOG_LINKS:
        m2m_changed.connect(
            catalog_links_changed, sender=through, dispatch_uid=f"catalog.links_changed.{through._meta.model_name}"
        )
