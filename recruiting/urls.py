"""The recruiting app's URLs: the recruiter pages under /recruiting/, each behind one guard applied here, the
engineer's answers to contact requests under /skills/profile/, and permanent redirects from the recruiter pages'
old home under /skills/."""

from django.urls import include, path, re_path

from portal.guards.pages import engineer_required
from recruiting.views import candidates, contacts, exports, market, outreach, preview, searches, shortlists
from recruiting.views.access import candidates_required, market_required
from recruiting.views.moved import moved_to_recruiting

app_name = "recruiting"

# (route, view, name): every page a recruiter works on. Only candidates_required lets a request through.
RECRUITER_PAGES = (
    ("candidates/", candidates.candidate_list, "candidate-list"),
    ("candidates/export.csv", exports.candidate_export, "candidate-export"),
    ("candidates/exports/<int:pk>/", exports.export_detail, "export-detail"),
    ("candidates/exports/<int:pk>/download/", exports.export_download, "export-download"),
    ("candidates/<int:pk>/", candidates.candidate_detail, "candidate-detail"),
    ("candidates/<int:pk>/contact/", contacts.contact_request, "contact-request"),
    ("profile/", contacts.recruiter_profile, "recruiter-profile"),
    ("shortlists/", shortlists.shortlist_list, "shortlist-list"),
    ("shortlists/add/", shortlists.shortlist_add, "shortlist-add"),
    ("shortlists/<int:pk>/", shortlists.shortlist_detail, "shortlist-detail"),
    ("shortlists/<int:pk>/delete/", shortlists.shortlist_delete, "shortlist-delete"),
    ("shortlists/<int:pk>/remove/<int:profile_pk>/", shortlists.shortlist_remove, "shortlist-remove"),
    ("shortlists/<int:pk>/note/<int:profile_pk>/", shortlists.shortlist_note, "shortlist-note"),
    ("shortlists/<int:pk>/stage/<int:profile_pk>/", shortlists.shortlist_stage, "shortlist-stage"),
    ("shortlists/<int:pk>/role/", shortlists.shortlist_role, "shortlist-role"),
    ("shortlists/<int:pk>/export/", exports.shortlist_export, "shortlist-export"),
    ("shortlists/overview/", outreach.overview, "overview"),
    ("searches/", searches.search_list, "search-list"),
    ("searches/new/", searches.search_new, "search-new"),
    ("searches/<int:pk>/", searches.search_detail, "search-detail"),
    ("searches/<int:pk>/edit/", searches.search_edit, "search-edit"),
    ("searches/<int:pk>/rank/", searches.search_rank, "search-rank"),
    ("searches/<int:pk>/propose/", searches.search_propose, "search-propose"),
    ("searches/<int:pk>/delete/", searches.search_delete, "search-delete"),
)

urlpatterns = [
    path(
        "recruiting/",
        include([path(route, candidates_required(view), name=name) for route, view, name in RECRUITER_PAGES]),
    ),
    path("recruiting/market/", market_required(market.market), name="market"),
    path("skills/profile/contacts/<int:pk>/answer/", contacts.contact_answer, name="contact-answer"),
    path("skills/profile/contacts/<int:pk>/withdraw/", contacts.contact_withdraw, name="contact-withdraw"),
    # The engineer's own card as a recruiter reads it, drawn by the recruiter page's own template and selector.
    path("skills/profile/preview/", engineer_required(preview.profile_preview), name="profile-preview"),
    # The recruiter pages lived under /skills/ until December 2026: bookmarks and links keep working.
    re_path(r"^skills/(?P<page>(?:candidates|shortlists|searches)/.*)\Z", moved_to_recruiting),
]
