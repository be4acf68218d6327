"""The self-hosted Swagger UI really runs in Chromium under the strict CSP."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_docs_render_every_operation_without_csp_violations(live_server, page):
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(live_server.url + "/api/docs")
    page.locator(".opblock").first.wait_for(timeout=15_000)
    assert page.locator(".opblock").count() >= 13
    assert page.locator(".opblock-summary-path", has_text="/api/tools").first.is_visible()
    assert problems == []
