"""Input for the recruiter pages: the candidate filters (GET) and the shortlist actions (POST)."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cached_property

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from skills.candidates import (
    DEFAULT_SORT,
    CandidateFilters,
    checklist_items_by_pk,
    default_role,
    published_role_list,
    published_roles,
    shortlists_for,
    visible_profiles,
)
from skills.models import TICKED_LEVEL, ChecklistItem, Level, Role
from skills.shortlists import NOTE_MAX_LENGTH

MAX_FILTER_ITEMS = 10
ITEM_ID = re.compile(r"[0-9]{1,19}")
MAX_ITEM_ID = 2**63 - 1
EARLIEST_UPDATE_DATE = date(2000, 1, 1)


class ChecklistItemChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: ChecklistItem) -> str:
        return f"{obj.skill.name} · {obj.name}"

    def clean(self, value) -> list[ChecklistItem]:
        """The chosen items in id order, found in the cached checklist rather than with a query."""
        if not value:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        if not isinstance(value, list | tuple):
            raise forms.ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        items = checklist_items_by_pk()
        chosen = {}
        for pk in value:
            if not (isinstance(pk, str) and ITEM_ID.fullmatch(pk) and int(pk) <= MAX_ITEM_ID):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
            if int(pk) not in items:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                )
            chosen[int(pk)] = items[int(pk)]
        return [chosen[pk] for pk in sorted(chosen)]


class PublishedRoleField(forms.ModelChoiceField):
    """A published role by slug, found in the cached role list rather than with a query per request."""

    def __init__(self, **kwargs):
        super().__init__(queryset=published_roles(), to_field_name="slug", required=False, empty_label=None, **kwargs)
        self.roles: list[Role] | None = None  # a form that already read the list hands it over

    def to_python(self, value):
        if value in self.empty_values:
            return None
        for role in published_role_list() if self.roles is None else self.roles:
            if role.slug == value:
                return role
        raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


@dataclass(frozen=True)
class Option:
    """One choice of a select or checkbox group, for a field written out by hand in the template."""

    value: str
    label: str
    selected: bool


class CandidateFilterForm(forms.Form):
    """GET filters of the candidate list and the CSV export; every field is optional."""

    SORT_CHOICES = (
        ("score", _("Match score")),
        ("experience", _("Years of experience")),
        ("updated", _("Last update")),
    )

    role = PublishedRoleField(label=_("Role"))
    min_score = forms.IntegerField(label=_("Minimum match score"), min_value=0, max_value=100, required=False)
    must_haves_met = forms.BooleanField(label=_("Meets every must-have"), required=False)
    items = ChecklistItemChoiceField(
        label=_("Has these checklist items"),
        queryset=ChecklistItem.objects.select_related("skill"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    item_level = forms.TypedChoiceField(
        label=_("At least this level on each chosen item"),
        choices=[choice for choice in Level.choices if choice[0] > Level.NONE],
        coerce=int,
        required=False,
        empty_value=TICKED_LEVEL,
    )
    min_years = forms.IntegerField(label=_("Minimum years of experience"), min_value=0, max_value=60, required=False)
    location = forms.CharField(label=_("Location contains"), max_length=100, required=False)
    open_to_work = forms.BooleanField(label=_("Open to work"), required=False)
    updated_since = forms.DateField(
        label=_("Updated since"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)

    def __init__(self, data=None, *args, **kwargs):
        roles = published_role_list()
        self.default_role = default_role(roles)
        if data is not None:
            # Fill in the defaults so the form shows what the list is really filtered and ranked by.
            defaults = {"role": self.default_role.slug if self.default_role else "", "item_level": str(TICKED_LEVEL)}
            data = data.copy()
            for name, value in defaults.items():
                if not data.get(name) and value:
                    data[name] = value
        super().__init__(data, *args, **kwargs)
        self.fields["role"].roles = roles

    @cached_property
    def options(self) -> dict[str, list[Option]]:
        """The choices of the select and checkbox fields, each marked when chosen.

        The list page writes these fields out by hand: rendering them through the
        widget templates took longer than the page's queries together.
        """
        options = {}
        for name in ("role", "sort", "item_level", "items"):
            value = self[name].value()
            values = value if isinstance(value, list | tuple) else [] if value in (None, "") else [value]
            chosen = {str(value) for value in values}
            options[name] = [
                Option(value=str(choice), label=str(label), selected=str(choice) in chosen)
                for choice, label in self._choices(self.fields[name])
            ]
        return options

    @staticmethod
    def _choices(field: forms.Field):
        """A model field's choices from one plain query (its own iterator opens a server-side cursor)."""
        if isinstance(field, forms.ModelChoiceField):
            key = field.to_field_name or "pk"
            return [(getattr(obj, key), field.label_from_instance(obj)) for obj in field.queryset]
        return field.choices

    def clean_items(self):
        items = self.cleaned_data["items"]
        if len(items) > MAX_FILTER_ITEMS:
            raise forms.ValidationError(
                _("Choose at most %(limit)d checklist items."), params={"limit": MAX_FILTER_ITEMS}
            )
        return items

    def clean_updated_since(self):
        updated_since = self.cleaned_data["updated_since"]
        if updated_since is not None and not EARLIEST_UPDATE_DATE <= updated_since <= timezone.localdate():
            raise forms.ValidationError(
                _("Choose a date between %(earliest)s and today."), params={"earliest": EARLIEST_UPDATE_DATE}
            )
        return updated_since

    def filters(self) -> CandidateFilters | None:
        """The filters that passed validation; a field with an error is left out, not guessed.

        None when there is no published role to rank by.
        """
        if not self.is_bound:
            raise ValueError("Bind the form to the query string before asking for filters.")
        self.is_valid()
        data = self.cleaned_data
        role: Role | None = data.get("role") or self.default_role
        if role is None:
            return None
        updated_since = data.get("updated_since")
        return CandidateFilters(
            role=role,
            min_score=data.get("min_score"),
            must_haves_met=bool(data.get("must_haves_met")),
            item_ids=tuple(item.pk for item in data.get("items") or ()),
            item_level=data.get("item_level") or TICKED_LEVEL,
            min_years=data.get("min_years"),
            location=data.get("location") or "",
            open_to_work=bool(data.get("open_to_work")),
            updated_since=(timezone.make_aware(datetime.combine(updated_since, time.min)) if updated_since else None),
            sort=data.get("sort") or DEFAULT_SORT,
        )


class CandidateRoleForm(forms.Form):
    """?role= on a candidate's page: which role to draw the radar and gaps against."""

    role = PublishedRoleField(label=_("Compare with role"), widget=forms.Select(attrs={"class": "form-select"}))


class ShortlistForm(forms.Form):
    name = forms.CharField(label=_("Name of the new shortlist"), max_length=100, strip=True)


class AddToShortlistForm(forms.Form):
    """Add one visible candidate to an existing shortlist of the recruiter, or to a new one by name."""

    profile = forms.ModelChoiceField(queryset=visible_profiles(), widget=forms.HiddenInput)
    shortlist = forms.ModelChoiceField(label=_("Shortlist"), queryset=None, required=False)
    new_name = forms.CharField(label=_("or a new shortlist"), max_length=100, required=False, strip=True)

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
