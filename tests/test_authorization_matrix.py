"""Every URL of the project × every kind of user, against one explicit table.

The URL list comes from the resolver, so a new page that is missing from the
table fails this test until someone decides who may see it.
"""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from api.services import create_token
from catalog.demo import load_catalog_demo
from recruiting.filters import CandidateFilter
from recruiting.models import ContactRequest, SearchProposal
from recruiting.services.exports import request_candidate_export
from recruiting.services.searches import Requirement, create_search, propose_search
from skills.demo import load_skills_demo
from skills.models import ChecklistItem, EngineerProfile, Resource, Role, UnrecognisedTerm
from skills.privacy.sharing import create_share_link
from skills.vacancies.services import save_vacancy
from tests.factories import (
    EditorFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    SuperuserFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "engineer", "other_engineer", "recruiter", "editor", "superuser")
# Staff rights without a confirmed second factor: the candidates permission given directly (no group, no
# authenticator), a recruiter whose session passed only the password, a superuser without an authenticator.
STAFF_WITHOUT_SECOND_FACTOR = ("direct_permission", "password_only_recruiter", "superuser_no_mfa")
# A recruiter who has not filled in their recruiter profile (name and company): the candidate would see a view by no
# one they can name, so a candidate's page sends them to the profile form first and the API refuses (NAME_FIRST).
UNNAMED_RECRUITER = "unnamed_recruiter"

OK, LOGIN, FORBIDDEN, NOT_FOUND, NOT_ALLOWED, UNAUTHORIZED, REDIRECT = 200, "login", 403, 404, 405, 401, "redirect"
SECOND_FACTOR = "second factor"  # sent to the page that explains how to set up or pass the second factor

PUBLIC = dict.fromkeys(ROLES, OK)
SIGNED_IN = {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], OK)}
SIGNED_IN_POST_ONLY = {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], NOT_ALLOWED)}
# An engineer's own pages: recruiters and editors (superusers too) are not engineers and get a 403 that says where
# they work, unless they keep an engineer profile of their own (nobody in this world does). The guard comes first.
STAFF_REFUSED = dict.fromkeys(("recruiter", "editor", "superuser"), FORBIDDEN)
ENGINEERS = {**SIGNED_IN, **STAFF_REFUSED}
ENGINEERS_POST_ONLY = {**SIGNED_IN_POST_ONLY, **STAFF_REFUSED}
RECRUITERS_ONLY = {
    "anonymous": LOGIN,
    "engineer": FORBIDDEN,
    "other_engineer": FORBIDDEN,
    "recruiter": OK,
    "editor": FORBIDDEN,
    "superuser": OK,
}
# A shortlist belongs to one recruiter: every other user (superusers too) gets a 404.
OWN_SHORTLIST = {**RECRUITERS_ONLY, "superuser": NOT_FOUND}
# Method checks come first: a GET is refused before anyone's ownership is looked at.
OWN_SHORTLIST_POST_ONLY = {**OWN_SHORTLIST, "recruiter": NOT_ALLOWED, "superuser": NOT_ALLOWED}
RECRUITERS_POST_ONLY = {**RECRUITERS_ONLY, "recruiter": NOT_ALLOWED, "superuser": NOT_ALLOWED}
# The page that asks before an acceptance is withdrawn: its engineer is led back to the request's row while there is
# nothing to withdraw (the world's request is pending); anyone else gets a 404.
OWN_CONTACT_PAGE = {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], NOT_FOUND), "engineer": REDIRECT}
STAFF_ADMIN = {
    "anonymous": LOGIN,
    "engineer": FORBIDDEN,
    "other_engineer": FORBIDDEN,
    "recruiter": FORBIDDEN,
    "editor": OK,
    "superuser": OK,
}
EDITOR_CONTENT = STAFF_ADMIN
SUPERUSER_ONLY_ADMIN = {**STAFF_ADMIN, "editor": FORBIDDEN}
# A saved vacancy is its owner's alone: another engineer gets a 404, staff the engineer pages' answers.
OWN_SAVED_VACANCY = {"anonymous": LOGIN, "engineer": OK, "other_engineer": NOT_FOUND, **STAFF_REFUSED}
ANONYMOUS_ONLY = {"anonymous": OK, **dict.fromkeys(ROLES[1:], REDIRECT)}
API_PUBLIC = PUBLIC
API_SIGNED_IN = {"anonymous": UNAUTHORIZED, **dict.fromkeys(ROLES[1:], OK)}
# The engineer's own endpoints (/api/me/…): the pages' rule, staff refused with a JSON 403 (tests/api).
API_ENGINEERS = {**API_SIGNED_IN, **STAFF_REFUSED}
API_RECRUITERS = {**RECRUITERS_ONLY, "anonymous": UNAUTHORIZED}  # the same people; the API asks for a token with 401
# The market map: aggregates only, for recruiters and editors (each with a confirmed second factor).
MARKET = {**RECRUITERS_ONLY, "editor": OK}
API_MARKET = {**API_RECRUITERS, "editor": OK}
# An engineer's benchmarks answer only those who count in themselves; nobody in this world does.
API_COUNTED_IN = {"anonymous": UNAUTHORIZED, **dict.fromkeys(ROLES[1:], FORBIDDEN)}

