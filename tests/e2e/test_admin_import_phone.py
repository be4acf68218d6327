"""An editor checks an import's preview on a 390 px phone in Dutch: the table of rows to import scrolls sideways in
its own box, which the keyboard can reach and which is named, instead of widening the whole admin page.

(The console is not watched here: django-import-export's diff marks carry an inline colour that the CSP blocks.)"""

import pytest

from catalog.demo import load_catalog_demo
from catalog.resources import ToolResource
from portal.guards.spreadsheets import SpreadsheetSafeCSV
from tests.e2e.support import share_session
from tests.factories import EditorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390
WIDTHS = """() => {
  const table = document.querySelector('table.import-preview'), box = table.closest('.import-preview-box');
  return {table: table.scrollWidth, page: document.documentElement.scrollWidth,
          box: box && {width: box.clientWidth, scrolls: box.scrollWidth > box.clientWidth}};
}"""


def test_the_import_preview_scrolls_in_its_own_box_on_a_phone(live_server, dutch_phone_journey, tmp_path):
    load_catalog_demo()
    exported = tmp_path / "tools.csv"
    exported.write_text(SpreadsheetSafeCSV().export_data(ToolResource().export()), encoding="utf-8")
    journey = dutch_phone_journey
    page = journey.page
    share_session(page, live_server, EditorFactory())
    page.goto(live_server.url + "/admin/catalog/tool/import/")
    page.locator("#id_import_file").set_input_files(exported)
    page.locator("#id_format").select_option(label="csv")
    page.locator(".submit-row input[type=submit]").click()
    page.wait_for_selector("table.import-preview")
    widths = page.evaluate(WIDTHS)
    journey.step("the import's preview")
    assert widths["table"] > PHONE_WIDTH  # wide enough that it has to scroll
    assert widths["box"] and widths["box"]["scrolls"] and widths["box"]["width"] <= PHONE_WIDTH
    assert widths["page"] <= PHONE_WIDTH
    box = page.get_by_role("region", name="Voorbeeldweergave", exact=True)
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.import-preview-box').scrollLeft > 0")
