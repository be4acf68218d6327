"""The admin site: staff rights with a confirmed second factor, as everywhere else (portal.access)."""

from urllib.parse import urlencode

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.access import can_edit_content


class PortalAdminSite(admin.AdminSite):
    site_header = _("DE skills portal")
    site_title = _("DE skills admin")

    def has_permission(self, request: HttpRequest) -> bool:
        return can_edit_content(request)

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        """Log in through allauth (with its second step); signed-in staff without it are told how to pass it."""
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff and not can_edit_content(request):
            next_url = request.GET.get("next") or reverse("admin:index")
            return redirect(f"{reverse('mfa-required')}?{urlencode({'next': next_url})}")
        return secure_admin_login(super().login)(request, extra_context)