EXPECTED = {
    # portal
    "home": PUBLIC,
    "healthz": PUBLIC,
    "favicon": dict.fromkeys(ROLES, REDIRECT),  # to the icon in the static files
    "privacy": PUBLIC,  # the privacy statement, linked from sign-up and the footer
    "mfa-required": PUBLIC,
    "account-menu": SIGNED_IN,  # the account menu for a browser without JavaScript
    "notices": SIGNED_IN,  # each signed-in person's own notices and choices (no ids in the URL)
    "notice-language": SIGNED_IN_POST_ONLY,  # keeps the signed-in person's own language (no ids in the URL)
    "set_language": dict.fromkeys(ROLES, REDIRECT),  # a GET just goes back
    # catalog
    "catalog:tool-list": PUBLIC,
    "catalog:tool-detail": PUBLIC,
    "catalog:compare": PUBLIC,
    "catalog:chooser": PUBLIC,
    "catalog:faq": PUBLIC,
    # skills: public role pages
    "skills:role-list": PUBLIC,
    "skills:role-detail": PUBLIC,
    # skills: each signed-in user's own data (no ids in these URLs, so no one else's)
    "skills:checklist": ENGINEERS,
    "skills:home": ENGINEERS,  # the engineer's own home: their match, next step, contact requests, changes
    "skills:start": ENGINEERS,  # the one-minute start; its POSTs change only the signed-in user's own profile
    "skills:assess": ENGINEERS_POST_ONLY,
    "skills:assess-all": ENGINEERS_POST_ONLY,
    "skills:item-state": ENGINEERS_POST_ONLY,  # the signed-in engineer's own mark on an item
    "skills:resource-done": ENGINEERS_POST_ONLY,  # the signed-in engineer's own mark on a learning resource
    "skills:gaps": ENGINEERS,
    "skills:role-gaps": ENGINEERS,
    "skills:progress": ENGINEERS,
    "skills:profile": ENGINEERS,
    "skills:profile-export": SIGNED_IN,
    "skills:profile-delete": SIGNED_IN,
    "skills:pseudonym": ENGINEERS,  # the signed-in user's own pseudonym; no ids in the URL
    "skills:share-link-create": ENGINEERS_POST_ONLY,
    "skills:share-link-revoke": ENGINEERS_POST_ONLY,
    "skills:benchmarks": ENGINEERS,  # those who do not count in get the page that explains and offers the choice
    "skills:benchmark-choice": ENGINEERS_POST_ONLY,
    "skills:vacancy": ENGINEERS,  # reading a pasted vacancy stores nothing
    "skills:vacancy-save": ENGINEERS_POST_ONLY,
    "skills:vacancy-detail": OWN_SAVED_VACANCY,
    "skills:vacancy-delete": OWN_SAVED_VACANCY,  # GET asks first; another engineer's is a 404
    # an engineer's shared profile: anyone holding a usable link (an unusable one is a 404, tested apart)
    "share:profile": PUBLIC,
    # skills: recruiters
    "recruiting:candidate-list": RECRUITERS_ONLY,
    "recruiting:candidate-export": RECRUITERS_ONLY,
    # The view is recorded: whoever opens it names themselves first (this world's superuser has no recruiter profile).
    "recruiting:candidate-detail": {**RECRUITERS_ONLY, "superuser": REDIRECT},
    # An export belongs to the recruiter who asked for it: everyone else (superusers too) gets a 404.
    "recruiting:export-detail": OWN_SHORTLIST,
    "recruiting:export-download": OWN_SHORTLIST,
    "recruiting:market": MARKET,
    "recruiting:shortlist-list": RECRUITERS_ONLY,
    "recruiting:shortlist-add": RECRUITERS_POST_ONLY,
    "recruiting:shortlist-detail": OWN_SHORTLIST,
    "recruiting:shortlist-delete": OWN_SHORTLIST,
    "recruiting:shortlist-remove": OWN_SHORTLIST_POST_ONLY,
    "recruiting:shortlist-note": OWN_SHORTLIST_POST_ONLY,
    "recruiting:shortlist-stage": OWN_SHORTLIST_POST_ONLY,  # another recruiter's entry is a 404 (tests/recruiting)
    "recruiting:shortlist-role": OWN_SHORTLIST_POST_ONLY,
    "recruiting:shortlist-export": OWN_SHORTLIST_POST_ONLY,  # only its owner; another's is a 404 (tests/recruiting)
    "recruiting:overview": RECRUITERS_ONLY,  # only the recruiter's own numbers
    "recruiting:contact-request": RECRUITERS_ONLY,
    "recruiting:recruiter-profile": RECRUITERS_ONLY,  # the recruiter's own details (no ids in the URL)
    # A vacancy search is its recruiter's alone, like a shortlist: everyone else (superusers too) gets a 404.
    "recruiting:search-list": RECRUITERS_ONLY,
    "recruiting:search-new": RECRUITERS_ONLY,
    "recruiting:search-detail": OWN_SHORTLIST,
    "recruiting:search-edit": OWN_SHORTLIST,
    "recruiting:search-delete": OWN_SHORTLIST,
    "recruiting:search-rank": OWN_SHORTLIST_POST_ONLY,
    "recruiting:search-propose": OWN_SHORTLIST_POST_ONLY,
    # an engineer's answers to contact requests: POST only, and another engineer's request is never touched
    "recruiting:contact-answer": SIGNED_IN_POST_ONLY,
    "recruiting:contact-withdraw": OWN_CONTACT_PAGE,
    # the engineer's own card as a recruiter sees it; an engineer without a profile yet is sent to make one
    "recruiting:profile-preview": ENGINEERS,
    # API tokens page and API
    "tokens:list": SIGNED_IN,
    "tokens:revoke": SIGNED_IN_POST_ONLY,
    "api:api-root": dict.fromkeys(ROLES, NOT_FOUND),  # nothing lives at /api/ itself
    "api:openapi-json": API_PUBLIC,
    "api:openapi-view": API_PUBLIC,
    "api:list_categories": API_PUBLIC,
    "api:list_tools": API_PUBLIC,
    "api:get_tool": API_PUBLIC,
    "api:list_chooser_options": API_PUBLIC,
    "api:list_skills": API_PUBLIC,
    "api:list_roles": API_PUBLIC,
    "api:get_role": API_PUBLIC,
    "api:analyze_vacancy": dict.fromkeys(ROLES, NOT_ALLOWED),  # POST only, open to all (tests/api)
    "api:list_assessments": API_ENGINEERS,
    "api:set_own_assessment": dict.fromkeys(ROLES, NOT_ALLOWED),  # PUT only
    "api:list_matches": API_ENGINEERS,
    "api:get_gaps": API_ENGINEERS,
    "api:list_share_links": API_ENGINEERS,
    "api:create_own_share_link": API_ENGINEERS,  # the same path: a GET lists the caller's own links
    "api:revoke_own_share_link": dict.fromkeys(ROLES, NOT_ALLOWED),  # POST only
    "api:list_contact_requests": API_ENGINEERS,
    "api:answer_own_contact_request": dict.fromkeys(ROLES, NOT_ALLOWED),  # POST only
    "api:withdraw_own_acceptance": dict.fromkeys(ROLES, NOT_ALLOWED),  # POST only
    "api:get_own_benchmarks": API_COUNTED_IN,
    "api:get_market": API_MARKET,
    "api:list_candidates": API_RECRUITERS,
    "api:get_candidate": {**API_RECRUITERS, "superuser": FORBIDDEN},  # recorded too: a name first, as on the page
    # allauth
    "account_login": ANONYMOUS_ONLY,
    "account_signup": ANONYMOUS_ONLY,
    "account_logout": {"anonymous": REDIRECT, **dict.fromkeys(ROLES[1:], OK)},
    "account_inactive": PUBLIC,
    "account_reauthenticate": SIGNED_IN,
    "account_email": SIGNED_IN,
    "account_email_verification_sent": PUBLIC,
    "account_resend_confirmation": dict.fromkeys(ROLES, NOT_ALLOWED),  # POST only
    "account_change_password": SIGNED_IN,
    "account_set_password": {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], REDIRECT)},
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
    "account_confirm_email": PUBLIC,
    "account_confirm_login_code": dict.fromkeys(ROLES, REDIRECT),
    # allauth's two-factor views: engineers here have no authenticator, staff have TOTP but no recovery
    # codes yet; changing a factor asks to re-authenticate first.
    "mfa_index": SIGNED_IN,
    "mfa_authenticate": dict.fromkeys(ROLES, REDIRECT),
    "mfa_reauthenticate": {**SIGNED_IN, "engineer": REDIRECT, "other_engineer": REDIRECT},
    "mfa_activate_totp": {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], REDIRECT)},
    "mfa_deactivate_totp": {
        "anonymous": LOGIN,
        **dict.fromkeys(ROLES[1:], REDIRECT),
        "engineer": NOT_FOUND,
        "other_engineer": NOT_FOUND,
    },
    "mfa_view_recovery_codes": {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], NOT_FOUND)},
    "mfa_generate_recovery_codes": {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], REDIRECT)},
    "mfa_download_recovery_codes": {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], NOT_FOUND)},
    # admin: the index and every model's change list
    "admin:index": STAFF_ADMIN,
    "admin:app_list": STAFF_ADMIN,
    "admin:catalog_category_changelist": EDITOR_CONTENT,
    "admin:catalog_keyword_changelist": EDITOR_CONTENT,
    "admin:catalog_toolphrase_changelist": EDITOR_CONTENT,
    "admin:catalog_tool_changelist": EDITOR_CONTENT,
    "admin:catalog_chooseroption_changelist": EDITOR_CONTENT,
    "admin:catalog_faqentry_changelist": EDITOR_CONTENT,
    "admin:skills_skill_changelist": EDITOR_CONTENT,
    "admin:skills_checklistitem_changelist": EDITOR_CONTENT,
    "admin:skills_itemphrase_changelist": EDITOR_CONTENT,
    "admin:skills_vacancycue_changelist": EDITOR_CONTENT,
    "admin:skills_unrecognisedterm_changelist": EDITOR_CONTENT,
    "admin:skills_unrecognisedterm_adopt": EDITOR_CONTENT,  # a term becomes an item's or tool's phrase
    "admin:skills_role_changelist": EDITOR_CONTENT,
    "admin:skills_engineerprofile_changelist": SUPERUSER_ONLY_ADMIN,
    "admin:skills_rolematch_changelist": SUPERUSER_ONLY_ADMIN,
    "admin:recruiting_profileview_changelist": SUPERUSER_ONLY_ADMIN,
    "admin:recruiting_contactrequest_changelist": SUPERUSER_ONLY_ADMIN,
    "admin:recruiting_searchproposal_changelist": EDITOR_CONTENT,  # frozen copies of proposed searches only
    "admin:recruiting_searchproposal_publish": EDITOR_CONTENT,  # a waiting proposal's publish form
    "admin:auth_user_changelist": SUPERUSER_ONLY_ADMIN,
    "admin:auth_group_changelist": SUPERUSER_ONLY_ADMIN,
    "admin:account_emailaddress_changelist": SUPERUSER_ONLY_ADMIN,
    "admin:mfa_authenticator_changelist": SUPERUSER_ONLY_ADMIN,
    "admin:django_tasks_database_dbtaskresult_changelist": SUPERUSER_ONLY_ADMIN,  # the queue: e-mails in it too
}


