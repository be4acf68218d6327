"""The engineer's daily use in a real browser: a checklist that fits a phone, a learning path without dead ends,
and dates that read as each language writes them."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo
from skills.models import AssessmentChange, ChecklistItem, EngineerProfile, Role
from tests.e2e.support import fits_width, share_session, watch_console
from tests.factories import UserFactory, assess

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAKEHOUSE = "senior-data-engineer-lakehouse"
PHONE_WIDTH = 390


@pytest.fixture
def engineer():
    load_catalog_demo()
    load_skills_demo()
    user = UserFactory()
    EngineerProfile.objects.create(user=user, target_role=Role.objects.get(slug=LAKEHOUSE))
    for item in ChecklistItem.objects.filter(skill__slug="sql"):  # SQL meets the role: that skill starts folded
        assess(user=user, item=item, level=4)
    assess(user=user, item=ChecklistItem.objects.get(skill__slug="pandas", slug="cleaning"), level=1)
    return user


def test_the_phone_checklist_folds_skills_and_filters_below_target(live_server, phone_journey, engineer):
    page = phone_journey.page
    errors = watch_console(page)
    share_session(page, live_server, engineer)
    page.goto(live_server.url + "/skills/")
    page.get_by_role("heading", level=1, name="My checklist").wait_for()
    folded = page.locator("details.skill-fold:not([open])")
    unfolded = page.locator("details.skill-fold[open]")
    assert folded.count() >= 1 and unfolded.count() >= 1
    assert fits_width(page, PHONE_WIDTH)
    phone_journey.step("checklist with folded skills")

    closed = folded.count()
    folded.first.locator(":scope > summary").tap()
    page.wait_for_function(f"document.querySelectorAll('details.skill-fold:not([open])').length === {closed - 1}")
    page.evaluate("window.notReloaded = true")
    page.locator("label[for=show-below]").tap()
    page.wait_for_url("**/skills/?show=below")
    assert page.evaluate("window.notReloaded === true")  # htmx swapped the items only
    rows = page.locator("#checklist-items li.checklist-row")
    assert rows.count() >= 1
    assert rows.count() == page.locator("#checklist-items li.checklist-row-below").count()
    # "level 1, needs 3", or "needs level 3" beside "Not yet rated"
    assert re.search(r"needs (level )?\d", rows.first.inner_text())
    assert fits_width(page, PHONE_WIDTH)
    phone_journey.step("below target filter on a phone")

    # The last row stays clear of the sticky "Save all" bar.
    page.keyboard.press("End")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    last_row = rows.last.bounding_box()
    bar = page.locator(".save-all-bar").bounding_box()
    assert last_row["y"] + last_row["height"] <= bar["y"] + 1
    assert not errors, errors


def test_every_step_of_the_learning_path_has_a_resource(live_server, journey, engineer):
    page = journey.page
    errors = watch_console(page)
    share_session(page, live_server, engineer)
    page.goto(f"{live_server.url}/skills/gaps/{LAKEHOUSE}/")
    steps = page.locator("ol.learning-path > li")
    assert steps.count() >= 10
    for index in range(steps.count()):
        assert steps.nth(index).locator("ul.resource-list > li a").count() >= 1, steps.nth(index).inner_text()
    page.get_by_text("How the score works").click()
    assert re.search(r"÷ \d+ × 100 = \d+", page.locator("#score-note").inner_text())
    journey.step("learning path with resources and the score note")
    assert not errors, errors


def test_dates_read_as_each_language_writes_them(live_server, journey, engineer):
    AssessmentChange.objects.filter(user=engineer).update(
        changed_at=datetime(2026, 11, 27, 16, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    )
    page = journey.page
    share_session(page, live_server, engineer)
    page.goto(live_server.url + "/skills/progress/")
    page.get_by_text("27 Nov 2026, 16:00").first.wait_for()
    journey.step("progress in English")
    page.locator("#account-menu").click()
    page.get_by_role("button", name="Nederlands").click()
    page.get_by_text("27-11-2026 16:00").first.wait_for()
    assert page.locator("html").get_attribute("lang") == "nl"
    journey.step("progress in Dutch")
