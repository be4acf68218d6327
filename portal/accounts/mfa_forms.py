"""allauth's two-factor code forms with a field a phone fills well: the number keyboard and the code the
authenticator app or an SMS offers (the codes and the recovery codes are digits only)."""

from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm

CODE_ATTRS = {"inputmode": "numeric", "autocomplete": "one-time-code"}


class NumericCodeMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(CODE_ATTRS)


class NumericAuthenticateForm(NumericCodeMixin, AuthenticateForm):
    pass


class NumericReauthenticateForm(NumericCodeMixin, ReauthenticateForm):
    pass


class NumericActivateTOTPForm(NumericCodeMixin, ActivateTOTPForm):
    pass
