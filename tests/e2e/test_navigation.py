"""The navigation bar by role: one line at 1280 px and at 390 px, the account folded into a keyboard menu."""

import pytest

from skills.models import EngineerProfile
from tests.e2e.support import fits_width, share_session, watch_console
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