ENGINEER_ANSWERS = ("recruiting:contact-answer", "recruiting:contact-withdraw")
# What an engineer and a recruiter keep to themselves; no page or admin view shows it to an editor.
ASSESSMENT_NOTE = "Only its engineer reads this note"
EVIDENCE_URL = "https://example.com/only-its-engineer-links-this"
PRIVATE_SEARCH_TITLE = "Skunkworks lakehouse search (private)"
RECRUITER_NAME = "Rita Recruiterdottir"
# What every page that records a profile view answers someone who may read candidates but gave no name yet.
NAME_FIRST = {"recruiting:candidate-detail": REDIRECT, "api:get_candidate": FORBIDDEN}


def expected(name: str, role: str) -> int | str:
    """The table's answer; staff without a confirmed second factor are refused every staff right."""
    table = EXPECTED[name]
    if role in table:
        return table[role]
    if role == UNNAMED_RECRUITER:
        # A recruiter like any other, who owns nothing in this world (as the superuser), except where views are kept.
        return NAME_FIRST.get(
            name, table["superuser" if table in (OWN_SHORTLIST, OWN_SHORTLIST_POST_ONLY) else "recruiter"]
        )
    if role == "password_only_recruiter" and name.startswith("mfa_"):
        return table["recruiter"]  # the account has an authenticator, like every recruiter
    if name in ENGINEER_ANSWERS:
        return table["other_engineer"]  # not the engineer the request was sent to
    if name.startswith(("recruiting:", "tokens:")):
        return SECOND_FACTOR
    if table is API_RECRUITERS:
        return FORBIDDEN
    if name.startswith("admin:"):
        return SECOND_FACTOR if role == "superuser_no_mfa" else FORBIDDEN
    if table is API_ENGINEERS:
        return FORBIDDEN
    if table in (ENGINEERS, ENGINEERS_POST_ONLY, OWN_SAVED_VACANCY):
        return SECOND_FACTOR  # staff are no engineers by their password alone: no profile is made for them
    return table["engineer"]


