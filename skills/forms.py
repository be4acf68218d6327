"""Every input on the engineer's pages goes through one of these forms."""

from typing import ClassVar

from allauth.account.adapter import get_adapter
from allauth.mfa.base.forms import ReauthenticateForm as SecondFactorForm
from django import forms
from django.utils.translation import gettext_lazy as _

from portal.access import has_mfa
from skills.models import ChecklistItem, EngineerProfile, Level, Role, ShareLink, http_url_validator
from skills.services.assessments import AssessmentInput
from skills.vacancies.reading import VACANCY_MAX_CHARS, VACANCY_TOO_LONG, check_vacancy_length

LEVEL_ERROR = _("Choose a level from 0 (none) to 4 (can teach others).")
LINK_ERROR = _("Enter a link that starts with http:// or https://.")

LEVEL_DESCRIPTIONS = {
    Level.NONE: _("None — not yet."),
    Level.LEARNING: _("Learning — tried it, still needs help."),
    Level.WORKING: _("Working — use it on your own at work. From here an item counts as ticked."),
    Level.STRONG: _("Strong — handle the hard cases and review others."),
    Level.TEACH: _("Can teach others."),
}


def level_legend() -> list[tuple[int, str]]:
    """Each level of ``Level`` with what it means, in order, for the legend beside the checklist."""
    return [(level.value, LEVEL_DESCRIPTIONS[level]) for level in Level]


def item_prefix(item_id: int) -> str:
    """One prefix per checklist item, so one page can hold every item's fields."""
    return f"item-{item_id}"


class AssessmentForm(forms.Form):
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=Level.choices,
        coerce=int,
        error_messages={"invalid_choice": LEVEL_ERROR, "required": LEVEL_ERROR},
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    evidence_url = forms.URLField(
        label=_("Evidence link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[http_url_validator],
        error_messages={"invalid": LINK_ERROR},
        widget=forms.URLInput(attrs={"class": "form-control form-control-sm", "placeholder": "https://"}),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=280,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )

    def __init__(self, *args, item: ChecklistItem, **kwargs):
        kwargs.setdefault("prefix", item_prefix(item.pk))
        super().__init__(*args, **kwargs)
        self.item = item

    def to_input(self) -> AssessmentInput:
        return AssessmentInput(
            item=self.item,
            level=self.cleaned_data["level"],
            evidence_url=self.cleaned_data["evidence_url"],
            note=self.cleaned_data["note"],
        )


def submitted_assessment_forms(data, items) -> list[AssessmentForm]:
    """Bound forms for the items whose fields are in ``data``; items not on the submitted page are left out."""
    return [AssessmentForm(data, item=item) for item in items if f"{item_prefix(item.pk)}-level" in data]


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
        )
        widgets: ClassVar[dict] = {"visibility": forms.RadioSelect, "identity": forms.RadioSelect}
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


class ShareLinkForm(forms.Form):
    days = forms.TypedChoiceField(
        label=_("Valid for"), choices=ShareLink.Lifetime.choices, coerce=int, initial=ShareLink.Lifetime.MONTH
    )
    role = forms.ModelChoiceField(
        label=_("Show the gaps for"),
        queryset=Role.objects.published(),
        required=False,
        empty_label=_("No role"),
    )


class ChecklistFilterForm(forms.Form):
    """``?show=`` on the checklist: every item, the ones not yet rated, or those below the target role."""

    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=(
            ("all", _("All items")),
            ("unrated", _("Not yet rated")),
            ("below", _("Below my target role")),
        ),
        widget=forms.RadioSelect,
    )

    def cleaned_show(self) -> str:
        """The chosen filter; anything else shows every item."""
        return (self.cleaned_data.get("show") if self.is_valid() else "") or "all"


class VacancyTextField(forms.CharField):
    """A pasted vacancy: the one length check (``check_vacancy_length``) on the text as sent, then line breaks as
    the reading counts them (``\n``)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"required": _("Paste the text of a vacancy first.")})
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            check_vacancy_length(value)  # before stripping: the limit counts what was sent
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if not widget.is_hidden:
            attrs["maxlength"] = str(VACANCY_MAX_CHARS)  # the browser counts a line break once, as the check does
        return attrs


def refuses_a_too_long_vacancy(form: forms.Form) -> bool:
    """Whether the form's text is over the limit: the pages then answer 413, as the API does."""
    return form.has_error("text", VACANCY_TOO_LONG)


class VacancyForm(forms.Form):
    text = VacancyTextField(
        label=_("Vacancy text"),
        help_text=_("Paste the whole vacancy, Dutch or English. Nothing is stored unless you save it."),
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
    )


class SaveVacancyForm(forms.Form):
    """Keep a read vacancy in the engineer's own list; the text comes along unseen from the reading page."""

    prefix = "save"

    text = VacancyTextField(widget=forms.HiddenInput)
    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        help_text=_("For example the role and the company."),
        error_messages={"required": _("Give the vacancy a title, so you can find it again.")},
    )
    link = forms.URLField(
        label=_("Link to the vacancy (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[http_url_validator],
        error_messages={"invalid": LINK_ERROR},
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )


NOT_SURE = "all"


class StartRoleForm(forms.Form):
    """Step 1 of the start: a published role, or "not sure yet"."""

    role = forms.ChoiceField(label=_("Which role are you aiming for?"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = {role.slug: role for role in Role.objects.published()}
        self.fields["role"].choices = [
            *((slug, role.title) for slug, role in self.roles.items()),
            (NOT_SURE, _("Not sure yet — show me all")),
        ]
        self.fields["role"].error_messages["required"] = _("Choose a role, or “Not sure yet”.")

    def chosen_role(self) -> Role | None:
        return self.roles.get(self.cleaned_data["role"])


class StartRatingForm(forms.Form):
    """Step 2 of the start: one level per published skill, each optional; ``skill-<id>`` per field."""

    def __init__(self, *args, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.skills = list(skills)
        for skill in self.skills:
            self.fields[f"skill-{skill.pk}"] = forms.TypedChoiceField(
                label=skill.name,
                choices=Level.choices,
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": LEVEL_ERROR},
            )

    def ratings(self):
        """The rated skills with their level; skills left open are left out."""
        return {
            skill: self.cleaned_data[f"skill-{skill.pk}"]
            for skill in self.skills
            if self.cleaned_data.get(f"skill-{skill.pk}") is not None
        }

    def rows(self):
        return [(skill, self[f"skill-{skill.pk}"]) for skill in self.skills]
