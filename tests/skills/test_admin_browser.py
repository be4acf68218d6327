"""The skills admin in a real browser at a laptop's width: every editor's control stays on the screen, and the page
loads without an error (no missing icon, nothing the CSP blocks)."""

import pytest
from django.urls import reverse

from skills.models import Resource
from tests.e2e.support import fits_width, share_session, watch_console
from tests.factories import ChecklistItemFactory, EditorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_items_learning_resources_fit_a_laptop_screen(live_server, browser):
    item = ChecklistItemFactory(name="Functions and modules")
    Resource.objects.create(
        item=item,
        title_en="Python tutorial: defining functions",
        title_nl="Python-tutorial: functies definiëren",
        url="https://docs.python.org/3/tutorial/controlflow.html#defining-functions",
        note_en="Parameters, return values and defaults, with examples to type along.",
        note_nl="Parameters, returnwaarden en standaardwaarden, met voorbeelden om mee te typen.",
        order=1,
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = watch_console(page)
    share_session(page, live_server, EditorFactory())
    page.goto(live_server.url + reverse("admin:skills_checklistitem_change", args=[item.pk]))
    delete_box = page.locator("#id_resources-0-DELETE")
    delete_box.wait_for()
    assert fits_width(page, 1280), page.evaluate("document.documentElement.scrollWidth")
    box = delete_box.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 1280
    page.wait_for_load_state("networkidle")  # the icon, which the browser asks for last
    context.close()
    assert not errors, errors
