from django.contrib import admin

from recruiting.models import ContactRequest, ProfileView
from skills.admin import SuperuserReadOnlyAdmin


@admin.register(ProfileView)
class ProfileViewAdmin(SuperuserReadOnlyAdmin):
    list_display = ("profile", "recruiter", "viewed_at")
    list_select_related = ("profile__user", "recruiter")
    search_fields = ("profile__user__email", "recruiter__email")


@admin.register(ContactRequest)
class ContactRequestAdmin(SuperuserReadOnlyAdmin):
    list_display = ("profile", "recruiter_name", "recruiter_company", "status", "created_at", "answered_at")
    list_filter = ("status",)
    list_select_related = ("profile",)
