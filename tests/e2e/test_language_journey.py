"""Journey: a person reading in English (1280 px) chooses Dutch on the notices page; the portal answers in Dutch at
once and keeps it for their emails, and the page fits a phone (390 px)."""

import pytest

from portal.languages.selectors import language_of
from tests.e2e.support import fits_width, share_session, watch_console
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_chooses_their_language_on_the_notices_page(live_server, journey):
    user = UserFactory()
    page = journey.page
    page.set_viewport_size({"width": 1280, "height": 800})
    errors = watch_console(page)
    share_session(page, live_server, user)

    page.goto(f"{live_server.url}/notices/")
    page.get_by_role("heading", level=2, name="Your language").wait_for()
    assert page.get_by_label("I read the portal and its emails in").input_value() == "en"
    journey.step("english reader sees their language on the notices page")

    page.get_by_label("I read the portal and its emails in").select_option("nl")
    page.get_by_role("button", name="Save my language").click()
    page.get_by_role("status").get_by_text("Je taal is opgeslagen.").wait_for()
    page.get_by_role("heading", level=1, name="Meldingen").wait_for()
    assert language_of(user=user) == "nl"

    page.set_viewport_size({"width": 390, "height": 844})
    assert page.get_by_label("Ik lees het portaal en zijn e-mails in").input_value() == "nl"
    assert fits_width(page, 390)
    journey.step("the portal and its emails now speak dutch, on a phone")
    assert errors == []
