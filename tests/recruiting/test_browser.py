"""The recruiter flow once in a real browser: htmx shortlisting, notes, accessibility and a phone-sized screen."""

import pytest
from playwright.sync_api import expect

from recruiting.models import ShortlistEntry, Stage
from skills.models import EngineerProfile
from tests.e2e.support import LANGUAGES_AT_WIDTHS, assert_accessible, fits_width, open_page, share_session
from tests.factories import (
    AssessmentFactory,
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("recruiters_group")]


def mark_page(page) -> None:
    page.evaluate("window.notReloaded = true")


def assert_not_reloaded(page) -> None:
    """htmx swapped the answer in: a plain form post would have loaded a new page and lost the mark."""
    assert page.evaluate("window.notReloaded === true")


@pytest.fixture
def candidate_world():
    role = RoleFactory(title="Senior Data Engineer — lakehouse", slug="lakehouse")
    profile = EngineerProfileFactory(
        user=UserFactory(password=None, first_name="Sanne", last_name="de Boer"),
        visibility=EngineerProfile.Visibility.RECRUITERS,
        headline="Lakehouse engineer",
        display_name="Sanne de Boer",
        identity=EngineerProfile.Identity.NAME,
    )
    RoleMatchFactory(profile=profile, role=role, score=88, missing_must_have_ids=[ChecklistItemFactory(name="skew").pk])
    AssessmentFactory(user=profile.user, level=3, evidence_url="https://example.org/spark")
    return profile


def test_recruiter_shortlists_a_candidate_and_keeps_a_note(live_server, page, candidate_world):
    page.set_default_timeout(10_000)
    recruiter = RecruiterFactory()
    share_session(page, live_server, recruiter)

    page.goto(live_server.url + "/recruiting/candidates/")
    assert page.get_by_role("link", name="Sanne de Boer").is_visible()
    assert_accessible(page)

    mark_page(page)
    page.get_by_label("New shortlist name").fill("First round")
    page.get_by_role("button", name="Add", exact=True).click()
    page.locator(f"#shortlist-controls-{candidate_world.pk}").get_by_text("Added to “First round”.").wait_for()
    assert_not_reloaded(page)
    assert ShortlistEntry.objects.filter(profile=candidate_world, shortlist__recruiter=recruiter).exists()

    page.get_by_role("link", name="Sanne de Boer").click()
    page.get_by_role("heading", name="Sanne de Boer").wait_for()
    assert_accessible(page)

    page.goto(live_server.url + "/recruiting/shortlists/")
    page.get_by_role("link", name="First round").click()
    page.get_by_role("heading", name="First round").wait_for()
    assert_accessible(page)
    mark_page(page)
    page.get_by_label("Private note").fill("Ask about skew on Monday")
    page.get_by_role("button", name="Save note").click()
    page.get_by_text("Saved.", exact=True).wait_for()
    assert_not_reloaded(page)
    assert ShortlistEntry.objects.get().note == "Ask about skew on Monday"

    page.get_by_role("button", name="Remove Sanne de Boer").click()
    page.get_by_role("link", name="Sanne de Boer").wait_for(state="detached")
    assert_not_reloaded(page)
    assert not ShortlistEntry.objects.exists()


def test_candidate_list_fits_a_phone_screen(live_server, browser, candidate_world):
    context = browser.new_context(
        reduced_motion="reduce", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    share_session(page, live_server, RecruiterFactory())
    page.goto(live_server.url + "/recruiting/candidates/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    context.close()


def test_candidate_page_shows_the_stage_of_a_shortlist_the_moment_it_is_added_and_drops_it_on_removal(
    live_server, page, candidate_world
):
    page.set_default_timeout(10_000)
    share_session(page, live_server, RecruiterFactory())
    page.goto(f"{live_server.url}/recruiting/candidates/{candidate_world.pk}/")
    stage = page.get_by_label("Stage on “First round”")
    assert stage.count() == 0

    mark_page(page)
    page.get_by_label("New shortlist name").fill("First round")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(stage).to_be_visible()
    expect(stage).to_have_value(Stage.TO_CONTACT)
    assert_not_reloaded(page)
    assert_accessible(page)

    stage.select_option(Stage.CONTACTED)
    page.get_by_role("button", name="Move", exact=True).click()
    expect(page.get_by_text("Moved to “Contacted”.")).to_be_visible()
    assert ShortlistEntry.objects.get().stage == Stage.CONTACTED

    page.get_by_role("button", name="Remove from First round").click()
    expect(page.get_by_role("heading", name="Stage per shortlist")).to_have_count(0)
    expect(stage).to_have_count(0)
    assert_not_reloaded(page)
    assert not ShortlistEntry.objects.exists()


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_a_candidates_facts_are_separated_by_dots_in_front_of_each_fact(
    live_server, browser, candidate_world, language, width
):
    candidate_world.years_experience, candidate_world.location = 9, "Amsterdam"
    candidate_world.open_to_work = True
    candidate_world.target_role = RoleFactory(title="Senior Data Engineer — lakehouse/Databricks")
    candidate_world.save()
    page = open_page(browser, language=language, width=width)
    share_session(page, live_server, RecruiterFactory())
    page.goto(f"{live_server.url}/recruiting/candidates/{candidate_world.pk}/")
    facts = page.locator("header .fact-list > li")
    expect(facts).to_have_count(5)
    # Each fact carries its dot in front (test_card_facts_browser.py: the dot of a fact that opens a line is cut off).
    separators = facts.evaluate_all(
        "items => items.map(item => [getComputedStyle(item, '::before').content, getComputedStyle(item, '::after').content])"
    )
    assert all("·" in before and after == "none" for before, after in separators), separators
    # Where the row wraps, a fact moves to the next line whole: only one wider than the line (the role aimed for, on
    # a phone) takes more than one line, and then it starts a line of its own.
    boxes = facts.evaluate_all(
        """items => items.map(item => {
            const box = item.getBoundingClientRect(), list = item.parentElement.getBoundingClientRect();
            return [box.height / parseFloat(getComputedStyle(item).lineHeight), item.getClientRects()[0].left - list.left];
        })"""
    )
    assert all(lines < 1.5 or indent < 1 for lines, indent in boxes), boxes
    assert fits_width(page, width)
    assert_accessible(page, label=f"candidate facts {language} {width}")
