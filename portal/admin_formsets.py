"""Inline rows that swap a value they must each hold alone are refused by the form, before anything is saved.

Django saves an inline's rows one at a time, so two rows swapping their tools would have the first one briefly hold
the tool the second still has: the database refuses that save half-way. A form row checks a value against the
other rows only for a unique field or ``unique_together``; a ``UniqueConstraint`` that includes the row's parent
(one tool per chooser option) is left to the database. :class:`RowsSavedInTurnFormSet` replays the saves in
Django's order and refuses a swap as a form error, so the page comes back with what the editor typed.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.forms import BaseInlineFormSet, Form
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

PARENT = object()  # the parent's place in a row's values: every row of an inline has the same parent


def _value(value: object) -> object:
    return value.pk if isinstance(value, models.Model) else value


class RowsSavedInTurnFormSet(BaseInlineFormSet):
    """Mixed into an inline's formset (see ``portal.admin``): besides Django's checks, no row takes a value of a
    unique constraint with its parent that another row holds until it is saved itself."""

    def clean(self) -> None:
        super().clean()
        for fields in self._parent_constraints():
            clashes = self._clashes_while_saving(fields)
            if clashes:
                names = get_text_list([str(self.model._meta.get_field(name).verbose_name) for name in fields], _("and"))
                for form in clashes:
                    form.add_error(
                        None, _("This row takes the %(fields)s another row still holds.") % {"fields": names}
                    )
                raise ValidationError(
                    _(
                        "Nothing was saved: a row takes the %(fields)s that another row holds until that one is saved "
                        "or deleted itself (rows are saved one at a time, from the top). Make the change in two steps: "
                        "first give the other row something else, or delete it, and save; then make the change."
                    )
                    % {"fields": names}
                )

    def _parent_constraints(self) -> list[tuple[str, ...]]:
        """The other fields of each unique constraint that includes the parent and whose fields the rows show."""
        parent = self.fk.name
        shown = set(self.form.base_fields)
        return [
            tuple(name for name in constraint.fields if name != parent)
            for constraint in self.model._meta.total_unique_constraints
            if parent in constraint.fields and set(constraint.fields) - {parent} <= shown
        ]

    def _clashes_while_saving(self, fields: tuple[str, ...]) -> list[Form]:
        """The rows that would take a value another row holds at that moment, replaying Django's saves: the rows
        shown first (a deleted one gives its value up, a changed one takes its new one), then the added ones."""

        def key(values: dict) -> tuple | None:
            found = tuple(_value(values.get(name)) for name in fields)
            return None if None in found else (PARENT, *found)  # an empty value clashes with nothing

        held = {key(form.initial): form for form in self.initial_forms if key(form.initial)}
        clashes = []
        for form in [*self.initial_forms, *self.extra_forms]:
            stored = key(form.initial) if form in self.initial_forms else None
            if not form.has_changed() and form not in self.deleted_forms:
                continue
            if held.get(stored) is form:
                del held[stored]
            if form in self.deleted_forms or not form.is_valid():
                continue
            new = key(form.cleaned_data)
            if new is not None and held.get(new, form) is not form:
                clashes.append(form)
            if new is not None:
                held[new] = form
        return clashes
