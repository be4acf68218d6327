"""The email addresses page on a phone and a desktop, without JavaScript: each address's radio has its label beside
it, and the breadcrumb leads back to the engineer's profile."""

import pytest

from tests.e2e.support import LANGUAGES_AT_WIDTHS, open_page, screenshot, share_session
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "a-newcomer-with-a-long-address@example.org"
PROFILE = {"en": "Profile", "nl": "Profiel"}


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_the_address_radio_has_its_label_beside_it(live_server, browser, language, width):
    page = open_page(browser, language=language, width=width, javascript=False)
    share_session(page, live_server, UserFactory(email=EMAIL))
    page.goto(f"{live_server.url}/accounts/email/")
    radio = page.get_by_role("radio", name=EMAIL)
    label = page.locator(f"label[for='{radio.get_attribute('id')}']")
    radio_box, label_box = radio.bounding_box(), label.bounding_box()
    assert label_box["x"] >= radio_box["x"] + radio_box["width"], "the label stands to the right of its radio"
    assert label_box["y"] < radio_box["y"] + radio_box["height"], "starting on the radio's line"
    assert label_box["x"] + label_box["width"] <= width, "and stays on the screen"
    screenshot(page, f"account-email-{language}-{width}")
    page.get_by_role("navigation", name="Breadcrumb" if language == "en" else "Kruimelpad").get_by_role(
        "link", name=PROFILE[language]
    ).click()
    page.wait_for_url("**/skills/profile/")
