"""``{{ value|time_element:"SHORT_DATE_FORMAT" }}``: a date, or a date with its time, as a ``<time>`` element, in the
reader's language and time zone as the ``date`` filter writes it. The stylesheet keeps every ``<time>`` on one line,
so "06-12-2026 16:26" never wraps in the middle on a phone; inside a sentence pass it in as a placeholder's value.
"""

from datetime import date

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter(expects_localtime=True)
def time_element(value: date | None, format_name: str = "DATE_FORMAT") -> SafeString | str:
    if not value:
        return ""
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), date_filter(value, format_name))