# Admin views below a model's change list (add, change, delete, history, import, export…) share its
# permission and need an object; the admin's own login/logout/password/jsi18n views are allauth's or static.
ADMIN_SUBVIEW = re.compile(
    r"^admin:(\w+_(add|change|delete|history|import|export|process_import|process_export|"
    r"history_form_view|revert|changelist_history|view_on_site)|"
    r"login|logout|password_change|password_change_done|jsi18n|autocomplete|view_on_site)$"
)


def url_names(patterns=None, namespace="") -> set[str]:
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def project_url_names() -> set[str]:
    return {name for name in url_names() if not ADMIN_SUBVIEW.match(name)}


def test_every_url_is_in_the_table():
    missing = project_url_names() - EXPECTED.keys()
    stale = EXPECTED.keys() - project_url_names()
    assert not missing, f"Decide who may see these URLs and add them to EXPECTED: {sorted(missing)}"
    assert not stale, f"These names are gone from the URLconf: {sorted(stale)}"


@pytest.fixture(scope="module")
def world(module_db):
    """Demo content, one user of each kind, and objects that URLs point at, made once per module."""
    with module_db.unblock():
        return _world()


def _world():
    load_catalog_demo()
    load_skills_demo()
    users = {
        "engineer": UserFactory(),
        "other_engineer": UserFactory(),
        "recruiter": RecruiterFactory(recruiter_profile__name=RECRUITER_NAME, recruiter_profile__company="Acme"),
        UNNAMED_RECRUITER: RecruiterFactory(recruiter_profile=False),
        "editor": EditorFactory(),
        "superuser": SuperuserFactory(),
        "direct_permission": UserFactory(),
        "password_only_recruiter": RecruiterFactory(),
        "superuser_no_mfa": SuperuserFactory(with_mfa=False),
    }
    users["direct_permission"].user_permissions.add(Permission.objects.get(codename="view_candidates"))
    role = Role.objects.filter(published=True).first()
    item = ChecklistItem.objects.first()
    profile = EngineerProfileFactory(
        user=users["engineer"], visibility=EngineerProfile.Visibility.RECRUITERS, target_role=role
    )
    EngineerProfileFactory(user=users["other_engineer"], target_role=role)  # private, the default
    for engineer in (users["engineer"], users["other_engineer"]):
        assess(user=engineer, item=item, level=4, evidence_url=EVIDENCE_URL, note=ASSESSMENT_NOTE)
    shortlist = ShortlistFactory(recruiter=users["recruiter"])
    ShortlistEntryFactory(shortlist=shortlist, profile=profile)
    token = create_token(user=users["engineer"], name="script").token
    export = request_candidate_export(  # the job runs at once in tests: its file is there to download
        recruiter=users["recruiter"],
        spec=CandidateFilter().spec,
        profile_url_base="http://testserver/recruiting/candidates/",
    )
    shared = create_share_link(user=users["engineer"], days=7)
    vacancy = save_vacancy(owner=users["engineer"], title="Lakehouse at Acme", link="", text="Senior, PySpark, SQL.")
    contact = ContactRequest.objects.create(
        recruiter=users["recruiter"], profile=profile, recruiter_name="Rita", recruiter_company="Acme", message="Hi"
    )
    search = create_search(
        owner=users["recruiter"],
        title=PRIVATE_SEARCH_TITLE,
        requirements=[Requirement(item=ChecklistItem.objects.first(), min_level=2, is_must_have=True)],
    )
    proposed = create_search(
        owner=users["recruiter"],
        title="Lakehouse engineer, as proposed",
        requirements=[Requirement(item=ChecklistItem.objects.first(), min_level=2, is_must_have=True)],
    )
    propose_search(owner=users["recruiter"], search=proposed, note="Often asked.")
    proposal = SearchProposal.objects.get(search=proposed)
    term = UnrecognisedTerm.objects.create(term="Snowflake", language="nl", count=3)  # shown to editors
    kwargs = {
        "admin:app_list": {"app_label": "catalog"},
        "admin:skills_unrecognisedterm_adopt": {"pk": term.pk},
        "admin:recruiting_searchproposal_publish": {"pk": proposal.pk},
        "catalog:tool-detail": {"slug": "pandas"},
        "skills:role-detail": {"slug": role.slug},
        "skills:role-gaps": {"slug": role.slug},
        "skills:assess": {"item_id": ChecklistItem.objects.first().pk},
        "skills:item-state": {"item_id": ChecklistItem.objects.first().pk},
        "skills:resource-done": {"resource_id": Resource.objects.public().first().pk},
        "recruiting:candidate-detail": {"pk": profile.pk},
        "recruiting:contact-request": {"pk": profile.pk},
        "share:profile": {"token": shared.token},
        "api:revoke_own_share_link": {"link_id": shared.link.pk},
        "api:answer_own_contact_request": {"request_id": contact.pk},
        "api:withdraw_own_acceptance": {"request_id": contact.pk},
        "skills:share-link-revoke": {"pk": shared.link.pk},
        "skills:vacancy-detail": {"pk": vacancy.pk},
        "skills:vacancy-delete": {"pk": vacancy.pk},
        "recruiting:contact-answer": {"pk": contact.pk},
        "recruiting:contact-withdraw": {"pk": contact.pk},
        "recruiting:shortlist-detail": {"pk": shortlist.pk},
        **{f"recruiting:search-{page}": {"pk": search.pk} for page in ("detail", "edit", "delete", "rank", "propose")},
        "recruiting:export-detail": {"pk": export.pk},
        "recruiting:export-download": {"pk": export.pk},
        "recruiting:shortlist-delete": {"pk": shortlist.pk},
        "recruiting:shortlist-remove": {"pk": shortlist.pk, "profile_pk": profile.pk},
        "recruiting:shortlist-note": {"pk": shortlist.pk, "profile_pk": profile.pk},
        "recruiting:shortlist-stage": {"pk": shortlist.pk, "profile_pk": profile.pk},
        "recruiting:shortlist-role": {"pk": shortlist.pk},
        "recruiting:shortlist-export": {"pk": shortlist.pk},
        "api:get_tool": {"slug": "pandas"},
        "api:get_role": {"slug": role.slug},
        "api:set_own_assessment": {"item_id": ChecklistItem.objects.first().pk},
        "api:get_gaps": {"role_slug": role.slug},
        "api:get_candidate": {"profile_id": profile.pk},
        "tokens:revoke": {"pk": token.pk},
        "account_confirm_email": {"key": "not-a-real-key"},
        "account_reset_password_from_key": {"uidb36": "0", "key": "not-a-real-key"},
    }
    return users, kwargs, token


