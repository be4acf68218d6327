"""An editor keeps roles, tools and the vacancy reader's lists on a 390 px phone in Dutch: a tabular inline's rows
and a change list's rows read as cards, so nothing scrolls sideways, neither the page nor a table in its box; each
requirement's item is named whole, and every field of a row is on the screen under its column's name, with or
without JavaScript. At 1280 px the Dutch texts that publishing needs look as required as their English twins, and a
role's Dutch title is whole in its box."""

import pytest
from playwright.sync_api import expect

from catalog.demo import load_catalog_demo
from recruiting.services.searches import Requirement, create_search, propose_search, update_search
from skills.demo import load_skills_demo
from skills.models import UnrecognisedTerm
from tests.e2e.conftest import Journey
from tests.e2e.support import open_page, share_session, watch_console
from tests.factories import ChecklistItemFactory, EditorFactory, RecruiterFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390
ROLE = "/admin/skills/role/?q=platform"  # a role whose items have long Dutch names ("Objectopslag en managed compute")
# How wide the page is, and every box on it that scrolls sideways because what it holds is wider.
SIDEWAYS = """() => ({
  page: document.documentElement.scrollWidth,
  boxes: [...document.querySelectorAll('#content *')]
    .filter(box => box.scrollWidth > box.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(box).overflowX))
    .map(box => `${box.id || box.className}: ${box.scrollWidth} in ${box.clientWidth}`),
})"""
# Each saved row of the inline: the name of its item, whether that name is whole in its box (Select2's, or a plain
# select's without JavaScript), and every field that lies off the screen or shows no column name above it.
ROWS = """(width) => [...document.querySelectorAll('.inline-group .tabular tr.has_original')].map(row => {
  const select = row.querySelector('td.field-item select, td.field-language select');
  const shown = row.querySelector('td.field-item .select2-selection__rendered');
  const name = select.selectedOptions[0].text;
  let whole;
  if (shown) {
    whole = shown.scrollWidth <= shown.clientWidth && shown.scrollHeight <= shown.clientHeight + 1;
  } else {
    const context = document.createElement('canvas').getContext('2d');
    context.font = getComputedStyle(select).font;
    whole = context.measureText(name).width + 36 <= select.clientWidth;  // its padding and its arrow
  }
  const fields = [...row.querySelectorAll('td:not(.original) :is(input, select, textarea, .select2-container)')]
    .filter(field => field.type !== 'hidden' && !field.classList.contains('select2-hidden-accessible'));
  const off = fields.filter(field => {
    const box = field.getBoundingClientRect();
    return box.width === 0 || box.left < 0 || box.right > width;
  }).map(field => field.name || field.className);
  const unnamed = fields.map(field => field.closest('td'))
    .filter(cell => !getComputedStyle(cell, '::before').content.includes(cell.dataset.label || '\u2400'))
    .map(cell => cell.className);
  return {name, whole, off, unnamed};
})"""


def rows_as_cards(journey, errors, label: str, *, javascript: bool) -> list[dict]:
    """The inline's saved rows on this page, once nothing scrolls sideways and each row is a card whose fields are
    all on the screen under their column's name, the name of its item whole."""
    page = journey.page
    expect(page.locator(".inline-group .tabular tr.has_original").first).to_be_visible()
    sideways, rows = page.evaluate(SIDEWAYS), page.evaluate(ROWS, PHONE_WIDTH)
    assert sideways == {"page": PHONE_WIDTH, "boxes": []}, label
    assert len(rows) >= 3, label
    assert [row for row in rows if not row["whole"] or row["off"] or row["unnamed"]] == [], label
    assert errors == [], label
    journey.step(label, check_accessibility=javascript)  # axe runs as a script
    errors.clear()  # axe's own styles, which the CSP refuses
    return rows


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_an_inline_s_rows_read_as_cards_on_a_phone(live_server, browser, request, javascript):
    load_catalog_demo()
    load_skills_demo()
    page = open_page(browser, language="nl", width=PHONE_WIDTH, javascript=javascript)
    journey = Journey(page, request.node.name)
    errors = watch_console(page)
    share_session(page, live_server, EditorFactory())
    page.goto(live_server.url + ROLE)
    page.get_by_role("link", name="Senior Data Engineer — platform en API's").click()
    requirements = rows_as_cards(journey, errors, "a role's requirements", javascript=javascript)
    assert {"Objectopslag en managed compute", "Herhaalpogingen en time-outs"} <= {row["name"] for row in requirements}
    page.goto(live_server.url + "/admin/catalog/tool/?q=FastAPI")
    page.get_by_role("link", name="FastAPI", exact=True).click()
    rows_as_cards(journey, errors, "a tool's phrases", javascript=javascript)
    page.context.close()


