"""The catalog's filter selects show their chosen text whole, in English and Dutch, on a phone and at 1280 px."""

import pytest

from catalog.demo import load_catalog_demo
from tests.e2e.support import LANGUAGES_AT_WIDTHS, fits_width, open_page, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Per select: the room its text has (inside the padding that holds the arrow) and the width of its widest option,
# measured in the select's own font. A select shows its chosen option on one line and cuts what does not fit.
SELECT_ROOM = """() => [...document.querySelectorAll('form.catalog-filters select')].map(select => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d');
    context.font = style.font;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const widest = [...select.options].reduce(
        (found, option) => context.measureText(option.text).width > found.width
            ? {text: option.text, width: context.measureText(option.text).width} : found,
        {text: '', width: 0});
    return {name: select.name, room: room, widest: widest.text, width: widest.width};
})"""


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_every_filter_option_shows_whole_in_its_select(live_server, browser, language, width):
    load_catalog_demo()
    page = open_page(browser, language=language, width=width)
    page.goto(live_server.url + "/catalog/")
    selects = page.evaluate(SELECT_ROOM)
    assert [select["name"] for select in selects] == ["category", "type", "keyword"]
    cut = [select for select in selects if select["width"] > select["room"]]
    assert not cut, cut
    assert fits_width(page, width)
    screenshot(page, f"catalog filters {language} {width}")
    page.context.close()
