"""Checklist items kept by id (a match's missing must-haves) named in the reader's language."""

from django import template

from skills.selectors.checklist import item_names

register = template.Library()


@register.filter
def named_items(item_ids) -> list[str]:
    """The items' names in the active language (``skills.selectors.checklist.item_names``)."""
    return item_names(item_ids)
