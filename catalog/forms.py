"""Every query string the catalog reads goes through one of these forms."""

from django import forms
from django.core.validators import slug_re, validate_slug
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from catalog import selectors
from catalog.models import ChooserOption, Tool

MIN_COMPARE = 2
MAX_COMPARE = 4


class SlugModelChoiceField(forms.ModelChoiceField):
    """A row chosen by slug; a value that cannot be a slug is an unknown choice, decided without a query."""

    def to_python(self, value):
        if value not in self.empty_values and not slug_re.fullmatch(str(value)):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": str(value)[:50]}
            )
        return super().to_python(value)


class SlugListField(forms.Field):
    """Tool slugs from ``?tools=a,b`` or ``?tools=a&tools=b`` (or both), de-duplicated, in the order given."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[str]:
        values = value if isinstance(value, list | tuple) else [value or ""]
        slugs: list[str] = []
        for chunk in values:
            for slug in str(chunk).split(","):
                slug = slug.strip()
                if slug and slug not in slugs:
                    slugs.append(slug)
        return slugs

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        for slug in value:
            try:
                validate_slug(slug)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("“%(slug)s” is not a tool in the catalog."), code="invalid", params={"slug": slug[:50]}
                ) from None
        if len(value) < MIN_COMPARE:
            raise forms.ValidationError(
                _("Pick at least %(min)d tools to compare."), code="too_few", params={"min": MIN_COMPARE}
            )
        if len(value) > MAX_COMPARE:
            raise forms.ValidationError(
                _("Pick at most %(max)d tools to compare; you picked %(count)d."),
                code="too_many",
                params={"max": MAX_COMPARE, "count": len(value)},
            )


class CompareForm(forms.Form):
    tools = SlugListField(
        label=_("Tools to compare"),
        error_messages={"required": _("Pick two to four tools to compare.")},
    )

    def requested_slugs(self) -> list[str]:
        """The slugs asked for, valid or not, so the picker can show them ticked."""
        if not self.is_bound:
            return []
        field = self.fields["tools"]
        return field.to_python(field.widget.value_from_datadict(self.data, self.files, self.add_prefix("tools")))

    def clean_tools(self) -> list[Tool]:
        slugs = self.cleaned_data["tools"]
        tools = selectors.tools_by_slugs(slugs=slugs)
        unknown = [slug for slug in slugs if slug not in {tool.slug for tool in tools}]
        if unknown:
            raise forms.ValidationError(
                ngettext(
                    "“%(slugs)s” is not a tool in the catalog.",
                    "These are not tools in the catalog: %(slugs)s.",
                    len(unknown),
                ),
                code="unknown",
                params={"slugs": ", ".join(slug[:50] for slug in unknown)},
            )
        return tools


class ChooserForm(forms.Form):
    option = forms.ChoiceField(
        label=_("What are you building?"),
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        error_messages={
            "required": _("Pick what you are building."),
            "invalid_choice": _("That is not one of the choices; pick one of the options below."),
        },
    )

    def __init__(self, *args, options: list[ChooserOption], **kwargs):
        super().__init__(*args, **kwargs)
        self.options = {option.slug: option for option in options}
        self.fields["option"].choices = [(option.slug, option.question) for option in options]

    def clean_option(self) -> ChooserOption:
        return self.options[self.cleaned_data["option"]]
