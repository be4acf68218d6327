"""On a phone without JavaScript, a learning path's buttons ("Learning now", "For later", "Mark done") land back on
their item, far down the page, and say there what they saved."""

import pytest
from playwright.sync_api import expect

from skills.models import ItemState, Resource, ResourceDone
from tests.e2e.support import IN_VIEW, open_page, screenshot, share_session
from tests.factories import RoleFactory, RoleRequirementFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {"later": "For later", "done": "Mark done", "later_saved": "Saved: “Skew” is marked “for later”.",
           "done_saved": "Saved: “Skew explained” is done."},
    "nl": {"later": "Voor later", "done": "Markeer als klaar", "later_saved": "Opgeslagen: “Skew” is gemarkeerd als “voor later”.",
           "done_saved": "Opgeslagen: “Skew explained” is klaar."},
}  # fmt: skip


@pytest.fixture
def last_on_the_path():
    """A role whose learning path is long enough that its last item is well below a phone's first screen."""
    role = RoleFactory(slug="lakehouse")
    for number in range(8):
        RoleRequirementFactory(role=role, min_level=3, item__name=f"Point {number}")
    item = RoleRequirementFactory(role=role, min_level=3, item__name="Skew", item__skill__order=99).item
    Resource.objects.create(item=item, url="https://example.com/skew", title="Skew explained")
    return item


@pytest.mark.parametrize("language", ["en", "nl"])
def test_without_javascript_a_learning_path_button_lands_on_its_item_and_says_so_there(
    live_server, browser, last_on_the_path, language
):
    words, item, user = WORDS[language], last_on_the_path, UserFactory(password=None)
    page = open_page(browser, language=language, width=390, javascript=False)
    share_session(page, live_server, user)
    page.goto(f"{live_server.url}/skills/gaps/lakehouse/")
    entry = page.locator(f"#path-item-{item.pk}")
    assert entry.evaluate("element => element.getBoundingClientRect().top") > 1000

    entry.get_by_role("button", name=words["later"]).click()
    page.wait_for_url(f"**/skills/gaps/lakehouse/#path-item-{item.pk}")
    entry = page.locator(f"#path-item-{item.pk}")
    expect(entry.get_by_role("button", name=words["later"])).to_have_attribute("aria-pressed", "true")
    expect(entry.get_by_role("status")).to_have_text(words["later_saved"])
    assert entry.get_by_role("status").evaluate(IN_VIEW), "the outcome is on the screen the page lands on"
    assert page.locator(".messages").count() == 0
    screenshot(page, f"26-{language}-390-nojs-for-later")

    entry.get_by_role("button", name=words["done"]).click()
    page.wait_for_url(f"**/skills/gaps/lakehouse/#path-item-{item.pk}")
    status = page.locator(f"#path-item-{item.pk}").get_by_role("status")
    expect(status).to_have_text(words["done_saved"])
    assert status.evaluate(IN_VIEW)
    screenshot(page, f"26-{language}-390-nojs-resource-done")
    assert ItemState.objects.get(user=user).state == "later" and ResourceDone.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("language", "learning", "later"), [("en", "Learning now", "For later"), ("nl", "Nu aan het leren", "Voor later")]
)
def test_a_focused_mark_looks_unlike_a_switched_on_one(
    live_server, browser, last_on_the_path, language, learning, later
):
    item, user = last_on_the_path, UserFactory(password=None)
    ItemState.objects.create(user=user, item=item, state=ItemState.State.LATER)
    page = open_page(browser, language=language, width=390)
    share_session(page, live_server, user)
    page.goto(f"{live_server.url}/skills/gaps/lakehouse/")
    entry = page.locator(f"#path-item-{item.pk}")
    entry.locator("strong").first.scroll_into_view_if_needed()
    entry.get_by_role("button", name=learning).focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, as :focus-visible wants it
    focused, pressed = entry.get_by_role("button", name=learning), entry.get_by_role("button", name=later)
    expect(focused).to_be_focused()
    look = "button => { const s = getComputedStyle(button); return [s.backgroundColor, s.color, s.outlineStyle]; }"
    focused_look, pressed_look = focused.evaluate(look), pressed.evaluate(look)
    assert focused_look[2] == "solid", "focus is an outline"
    assert focused_look[0] == "rgba(0, 0, 0, 0)", "a button that is off keeps its empty fill when focused"
    assert focused_look[:2] != pressed_look[:2]
    screenshot(page, f"27-{language}-390-focused-vs-pressed")
