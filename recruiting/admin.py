from django.contrib import admin

from recruiting.models import ProfileView
from skills.admin import SuperuserReadOnlyAdmin


@admin.register(ProfileView)
class ProfileViewAdmin(SuperuserReadOnlyAdmin):
    list_display = ("profile", "recruiter", "viewed_at")
    list_select_related = ("profile__user", "recruiter")
    search_fields = ("profile__user__email", "recruiter__email")
