"""On a 390×844 phone: the checklist, the gaps page and the candidate list fit the width and pass axe."""

import pytest

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo
from skills.demo_candidates import load_demo_candidates
from skills.models import Assessment, ChecklistItem, EngineerProfile, Role
from tests.e2e.support import fits_width, set_level, share_session, watch_console
from tests.factories import RecruiterFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390
LAKEHOUSE = "senior-data-engineer-lakehouse"


def test_checklist_gaps_and_candidate_list_fit_a_phone(live_server, phone_journey):
    load_catalog_demo()
    load_skills_demo()
    load_demo_candidates()
    engineer = UserFactory()
    EngineerProfile.objects.create(user=engineer, target_role=Role.objects.get(slug=LAKEHOUSE))
    page = phone_journey.page
    errors = watch_console(page)
    share_session(page, live_server, engineer)

    page.goto(live_server.url + "/skills/")
    page.get_by_role("heading", level=1, name="My checklist").wait_for()
    page.evaluate("window.notReloaded = true")
    skew = ChecklistItem.objects.get(skill__slug="pyspark", slug="skew")
    set_level(page, skew, 3)  # no save button: the level saves when it changes
    page.locator(f"#item-{skew.pk}-status").get_by_text("Saved.").wait_for()
    assert page.evaluate("window.notReloaded === true")
    assert Assessment.objects.get(user=engineer, item=skew).level == 3
    assert fits_width(page, PHONE_WIDTH)
    phone_journey.step("checklist on a phone")

    page.goto(f"{live_server.url}/skills/gaps/{LAKEHOUSE}/")
    page.locator("#gaps-summary").wait_for()
    assert page.locator("ol.learning-path > li").count() == 15
    assert fits_width(page, PHONE_WIDTH)
    phone_journey.step("gaps on a phone")

    page.context.clear_cookies()
    share_session(page, live_server, RecruiterFactory())
    page.goto(live_server.url + "/recruiting/candidates/")
    page.get_by_role("heading", level=1, name="Candidates").wait_for()
    assert page.locator("ol.candidate-results > li").count() >= 5
    assert not page.locator("details.filters-fold").evaluate("details => details.open")  # behind "Filters"
    assert page.locator("ol.candidate-results > li").first.bounding_box()["y"] < 844  # results on the first screen
    assert fits_width(page, PHONE_WIDTH)
    phone_journey.step("candidate list on a phone")
    assert not errors, errors
