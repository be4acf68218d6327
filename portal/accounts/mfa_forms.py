"""allauth's two-factor code forms with a field a phone fills well: the number keyboard and the code the
authenticator app or an SMS offers (the codes and the recovery codes are digits only). A code that failed is
cleared, with a hint (``PortalMFAAdapter``): it is useless to keep, and typing a fresh one over it is easy to get
wrong."""

from typing import ClassVar

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from django.utils.translation import gettext_lazy as _

CODE_ATTRS = {"inputmode": "numeric", "autocomplete": "one-time-code"}


class PortalMFAAdapter(DefaultMFAAdapter):
    """The message for a code that failed says what usually went wrong: a code typed after it changed, or a
    phone whose clock is off, which makes every code fail."""

    error_messages: ClassVar[dict] = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": _(
            "That code did not work. Your authenticator app shows a new code every 30 seconds: type the one it "
            "shows now. If every code fails, set your phone's clock to update automatically. A recovery code works "
            "only once."
        ),
    }


class NumericCodeMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(CODE_ATTRS)

    def add_error(self, field, error):
        super().add_error(field, error)
        if field == "code" and self.data:  # the form shows the field empty and ready, for a fresh code
            self.data = self.data.copy()
            self.data["code"] = ""
            self.fields["code"].widget.attrs["autofocus"] = True


class NumericAuthenticateForm(NumericCodeMixin, AuthenticateForm):
    pass


class NumericReauthenticateForm(NumericCodeMixin, ReauthenticateForm):
    pass


class NumericActivateTOTPForm(NumericCodeMixin, ActivateTOTPForm):
    pass
