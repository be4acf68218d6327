"""A checklist level in a real browser: a click stores it at once, the arrow keys only the level they stop on."""

import pytest
from playwright.sync_api import expect

from skills.models import Assessment, AssessmentChange
from skills.services.profiles import get_or_create_profile
from tests.e2e.conftest import RESULTS
from tests.e2e.support import open_page, share_session, watch_console
from tests.factories import RoleFactory, RoleRequirementFactory, SkillFactory, UserFactory, assess

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def rows():
    """An engineer below their target role on two SQL items (so the skill's fold is open), one rated 1."""
    role = RoleFactory()
    sql = SkillFactory(name="SQL")
    joins = RoleRequirementFactory(role=role, item__skill=sql, item__name="Joins", min_level=4).item
    windows = RoleRequirementFactory(role=role, item__skill=sql, item__name="Window functions", min_level=4).item
    user = UserFactory(password=None)
    profile = get_or_create_profile(user=user)
    profile.target_role = role
    profile.save()
    assess(user=user, item=joins, level=1)
    return user, joins, windows


def changes(user, item) -> list[tuple[int | None, int]]:
    """The level changes the progress page counts for an item, oldest first."""
    found = AssessmentChange.objects.filter(user=user, item=item).order_by("changed_at", "id")
    return list(found.values_list("old_level", "new_level"))


def saved(page, item):
    """Wait for the answer to saving an item's level."""
    return page.expect_response(lambda response: response.url.endswith(f"/skills/items/{item.pk}/"))


@pytest.mark.parametrize("language", ["en", "nl"])
def test_arrow_keys_store_only_the_level_they_stop_on_once_the_levels_are_left(live_server, browser, rows, language):
    user, joins, windows = rows
    page = open_page(browser, language=language, width=1280)
    errors = watch_console(page)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    posts: list[str] = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)

    page.locator(f"#id_item-{joins.pk}-level_1").focus()
    for _ in range(3):  # 2, 3, then 4: each checked on the way, none chosen yet
        page.keyboard.press("ArrowRight")
    expect(page.locator(f"#id_item-{joins.pk}-level_4")).to_be_checked()
    with saved(page, joins):
        page.keyboard.press("Tab")  # out of the row's levels: the level stopped on is the one chosen
    expect(page.locator(f"#item-{joins.pk}-status")).to_have_text("Opgeslagen." if language == "nl" else "Saved.")
    assert changes(user, joins) == [(None, 1), (1, 4)]
    page.screenshot(path=str(RESULTS / f"checklist-level-by-keys-{language}.png"))
    assert len(posts) == 1

    with saved(page, windows):
        page.locator(f"label[for='id_item-{windows.pk}-level_2']").click()  # a click chooses at once
    assert Assessment.objects.get(user=user, item=windows).level == 2
    assert changes(user, windows) == [(None, 2)]
    page.keyboard.press("ArrowLeft")  # then the keys, from the clicked level: stored when the levels are left
    with saved(page, windows):
        page.locator(f"label[for='id_item-{windows.pk}-level_3']").click()  # unless a level is clicked first
    assert changes(user, windows) == [(None, 2), (2, 3)]
    page.keyboard.press("ArrowRight")
    with saved(page, windows):
        page.keyboard.press("Enter")  # confirms the level without leaving, and presses no other button of the form
    assert changes(user, windows) == [(None, 2), (2, 3), (3, 4)]
    assert posts == [live_server.url + f"/skills/items/{item.pk}/" for item in (joins, windows, windows, windows)]
    assert not errors, errors
    page.context.close()


def test_leaving_the_page_with_a_level_reached_by_the_arrow_keys_and_not_saved_asks_first(live_server, browser, rows):
    """The arrow keys save their level only when the focus leaves the row's levels: a page left before that (a link
    clicked with the mouse, which takes no focus first) lost the level without a word, as unsaved evidence would not."""
    user, joins, _windows = rows
    page = open_page(browser, language="en", width=1280)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    page.locator(f"#id_item-{joins.pk}-level_1").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator(f"#id_item-{joins.pk}-level_2")).to_be_checked()
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.evaluate("document.querySelector(\"nav a[href='/skills/progress/']\").click()")  # the focus stays put
    page.wait_for_function("() => true")  # the dialog was answered (staying) before the page runs script again
    assert asked == ["beforeunload"]
    assert changes(user, joins) == [(None, 1)]
    with saved(page, joins):
        page.keyboard.press("Enter")  # confirmed: saved, and leaving asks nothing more
    page.goto(live_server.url + "/skills/progress/")  # a dialog now would abort this
    assert changes(user, joins) == [(None, 1), (1, 2)]
    page.context.close()


def post_requests(page) -> list[str]:
    """The URLs of the POST requests the page sends from now on, in order."""
    posts: list[str] = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    return posts


def browse_to_level_4(page, item) -> None:
    """From level 1, the arrow keys to level 4: checked, not chosen yet."""
    page.locator(f"#id_item-{item.pk}-level_1").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(page.locator(f"#id_item-{item.pk}-level_4")).to_be_checked()


@pytest.mark.parametrize(("language", "javascript"), [("en", True), ("nl", True), ("en", False)])
def test_save_all_pressed_right_after_the_arrow_keys_sends_the_level_once(
    live_server, browser, rows, language, javascript
):
    """The press on "Save all" takes the focus from the levels, which would save the level on its own, a moment
    before the form sends it again: two requests for one change. The form's post alone carries it, as it does
    without JavaScript."""
    user, joins, _windows = rows
    page = open_page(browser, language=language, width=1280, javascript=javascript)
    errors = watch_console(page)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    posts = post_requests(page)
    browse_to_level_4(page, joins)
    with page.expect_navigation():
        page.locator(".save-all-bar").get_by_role(
            "button", name="Alles opslaan" if language == "nl" else "Save all"
        ).click()
    assert posts == [live_server.url + "/skills/items/"]
    assert changes(user, joins) == [(None, 1), (1, 4)]
    expect(page.locator(f"#id_item-{joins.pk}-level_4")).to_be_checked()
    assert not errors, errors
    page.context.close()


def test_an_items_save_pressed_right_after_the_arrow_keys_sends_the_level_once(live_server, browser, rows):
    user, joins, _windows = rows
    page = open_page(browser, language="en", width=1280)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    posts = post_requests(page)
    browse_to_level_4(page, joins)
    with saved(page, joins):
        page.get_by_role("button", name="Save Joins").click()
    page.get_by_role("button", name="Save Window functions").focus()  # leaving the button sends nothing more
    page.wait_for_function("() => true")
    assert posts == [live_server.url + f"/skills/items/{joins.pk}/"]
    assert changes(user, joins) == [(None, 1), (1, 4)]
    page.context.close()


def test_a_press_on_save_all_let_go_elsewhere_still_saves_the_level_reached_by_the_arrow_keys(
    live_server, browser, rows
):
    """The level waits for the button only while it may be pressed: the press taken back, the level saves itself."""
    user, joins, _windows = rows
    page = open_page(browser, language="en", width=1280)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/")
    browse_to_level_4(page, joins)
    button = page.locator(".save-all-bar button").bounding_box()
    page.mouse.move(button["x"] + 5, button["y"] + 5)
    with saved(page, joins):
        page.mouse.down()
        page.mouse.move(button["x"] - 200, button["y"] - 200)
        page.mouse.up()
    assert changes(user, joins) == [(None, 1), (1, 4)]
    page.context.close()
