"""The editors' busiest change lists fit a laptop's screen in Dutch: at 1280 px, beside the admin's navigation and
its filters, no list scrolls sideways, and the unrecognised terms' "Laten herkennen" link is whole on screen."""

import pytest

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo
from skills.models import UnrecognisedTerm
from tests.e2e.conftest import Journey
from tests.e2e.support import share_session, watch_console
from tests.factories import EditorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTS = (
    "/admin/skills/unrecognisedterm/",
    "/admin/catalog/tool/",
    "/admin/skills/itemphrase/",
    "/admin/skills/checklistitem/",
)
# The table's width against its box's (which scrolls sideways when the table is wider), and the page's own width.
WIDTHS = """() => {
  const box = document.querySelector('#changelist-form .results'), table = document.querySelector('#result_list');
  return {table: table.scrollWidth, box: box.clientWidth, page: document.documentElement.scrollWidth};
}"""


# 1265: a laptop's 1280 px less a browser's scroll bar.
@pytest.mark.parametrize("width", [1280, 1265])
def test_the_change_lists_fit_beside_the_navigation_at_1280_px(live_server, browser, request, width):
    load_catalog_demo()
    load_skills_demo()
    for term, language in (("Snowflake", "nl"), ("Kafka", "en"), ("Terraform", "en"), ("lakehouse", "en")):
        UnrecognisedTerm.objects.create(term=term, language=language, count=1)
    context = browser.new_context(reduced_motion="reduce", locale="nl", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    journey = Journey(page, request.node.name)
    errors = watch_console(page)
    share_session(page, live_server, EditorFactory())
    for path in LISTS:
        page.goto(live_server.url + path)
        assert page.locator("#nav-sidebar").is_visible()
        widths = page.evaluate(WIDTHS)
        journey.step(path, check_accessibility=False)
        assert widths["table"] <= widths["box"] and widths["page"] <= width, f"{path}: {widths}"
    page.goto(live_server.url + LISTS[0])
    link = page.get_by_role("row", name="Snowflake").get_by_role("link", name="Laten herkennen")
    shown, results = link.bounding_box(), page.locator("#changelist-form .results").bounding_box()
    assert shown["x"] + shown["width"] <= results["x"] + results["width"]
    assert errors == []
    context.close()
