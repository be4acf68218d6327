"""Making a share link in a real browser on a phone: the page lands on the link, which is shown only this once and
sits two screens below the top of the profile."""

import pytest

from skills.services.profiles import get_or_create_profile
from tests.e2e.support import IN_VIEW, open_page, screenshot, share_session
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("language", "javascript", "create"),
    [("nl", False, "Deellink maken"), ("en", True, "Create a share link")],
)
def test_a_new_share_link_is_in_view_once_made(live_server, browser, language, javascript, create):
    user = UserFactory(password=None)
    get_or_create_profile(user=user)
    page = open_page(browser, language=language, width=390, javascript=javascript)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/profile/")
    page.get_by_role("button", name=create).click()
    new_link = page.locator("#new-share-url")
    new_link.wait_for()
    assert new_link.evaluate(IN_VIEW)
    screenshot(page, f"29-{language}-390-{'js' if javascript else 'nojs'}-share-link-made")
    page.context.close()
