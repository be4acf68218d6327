"""The profile page's forms: the profile (what recruiters see, as whom), share links, deleting the account."""

from typing import ClassVar

from allauth.account.adapter import get_adapter
from allauth.account.forms import AddEmailForm
from allauth.mfa.base.forms import ReauthenticateForm as SecondFactorForm
from django import forms
from django.utils.translation import gettext_lazy as _

from portal.guards.access import has_mfa
from portal.guards.issued_once import IssuedOnceForm
from portal.guards.one_line import OneLineField
from skills.models import EngineerProfile, Role, ShareLink
from skills.privacy.naming import PSEUDONYM_MAX_LENGTH, clean_pseudonym
from skills.privacy.pseudonyms import name_parts, part_named_in


class ProfileForm(forms.ModelForm):
    target_role = forms.ModelChoiceField(
        label=_("Target role"),
        queryset=Role.objects.published(),
        required=False,
        empty_label=_("No target role yet"),
    )

    class Meta:
        model = EngineerProfile
        fields = (
            "display_name",
            "headline",
            "years_experience",
            "location",
            "target_role",
            "open_to_work",
            "visibility",
            "identity",
            "counts_in_benchmarks",
            "evidence_public",
        )
        widgets: ClassVar[dict] = {"visibility": forms.RadioSelect, "identity": forms.RadioSelect}
        field_classes: ClassVar[dict] = dict.fromkeys(("display_name", "headline", "location"), OneLineField)
        labels: ClassVar[dict] = {"display_name": _("Your name"), "identity": _("Recruiters see")}
        help_texts: ClassVar[dict] = {
            "display_name": _(
                "Shown to recruiters only if you choose “My name” below, or after you accept their contact request."
            ),
            "identity": _(
                "Recruiters always see your skills; who you are only when you say so. Your email address is "
                "shown only to a recruiter whose contact request you accepted."
            ),
            "headline": _("One line recruiters see first, e.g. “Data Engineer — Spark and Airflow”."),
            "target_role": _("Your checklist and progress show the match with this role."),
            "evidence_public": _(
                "Off by default: a recruiter sees your evidence links only after you accept their contact request. "
                "Careful: a link can name you, e.g. a GitHub address or a portfolio with your name in it."
            ),
            "visibility": _(
                "Private by default. Only when you choose “Visible to recruiters” can recruiters find "
                "and read your profile and levels; you can switch back at any time."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A target role that was unpublished later stays selectable, so saving the profile still works.
        current = self.instance.target_role_id
        if current:
            self.fields["target_role"].queryset = Role.objects.published() | Role.objects.filter(pk=current)
        self.fields["identity"].required = False  # left out: keep the current choice (a pseudonym by default)

    def clean_identity(self) -> str:
        return self.cleaned_data.get("identity") or self.instance.identity

    def clean_display_name(self) -> str:
        """A new name that the current pseudonym holds would make the pseudonym lead to the engineer: refused
        until they choose another pseudonym (the rule of ``skills.privacy.naming.refuse_own_name``)."""
        name = self.cleaned_data["display_name"]
        part = part_named_in(self.instance.pseudonym, name_parts(name)) if self.instance.pk else None
        if part is not None and "display_name" in self.changed_data:
            raise forms.ValidationError(
                _(
                    "Your pseudonym “%(pseudonym)s” holds “%(part)s” from this name, so it would lead to you. "
                    "Choose another pseudonym first, then save your name."
                ),
                params={"pseudonym": self.instance.pseudonym, "part": part},
            )
        return name


class PseudonymForm(forms.Form):
    """A pseudonym the engineer picked from the suggestions or typed; checked by ``skills.privacy.naming``."""

    pseudonym = forms.CharField(
        label=_("Or type your own"),
        max_length=PSEUDONYM_MAX_LENGTH,
        error_messages={"max_length": _("A pseudonym has at most %(limit_value)d characters.")},
        help_text=_("Not your name, no email address or web address: a pseudonym must not lead to you."),
    )

    def clean_pseudonym(self) -> str:
        """Its form only; whether it names this engineer or is taken is checked as it is saved
        (``skills.privacy.naming.choose_pseudonym``), and a refusal comes back to this field."""
        return clean_pseudonym(self.cleaned_data["pseudonym"])


class DeleteAccountForm(forms.Form):
    """Deleting an account asks what only its owner knows: the password, and the app's code where there is one.

    Both are checked by allauth, under its limits on failed attempts, as for its own sensitive changes.
    """

    email = forms.CharField(
        label=_("Type your email address to confirm"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    password = forms.CharField(
        label=_("Your password"),
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if has_mfa(user):
            self.fields["code"] = forms.CharField(
                label=_("Code from your authenticator app"),
                help_text=_("A recovery code works too."),
                max_length=100,
                widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
            )

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not get_adapter().reauthenticate(self.user, password):
            raise forms.ValidationError(_("That is not the password of this account; nothing was deleted."))
        return password

    def clean_code(self) -> str:
        second_factor = SecondFactorForm(data={"code": self.cleaned_data["code"]}, user=self.user)
        if not second_factor.is_valid():
            raise forms.ValidationError(second_factor.errors["code"])
        return self.cleaned_data["code"]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if email.casefold() != self.user.email.casefold():
            raise forms.ValidationError(_("That is not the email address of this account; nothing was deleted."))
        return email


class ShareLinkForm(IssuedOnceForm):
    days = forms.TypedChoiceField(
        label=_("Valid for"), choices=ShareLink.Lifetime.choices, coerce=int, initial=ShareLink.Lifetime.MONTH
    )
    role = forms.ModelChoiceField(
        label=_("Show the gaps for"),
        queryset=Role.objects.published(),
        required=False,
        empty_label=_("No role"),
    )


class PseudonymSafeAddEmailForm(AddEmailForm):
    """allauth's form that adds an email address to the account, refusing one that the engineer's pseudonym names
    ("Quiet Devries" and devries@…): the address would become part of who they are, as a new name would
    (:meth:`ProfileForm.clean_display_name`)."""

    def clean_email(self) -> str:
        address = self.cleaned_data["email"]
        pseudonym = EngineerProfile.objects.filter(user=self.user).values_list("pseudonym", flat=True).first()
        part = part_named_in(pseudonym, name_parts(address.partition("@")[0])) if pseudonym else None
        if part is not None:
            raise forms.ValidationError(
                _(
                    "Your pseudonym “%(pseudonym)s” holds “%(part)s” from this address, so it would lead to you. "
                    "Choose another pseudonym first, then add the address."
                ),
                params={"pseudonym": pseudonym, "part": part},
            )
        return super().clean_email()
