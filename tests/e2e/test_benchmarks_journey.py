"""An engineer counts in during the start and sees their bands after the next snapshot (English at 1280 px, Dutch
at 390 px); a recruiter opens the market map and follows the scarcest item to the candidates who have it."""

import re

import pytest
from playwright.sync_api import expect

from catalog.demo import load_catalog_demo
from skills.benchmarks.services import queue_snapshot_if_due
from skills.demo import load_skills_demo
from skills.models import ChecklistItem, EngineerProfile, Role, RoleMatch, RoleRequirement
from skills.services.assessments import AssessmentInput, save_assessments
from tests.e2e.conftest import Journey
from tests.e2e.support import fits_width, log_in_through_form, open_page, share_session, watch_console
from tests.factories import EngineerProfileFactory, RecruiterFactory, UserFactory, assess

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def peers():
    """Twelve engineers who count in, and one item a role asks at level 4."""
    load_catalog_demo()
    load_skills_demo()
    items = list(ChecklistItem.objects.published()[:6])
    for number in range(12):
        user = UserFactory()
        EngineerProfileFactory(user=user, counts_in_benchmarks=True, years_experience=number % 8)
        for item in items:
            assess(user=user, item=item, level=(number + item.pk) % 4)
    expert = UserFactory(first_name="Eva")  # visible to recruiters, strong everywhere, not counting in
    save_assessments(
        user=expert, entries=[AssessmentInput(item=item, level=4) for item in ChecklistItem.objects.published()]
    )
    EngineerProfile.objects.filter(user=expert).update(visibility=EngineerProfile.Visibility.RECRUITERS)
    RoleMatch.objects.filter(profile__user=expert).update(profile_visible=True)
    scarce = items[0]
    RoleRequirement.objects.update_or_create(
        role=Role.objects.published().first(), item=scarce, defaults={"min_level": 4, "is_must_have": True}
    )
    return scarce


def test_counting_in_at_the_start_shows_bands_and_the_market_leads_to_candidates(live_server, browser, request, peers):
    me = UserFactory()
    EngineerProfileFactory(user=me, start=EngineerProfile.Start.DONE, years_experience=4)
    assess(user=me, item=peers, level=2)

    page = open_page(browser, language="en", width=1280)
    journey = Journey(page, request.node.name)
    errors = watch_console(page)
    share_session(page, live_server, me)
    page.goto(f"{live_server.url}/skills/start/?step=3")
    page.locator("#start-benchmarks").get_by_role("button", name="Count my levels in").click()
    page.wait_for_url("**/skills/start/?step=3")  # the address it had before: this waits for no new content
    expect(page.locator("#start-benchmarks")).to_contain_text("Stop counting me in", use_inner_text=True)
    journey.step("the start: counting in")
    assert queue_snapshot_if_due() == 1  # the worker's timer: no snapshot yet, so one is built
    page.goto(f"{live_server.url}/skills/benchmarks/")
    bands = page.locator(".benchmark-band").all_inner_texts()
    assert bands and all(
        band.startswith(("among the top", "more than half", "nearly everyone", "not started", "no band until"))
        for band in bands
    )
    assert any(band.startswith(("among the top", "more than half")) for band in bands)
    assert not any("100 %" in band for band in bands)
    assert page.locator("#benchmark-date").is_visible()
    journey.step("benchmarks in English")
    assert errors == []
    page.context.close()

    page = open_page(browser, language="nl", width=390)
    journey = Journey(page, request.node.name + "-nl")
    share_session(page, live_server, me)
    page.goto(f"{live_server.url}/skills/benchmarks/")
    bands = page.locator(".benchmark-band").all_inner_texts()
    assert any(band.startswith(("bij de beste", "meer dan de helft")) for band in bands)
    assert not any("100 %" in band for band in bands)
    assert fits_width(page, 390)
    journey.step("benchmarks in Dutch on a phone")
    page.context.close()

    recruiter = RecruiterFactory()
    context = browser.new_context(reduced_motion="reduce", locale="en")
    page = context.new_page()
    page.set_default_timeout(10_000)
    journey = Journey(page, request.node.name + "-recruiter")
    log_in_through_form(page, live_server, recruiter.email, next_path="/recruiting/market/", two_factor=True)
    page.wait_for_url("**/recruiting/market/")
    first = page.locator("#market-items-table tbody tr").first.get_by_role("link")
    scarcest = ChecklistItem.objects.get(name=first.inner_text())
    assert page.locator("#market-items-map li").first.inner_text().startswith(scarcest.name)
    journey.step("the market map")
    first.click()
    page.wait_for_url(re.compile(rf"/recruiting/candidates/\?items={scarcest.pk}&item_level=\d"))
    assert page.locator(f"input[name=items][value='{scarcest.pk}']").is_checked()  # the list's own filter
    assert page.get_by_text("1 candidate for").is_visible()  # the one visible engineer who has it
    journey.step("the candidates who have the scarcest item")
    context.close()
