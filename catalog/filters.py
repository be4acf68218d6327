"""The catalog's filters (GET), as a django-filter FilterSet over the public tools.

The page and the API read the catalog through :class:`CatalogFilter`, so both
reject the same input with the same words; an empty query string shows everything.
"""

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from catalog import selectors
from catalog.forms import SlugModelChoiceField
from catalog.models import Tool


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = SlugModelChoiceField


class CatalogFilterForm(forms.Form):
    def has_filters(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())


class CatalogFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), max_length=100, method="search")
    category = SlugChoiceFilter(
        label=_("Category"),
        queryset=selectors.filter_categories(),
        to_field_name="slug",
        empty_label=_("All categories"),
        error_messages={"invalid_choice": _("There is no category “%(value)s” in the catalog.")},
    )
    type = django_filters.ChoiceFilter(
        label=_("Type"),
        field_name="tool_type",
        choices=Tool.ToolType.choices,
        empty_label=_("All types"),
        error_messages={"invalid_choice": _("There is no tool type “%(value)s”.")},
    )
    keyword = SlugChoiceFilter(
        label=_("Vacancy term"),
        field_name="keywords",
        queryset=selectors.filter_keywords(),
        to_field_name="slug",
        empty_label=_("All vacancy terms"),
        error_messages={"invalid_choice": _("No tool in the catalog is linked to the vacancy term “%(value)s”.")},
    )

    class Meta:
        model = Tool
        form = CatalogFilterForm
        fields = ()

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, queryset=selectors.public_tools(), **kwargs)

    def search(self, queryset: QuerySet[Tool], name: str, value: str) -> QuerySet[Tool]:
        return selectors.search_tools(tools=queryset, text=value)

    @property
    def is_search(self) -> bool:
        """Whether a valid filter searches for words, so its tools come best match first (selectors.catalog_groups)."""
        return bool(self.form.cleaned_data.get("q"))
