"""/p/<token>/: an engineer's read-only shared profile (namespace "share")."""

from django.urls import path

from skills.privacy import views

app_name = "share"

urlpatterns = [path("<str:token>/", views.shared_profile, name="profile")]
