"""How a page shows a date: one ``<time>`` element (the stylesheet keeps it on one line), its ``datetime`` the moment
in the reader's time zone and its text as the reader's language writes it; call it inside ``translation.override``."""

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format


def shown_time(moment: date | datetime, format_name: str = "DATE_FORMAT") -> str:
    local = timezone.localtime(moment) if isinstance(moment, datetime) else moment
    return f'<time datetime="{local.isoformat()}">{date_format(local, format_name)}</time>'
