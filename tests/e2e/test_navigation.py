"""The navigation bar by role: one line at 1280 px and at 390 px, the account folded into a keyboard menu."""

import pytest
from playwright.sync_api import expect

from skills.models import EngineerProfile
from tests.e2e.support import IN_VIEW, fits_width, open_page, screenshot, share_session, watch_console
from tests.factories import RecruiterFactory, SuperuserFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_EMAIL = "a.rather.long.address.of.an.engineer@example-company.com"


def nav_lines(page) -> int:
    """How many lines the bar's links take: distinct tops of the visible nav items."""
    return page.evaluate(
        """() => new Set([...document.querySelectorAll('#main-nav > ul > li.nav-item')]
            .filter(li => li.offsetParent !== null)
            .map(li => Math.round(li.getBoundingClientRect().top))).size"""
    )


def link_names(page) -> list[str]:
    """The bar's own entries: its links and the menus that fold a side's links (their items are not counted)."""
    return page.locator("#main-nav > ul").first.locator("a.nav-link, button.nav-link").all_inner_texts()


@pytest.mark.parametrize("width", [1280, 390])
def test_every_role_gets_one_line_of_its_own_links(live_server, browser, width, request):
    from tests.e2e.conftest import Journey

    context = browser.new_context(reduced_motion="reduce", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    journey = Journey(page, f"{request.node.name}")
    errors = watch_console(page)
    people = {
        "engineer": UserFactory(email=LONG_EMAIL),
        "recruiter": RecruiterFactory(email="recruiter.without.profile@example-company.com"),
        "editor-recruiter-engineer": SuperuserFactory(email="everything.at.once@example-company.com"),
    }
    EngineerProfile.objects.create(user=people["editor-recruiter-engineer"])
    expected = {
        "engineer": ({"Checklist", "Vacancy", "Profile"}, {"Candidates", "Admin"}),
        "recruiter": ({"Candidates", "Shortlists"}, {"Checklist", "Admin"}),
        "editor-recruiter-engineer": ({"Checklist", "Vacancy", "Recruiting", "Admin"}, {"Candidates"}),
    }
    for who, user in people.items():
        page.context.clear_cookies()
        share_session(page, live_server, user)
        page.goto(live_server.url + "/catalog/")
        if width < 1200:
            assert fits_width(page, width)
            assert nav_lines(page) == 0  # folded behind the toggler
            page.get_by_role("button", name="Toggle navigation").click()
            page.locator("#main-nav.show").wait_for()
        else:
            assert nav_lines(page) == 1, who
        assert fits_width(page, width), who
        shown, hidden = expected[who]
        names = set(link_names(page))
        assert shown <= names and not hidden & names, (who, names)
        journey.step(f"{who} navigation at {width}")
    context.close()
    assert not errors, errors


def test_the_fullest_bar_stays_on_one_line_in_dutch_too(live_server, browser, request):
    """Dutch words are longer: an engineer who is also recruiter and editor still gets one line at 1280 px."""
    from tests.e2e.conftest import Journey

    context = browser.new_context(reduced_motion="reduce", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    user = SuperuserFactory(email="everything.at.once@example-company.com")
    EngineerProfile.objects.create(user=user)
    share_session(page, live_server, user)
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    page.goto(live_server.url + "/catalog/")
    assert {"Checklist", "Vacature", "Werving", "Beheer"} <= set(link_names(page))
    assert nav_lines(page) == 1
    assert fits_width(page, 1280)
    page.get_by_role("button", name="Werving").click()  # the recruiter's pages, folded into one menu
    page.get_by_role("link", name="Kandidaten").click()
    page.wait_for_url("**/recruiting/candidates/**")
    Journey(page, request.node.name).step("everything at once in Dutch at 1280")
    context.close()


def test_the_account_menu_opens_and_closes_from_the_keyboard(live_server, journey):
    page = journey.page
    share_session(page, live_server, UserFactory(email=LONG_EMAIL))
    page.goto(live_server.url + "/skills/")
    toggle = page.locator("#account-menu")
    assert page.get_by_role("button", name="Log out").is_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Log out").wait_for(state="visible")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.dropdown-menu') !== null")
    journey.step("account menu open")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Log out").wait_for(state="hidden")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    page.get_by_role("button", name="Nederlands").click()
    page.get_by_role("heading", level=1, name="Mijn checklist").wait_for()
    page.locator("#account-menu").click()
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("#account-menu").count() == 0


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two computed "rgb(r, g, b)" colours."""

    def luminance(colour: str) -> float:
        channels = [int(part) / 255 for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def focus_ring(page) -> tuple[str, float]:
    """The focused element's outline colour and width, in the header's dark colour's contrast."""
    ring = page.evaluate(
        """() => { const style = getComputedStyle(document.activeElement);
                   return [style.outlineStyle, style.outlineColor, parseFloat(style.outlineWidth)]; }"""
    )
    header = page.evaluate("getComputedStyle(document.querySelector('nav.navbar')).backgroundColor")
    assert ring[0] == "solid" and ring[2] >= 2, ring
    return ring[1], contrast(ring[1], header)


@pytest.mark.parametrize(("language", "toggle"), [("en", "Toggle navigation"), ("nl", "Navigatie openen of sluiten")])
def test_keyboard_focus_shows_on_the_dark_header_and_escape_folds_the_phone_menu(
    live_server, browser, language, toggle
):
    for width in (1280, 390):
        page = open_page(browser, language=language, width=width)
        errors = watch_console(page)
        share_session(page, live_server, UserFactory())
        page.goto(live_server.url + "/catalog/")
        page.locator(".navbar-brand").focus()
        if width < 1200:
            page.keyboard.press("Tab")
            toggler = page.get_by_role("button", name=toggle)
            expect(toggler).to_be_focused()
            assert focus_ring(page)[1] >= 3
            page.keyboard.press("Enter")
            page.locator("#main-nav.show").wait_for()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('nav-link')")
        assert focus_ring(page)[1] >= 3, "a focus ring of at least 3:1 on the dark header"
        screenshot(page, f"16-{language}-{width}-nav-focus")
        if width < 1200:
            page.keyboard.press("Escape")
            expect(toggler).to_have_attribute("aria-expanded", "false")
            expect(page.locator("#main-nav")).not_to_be_visible()
            expect(toggler).to_be_focused()
            screenshot(page, f"16-{language}-{width}-menu-escaped")
        assert not errors, errors
        page.context.close()


@pytest.mark.parametrize(
    ("language", "open_menu", "close_menu"),
    [("en", "Open the menu", "Close the menu"), ("nl", "Menu openen", "Menu sluiten")],
)
def test_without_javascript_the_phone_menu_starts_folded_and_opens_and_closes_with_links(
    live_server, browser, language, open_menu, close_menu
):
    page = open_page(browser, language=language, width=390, javascript=False)
    share_session(page, live_server, UserFactory())
    page.goto(live_server.url + "/catalog/")
    menu = page.locator("#main-nav")
    expect(menu).not_to_be_visible()
    assert page.get_by_role("heading", level=1).evaluate(IN_VIEW), "the first screen shows the page, not the menu"
    expect(page.locator("button.navbar-toggler")).not_to_be_visible()  # it needs JavaScript
    screenshot(page, f"13-{language}-390-nojs-folded")

    page.get_by_role("link", name=open_menu).click()
    expect(menu).to_be_visible()
    expect(menu.get_by_role("link", name="Checklist")).to_be_visible()
    assert page.evaluate("scrollY") == 0
    screenshot(page, f"13-{language}-390-nojs-open")
    page.get_by_role("link", name=close_menu).click()
    expect(menu).not_to_be_visible()
    page.context.close()


def test_with_javascript_the_menu_keeps_its_button_and_no_fold_links(live_server, browser):
    page = open_page(browser, language="en", width=390)
    page.goto(live_server.url + "/catalog/")
    expect(page.get_by_role("link", name="Open the menu")).not_to_be_visible()
    page.get_by_role("button", name="Toggle navigation").click()
    expect(page.locator("#main-nav")).to_be_visible()
    expect(page.get_by_role("link", name="Close the menu")).not_to_be_visible()
    page.context.close()
