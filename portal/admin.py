"""The admin site: staff rights with a confirmed second factor, as everywhere else (portal.guards.access).

Every model admin on the site, ours or a library's, also gets :class:`PortalModelAdmin`'s rules: an action, an
editable list and a form's choice of rows take only keys a row can have, and a delete page names only what its
reader may view. The index and each app's page say what waits for their reader (:meth:`PortalModelAdmin.waiting`).
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import NestedObjects, unquote
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.contrib.auth import get_permission_codename
from django.core.exceptions import ValidationError
from django.db import IntegrityError, router
from django.forms import ModelMultipleChoiceField
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from portal.accounts.redirects import safe_next, to_second_factor
from portal.admin_formsets import RowsSavedInTurnFormSet
from portal.guards.access import can_edit_content, needs_second_factor
from portal.templatetags.history_values import history_value


def _may_view_rows_of(request: HttpRequest, model) -> bool:
    opts = model._meta
    return request.user.has_perm(f"{opts.app_label}.{get_permission_codename('view', opts)}")


def _counted(counts: Counter) -> list[str]:
    return [f"{capfirst(opts.verbose_name_plural)}: {count}" for opts, count in sorted(counts.items(), key=str)]


def _pruned(nested: list, hidden: object) -> list:
    """The admin's nested list of what a deletion takes along, without the hidden rows and what hangs below them."""
    kept, skip_children = [], False
    for entry in nested:
        if isinstance(entry, list):
            if not skip_children:
                kept.append(_pruned(entry, hidden))
            skip_children = False
        elif entry is hidden:
            skip_children = True
        else:
            kept.append(entry)
            skip_children = False
    return kept


def is_row_key(field, value) -> bool:
    """Whether ``value`` is a key that ``field`` can hold: of its type and in the database's range. Any other key,
    once in a query, fails it (a ValueError, or an OverflowError on SQLite): a 500 instead of the form's error."""
    try:
        field.run_validators(field.to_python(value))
    except ValidationError:
        return False
    return True


class _ShowsRowKeysOnly:
    """An autocomplete box looks its chosen keys up to show them again: only those a row can have."""

    def optgroups(self, name, value, attr=None):
        opts = self.field.remote_field.model._meta
        key = opts.get_field(getattr(self.field.remote_field, "field_name", opts.pk.attname))
        return super().optgroups(name, [one for one in value if is_row_key(key, one)], attr)


class RowKeysAutocompleteSelect(_ShowsRowKeysOnly, AutocompleteSelect):
    pass


class RowKeysAutocompleteSelectMultiple(_ShowsRowKeysOnly, AutocompleteSelectMultiple):
    pass


class RowKeysMultipleChoiceField(ModelMultipleChoiceField):
    """A many-to-many choice whose keys are checked before Django looks them all up at once."""

    def clean(self, value):
        if isinstance(value, list | tuple):
            opts = self.queryset.model._meta
            key = opts.get_field(self.to_field_name) if self.to_field_name else opts.pk
            for one in value:
                if not is_row_key(key, one):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": one}
                    )
        return super().clean(value)