def outcome(client, response) -> int | str:
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith(reverse("admin:login")):
            # The admin's login hands over to allauth, and refuses signed-in users who are not staff.
            return outcome(client, client.get(location))
        if location.startswith(reverse("mfa-required")):
            return SECOND_FACTOR
        return LOGIN if location.startswith(reverse("account_login")) and "next=" in location else REDIRECT
    return response.status_code


@pytest.mark.parametrize("role", (*ROLES, *STAFF_WITHOUT_SECOND_FACTOR, UNNAMED_RECRUITER))
def test_each_url_answers_each_kind_of_user_as_the_table_says(client, world, role):
    users, kwargs, _ = world
    if role == "password_only_recruiter":
        client.force_login_password_only(users[role])
    elif role != "anonymous":
        client.force_login(users[role])
    wrong = {}
    for name in sorted(project_url_names()):
        if name not in EXPECTED:
            continue
        url = reverse(name, kwargs=kwargs.get(name))
        got = outcome(client, client.get(url))
        if got != expected(name, role):
            wrong[name] = f"expected {expected(name, role)}, got {got} ({url})"
    assert not wrong, "\n".join(f"{name}: {problem}" for name, problem in wrong.items())


def is_public(name: str) -> bool:
    return EXPECTED[name]["anonymous"] == OK


