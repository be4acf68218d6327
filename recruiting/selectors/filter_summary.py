"""The candidate list's active filters in words: the line above the results that says what the list leaves out."""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from skills.models import TICKED_LEVEL

# The filters that leave candidates out, in the form's order (not the role, which ranks, nor the order itself).
NARROWING_FILTERS = ("min_score", "must_haves_met", "min_years", "location", "open_to_work", "updated_since", "items")


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    value: str  # empty for a yes/no filter, which its label says whole


def active_filters(*, form) -> list[ActiveFilter]:
    """The valid filters of the candidate filter ``form`` (validated) that narrow the list, as the page names them
    above the results: so a recruiter sees on the first screen what the list leaves out."""
    cleaned = form.cleaned_data
    active = []
    for name in NARROWING_FILTERS:
        value = cleaned.get(name)
        if value is None or value is False or value == "" or (name == "items" and not value):
            continue
        if value is True:
            shown = ""
        elif name == "updated_since":
            shown = date_format(value)
        elif name == "items":
            level = _("at least level %(level)d") % {"level": cleaned.get("item_level") or TICKED_LEVEL}
            shown = f"{', '.join(item.name for item in value)} ({level})"
        else:
            shown = str(value)
        active.append(ActiveFilter(label=str(form.fields[name].label), value=shown))
    return active