class RowKeysOnly:
    """Form fields that choose rows take only keys a row can have (model admins and their inlines alike)."""

    def formfield_for_foreignkey(self, db_field, request: HttpRequest, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = RowKeysAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request: HttpRequest, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = RowKeysAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using"))
        kwargs.setdefault("form_class", RowKeysMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class RowsSavedInTurn:
    """An inline whose rows refuse, as a form error, a swap the database would refuse half-way through the save."""

    def get_formset(self, request: HttpRequest, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(formset.__name__, (RowsSavedInTurnFormSet, formset), {"__module__": formset.__module__})


class NoDeletingFromARow:
    """An inline row's choice of another row (a requirement's checklist item) offers no red cross that deletes that
    row for everyone: on a phone it sat just above the row's own "Delete?", and one mis-tap away from deleting a
    checklist item site-wide. Adding, changing and viewing it stay."""

    def formfield_for_dbfield(self, db_field, request: HttpRequest, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and hasattr(field.widget, "can_delete_related"):
            field.widget.can_delete_related = False
        return field


@cache
def _with_inline_rules(inline: type) -> type:
    if issubclass(inline, RowKeysOnly):
        return inline
    rules = (RowKeysOnly, RowsSavedInTurn, NoDeletingFromARow)
    return type(inline.__name__, (*rules, inline), {"__module__": inline.__module__})


@dataclass(frozen=True)
class Waiting:
    """Work of one kind that waits for the admin's reader: how much, in a sentence, and the list that shows it."""

    text: str
    url: str


class PortalModelAdmin(RowKeysOnly, admin.ModelAdmin):
    """The rules every model admin on this site follows (:meth:`PortalAdminSite.register` adds them to each).

    - An action, and a save of an editable list, runs only on keys this model can have; anything else is a
      message, not a 500. A form's choice of rows (its inlines' too) takes only keys a row can have.
    - Inline rows swapping a value they must each hold alone are a form error, shown with what was typed
      (:mod:`portal.admin_formsets`); a save the database still refuses half-way (a row someone else saved
      meanwhile) is a message, not a 500.
    - A delete page (one row or "delete selected") names a related row only to someone who may view rows of its
      kind: an editor sees the content a deletion takes along, and engineers' or recruiters' data only as a count
      by kind. Only superusers see those rows named, as they may read them elsewhere in the admin.
    """

    def get_inlines(self, request: HttpRequest, obj):
        return [_with_inline_rules(inline) for inline in super().get_inlines(request, obj)]

    def waiting(self, request: HttpRequest) -> Waiting | None:
        """What of this model waits for the reader, shown on the admin's index and its app's page; an admin whose
        rows wait for someone says so here."""
        return None

    def changeform_view(self, request: HttpRequest, object_id=None, form_url="", extra_context=None):
        """Django saves a form's rows one by one in a transaction: a row that clashes with one saved meanwhile by
        someone else is refused half-way, and the whole save is rolled back."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except IntegrityError:
            if request.method != "POST":
                raise
            self.message_user(
                request,
                _(
                    "A row would hold the same value as another one, perhaps saved meanwhile by someone else; nothing "
                    "was saved. Look at the page as it is now and make the change again."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    def changelist_view(self, request: HttpRequest, extra_context=None):
        if request.method == "POST" and "_save" in request.POST and self.list_editable:
            pk = self.model._meta.pk
            edited = re.compile(rf"form-\d+-{re.escape(pk.name)}$")
            keys = [key for name, values in request.POST.lists() if edited.match(name) for key in values]
            if not all(is_row_key(pk, key) for key in keys):
                self.message_user(
                    request,
                    _("The list holds something that is not a row of it; nothing was changed. Make the changes again."),
                    messages.WARNING,
                )
                return HttpResponseRedirect(request.get_full_path())
        return super().changelist_view(request, extra_context)

    def response_action(self, request: HttpRequest, queryset):
        pk = self.model._meta.pk
        if not all(is_row_key(pk, value) for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)):
            self.message_user(
                request,
                _(
                    "The selection holds something that is not a row of this list; nothing was changed. "
                    "Tick the rows again and choose the action."
                ),
                messages.WARNING,
            )
            return None
        return super().response_action(request, queryset)

    def get_deleted_objects(self, objs, request: HttpRequest):
        if request.user.is_superuser:
            return super().get_deleted_objects(objs, request)
        return self._content_deleted_with(objs, request)

    def _content_deleted_with(self, objs, request: HttpRequest):
        """Django's summary of a deletion (what goes along, the kinds the user may not delete, what blocks it),
        with every row the user may not view counted by kind instead of named."""
        collector = NestedObjects(using=router.db_for_write(self.model), origin=objs)
        collector.collect(objs)
        perms_needed, hidden_counts, hidden = set(), Counter(), object()

        def describe(obj):
            opts = obj._meta
            registered = self.admin_site.is_registered(obj.__class__)
            if registered and not self.admin_site.get_model_admin(obj.__class__).has_delete_permission(request, obj):
                perms_needed.add(opts.verbose_name)
            if not _may_view_rows_of(request, obj.__class__):
                hidden_counts[opts] += 1
                return hidden
            try:
                url = reverse(f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", args=(obj.pk,))
            except NoReverseMatch:
                return f"{capfirst(opts.verbose_name)}: {obj}"
            return format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), url, obj)

        to_delete = _pruned(collector.nested(describe), hidden) + _counted(hidden_counts)
        protected = _counted(Counter(obj._meta for obj in collector.protected))
        model_count = {model._meta.verbose_name_plural: len(rows) for model, rows in collector.model_objs.items()}
        return to_delete, model_count, perms_needed, protected


class _ChangesAsShown(HistoricalRecordContextHelper):
    """A version's changes with their values as the history's columns show them (yes, no, an empty cell)."""

    def prepare_delta_change_value(self, change, value):
        return history_value(super().prepare_delta_change_value(change, value))


class RowKeysHistoryAdmin(SimpleHistoryAdmin):
    """simple-history's pages of a row's history look their keys up unchecked (a ValueError on "abc", a 500): a key
    no row can have is a 404, as simple-history answers for a row that is gone. Its values read as elsewhere in the
    admin (yes or no, an empty cell for none), not as Python writes them."""

    def get_historical_record_context_helper(self, request: HttpRequest, historical_record):
        return _ChangesAsShown(self.model, historical_record)

    def history_view(self, request: HttpRequest, object_id, extra_context=None):
        if not is_row_key(self.model._meta.pk, unquote(object_id)):
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request: HttpRequest, object_id, version_id, extra_context=None):
        versions = getattr(self.model, self.model._meta.simple_history_manager_attribute).model
        if not (is_row_key(self.model._meta.pk, unquote(object_id)) and is_row_key(versions._meta.pk, version_id)):
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context)


class PortalAdminSite(admin.AdminSite):
    site_header = settings.PRODUCT_NAME
    site_title = format_lazy(_("{product} admin"), product=settings.PRODUCT_NAME)

    def register(self, model_or_iterable, admin_class=None, **options) -> None:
        """Register as Django does, with :class:`PortalModelAdmin`'s rules added to any admin that lacks them."""
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, PortalModelAdmin):
            admin_class = type(
                admin_class.__name__, (PortalModelAdmin, admin_class), {"__module__": admin_class.__module__}
            )
        super().register(model_or_iterable, admin_class, **options)

    def has_permission(self, request: HttpRequest) -> bool:
        return can_edit_content(request)

    def index(self, request: HttpRequest, extra_context=None) -> TemplateResponse:
        return self._with_waiting(request, super().index(request, extra_context))

    def app_index(self, request: HttpRequest, app_label, extra_context=None) -> TemplateResponse:
        return self._with_waiting(request, super().app_index(request, app_label, extra_context))

    def _with_waiting(self, request: HttpRequest, response: TemplateResponse) -> TemplateResponse:
        """The page's list of models, with what waits for the reader among them (templates/admin/index.html)."""
        response.context_data["waiting"] = [
            waiting
            for app in response.context_data["app_list"]
            for model in app["models"]
            if (waiting := self.get_model_admin(model["model"]).waiting(request)) is not None
        ]
        return response

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        """Log in through allauth (with its second step); signed-in staff without it are told how to pass it."""
        user = request.user
        if user.is_active and user.is_staff and needs_second_factor(request):
            return to_second_factor(request, safe_next(request, request.GET.get("next", ""), reverse("admin:index")))
        return secure_admin_login(super().login)(request, extra_context)


class ReadOnlyAdmin(PortalModelAdmin):
    """Shown in the admin, never added, changed or deleted there; :meth:`may_view` says who may look."""

    def may_view(self, request: HttpRequest) -> bool:
        raise NotImplementedError

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_active and self.may_view(request)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
