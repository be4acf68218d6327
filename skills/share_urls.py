"""/p/<token>/: an engineer's read-only shared profile (namespace "share")."""

from django.urls import path

from skills import share_views

app_name = "share"

urlpatterns = [path("<str:token>/", share_views.shared_profile, name="profile")]
