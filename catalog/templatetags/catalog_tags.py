"""Catalog pieces that other apps' pages embed, such as the quick chooser on the home page."""

from django import template

from catalog import selectors
from catalog.forms import ChooserForm

register = template.Library()


@register.inclusion_tag("catalog/partials/chooser_form.html")
def quick_chooser() -> dict:
    """The chooser form, submitting to the chooser page, so it works without JavaScript anywhere."""
    return {"form": ChooserForm(options=selectors.chooser_option_list())}
