"""/api/: the token page, the JSON API with its docs, and a JSON 404 for any other address below it."""

from django.urls import include, path, re_path

from api import views
from api.api import api

token_patterns = (
    [
        path("", views.tokens, name="list"),
        path("<int:pk>/revoke/", views.revoke, name="revoke"),
    ],
    "tokens",
)

urlpatterns = [
    path("tokens/", include(token_patterns)),
    path("", views.not_found),  # nothing lives at /api/ itself: the API's JSON 404, not django-ninja's HTML one
    path("", api.urls),
    re_path(r"^", views.not_found),
]