@pytest.mark.parametrize("role", ROLES[1:])
def test_every_non_public_url_is_private_and_never_stored_for_whoever_may_see_it(client, world, role):
    users, kwargs, _ = world
    client.force_login(users[role])
    wrong = {}
    for name in sorted(project_url_names()):
        if name not in EXPECTED or is_public(name) or EXPECTED[name][role] != OK:
            continue
        response = client.get(reverse(name, kwargs=kwargs.get(name)))
        cache_control = {part.strip() for part in response.get("Cache-Control", "").split(",")}
        if not {"private", "no-store"} <= cache_control:
            wrong[name] = response.get("Cache-Control", "(none)")
    assert not wrong, f"Cache-Control without private, no-store: {wrong}"


def editor_admin_pages(editor, *, target_role: Role) -> list[tuple[str, str, dict]]:
    """(method, URL, data) of every admin page an editor may open about a row: the change and history pages of a
    row of every kind they may view, and for a kind they may delete its delete page and "delete selected" on every
    row of it at once. The assessed item, its skill and the engineers' target role come first, as the rows whose
    deletion reaches people."""
    request = RequestFactory().get("/admin/")
    request.user = editor
    item = ChecklistItem.objects.first()
    nearest_people = {ChecklistItem: item, item.skill.__class__: item.skill, Role: target_role}
    pages = []
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        model_admin = admin.site.get_model_admin(model)
        if not model_admin.has_view_permission(request):
            continue
        rows = model_admin.get_queryset(request)
        obj = nearest_people.get(model) or rows.first()
        if obj is None:
            continue
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages += [
            ("get", reverse(f"{name}_change", args=[obj.pk]), {}),
            ("get", reverse(f"{name}_history", args=[obj.pk]), {}),
        ]
        if not model_admin.has_delete_permission(request):
            continue
        pages += [
            ("get", reverse(f"{name}_delete", args=[obj.pk]), {}),
            ("post", reverse(f"{name}_delete", args=[obj.pk]), {"post": "yes"}),
            (
                "post",
                reverse(f"{name}_changelist"),
                {"action": "delete_selected", "_selected_action": list(rows.values_list("pk", flat=True))},
            ),
        ]
    return pages


