"""The admin site: staff rights with a confirmed second factor, as everywhere else (portal.access)."""


from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.access import can_edit_content, needs_second_factor
from portal.redirects import safe_next, to_second_factor


class PortalAdminSite(admin.AdminSite):
    site_header = _("DE skills portal")
    site_title = _("DE skills admin")

    def has_permission(self, request: HttpRequest) -> bool:
        return can_edit_content(request)

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        """Log in through allauth (with its second step); signed-in staff without it are told how to pass it."""
        user = request.user
        if user.is_active and user.is_staff and needs_second_factor(request):
            return to_second_factor(request, safe_next(request, request.GET.get("next", ""), reverse("admin:index")))
        return secure_admin_login(super().login)(request, extra_context)


class ReadOnlyAdmin(admin.ModelAdmin):
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
