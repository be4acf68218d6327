"""Input for the recruiter pages: the role to compare a candidate with, and the shortlist actions (POST)."""

from typing import ClassVar

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.guards.one_line import OneLineField, PlainTextField
from recruiting.filters import RoleChoiceField
from recruiting.models import ExportFormat, RecruiterProfile, Stage, VacancySearch
from recruiting.selectors.candidates import roles_for_recruiter, visible_candidates
from recruiting.selectors.shortlists import shortlists_for
from recruiting.services.contacts import MESSAGE_MAX_LENGTH
from recruiting.services.searches import NOTE_MAX_LENGTH as SEARCH_NOTE_MAX_LENGTH
from recruiting.services.searches import SEARCH_REQUIREMENTS_MAX, TITLE_MAX_LENGTH, Requirement
from recruiting.services.shortlists import NOTE_MAX_LENGTH
from skills.models import ChecklistItem, Level, Role
from skills.vacancies.forms import VacancyTextField
from skills.vacancies.limits import VACANCY_MAX_CHARS


class CandidateRoleForm(forms.Form):
    """?role= on a candidate's page: which role (or of the recruiter's own vacancy searches) to draw the radar and
    gaps against."""

    role = RoleChoiceField(
        label=_("Compare with role"),
        queryset=roles_for_recruiter(recruiter=None),
        to_field_name="slug",
        required=False,
        empty_label=None,
    )

    def __init__(self, *args, recruiter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = roles_for_recruiter(recruiter=recruiter)

    @property
    def asked_role(self) -> Role | None:
        """The role ``?role=`` names, when it is one to compare with; else None (a bad slug is ignored, not an error).
        The candidate page's actions carry it on, so the recruiter comes back to the same comparison."""
        return self.cleaned_data["role"] if self.is_valid() else None


class PreviewForm(forms.Form):
    """?as= on the engineer's "preview as recruiter": before or after they accept that recruiter's request."""

    BEFORE, ACCEPTED = "before", "accepted"
    shown_as = forms.ChoiceField(
        choices=((BEFORE, _("Before you accept")), (ACCEPTED, _("After you accept"))), required=False
    )

    @property
    def accepted(self) -> bool:
        return self.is_valid() and self.cleaned_data["shown_as"] == self.ACCEPTED


class ExportForm(forms.Form):
    """The file the recruiter wants: Excel's own format, or CSV in their language."""

    file_format = forms.ChoiceField(
        label=_("File"),
        choices=ExportFormat.choices,
        initial=ExportFormat.XLSX,
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": _("Choose XLSX or CSV.")},
    )

    def clean_file_format(self) -> str:
        return self.cleaned_data["file_format"] or ExportFormat.CSV  # a page from before the choice: the CSV it had


class ShortlistRoleForm(forms.Form):
    """The role a shortlist is for: a published role or one of the recruiter's own vacancy searches."""

    role = forms.ModelChoiceField(
        label=_("For the role"),
        queryset=roles_for_recruiter(recruiter=None),
        required=False,
        empty_label=_("No role"),
        help_text=_("Each candidate on the list shows their current score for it."),
        widget=forms.Select(attrs={"class": "select-wraps"}),  # a role's long title wraps (portal.css)
    )

    def __init__(self, *args, recruiter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = roles_for_recruiter(recruiter=recruiter)


class ShortlistForm(ShortlistRoleForm):
    name = OneLineField(label=_("Name of the new shortlist"), max_length=100, strip=True)
    field_order = ("name", "role")


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)


class AddToShortlistForm(forms.Form):
    """Add one visible candidate to an existing shortlist of the recruiter, or to a new one by name."""

    profile = forms.ModelChoiceField(queryset=visible_candidates(), widget=forms.HiddenInput)
    shortlist = forms.ModelChoiceField(label=_("Shortlist"), queryset=None, required=False)
    new_name = OneLineField(label=_("or a new shortlist"), max_length=100, required=False, strip=True)

    def __init__(self, *args, recruiter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shortlist"].queryset = shortlists_for(recruiter=recruiter)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("shortlist") and not cleaned.get("new_name") and not self.has_error("shortlist"):
            raise forms.ValidationError(_("Choose a shortlist or type a name for a new one."))
        return cleaned


class ShortlistNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Private note"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ContactRequestForm(forms.Form):
    """A recruiter's request for contact: who they are, and a short plain-text message."""

    name = OneLineField(label=_("Your name"), max_length=100, strip=True)
    company = OneLineField(label=_("Company"), max_length=100, strip=True)
    message = PlainTextField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Filled in per request: "%" on a lazy text at import would fix it in the language of the first import.
        self.fields["message"].help_text = gettext(
            "Plain text, at most %(limit)d characters. The candidate sees your name and company."
        ) % {"limit": MESSAGE_MAX_LENGTH}


class RecruiterProfileForm(forms.ModelForm):
    """The recruiter's details that engineers see: their name, company and the role they hire for."""

    class Meta:
        model = RecruiterProfile
        fields = ("name", "company", "hires_for")
        field_classes: ClassVar[dict] = dict.fromkeys(fields, OneLineField)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hires_for"].help_text = _(
            "One line, e.g. “Senior data engineers for our lakehouse team”. Engineers see it."
        )


class ContactAnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=(("accept", _("Accept")), ("decline", _("Decline"))))


