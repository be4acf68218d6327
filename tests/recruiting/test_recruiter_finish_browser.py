"""A recruiter's pages in a real browser, in English and Dutch, on a phone and a desktop: a shortlist exported
through the export's job and progress page, a stage "moved" to the stage it is in, every role's name in the
filters, a saved search picked among many, and the way "Home" leads."""

import csv
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from playwright.sync_api import expect

from portal.guards.roles import RECRUITERS
from recruiting.models import Stage, StageChange
from recruiting.services.searches import Requirement, create_search
from skills.models import EngineerProfile
from tests.e2e.support import LANGUAGES_AT_WIDTHS, fits_width, share_session, watch_console
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    UserFactory,
)
from tests.jobs import queue_in_database, start_worker
from tests.recruiting.test_browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_TITLE = "Senior Data Engineer — lakehouse/Databricks, streaming and the platform around it"
WIDTHS = {390: {"width": 390, "height": 844}, 1280: {"width": 1280, "height": 900}}
WORDS = {
    "en": {
        "export": "Export this shortlist",
        "queued": "Your export is queued and starts in a moment…",
        "download": "Download the CSV",
        "move": "Move",
        "already": "Already in “Contacted”.",
        "header": ["stage", "your note"],
        "contacted": "Contacted",
        "home": "Home",
        "candidates": "Candidates",
        "apply": "Apply filters",
        "one_search": "One of your saved searches:",
        "searches": "Your saved searches",
        "ranked": "0 candidates for Vacancy 17",
    },
    "nl": {
        "export": "Deze shortlist exporteren",
        "queued": "Je export staat in de wachtrij en begint zo…",
        "download": "De CSV downloaden",
        "move": "Verplaats",
        "already": "Staat al op “Benaderd”.",
        "header": ["fase", "je notitie"],
        "contacted": "Benaderd",
        "home": "Home",
        "candidates": "Kandidaten",
        "apply": "Filters toepassen",
        "one_search": "Een van je opgeslagen zoekopdrachten:",
        "searches": "Je opgeslagen zoekopdrachten",
        "ranked": "0 kandidaten voor Vacancy 17",
    },
}


@pytest.fixture(autouse=True)
def recruiters_group():
    """The group comes from a data migration; a transactional test before this one may have flushed it."""
    recruiters, _created = Group.objects.get_or_create(name=RECRUITERS)
    recruiters.permissions.add(Permission.objects.get(content_type__app_label="skills", codename="view_candidates"))


@pytest.fixture
def shortlist():
    role = RoleFactory(title=LONG_TITLE, slug="lakehouse", order=1)
    profile = EngineerProfileFactory(
        user=UserFactory(password=None), visibility=EngineerProfile.Visibility.RECRUITERS, headline="Lakehouse lead"
    )
    RoleMatchFactory(profile=profile, role=role, score=88)
    shortlist = ShortlistFactory(recruiter=RecruiterFactory(), name="Utrecht medior", role=role)
    ShortlistEntryFactory(shortlist=shortlist, profile=profile, stage=Stage.CONTACTED, note="=Call on Monday")
    return shortlist


