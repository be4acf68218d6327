"""The admin site: staff rights with a confirmed second factor, as everywhere else (portal.guards.access).

Every model admin on the site, ours or a library's, also gets :class:`PortalModelAdmin`'s rules: an action runs
only on a selection of real keys, and a delete page names only what its reader may view.
"""

from collections import Counter

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import NestedObjects
from django.contrib.auth import get_permission_codename
from django.core.exceptions import ValidationError
from django.db import router
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from portal.accounts.redirects import safe_next, to_second_factor
from portal.guards.access import can_edit_content, needs_second_factor


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


class PortalModelAdmin(admin.ModelAdmin):
    """The rules every model admin on this site follows (:meth:`PortalAdminSite.register` adds them to each).

    - An action runs only on a selection of keys this model can have; anything else is a message, not a 500.
    - A delete page (one row or "delete selected") names a related row only to someone who may view rows of its
      kind: an editor sees the content a deletion takes along, and engineers' or recruiters' data only as a count
      by kind. Only superusers see those rows named, as they may read them elsewhere in the admin.
    """

    def response_action(self, request: HttpRequest, queryset):
        pk = self.model._meta.pk
        try:
            for value in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME):
                pk.run_validators(pk.to_python(value))
        except ValidationError:
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
