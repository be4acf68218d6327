"""The admin's history of a row reads on a 390 px phone in Dutch: Django's own history (a category's) and
django-simple-history's (a tool's versions). No word is broken in the middle, and the page is no wider than the
screen: a table wider than the phone scrolls sideways in its own box."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry

from catalog.demo import load_catalog_demo
from catalog.models import Category, Tool
from tests.e2e.support import share_session, watch_console
from tests.factories import EditorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390
# Every word of the history table that the browser drew on more than one line (split in the middle), and how wide
# the page is.
LAYOUT = """() => {
  const table = document.querySelector('#change-history table, table#change-history');
  const broken = [];
  const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
  return {broken, page: document.documentElement.scrollWidth};
}"""


def test_the_admin_history_pages_read_on_a_phone(live_server, dutch_phone_journey):
    load_catalog_demo()
    editor = EditorFactory()
    category, tool = Category.objects.first(), Tool.objects.get(slug="pyspark")
    for change in ("Samenvatting herschreven voor de vacaturelezer", "Valkuilen aangevuld met datascheefheid"):
        tool.summary_nl = change
        tool._change_reason = change
        tool.save()
    LogEntry.objects.log_actions(
        user_id=editor.pk,
        queryset=[category] * 3,
        action_flag=CHANGE,
        change_message=[{"changed": {"fields": ["Beschrijving [nl]", "Beschrijving [en]", "Volgorde"]}}],
    )
    journey = dutch_phone_journey
    page = journey.page
    errors = watch_console(page)
    share_session(page, live_server, editor)
    layouts = {}
    for label, path in (
        ("a category's history", f"/admin/catalog/category/{category.pk}/history/"),
        ("a tool's versions", f"/admin/catalog/tool/{tool.pk}/history/"),
    ):
        page.goto(live_server.url + path)
        layouts[label] = page.evaluate(LAYOUT)
        journey.step(label)
    assert {label: layout["broken"] for label, layout in layouts.items() if layout["broken"]} == {}
    assert {label: layout["page"] for label, layout in layouts.items() if layout["page"] > PHONE_WIDTH} == {}
    assert errors == []
