"""The docs and the token page in Chromium: Swagger UI runs under the strict CSP, both pages pass axe."""

import pytest
from playwright.sync_api import expect

from tests.e2e.support import blocking_violations, share_session, watch_console
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_docs_render_every_operation_without_csp_violations(live_server, page):
    problems = watch_console(page)
    page.goto(live_server.url + "/api/docs")
    page.locator(".opblock").first.wait_for(timeout=15_000)
    assert page.locator(".opblock").count() >= 13
    assert page.locator(".opblock-summary-path", has_text="/api/tools").first.is_visible()
    assert problems == []
    # Swagger UI nests a copy button inside each operation's toggle button; that markup is upstream's.
    assert blocking_violations(page, skip_rules=("nested-interactive",)) == []


def test_token_page_creates_a_token_on_a_phone_and_is_accessible(live_server, browser):
    context = browser.new_context(
        reduced_motion="reduce", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    share_session(page, live_server, UserFactory())
    page.goto(live_server.url + "/api/tokens/")
    page.get_by_label("Name").fill("phone script")
    page.get_by_role("button", name="Create token").click()
    token = page.locator("#new-token-value")
    assert len(token.inner_text().replace("\n", "")) >= 40
    box = token.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # whole on the phone, not cut in a field
    expect(page.get_by_role("button", name="Copy token")).to_be_visible()  # the browser can copy here
    expect(page.get_by_role("rowheader", name="phone script")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert blocking_violations(page) == []
    context.close()
