"""``{% contact_email as address %}``: the one address people write to about their account or their data.

It comes from the setting ``PRIVACY_CONTACT_EMAIL``, so the privacy statement and the account pages (a password
reset that does not arrive) give the same address.
"""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def contact_email() -> str:
    return settings.PRIVACY_CONTACT_EMAIL