# Vacancy searches -------------------------------------------------------------------------------------------------


def search_title_field(**kwargs) -> forms.CharField:
    """A search's title as every form asks for it: one label and the service's length, on one line."""
    return OneLineField(label=_("Title of the search"), max_length=TITLE_MAX_LENGTH, strip=True, **kwargs)


class SearchTitleForm(forms.Form):
    title = search_title_field()


class VacancyTextForm(forms.Form):
    """A pasted vacancy: its text as the reading accepts it (the reader checks the same rules), and a title."""

    title = search_title_field(required=False, help_text=_("Left empty: the first line of the vacancy."))

    text = VacancyTextField(label=_("Vacancy text"), strip=False, widget=forms.Textarea(attrs={"rows": 14}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = number_format(VACANCY_MAX_CHARS, force_grouping=True)
        self.fields["text"].help_text = gettext(
            "Paste the whole vacancy, Dutch or English, up to %(limit)s characters."
        ) % {"limit": limit}

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(_("Paste the text of a vacancy."))
        return text


class RequirementRowForm(forms.Form):
    """One requirement of a search: which item, the level it needs, and whether it is a must-have."""

    item = forms.TypedChoiceField(label=_("Checklist item"), coerce=int, empty_value=None)
    min_level = forms.TypedChoiceField(
        label=_("Needed level"),
        choices=[choice for choice in Level.choices if choice[0] > Level.NONE],
        coerce=int,
        initial=Level.WORKING,
    )
    is_must_have = forms.BooleanField(label=_("Must-have"), required=False)

    def __init__(self, *args, choices, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        self.fields["item"].choices = choices
        for name in ("item", "min_level"):
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"
        self.fields["is_must_have"].widget.attrs["class"] = "form-check-input"

    def name_controls_after_row(self, *, number: int, delete_field: forms.Field | None) -> None:
        """Give each control an accessible name of its own row ("Needed level for Joins", "Remove Joins"), so a
        screen reader tells the rows apart; a new row is named by its number."""
        item = self.items.get(self.initial.get("item"))
        row = item.name if item else gettext("row %(number)d") % {"number": number}
        names = [
            (self.fields["item"], gettext("Checklist item, row %(number)d") % {"number": number}),
            (self.fields["min_level"], gettext("Needed level for %(row)s") % {"row": row}),
            (self.fields["is_must_have"], gettext("Must-have: %(row)s") % {"row": row}),
        ]
        if delete_field is not None:
            names.append((delete_field, gettext("Remove %(row)s") % {"row": row}))
        for field, name in names:
            field.widget.attrs["aria-label"] = name

    def clean_item(self) -> ChecklistItem:
        return self.items[self.cleaned_data["item"]]

    def to_requirement(self) -> Requirement:
        return Requirement(
            item=self.cleaned_data["item"],
            min_level=self.cleaned_data["min_level"],
            is_must_have=self.cleaned_data["is_must_have"],
        )


class BaseRequirementFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index):
        """A posted row that names an item is always read and checked. Django skips a row it takes for a new one
        (by the post's own count of initial rows) when it equals the row the search holds at that place: a post
        calling the search's rows new would otherwise keep one out of the check that an item is listed once."""
        kwargs = super().get_form_kwargs(index)
        if self.is_bound and index is not None and self.data.get(f"{self.add_prefix(index)}-item"):
            kwargs["empty_permitted"] = False
        return kwargs

    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        if DELETION_FIELD_NAME in form.fields:
            form.fields[DELETION_FIELD_NAME].label = _("Remove")
            form.fields[DELETION_FIELD_NAME].widget.attrs["class"] = "form-check-input"
        if index is not None:  # None for the formset's empty form, a template for rows that has no place yet
            form.name_controls_after_row(number=index + 1, delete_field=form.fields.get(DELETION_FIELD_NAME))

    def clean(self) -> None:
        if any(self.errors):
            return
        seen: set[int] = set()
        for form in self.kept_forms():
            item = form.cleaned_data["item"]
            if item.pk in seen:
                raise forms.ValidationError(_("“%(item)s” is in the list twice.") % {"item": item.name})
            seen.add(item.pk)

    def kept_forms(self) -> list[RequirementRowForm]:
        """The rows that hold an item and are not marked for removal (an untouched empty row is left out)."""
        return [
            form
            for form in self.forms
            if form.cleaned_data.get("item") and not form.cleaned_data.get(DELETION_FIELD_NAME)
        ]

    def requirements(self) -> list[Requirement]:
        return [form.to_requirement() for form in self.kept_forms()]


RequirementFormSet = forms.formset_factory(
    RequirementRowForm,
    formset=BaseRequirementFormSet,
    extra=2,
    can_delete=True,
    max_num=SEARCH_REQUIREMENTS_MAX,
    validate_max=True,
    absolute_max=SEARCH_REQUIREMENTS_MAX + 10,
)


def _growth_order(item: ChecklistItem) -> tuple:
    return (item.skill.growth_stage, item.skill.order, item.skill.name, item.order, item.name)


def requirement_formset(data=None, *, search: VacancySearch | None = None) -> BaseRequirementFormSet:
    """The rows of a search's requirements (bound to ``data`` when posted), every row sharing one set of choices."""
    items = ChecklistItem.objects.select_related("skill").in_bulk()
    initial = []
    if search is not None:
        initial = [
            {"item": requirement.item_id, "min_level": requirement.min_level, "is_must_have": requirement.is_must_have}
            for requirement in search.role.requirements.all()
        ]
    grouped: dict[str, list[tuple[int, str]]] = {}
    for item in sorted(items.values(), key=_growth_order):
        grouped.setdefault(item.skill.name, []).append((item.pk, item.name))
    choices = [("", _("Choose a checklist item")), *grouped.items()]
    return RequirementFormSet(data, initial=initial, prefix="req", form_kwargs={"choices": choices, "items": items})


ROLE_TITLE_MAX_LENGTH = Role._meta.get_field("title").max_length
ROLE_SUMMARY_MAX_LENGTH = 2000
# The admin's own boxes for a title and a text, as wide as on a role's page (each field takes a copy).
ADMIN_TITLE_BOX = forms.TextInput({"class": "vTextField"})
ADMIN_TEXT_BOX = forms.Textarea({"rows": 4, "class": "vLargeTextField"})


class PublishSearchForm(forms.Form):
    """What an editor gives the role a proposed search becomes: its title and description in both languages."""

    title_en = forms.CharField(label=_("Title (English)"), max_length=ROLE_TITLE_MAX_LENGTH, widget=ADMIN_TITLE_BOX)
    title_nl = forms.CharField(label=_("Title (Dutch)"), max_length=ROLE_TITLE_MAX_LENGTH, widget=ADMIN_TITLE_BOX)
    summary_en = forms.CharField(
        label=_("Description (English)"), max_length=ROLE_SUMMARY_MAX_LENGTH, widget=ADMIN_TEXT_BOX
    )
    summary_nl = forms.CharField(
        label=_("Description (Dutch)"), max_length=ROLE_SUMMARY_MAX_LENGTH, widget=ADMIN_TEXT_BOX
    )


class ProposeSearchForm(forms.Form):
    note = PlainTextField(
        label=_("Note to the editors"),
        max_length=SEARCH_NOTE_MAX_LENGTH,
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: why this would make a good role for engineers to aim for."),
    )
