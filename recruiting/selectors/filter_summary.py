"""The candidate list's filters in words: the line above the results that says what the list leaves out, and the
same words for the filters an export was made with."""

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from recruiting.filters import CandidateFilter, CandidateSpec
from recruiting.selectors.candidates import DEFAULT_SORT
from skills.models import TICKED_LEVEL
from skills.selectors.checklist import item_names

# The filters that leave candidates out, in the form's order (not the role, which ranks, nor the order itself).
NARROWING_FILTERS = ("min_score", "must_haves_met", "min_years", "location", "open_to_work", "updated_since", "items")


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    value: str  # empty for a yes/no filter, which its label says whole


def _shown(name: str, value, *, item_level: int | None) -> str:
    """One filter's value as the page writes it: a date in the reader's format, items by name with their level."""
    if value is True:
        return ""
    if name == "updated_since":
        return date_format(value)
    if name == "items":
        level = _("at least level %(level)d") % {"level": item_level or TICKED_LEVEL}
        return f"{', '.join(value)} ({level})"
    return str(value)


def _is_set(name: str, value) -> bool:
    return not (value is None or value is False or value == "" or (name == "items" and not value))


def active_filters(*, form) -> list[ActiveFilter]:
    """The valid filters of the candidate filter ``form`` (validated) that narrow the list, as the page names them
    above the results: so a recruiter sees on the first screen what the list leaves out."""
    cleaned = form.cleaned_data
    active = []
    for name in NARROWING_FILTERS:
        value = cleaned.get(name)
        if not _is_set(name, value):
            continue
        if name == "items":
            value = [item.name for item in value]
        shown = _shown(name, value, item_level=cleaned.get("item_level"))
        active.append(ActiveFilter(label=str(form.fields[name].label), value=shown))
    return active


def spec_filters(spec: CandidateSpec) -> list[ActiveFilter]:
    """The filters a stored spec (an export's) narrowed the list with, in the words of :func:`active_filters`, and
    its order when it was not the default one; its checklist items, kept by id, named for the reader."""
    filters = CandidateFilter.base_filters
    active = []
    for name in NARROWING_FILTERS:
        value = getattr(spec, name)
        if not _is_set(name, value):
            continue
        if name == "updated_since":
            value = date.fromisoformat(value)
        elif name == "items":
            value = item_names(value)
            if not value:
                continue  # every item of it deleted since: no filter left to name
        shown = _shown(name, value, item_level=spec.item_level)
        active.append(ActiveFilter(label=str(filters[name].label), value=shown))
    if spec.sort != DEFAULT_SORT:
        orders = dict(CandidateFilter.SORT_CHOICES)
        active.append(ActiveFilter(label=str(filters["sort"].label), value=str(orders.get(spec.sort, spec.sort))))
    return active
