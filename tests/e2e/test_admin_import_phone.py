"""An editor checks an import's preview on a 390 px phone in Dutch: the table of rows to import scrolls sideways in
its own box, which the keyboard can reach and which is named, instead of widening the whole admin page.

The marks of what a row changes are coloured without an inline style, which the portal's CSP would refuse, and the
rows that failed to import scroll in a box of their own as well."""

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from catalog.demo import load_catalog_demo
from catalog.resources import ToolResource
from portal.guards.spreadsheets import SpreadsheetSafeCSV
from tests.e2e.support import share_session, watch_console
from tests.factories import EditorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390
WIDTHS = """() => {
  const table = document.querySelector('table.import-preview'), box = table.closest('.import-preview-box');
  return {table: table.scrollWidth, page: document.documentElement.scrollWidth,
          box: box && {width: box.clientWidth, scrolls: box.scrollWidth > box.clientWidth}};
}"""


def scrolls_in_its_box(page, name: str) -> None:
    """The table is wider than the phone and scrolls in its own box, named ``name``, which the keyboard scrolls; the
    page itself stays as wide as the phone."""
    widths = page.evaluate(WIDTHS)
    assert widths["table"] > PHONE_WIDTH  # wide enough that it has to scroll
    assert widths["box"] and widths["box"]["scrolls"] and widths["box"]["width"] <= PHONE_WIDTH
    assert widths["page"] <= PHONE_WIDTH
    page.get_by_role("region", name=name, exact=True).focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.import-preview-box').scrollLeft > 0")


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
    journey.step("the import's preview")
    scrolls_in_its_box(page, "Voorbeeldweergave")


# Every CSP violation on each page, as the browser reports it to the page's own scripts, from the page's first byte.
WATCH_CSP = """window.cspViolations = [];
document.addEventListener('securitypolicyviolation', event => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));"""


def exported_tools(tmp_path, *, change) -> Path:
    """The demo tools as an editor exports them, with ``change(rows)`` applied to the rows before they are saved."""
    rows = list(csv.DictReader(io.StringIO(SpreadsheetSafeCSV().export_data(ToolResource().export()))))
    change(rows)
    exported = tmp_path / "tools.csv"
    with exported.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return exported


def preview_import(page, live_server, exported: Path, *, shows: str) -> None:
    page.add_init_script(WATCH_CSP)
    page.goto(live_server.url + "/admin/catalog/tool/import/")
    page.locator("#id_import_file").set_input_files(exported)
    page.locator("#id_format").select_option(label="csv")
    page.locator(".submit-row input[type=submit]").click()
    page.wait_for_selector(shows)


def test_the_marks_of_a_changed_text_in_the_import_preview_break_no_content_security_rule(
    live_server, dutch_phone_journey, tmp_path
):
    load_catalog_demo()

    def change_a_summary(rows):
        rows[0]["summary_en"] = "A changed summary, " + rows[0]["summary_en"]

    journey = dutch_phone_journey
    page = journey.page
    errors = watch_console(page)
    share_session(page, live_server, EditorFactory())
    preview_import(page, live_server, exported_tools(tmp_path, change=change_a_summary), shows="table.import-preview")
    added = page.locator("table.import-preview tr.update td ins").first
    expect(added).to_contain_text("A changed summary")
    assert added.evaluate("mark => getComputedStyle(mark).backgroundColor") != "rgba(0, 0, 0, 0)"
    # Before the screenshot, whose own style (Playwright's) the CSP refuses as well.
    assert page.evaluate("window.cspViolations") == []
    assert errors == []
    journey.step("the import's preview of a changed summary")


def test_the_rows_that_failed_to_import_scroll_in_their_own_box_on_a_phone(live_server, dutch_phone_journey, tmp_path):
    load_catalog_demo()

    def unknown_category(rows):
        rows[0]["category"] = "no-such-category"

    journey = dutch_phone_journey
    page = journey.page
    errors = watch_console(page)
    share_session(page, live_server, EditorFactory())
    preview_import(page, live_server, exported_tools(tmp_path, change=unknown_category), shows="table.import-preview")
    scrolls_in_its_box(page, "Sommige rijen zijn afgekeurd")
    assert page.evaluate("window.cspViolations") == []
    assert errors == []
    journey.step("the rows that failed")


def test_the_export_page_breaks_no_content_security_rule_and_select_all_still_works(live_server, dutch_phone_journey):
    """django-import-export's export page sets a paragraph's and a label's style inline and wires "Select all" with
    an inline onchange: the CSP refused all three, so the toggle did nothing."""
    load_catalog_demo()
    journey = dutch_phone_journey
    page = journey.page
    errors = watch_console(page)
    page.add_init_script(WATCH_CSP)
    share_session(page, live_server, EditorFactory())
    page.goto(live_server.url + "/admin/catalog/tool/export/")
    fields = page.locator('.selectable-field-export-row input[type="checkbox"]')
    expect(fields.first).to_be_checked()
    page.get_by_label("Alles selecteren").uncheck()
    shown = [field for field in fields.all() if field.is_visible()]
    assert shown and not any(field.is_checked() for field in shown)
    assert page.evaluate("window.cspViolations") == []
    assert errors == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    journey.step("the export page")
