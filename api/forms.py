from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from api.models import DEFAULT_LIFETIME, LIFETIMES, ApiToken
from portal.guards.issued_once import IssuedOnceForm
from portal.guards.one_line import OneLineField


def lifetime_choices() -> list[tuple[int, str]]:
    """Called as each form is made, so the days read in the visitor's language."""
    return [(days, gettext("%(days)d days") % {"days": days}) for days in LIFETIMES]


class TokenForm(IssuedOnceForm):
    name = OneLineField(
        label=_("Name"),
        max_length=ApiToken._meta.get_field("name").max_length,
        strip=True,
        help_text=_("What the token is for, e.g. “nightly export on my laptop”."),
    )
    lifetime_days = forms.TypedChoiceField(
        label=_("Works for"),
        choices=lifetime_choices,
        coerce=int,
        initial=DEFAULT_LIFETIME,
        required=False,
        empty_value=DEFAULT_LIFETIME,
        help_text=_("It stops working after that; make a new one when you need it again."),
    )
