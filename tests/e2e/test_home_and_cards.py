"""A returning engineer lands on their home; the privacy statement reads well; on a phone the progress, role-gaps,
candidate match and compare tables are cards with no sideways scroll; the header names the account in full."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from catalog.demo import load_catalog_demo
from recruiting.models import ContactRequest
from skills.benchmarks.services import build_snapshot
from skills.demo import load_skills_demo
from skills.demo_candidates import load_demo_candidates
from skills.models import ChecklistItem, EngineerProfile, Role
from tests.e2e.conftest import Journey
from tests.e2e.support import LANGUAGES_AT_WIDTHS, PASSWORD, fits_width, open_page, share_session, watch_console
from tests.factories import (
    EditorFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    UserFactory,
    assess,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAKEHOUSE = "senior-data-engineer-lakehouse"
HEADINGS = {"en": ("My home", "Privacy statement"), "nl": ("Mijn overzicht", "Privacyverklaring")}


def no_sideways_scroll(page, width: int) -> bool:
    """The page is as wide as the viewport, and no table scrolls inside its own box either."""
    inner = page.evaluate(
        "[...document.querySelectorAll('.table-responsive')].every(box => box.scrollWidth <= box.clientWidth)"
    )
    return fits_width(page, width) and inner


def on_one_line(locator) -> bool:
    """Every element found reads on one line: an inline element that wraps has a box per line."""
    return locator.evaluate_all(
        "elements => elements.length > 0 && elements.every(element => element.getClientRects().length === 1"
        " && element.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(element).lineHeight))"
    )


DATE_AND_ITS_BRACKET = """element => {
  const date = element.querySelector("time"), after = document.createRange();
  after.setStart(date.nextSibling, 0);
  after.setEnd(date.nextSibling, 1);
  return after.toString() === ")" && Math.abs(after.getBoundingClientRect().top - date.getBoundingClientRect().top) < 2;
}"""


def engineer_with_history() -> UserFactory:
    engineer = UserFactory(email="returning.engineer@example.com")
    profile = EngineerProfile.objects.create(user=engineer, start=EngineerProfile.Start.DONE)
    for item in ChecklistItem.objects.filter(skill__slug__in=("sql", "python-fundamentals"))[:6]:
        assess(user=engineer, item=item, level=3)
    ContactRequest.objects.create(
        recruiter=RecruiterFactory(), profile=profile, recruiter_name="Rita", recruiter_company="Acme", message="Hi"
    )
    return engineer


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_a_returning_engineer_lands_on_their_home_and_reads_the_privacy_statement(
    live_server, browser, request, language, width
):
    load_catalog_demo()
    load_skills_demo()
    engineer_with_history()
    page = open_page(browser, language=language, width=width)
    journey = Journey(page, request.node.name)
    errors = watch_console(page)
    home, privacy = HEADINGS[language]

    page.goto(live_server.url + reverse("account_login"))
    page.locator("#id_login").fill("returning.engineer@example.com")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form [type=submit]").click()
    page.wait_for_url("**/skills/home/")
    assert page.url == live_server.url + reverse("skills:home")
    page.get_by_role("heading", level=1, name=home).wait_for()
    assert page.locator("#home-contacts strong").inner_text() == "1"
    assert page.locator("#home-changes > li").count() == 5
    assert on_one_line(page.locator("#home-changes time"))  # a date with its time never wraps in the middle
    assert no_sideways_scroll(page, width)
    journey.step("home")

    page.locator("footer").get_by_role("link", name=privacy).click()
    page.get_by_role("heading", level=1, name=privacy).wait_for()
    assert no_sideways_scroll(page, width)
    journey.step("privacy statement")
    assert not errors, errors


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_four_wide_tables_are_cards_on_a_phone(live_server, browser, request, language):
    load_catalog_demo()
    load_skills_demo()
    load_demo_candidates()
    engineer = engineer_with_history()
    EngineerProfile.objects.filter(user=engineer).update(target_role=Role.objects.get(slug=LAKEHOUSE))
    page = open_page(browser, language=language, width=390)
    journey = Journey(page, request.node.name)
    errors = watch_console(page)
    share_session(page, live_server, engineer)

    for name, path, fold, rows in (
        ("progress", reverse("skills:progress"), "", 3),
        # The role's gaps table is what is met, folded under one line: opened here; this engineer meets two.
        ("role gaps", reverse("skills:role-gaps", args=[LAKEHOUSE]), ".met-fold > details > summary", 2),
        ("compare", reverse("catalog:compare") + "?tools=fastapi&tools=django&tools=flask", "", 3),
    ):
        page.goto(live_server.url + path)
        if fold:
            page.locator(fold).click()
        assert page.locator("table.card-table tbody tr:visible").count() >= rows, name
        assert no_sideways_scroll(page, 390), name
        journey.step(f"{name} as cards")

    page.set_viewport_size({"width": 1280, "height": 900})  # the same markup is a plain table on a wide screen
    page.goto(live_server.url + reverse("skills:progress"))
    assert page.locator("table.card-table thead").is_visible()
    assert no_sideways_scroll(page, 1280)
    journey.step("progress as a table at 1280", check_accessibility=False)
    page.set_viewport_size({"width": 390, "height": 844})

    page.context.clear_cookies()
    share_session(page, live_server, RecruiterFactory())
    candidate = EngineerProfile.objects.filter(visibility=EngineerProfile.Visibility.RECRUITERS).first()
    page.goto(live_server.url + reverse("recruiting:candidate-detail", args=[candidate.pk]))
    assert page.locator("table.card-table tbody tr").count() >= 3
    assert no_sideways_scroll(page, 390)
    journey.step("candidate match as cards")
    assert not errors, errors


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_header_cuts_a_long_account_address_short_on_one_line_at_1280(live_server, browser, request, language):
    load_catalog_demo()
    load_skills_demo()
    editor = EditorFactory(email="maximiliaan.van.den.berghe-oosterhout.data-engineering@example-consultancy.nl")
    editor.groups.add(*RecruiterFactory().groups.all())  # the most links: editor, recruiter and engineer at once
    EngineerProfile.objects.create(user=editor, start=EngineerProfile.Start.DONE)
    page = open_page(browser, language=language, width=1280)
    journey = Journey(page, request.node.name)
    share_session(page, live_server, editor)
    page.goto(live_server.url + reverse("catalog:tool-list"))
    name = page.locator(".nav-account-email")
    assert name.evaluate("element => getComputedStyle(element).textOverflow") == "ellipsis"
    assert name.evaluate("element => element.scrollWidth > element.clientWidth")  # cut short
    toggle = page.locator("#account-menu")
    expect(toggle).to_have_attribute("title", editor.email)
    expect(toggle).to_have_accessible_name(re.compile(re.escape(editor.email)))
    assert page.locator("nav.navbar").evaluate("bar => bar.offsetHeight") < 70  # one line
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1280, width
    journey.step("header at 1280")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_header_shows_an_ordinary_account_address_whole_at_1280(live_server, browser, language):
    recruiter = RecruiterFactory(email="recruiter.jansen@example.com")
    page = open_page(browser, language=language, width=1280)
    share_session(page, live_server, recruiter)
    page.goto(live_server.url + reverse("recruiting:candidate-list"))
    name = page.locator(".nav-account-email")
    expect(name).to_have_text(recruiter.email)
    assert name.evaluate("element => element.scrollWidth <= element.clientWidth")  # not cut


@pytest.mark.parametrize("language", ["en", "nl"])
def test_on_a_phone_a_shortlist_keeps_its_dates_whole_and_a_long_name_apart_from_remove(
    live_server, browser, request, language
):
    recruiter = RecruiterFactory()
    shortlist = ShortlistFactory(recruiter=recruiter, name="Senior data engineers for the platform team in Utrecht")
    profile = EngineerProfileFactory(
        visibility=EngineerProfile.Visibility.RECRUITERS, headline="Data engineer", location="Amersfoort",
        years_experience=12,
    )  # fmt: skip
    ShortlistEntryFactory(shortlist=shortlist, profile=profile)
    page = open_page(browser, language=language, width=390)
    journey = Journey(page, request.node.name)
    share_session(page, live_server, recruiter)

    page.goto(live_server.url + shortlist.get_absolute_url())
    assert on_one_line(page.locator(".shortlist-entries time"))
    assert no_sideways_scroll(page, 390)
    journey.step("shortlist card")

    page.goto(live_server.url + reverse("recruiting:candidate-detail", args=[profile.pk]))
    assert on_one_line(page.locator("main time"))  # "Bijgewerkt 06-12-2026", "sinds 06-12-2026": each date whole
    name = page.locator(".shortlist-controls").get_by_role("link", name=shortlist.name)
    remove = page.locator(".shortlist-controls form[action*='remove'] [type=submit]")
    name_end = name.evaluate(
        "link => { const lines = link.getClientRects(); return lines[lines.length - 1].toJSON(); }"
    )
    remove_box = remove.bounding_box()
    on_a_line_of_its_own = remove_box["y"] >= name_end["bottom"] - 1
    assert on_a_line_of_its_own or remove_box["x"] - name_end["right"] >= 12, (name_end, remove_box)
    journey.step("the candidate's shortlists")


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_the_homes_benchmark_line_keeps_the_snapshots_date_with_its_closing_bracket(
    live_server, browser, language, width
):
    """The line flows as one sentence in its card: it never puts the date, or ")." after it, on a line of its own."""
    engineers = [UserFactory(password=None) for _ in range(10)]  # k is 10
    for engineer in engineers:
        EngineerProfileFactory(user=engineer, counts_in_benchmarks=True, start=EngineerProfile.Start.DONE)
    build_snapshot()
    page = open_page(browser, language=language, width=width, javascript=False)
    share_session(page, live_server, engineers[0])
    page.goto(live_server.url + reverse("skills:home"))
    assert page.locator("#home-benchmarks").evaluate(DATE_AND_ITS_BRACKET)
