"""The checklist's forms: one item's level, evidence and note, and the filter of the rows."""

from typing import ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from skills.models import ChecklistItem, ItemState, Level, http_url_validator
from skills.services.assessments import AssessmentInput

LEVEL_ERROR = _("Choose a level from 0 (none) to 4 (can teach others).")

LEVEL_MISSING = _("Choose a level to save this item: its evidence and note are saved with it.")


LINK_ERROR = _("Enter a link that starts with http:// or https://.")


LEVEL_DESCRIPTIONS = {
    Level.NONE: _("No experience yet — not tried it."),
    Level.LEARNING: _("Learning — tried it, still needs help."),
    Level.WORKING: _("Working — use it on your own at work. From here an item counts as ticked."),
    Level.STRONG: _("Strong — handle the hard cases and review others."),
    Level.TEACH: _("Can teach others."),
}


class LinkField(forms.URLField):
    """An optional link people can open, the way every link field of the portal asks for one: http or https only,
    checked once, so a wrong link gets one message, not the same one twice (a plain URLField checks it with its own
    validator as well); a link typed without its scheme is read as https, and the box shows so."""

    default_validators: ClassVar[list] = [http_url_validator]

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 500)  # the models' link columns
        kwargs.setdefault("assume_scheme", "https")
        kwargs.setdefault("error_messages", {"invalid": LINK_ERROR})
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("placeholder", "https://")


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
        error_messages={"invalid_choice": LEVEL_ERROR, "required": LEVEL_MISSING},
        widget=forms.RadioSelect,
    )
    evidence_url = LinkField(
        label=_("Evidence link"),
        widget=forms.URLInput(attrs={"class": "form-control form-control-sm", "data-unsaved-field": ""}),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=280,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm", "data-unsaved-field": ""}),
    )

    def __init__(self, *args, item: ChecklistItem, **kwargs):
        kwargs.setdefault("prefix", item_prefix(item.pk))
        super().__init__(*args, **kwargs)
        self.item = item

    def to_input(self) -> AssessmentInput:
        """The entry to save; a field the request did not send at all keeps its stored value (the level saved on
        change sends the level alone), while a field sent empty clears it."""
        return AssessmentInput(
            item=self.item,
            level=self.cleaned_data["level"],
            evidence_url=None if self._omitted("evidence_url") else self.cleaned_data["evidence_url"],
            note=None if self._omitted("note") else self.cleaned_data["note"],
        )

    def sends_whole_row(self) -> bool:
        """Whether the row's evidence and note came with the level (its Save button), so the row may be drawn again
        from what was saved; a level saved on change sends the level alone."""
        return not self._omitted("evidence_url") and not self._omitted("note")

    def _omitted(self, name: str) -> bool:
        return self[name].field.widget.value_omitted_from_data(self.data, self.files, self.add_prefix(name))


def row_is_submitted(data, item: ChecklistItem) -> bool:
    """Whether the checklist's form was posted with something entered in the item's row: a level chosen, or evidence
    or a note typed (then, without a level, it is refused and kept rather than dropped, as an assessment needs one)."""
    prefix = item_prefix(item.pk)
    return f"{prefix}-level" in data or any(
        data.get(f"{prefix}-{name}", "").strip() for name in ("evidence_url", "note")
    )


def submitted_assessment_forms(data, items) -> list[AssessmentForm]:
    """Bound forms for the items whose fields are in ``data``; items not on the submitted page are left out."""
    return [AssessmentForm(data, item=item) for item in items if row_is_submitted(data, item)]


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


class ItemStateForm(forms.Form):
    """An item's state besides its level; empty clears it."""

    state = forms.ChoiceField(label=_("State"), required=False, choices=(("", _("no state")), *ItemState.State.choices))


class ResourceDoneForm(forms.Form):
    """A resource marked done ("true") or not done again ("false")."""

    done = forms.BooleanField(label=_("Done"), required=False)
