"""``{% product_name %}``: the portal's one name (the setting ``PRODUCT_NAME``), as the header, the page titles and
every e-mail (its subject prefix and greeting) write it. A tag, not a context processor: the 500 page has none."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def product_name() -> str:
    return settings.PRODUCT_NAME
