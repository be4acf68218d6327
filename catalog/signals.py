"""Every write to what the catalog pages show replaces the "catalog" version, so their cached fragments go stale.

The admin, imports, the demo loader and the factories save rows one by one, so
these receivers see them; the bulk updates in :mod:`catalog.services` send no
signals and touch the kind themselves.
"""

from catalog.models import Category, ChooserOption, ChooserRecommendation, FaqEntry, Keyword, Tool, ToolPhrase
from catalog.services import CATALOG_KIND
from portal.cache.fragments import touch_on_writes

CATALOG_MODELS = (Category, Keyword, Tool, ToolPhrase, ChooserOption, ChooserRecommendation, FaqEntry)
# Links the tool pages list: vacancy keywords, related tools and the checklist skills a tool serves.
CATALOG_LINKS = (Tool.keywords.through, Tool.related_tools.through, Tool.skills.through)


def connect() -> None:
    touch_on_writes(CATALOG_KIND, models=CATALOG_MODELS, links=CATALOG_LINKS)
