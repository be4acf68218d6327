"""Recruiter pages: candidates, shortlists and vacancy searches (namespace "recruiting"), under /skills/ as they
always were."""

from django.urls import path

from recruiting import contact_views, search_views, views

app_name = "recruiting"

urlpatterns = [
    path("candidates/", views.candidate_list, name="candidate-list"),
    path("candidates/export.csv", views.candidate_export, name="candidate-export"),
    path("candidates/exports/<int:pk>/", views.export_detail, name="export-detail"),
    path("candidates/exports/<int:pk>/download/", views.export_download, name="export-download"),
    path("candidates/<int:pk>/", views.candidate_detail, name="candidate-detail"),
    path("candidates/<int:pk>/contact/", contact_views.contact_request, name="contact-request"),
    path("profile/contacts/<int:pk>/answer/", contact_views.contact_answer, name="contact-answer"),
    path("profile/contacts/<int:pk>/withdraw/", contact_views.contact_withdraw, name="contact-withdraw"),
    path("shortlists/", views.shortlist_list, name="shortlist-list"),
    path("shortlists/add/", views.shortlist_add, name="shortlist-add"),
    path("shortlists/<int:pk>/", views.shortlist_detail, name="shortlist-detail"),
    path("shortlists/<int:pk>/delete/", views.shortlist_delete, name="shortlist-delete"),
    path("shortlists/<int:pk>/remove/<int:profile_pk>/", views.shortlist_remove, name="shortlist-remove"),
    path("shortlists/<int:pk>/note/<int:profile_pk>/", views.shortlist_note, name="shortlist-note"),
    path("searches/", search_views.search_list, name="search-list"),
    path("searches/new/", search_views.search_new, name="search-new"),
    path("searches/<int:pk>/", search_views.search_detail, name="search-detail"),
    path("searches/<int:pk>/edit/", search_views.search_edit, name="search-edit"),
    path("searches/<int:pk>/rank/", search_views.search_rank, name="search-rank"),
    path("searches/<int:pk>/propose/", search_views.search_propose, name="search-propose"),
    path("searches/<int:pk>/delete/", search_views.search_delete, name="search-delete"),
]
