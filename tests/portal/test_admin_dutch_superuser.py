"""The Dutch admin is Dutch for every staff user: a superuser also opens the pages editors never see (engineers'
profiles and matches, recruiters' views and contact requests, the job queue), and their labels are Dutch too."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from catalog.demo import load_catalog_demo
from recruiting.models import ContactRequest
from recruiting.services.searches import Requirement, create_search, propose_search
from skills.demo import load_skills_demo
from skills.models import ChecklistItem, RoleMatch
from tests.clients import DUTCH, ENGLISH
from tests.factories import (
    EngineerProfileFactory,
    ProfileViewFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    SuperuserFactory,
    ToolFactory,
    UserFactory,
)
from tests.jobs import queue_in_database
from tests.portal.test_admin_actions import model_admins

pytestmark = pytest.mark.django_db

# Labels that are the same word in Dutch.
SAME_IN_DUTCH = {"Data", "Details", "Id", "Link", "Matches", "Recruiter", "Score", "Slug", "Start", "Status", "Term"}
SAME_IN_DUTCH |= {"Tool", "Tools", "Traceback", "Type", "Website"}
LABEL = re.compile(r'<label\b[^>]*>(.*?)</label>|<th scope="col"[^>]*>(.*?)</th>', re.S)


def labels(response) -> list[str]:
    """The form's field labels and the list's column headers, without the sort number and the colon."""
    found = ("".join(groups) for groups in LABEL.findall(response.content.decode()))
    texts = (re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", text))).strip() for text in found)
    return [re.sub(r"^\d+ |:$", "", text) for text in texts if text]


@pytest.fixture
def one_row_of_each(client, settings):
    """A row of every model a superuser sees in the admin, so that each list shows its columns."""
    load_catalog_demo()
    load_skills_demo()
    queue_in_database(settings)
    client.post(reverse("account_reset_password"), {"email": UserFactory().email})  # a job in the queue
    assert DBTaskResult.objects.exists()
    recruiter = RecruiterFactory()
    profile = EngineerProfileFactory()
    ProfileViewFactory(profile=profile, recruiter=recruiter)
    RoleMatchFactory(profile=profile, role=RoleFactory())
    ContactRequest.objects.create(
        recruiter=recruiter, profile=profile, recruiter_name="Rita", recruiter_company="Acme", message="Hoi"
    )
    item = ChecklistItem.objects.first()
    search = create_search(
        owner=recruiter, title="Lakehouse", requirements=[Requirement(item=item, min_level=2, is_must_have=True)]
    )
    propose_search(owner=recruiter, search=search, note="Vaak gevraagd.")
    assert RoleMatch.objects.exists()


def test_every_admin_page_a_superuser_opens_labels_its_fields_in_dutch(client, one_row_of_each):
    superuser = SuperuserFactory()
    client.force_login(superuser)
    english_left = {}
    for model, _admin, _request in model_admins(superuser):
        opts = model._meta
        urls = [reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")]
        row = model._default_manager.first()
        if row is not None:
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk]))
        for url in urls:
            english, dutch = labels(client.get(url, **ENGLISH)), labels(client.get(url, **DUTCH))
            assert len(english) == len(dutch), url
            left = {nl for en, nl in zip(english, dutch, strict=True) if en == nl and nl not in SAME_IN_DUTCH}
            if left:
                english_left[url] = sorted(left)
    assert english_left == {}


def test_the_two_libraries_labels_read_in_english_as_they_did(client, one_row_of_each):
    """Their Dutch comes from names of ours (portal/admin_libraries.py); in English they read as the libraries had
    them."""
    client.force_login(SuperuserFactory())
    task = DBTaskResult.objects.first()
    pages = {
        reverse("admin:mfa_authenticator_changelist"): {"User", "Created at", "Last used at"},
        reverse("admin:django_tasks_database_dbtaskresult_changelist"): {"Task name"},
        reverse("admin:django_tasks_database_dbtaskresult_change", args=[task.pk]): {"Traceback", "Run after"},
    }
    for url, words in pages.items():
        assert words <= set(labels(client.get(url, **ENGLISH))), url


def heading_and_crumbs(response) -> tuple[str, str, list[str]]:
    """The page's <title>, its <h1> and its breadcrumbs, as a reader sees them."""
    html = response.content.decode()

    def text(fragment: str) -> str:
        return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()

    title = text(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
    heading = text(re.search(r'<div id="content"[^>]*>.*?<h1[^>]*>(.*?)</h1>', html, re.S).group(1))
    crumbs = re.search(r'<div class="breadcrumbs">(.*?)</div>', html, re.S)
    return title, heading, [text(crumb) for crumb in text(crumbs.group(1)).split("›")] if crumbs else []


def test_every_admin_heading_and_breadcrumb_starts_with_a_capital_in_dutch_as_in_english(client, one_row_of_each):
    """Dutch puts the model's name first ("%s toevoegen"), and a model's name is lower case mid-sentence in both
    languages: the heading, the window's title and the last breadcrumb of an add, change or view page still start
    with a capital, as the English verb does."""
    superuser = SuperuserFactory()
    client.force_login(superuser)
    tool = ToolFactory()
    urls = [
        reverse("admin:catalog_tool_simple_history", args=[tool.pk, tool.history.first().history_id]),
    ]
    add_urls = set(urls)
    for model, model_admin, request in model_admins(superuser):
        opts = model._meta
        if model_admin.has_add_permission(request):
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
            add_urls.add(urls[-1])
        if (row := model_admin.get_queryset(request).first()) is not None:
            urls.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk]))
    lower = []
    for url in urls:
        for headers in (ENGLISH, DUTCH):
            response = client.get(url, **headers)
            assert response.status_code == 200, url
            title, heading, crumbs = heading_and_crumbs(response)
            starts = [heading, crumbs[-1]] if url in add_urls else [heading]
            if any(not text[:1].isupper() for text in starts) or heading not in title:
                lower.append((url, headers["HTTP_ACCEPT_LANGUAGE"], heading, crumbs[-1:], title))
    assert lower == []


def test_a_past_versions_breadcrumbs_name_the_app_and_the_model_as_the_other_pages_do(editor_client):
    """django-simple-history's own crumbs gave the app's label and "Historical tools", in English."""
    tool = ToolFactory(name="Pandas")
    url = reverse("admin:catalog_tool_simple_history", args=[tool.pk, tool.history.first().history_id])
    _title, _heading, crumbs = heading_and_crumbs(editor_client.get(url, **DUTCH))
    assert crumbs == ["Home", "Catalogus", "Tools", "Pandas", "Geschiedenis", "Tool terugzetten"]
