from django import forms
from django.utils.translation import gettext_lazy as _

from api.models import ApiToken
from portal.guards.one_line import OneLineField


class TokenForm(forms.Form):
    name = OneLineField(
        label=_("Name"),
        max_length=ApiToken._meta.get_field("name").max_length,
        strip=True,
        help_text=_("What the token is for, e.g. “nightly export on my laptop”."),
    )
