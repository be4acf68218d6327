"""Real-browser journeys: Playwright drives Debian's Chromium against live_server."""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.support import assert_accessible

RESULTS = Path(__file__).resolve().parents[2] / "test-results"

pytestmark = pytest.mark.browser


class Journey:
    """Steps of one journey: a screenshot and an accessibility check per page."""

    def __init__(self, page, name: str):
        self.page = page
        self.folder = RESULTS / name
        self.folder.mkdir(parents=True, exist_ok=True)
        self.step_number = 0
        self.axe = Axe()

    def step(self, label: str, *, check_accessibility: bool = True) -> None:
        self.step_number += 1
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        self.page.screenshot(path=str(self.folder / f"{self.step_number:02d}-{slug}.png"), full_page=True)
        if check_accessibility:
            assert_accessible(self.page, label=label, axe=self.axe)


@pytest.fixture
def journey(page, request):
    page.set_default_timeout(10_000)
    return Journey(page, request.node.name)


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(
        reduced_motion="reduce", viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def dutch_phone_journey(browser, request):
    """A journey on a 390×844 phone whose browser asks for Dutch."""
    context = browser.new_context(
        reduced_motion="reduce", locale="nl", viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield Journey(page, request.node.name)
    context.close()


@pytest.fixture
def phone_journey(phone_page, request):
    phone_page.set_default_timeout(10_000)
    return Journey(phone_page, request.node.name)
