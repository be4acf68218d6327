from django.contrib import admin
from django.urls import include, path

from portal import views
from portal.accounts import mfa, verification
from portal.languages.views import set_language
from portal.notices.views import notice_language, notice_list

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("privacy/", views.privacy, name="privacy"),
    path("catalog/", include("catalog.urls")),
    path("skills/", include("skills.urls")),
    path("", include("recruiting.urls")),
    path("api/", include("api.urls")),
    path("p/", include("skills.privacy.urls")),
    path("notices/", notice_list, name="notices"),
    path("notices/language/", notice_language, name="notice-language"),
    path("accounts/menu/", views.account_menu, name="account-menu"),
    path("accounts/two-factor-required/", mfa.mfa_required, name="mfa-required"),
    path("accounts/confirm-email/again/", verification.resend_confirmation, name="account_resend_confirmation"),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]

# allauth answers its rate limits through this (allauth.core.internal.ratelimit.respond_429).
handler429 = views.too_many_requests