def open_page(browser, live_server, user, language: str, width: int, *, javascript: bool = True):
    context = browser.new_context(
        reduced_motion="reduce", locale=language, viewport=WIDTHS[width], java_script_enabled=javascript
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    share_session(page, live_server, user)
    return page


@pytest.mark.parametrize(("language", "width"), [("en", 1280), ("nl", 390)])
def test_the_owner_exports_a_shortlist_through_the_progress_page(
    live_server, browser, settings, shortlist, language, width
):
    queue_in_database(settings)
    words = WORDS[language]
    page = open_page(browser, live_server, shortlist.recruiter, language, width)
    errors = watch_console(page)
    page.goto(live_server.url + shortlist.get_absolute_url())
    page.locator("label[for=export-format-csv]").click()
    page.get_by_role("button", name=words["export"]).click()
    page.get_by_text(words["queued"]).wait_for()
    worker = start_worker()
    try:
        link = page.get_by_role("link", name=words["download"])
        link.wait_for(timeout=30_000)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    with page.expect_download() as download_info:
        link.click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    header, row = csv.reader(io.StringIO(text), delimiter=";" if language == "nl" else ",")
    assert header[-2:] == words["header"]
    assert row[-2:] == [words["contacted"], "'=Call on Monday"]  # a note that looks like a formula stays text
    assert row[1] == "Lakehouse lead"
    assert not errors, errors


@pytest.mark.parametrize(("language", "width"), [("en", 1280), ("nl", 390)])
def test_moving_a_candidate_to_the_stage_they_are_in_says_so_and_changes_nothing(
    live_server, browser, shortlist, language, width
):
    words = WORDS[language]
    page = open_page(browser, live_server, shortlist.recruiter, language, width)
    page.goto(live_server.url + shortlist.get_absolute_url())
    page.get_by_role("button", name=words["move"], exact=True).click()
    page.get_by_role("status").get_by_text(words["already"]).wait_for()
    assert not StageChange.objects.exists()


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_every_role_in_the_filters_can_be_read_whole(live_server, browser, shortlist, language, width):
    page = open_page(browser, live_server, shortlist.recruiter, language, width)
    page.goto(live_server.url + reverse("recruiting:candidate-list"))
    if width == 390:
        page.locator(".filters-fold > summary").click()  # folded on a phone, results first
    label = page.get_by_text(LONG_TITLE, exact=True)
    assert label.is_visible()
    clipped = label.evaluate(
        "(el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > window.innerWidth"
    )
    assert not clipped
    assert page.get_by_label(LONG_TITLE, exact=True).is_checked()


@pytest.mark.parametrize(
    ("language", "width", "javascript"),
    [("en", 390, True), ("nl", 1280, True), ("en", 1280, False), ("nl", 390, False)],
)
def test_a_recruiter_with_many_saved_searches_ranks_by_one_picked_in_a_select(
    live_server, browser, shortlist, language, width, javascript
):
    """The published roles stay radios; thirty searches take one select, not thirty lines above the results."""
    words = WORDS[language]
    requirements = [Requirement(item=ChecklistItemFactory(), min_level=2, is_must_have=True)]
    searches = [
        create_search(owner=shortlist.recruiter, title=f"Vacancy {number:02d}", requirements=requirements)
        for number in range(30)
    ]
    page = open_page(browser, live_server, shortlist.recruiter, language, width, javascript=javascript)
    errors = watch_console(page)
    page.goto(live_server.url + reverse("recruiting:candidate-list"))
    if width == 390:
        page.locator(".filters-fold > summary").click()
    expect(page.get_by_label(LONG_TITLE, exact=True)).to_be_checked()
    assert page.locator("input[name=role][type=radio]").count() == 2  # the role and "One of your saved searches"
    if javascript:  # axe runs as a script in the page; the markup is the same without JavaScript
        assert_accessible(page)
    page.get_by_label(words["searches"], exact=True).select_option(label="Vacancy 17")
    if javascript:  # portal.js ticks "One of your saved searches"; without it the picked search counts all the same
        expect(page.get_by_label(words["one_search"], exact=True)).to_be_checked()
    page.get_by_role("button", name=words["apply"]).click()
    expect(page.get_by_role("heading", level=2, name=words["ranked"])).to_be_visible()
    if width == 390:
        page.locator(".filters-fold > summary").click()
    expect(page.get_by_label(words["searches"], exact=True).locator("option:checked")).to_have_text("Vacancy 17")
    expect(page.get_by_label(words["one_search"], exact=True)).to_have_value(searches[17].role.slug)
    expect(page.get_by_label(words["one_search"], exact=True)).to_be_checked()
    expect(page.get_by_label(LONG_TITLE, exact=True)).not_to_be_checked()
    if javascript:
        assert fits_width(page, WIDTHS[width]["width"])
        within_column = (
            "(el) => el.getBoundingClientRect().right <= el.closest('fieldset').getBoundingClientRect().right"
        )
        assert page.get_by_label(words["searches"], exact=True).evaluate(within_column)
        assert_accessible(page)
    assert not errors, errors


@pytest.mark.parametrize(("language", "width"), [("en", 390), ("nl", 1280)])
def test_a_recruiters_home_crumb_leads_to_the_candidates(live_server, browser, shortlist, language, width):
    words = WORDS[language]
    page = open_page(browser, live_server, shortlist.recruiter, language, width)
    page.goto(live_server.url + shortlist.get_absolute_url())
    page.locator(".breadcrumb").get_by_role("link", name=words["home"]).click()
    page.get_by_role("heading", level=1, name=words["candidates"]).wait_for()
    assert page.url.endswith(reverse("recruiting:candidate-list"))
