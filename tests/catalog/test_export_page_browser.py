"""The admin's export page on a phone and a desktop, with and without JavaScript: each column's checkbox has its label beside
it, a long label wrapping in its own column instead of under the box."""

import pytest

from tests.e2e.support import LANGUAGES_AT_WIDTHS, open_page, screenshot, share_session
from tests.factories import EditorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each checkbox of the page with its label's box, and whether that label runs to more than one line.
CHECKBOXES = """() => [...document.querySelectorAll('form fieldset input[type=checkbox]')].map(box => {
  const label = document.querySelector(`label[for="${box.id}"]`), own = box.getBoundingClientRect();
  const text = label.getBoundingClientRect(), lines = label.getClientRects().length;
  return {name: label.innerText.trim(), boxLeft: own.left, boxRight: own.right, boxTop: own.top, boxBottom: own.bottom,
          labelLeft: text.left, labelTop: text.top, lines, page: document.documentElement.scrollWidth};
})"""


@pytest.mark.parametrize("javascript", [False, True])
@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_every_column_label_stands_beside_its_checkbox(live_server, browser, language, width, javascript):
    page = open_page(browser, language=language, width=width, javascript=javascript)
    share_session(page, live_server, EditorFactory())
    page.goto(f"{live_server.url}/admin/catalog/tool/export/")
    checkboxes = page.evaluate(CHECKBOXES)
    assert len(checkboxes) > 10
    for box in checkboxes:
        assert box["labelLeft"] >= box["boxRight"], f"{box['name']!r} starts to the right of its checkbox"
        assert box["labelTop"] < box["boxBottom"], f"{box['name']!r} starts on its checkbox's line"
        assert box["lines"] == 1, f"{box['name']!r} is one box, not a line under the checkbox"
    for edge in ("boxLeft", "labelLeft"):
        assert max(box[edge] for box in checkboxes) - min(box[edge] for box in checkboxes) < 1, f"{edge}s in one column"
    assert checkboxes[0]["page"] <= width, "nothing widens the page"
    screenshot(page, f"admin-export-{language}-{width}-{'js' if javascript else 'nojs'}")
