from django.urls import path

from catalog import views

app_name = "catalog"

# The fixed paths come before the slug pattern; Tool forbids these slugs (RESERVED_TOOL_SLUGS).
urlpatterns = [
    path("", views.tool_list, name="tool-list"),
    path("compare/", views.compare, name="compare"),
    path("chooser/", views.chooser, name="chooser"),
    path("faq/", views.faq, name="faq"),
    path("<slug:slug>/", views.tool_detail, name="tool-detail"),
]
