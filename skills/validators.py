"""Validators the skills models and forms share."""

from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

http_url_validator = URLValidator(
    schemes=["http", "https"], message=_("Enter a link that starts with http:// or https://.")
)
