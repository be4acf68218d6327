"""Recruiter pages under /skills/: candidates and shortlists (namespace "skills")."""

from django.urls import path

from skills import recruiter_views as views

urlpatterns = [
    path("candidates/", views.CandidateListView.as_view(), name="candidate-list"),
    path("candidates/export.csv", views.CandidateExportView.as_view(), name="candidate-export"),
    path("candidates/<int:pk>/", views.CandidateDetailView.as_view(), name="candidate-detail"),
    path("shortlists/", views.ShortlistListView.as_view(), name="shortlist-list"),
    path("shortlists/add/", views.shortlist_add, name="shortlist-add"),
    path("shortlists/<int:pk>/", views.ShortlistDetailView.as_view(), name="shortlist-detail"),
    path("shortlists/<int:pk>/delete/", views.ShortlistDeleteView.as_view(), name="shortlist-delete"),
    path("shortlists/<int:pk>/remove/<int:profile_pk>/", views.shortlist_remove, name="shortlist-remove"),
    path("shortlists/<int:pk>/note/<int:profile_pk>/", views.shortlist_note, name="shortlist-note"),
]
