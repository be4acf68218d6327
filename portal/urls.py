from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from portal import mfa, views

# The admin logs in through allauth, so staff pass the same two-factor step as everywhere else.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("DE skills portal")
admin.site.site_title = _("DE skills admin")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("catalog/", include("catalog.urls")),
    path("skills/", include("skills.urls")),
    path("api/", include("api.urls")),
    path("accounts/two-factor-required/", mfa.mfa_required, name="mfa-required"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
