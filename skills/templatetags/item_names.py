"""Item names that were stored in English (a match's missing must-haves, a vacancy's requirements), shown in the
reader's language."""

from django import template
from django.utils.translation import get_language

from portal.cache.fragments import versions
from skills.selectors.checklist import item_names_in

register = template.Library()

# (language, checklist token) → names: read once per process until an editor changes the checklist.
_known: dict[tuple[str, str], dict[str, str]] = {}


def _names_now() -> dict[str, str]:
    key = (get_language() or "en", versions("checklist"))
    if key not in _known:
        for old in [old for old in _known if old[1] != key[1]]:
            del _known[old]
        _known[key] = item_names_in(language=key[0])
    return _known[key]


@register.filter
def in_reader_language(names) -> list[str]:
    """Each stored item name in the active language; a name that is no item's (any more) as it was stored."""
    known = _names_now()
    return [known.get(name, name) for name in names or ()]
