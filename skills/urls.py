"""The engineer's own pages under /skills/, and the public role pages (namespace "skills")."""

from django.urls import path

from skills import views
from skills.benchmarks import views as benchmark_views
from skills.privacy import views as privacy_views
from skills.start import views as start_views
from skills.vacancies import views as vacancy_views

app_name = "skills"

urlpatterns = [
    path("", views.checklist, name="checklist"),
    path("home/", views.home, name="home"),
    path("start/", start_views.start, name="start"),
    path("items/", views.assess_all, name="assess-all"),
    path("items/<int:item_id>/", views.assess, name="assess"),
    path("items/<int:item_id>/state/", views.item_state, name="item-state"),
    path("resources/<int:resource_id>/done/", views.resource_done, name="resource-done"),
    path("gaps/", views.gaps, name="gaps"),
    path("gaps/<slug:slug>/", views.role_gaps, name="role-gaps"),
    path("progress/", views.progress, name="progress"),
    path("profile/", privacy_views.profile, name="profile"),
    path("profile/export.json", privacy_views.profile_export, name="profile-export"),
    path("profile/pseudonym/", privacy_views.pseudonym, name="pseudonym"),
    path("profile/delete/", privacy_views.profile_delete, name="profile-delete"),
    path("profile/share-links/", privacy_views.share_link_create, name="share-link-create"),
    path("profile/share-links/<int:pk>/revoke/", privacy_views.share_link_revoke, name="share-link-revoke"),
    path("benchmarks/", benchmark_views.benchmarks, name="benchmarks"),
    path("benchmarks/choice/", benchmark_views.benchmark_choice, name="benchmark-choice"),
    path("vacancy/", vacancy_views.vacancy, name="vacancy"),
    path("vacancy/save/", vacancy_views.vacancy_save, name="vacancy-save"),
    path("vacancy/<int:pk>/", vacancy_views.saved_vacancy, name="vacancy-detail"),
    path("vacancy/<int:pk>/delete/", vacancy_views.saved_vacancy_delete, name="vacancy-delete"),
    path("roles/", views.role_list, name="role-list"),
    path("roles/<slug:slug>/", views.role_detail, name="role-detail"),
]
