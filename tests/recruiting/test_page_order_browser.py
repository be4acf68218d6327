"""The order a recruiter meets things in, on a phone and on a desktop, without JavaScript: the vacancy searches' button
stands clear of the text below it, and deleting a shortlist is the last thing on its page, still asked to confirm."""

import pytest

from recruiting.models import Shortlist
from skills.models import EngineerProfile
from tests.e2e.support import LANGUAGES_AT_WIDTHS, open_page, screenshot, share_session
from tests.factories import EngineerProfileFactory, ShortlistEntryFactory, ShortlistFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {"paste": "Paste a vacancy", "delete": "Delete this shortlist", "confirm": "Delete shortlist"},
    "nl": {"paste": "Plak een vacature", "delete": "Deze shortlist verwijderen", "confirm": "Shortlist verwijderen"},
}
CONTROLS = "main a[href], main button, main select, main input:not([type=hidden]), main textarea"


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_the_paste_button_stands_clear_of_the_intro(live_server, browser, language, width):
    page = open_page(browser, language=language, width=width, javascript=False)
    share_session(page, live_server, ShortlistFactory().recruiter)
    page.goto(f"{live_server.url}/recruiting/searches/")
    button = page.get_by_role("link", name=WORDS[language]["paste"]).bounding_box()
    intro = page.locator("main p.lead").bounding_box()
    assert intro["y"] - (button["y"] + button["height"]) >= 12, "a gap between the button and the text under it"
    screenshot(page, f"searches-{language}-{width}")


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_deleting_a_shortlist_is_the_last_control_and_still_asks(live_server, browser, language, width):
    shortlist = ShortlistFactory(name="Platform hires")
    for number in range(2):
        profile = EngineerProfileFactory(
            visibility=EngineerProfile.Visibility.RECRUITERS, headline=f"Candidate {number}"
        )
        ShortlistEntryFactory(shortlist=shortlist, profile=profile)
    page = open_page(browser, language=language, width=width, javascript=False)
    share_session(page, live_server, shortlist.recruiter)
    page.goto(f"{live_server.url}{shortlist.get_absolute_url()}")
    delete = page.get_by_role("link", name=WORDS[language]["delete"])
    controls = page.locator(CONTROLS)
    assert controls.last.inner_text() == WORDS[language]["delete"], "nothing comes after the delete link"
    assert controls.first.inner_text() != WORDS[language]["delete"]
    last_card = page.locator(".shortlist-entries > li").last.bounding_box()
    assert delete.bounding_box()["y"] > last_card["y"] + last_card["height"], "below every candidate"
    page.locator(".danger-zone").scroll_into_view_if_needed()
    screenshot(page, f"shortlist-danger-{language}-{width}")
    delete.click()
    page.wait_for_url(f"**/recruiting/shortlists/{shortlist.pk}/delete/")
    assert page.get_by_role("button", name=WORDS[language]["confirm"]).is_visible()
    assert Shortlist.objects.filter(pk=shortlist.pk).exists(), "the link alone deletes nothing"