def test_the_change_lists_read_as_cards_on_a_phone(live_server, dutch_phone_journey):
    load_catalog_demo()
    load_skills_demo()
    for term, language in (("Apache Iceberg tabelformaat", "nl"), ("Kafka", "en")):
        UnrecognisedTerm.objects.create(term=term, language=language, count=3)  # met by enough readers
    journey = dutch_phone_journey
    page = journey.page
    errors = watch_console(page)
    share_session(page, live_server, EditorFactory())
    for path in ("/admin/catalog/tool/", "/admin/skills/itemphrase/", "/admin/skills/unrecognisedterm/"):
        page.goto(live_server.url + path)
        assert page.evaluate(SIDEWAYS) == {"page": PHONE_WIDTH, "boxes": []}, path
        assert errors == [], path
        journey.step(path)
        errors.clear()  # axe's own styles, which the CSP refuses
    # Each value beside its column's name, the last one ("make it known") whole on the screen.
    link = page.get_by_role("row", name="Apache Iceberg").get_by_role("link", name="Laten herkennen")
    shown = link.bounding_box()
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= PHONE_WIDTH
    cell = page.locator("#result_list td.field-language").first
    assert cell.evaluate("cell => getComputedStyle(cell, '::before').content").startswith('"Taal van de vacature"')


# Where each piece of text of a value starts on the screen: none may start left of the first, as in a value whose
# pieces a layout set apart, name beside piece.
PIECES = """cell => [...cell.childNodes].filter(piece => piece.textContent.trim()).map(piece => {
  const range = document.createRange();
  range.selectNodeContents(piece);
  return {text: piece.textContent.trim(), left: Math.round(range.getClientRects()[0].left)};
})"""


def test_a_value_of_several_pieces_reads_as_one_text_in_its_card(live_server, dutch_phone_journey):
    recruiter = RecruiterFactory()
    requirements = [Requirement(item=ChecklistItemFactory(), min_level=3, is_must_have=True)]
    search = create_search(owner=recruiter, title="Lakehouse platform engineer", requirements=requirements)
    propose_search(owner=recruiter, search=search)
    update_search(owner=recruiter, search=search, title="Lakehouse platform lead", requirements=requirements)
    page = dutch_phone_journey.page
    share_session(page, live_server, EditorFactory())
    page.goto(live_server.url + "/admin/recruiting/searchproposal/?state=changed")
    pieces = page.locator("#result_list td.field-state").evaluate(PIECES)
    assert len(pieces) >= 3, pieces  # the change, its date and the link to the newer proposal
    assert min(piece["left"] for piece in pieces) == pieces[0]["left"], pieces
    dutch_phone_journey.step("a proposal changed since, on a phone")


def test_the_dutch_texts_publishing_needs_look_required_on_a_laptop(live_server, browser):
    load_catalog_demo()
    load_skills_demo()
    page = open_page(browser, language="nl", width=1280)
    errors = watch_console(page)
    share_session(page, live_server, EditorFactory())
    page.goto(live_server.url + ROLE)
    page.get_by_role("link", name="Senior Data Engineer — platform en API's").click()
    english, dutch = page.get_by_label("Titel [en]"), page.get_by_label("Titel [nl]")
    weight = "label => getComputedStyle(label).fontWeight"
    assert page.locator("label[for=id_title_nl]").evaluate(weight) == page.locator("label[for=id_title_en]").evaluate(
        weight
    )
    expect(dutch).to_have_accessible_description("Nodig om te publiceren.")
    expect(page.get_by_label("Samenvatting [nl]")).to_have_accessible_description(
        "Nodig om te publiceren zodra de Engelse tekst is ingevuld."
    )
    for title in (english, dutch):
        assert title.evaluate("box => box.scrollWidth <= box.clientWidth"), title.input_value()
    assert errors == []
    page.context.close()
