"""A shortlist in a real browser: a long role title fits a phone, in its badge and whole in the role select, and the
stage select moves nobody by itself."""

import pytest

from recruiting.models import ShortlistEntry, Stage
from skills.models import EngineerProfile
from tests.e2e.conftest import RESULTS
from tests.e2e.support import LANGUAGES_AT_WIDTHS, assert_accessible, fits_width, open_page, share_session
from tests.factories import (
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("recruiters_group")]

PHONE_WIDTH = 390
LONG_TITLE = "Senior Data Engineer — lakehouse/Databricks"
# How many lines the chosen option's text needs in a select's text box, and how many lines the select shows.
SELECT_LINES = """select => {
    const style = getComputedStyle(select), measure = document.createElement("canvas").getContext("2d");
    measure.font = style.font;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const height = select.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return [Math.ceil(measure.measureText(select.selectedOptions[0].text).width / room),
            Math.round(height / parseFloat(style.lineHeight))];
}"""


@pytest.fixture
def entry():
    role = RoleFactory(title=LONG_TITLE, title_nl=LONG_TITLE, slug="lakehouse")
    profile = EngineerProfileFactory(
        user=UserFactory(password=None),
        visibility=EngineerProfile.Visibility.RECRUITERS,
        display_name="Sanne de Vries",
        identity=EngineerProfile.Identity.NAME,
    )
    RoleMatchFactory(profile=profile, role=role, score=3)
    return ShortlistEntryFactory(shortlist=ShortlistFactory(recruiter=RecruiterFactory(), role=role), profile=profile)


@pytest.mark.parametrize(("language", "javascript"), [("nl", True), ("en", False)])
def test_a_long_match_badge_wraps_on_a_phone(live_server, browser, entry, language, javascript):
    page = open_page(browser, language=language, width=PHONE_WIDTH, javascript=javascript)
    share_session(page, live_server, entry.shortlist.recruiter)
    for path in (
        f"/recruiting/shortlists/{entry.shortlist.pk}/",
        "/recruiting/candidates/?role=lakehouse",
        f"/recruiting/candidates/{entry.profile.pk}/?role=lakehouse",
    ):
        page.goto(live_server.url + path)
        assert fits_width(page, PHONE_WIDTH), path
    page.context.close()


def test_browsing_the_stage_select_with_the_keyboard_moves_nobody_until_move(live_server, browser, entry):
    page = open_page(browser, language="nl", width=PHONE_WIDTH)
    share_session(page, live_server, entry.shortlist.recruiter)
    page.goto(f"{live_server.url}/recruiting/shortlists/{entry.shortlist.pk}/")
    stage_select = page.get_by_label("Fase")
    stage_select.focus()
    posts: list[str] = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert posts == []
    assert ShortlistEntry.objects.get(pk=entry.pk).stage == Stage.TO_CONTACT
    chosen = stage_select.input_value()
    with page.expect_response(lambda response: "/stage/" in response.url):
        page.get_by_role("button", name="Verplaats").click()
    page.get_by_role("status").wait_for()
    assert ShortlistEntry.objects.get(pk=entry.pk).stage == chosen
    assert len(posts) == 1
    page.context.close()


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_the_role_select_shows_a_long_role_title_whole_within_the_screen(live_server, browser, entry, language, width):
    shortlist = entry.shortlist
    page = open_page(browser, language=language, width=width)
    share_session(page, live_server, shortlist.recruiter)
    for name, path in (("new", "/recruiting/shortlists/"), ("saved", f"/recruiting/shortlists/{shortlist.pk}/")):
        page.goto(live_server.url + path)
        select = page.locator("select[name=role]")
        select.select_option(str(shortlist.role_id))
        page.screenshot(path=str(RESULTS / f"shortlist-role-{name}-{language}-{width}.png"), full_page=True)
        needed, shown = select.evaluate(SELECT_LINES)
        assert shown >= needed, f"{name}: the title needs {needed} lines, the select shows {shown}"
        box = select.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, name
        assert fits_width(page, width), name
        assert_accessible(page, label=f"{name} {language} {width}")
    page.context.close()