def test_an_editor_is_shown_no_engineer_and_no_private_search_on_any_page_or_admin_view(client, world):
    """Editors keep content: every page the table lets them open, and every admin view of a row they may delete
    (its delete page and the bulk "delete selected" included), is scanned for what engineers and recruiters keep
    to themselves."""
    users, kwargs, _ = world
    editor = users["editor"]
    assert not editor.is_superuser
    client.force_login(editor)  # with the second factor passed, as staff rights need
    secrets = [
        users["engineer"].email,
        users["other_engineer"].email,
        users["recruiter"].email,
        RECRUITER_NAME,
        ASSESSMENT_NOTE,
        EVIDENCE_URL,
        PRIVATE_SEARCH_TITLE,
        *EngineerProfile.objects.values_list("pseudonym", flat=True),
    ]
    answers = [
        ("get", reverse(name, kwargs=kwargs.get(name)), {})
        for name in sorted(project_url_names())
        # A share link shows what its engineer chose to show to whoever holds it: their choice, not a leak.
        if name in EXPECTED and expected(name, "editor") == OK and name != "share:profile"
    ]
    answers += editor_admin_pages(editor, target_role=users["engineer"].profile.target_role)
    shown, opened = {}, set()
    for method, url, data in answers:
        response = getattr(client, method)(url, data)
        if response.status_code != 200 or response.streaming:
            continue
        opened.add(url)
        page = response.content.decode()
        found = [secret for secret in secrets if secret in page]
        if found:
            shown[f"{method.upper()} {url}"] = found
    assert not shown, shown
    item = ChecklistItem.objects.first()
    assert {
        reverse("admin:skills_checklistitem_delete", args=[item.pk]),
        reverse("admin:skills_skill_delete", args=[item.skill_id]),
        reverse("admin:skills_checklistitem_changelist"),
        reverse("admin:recruiting_searchproposal_changelist"),
        reverse("admin:recruiting_searchproposal_change", args=[SearchProposal.objects.get().pk]),
        reverse("admin:recruiting_searchproposal_publish", args=[SearchProposal.objects.get().pk]),
    } <= opened, "the pages nearest to people were scanned"
