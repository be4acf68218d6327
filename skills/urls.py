"""The engineer's own pages under /skills/, each behind one guard applied here, and the public role pages
(namespace "skills")."""

from django.urls import path

from portal.guards.pages import engineer_required
from skills import views
from skills.benchmarks import views as benchmark_views
from skills.checklist import views as checklist_views
from skills.privacy import views as privacy_views
from skills.start import views as start_views
from skills.vacancies import views as vacancy_views

app_name = "skills"

# (route, view, name): an engineer's own pages. Recruiters and editors get a 403 that says where they work.
ENGINEER_PAGES = (
    ("", checklist_views.checklist, "checklist"),
    ("home/", views.home, "home"),
    ("start/", start_views.start, "start"),
    ("items/", checklist_views.assess_all, "assess-all"),
    ("items/<int:item_id>/", checklist_views.assess, "assess"),
    ("items/<int:item_id>/state/", checklist_views.item_state, "item-state"),
    ("resources/<int:resource_id>/done/", checklist_views.resource_done, "resource-done"),
    ("gaps/", views.gaps, "gaps"),
    ("gaps/<slug:slug>/", views.role_gaps, "role-gaps"),
    ("progress/", views.progress, "progress"),
    ("profile/", privacy_views.profile, "profile"),
    ("profile/pseudonym/", privacy_views.pseudonym, "pseudonym"),
    ("profile/share-links/", privacy_views.share_link_create, "share-link-create"),
    ("profile/share-links/<int:pk>/revoke/", privacy_views.share_link_revoke, "share-link-revoke"),
    ("benchmarks/", benchmark_views.benchmarks, "benchmarks"),
    ("benchmarks/choice/", benchmark_views.benchmark_choice, "benchmark-choice"),
    ("vacancy/", vacancy_views.vacancy, "vacancy"),
    ("vacancy/save/", vacancy_views.vacancy_save, "vacancy-save"),
    ("vacancy/<int:pk>/", vacancy_views.saved_vacancy, "vacancy-detail"),
    ("vacancy/<int:pk>/delete/", vacancy_views.saved_vacancy_delete, "vacancy-delete"),
)

urlpatterns = [
    *(path(route, engineer_required(view), name=name) for route, view, name in ENGINEER_PAGES),
    # Every account's own data, whoever holds it: the download and the deletion.
    path("profile/export.json", privacy_views.profile_export, name="profile-export"),
    path("profile/delete/", privacy_views.profile_delete, name="profile-delete"),
    path("roles/", views.role_list, name="role-list"),
    path("roles/<slug:slug>/", views.role_detail, name="role-detail"),
]
