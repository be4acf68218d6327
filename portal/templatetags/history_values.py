"""``{{ value|history_value }}``: a value on django-simple-history's page of a row's versions as the admin shows it
elsewhere: yes or no for a boolean, an empty cell for none (the library prints True, False and None)."""

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def history_value(value: object) -> object:
    if value is True:
        return gettext("Yes")
    if value is False:
        return gettext("No")
    return "" if value is None else value
