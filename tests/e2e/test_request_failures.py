"""A save that htmx sends in the background and that fails must say so: the level picked looks chosen either way."""

import pytest
from django.db import connection

from skills.models import Assessment, ChecklistItem
from tests.e2e.support import set_level, share_session
from tests.factories import ChecklistItemFactory, UserFactory, assess

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOT_DONE = "That did not go through"


@pytest.fixture
def engineer_on_checklist(live_server, page):
    item = ChecklistItemFactory(name="Window functions")
    engineer = UserFactory()
    assess(user=engineer, item=item, level=1)
    share_session(page, live_server, engineer)
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/skills/")
    page.locator(f"#item-row-{item.pk}").evaluate(
        "row => { const fold = row.closest('details'); if (fold) fold.open = true; }"
    )
    return engineer, item


def stored_level(engineer, item: ChecklistItem) -> int:
    return Assessment.objects.get(user=engineer, item=item).level


def test_a_level_the_portal_could_not_store_during_a_database_outage_says_so(engineer_on_checklist, page):
    if connection.vendor != "postgresql":
        pytest.skip("Refusing new connections to one database needs PostgreSQL.")
    from tests.portal.test_worker_faults import _allow_connections

    engineer, item = engineer_on_checklist
    alert = page.get_by_role("alert").filter(has_text=NOT_DONE)
    _allow_connections(False)  # the portal's connections are dropped and no new one is let in
    try:
        set_level(page, item, 3)
        alert.wait_for()
    finally:
        _allow_connections(True)
    assert stored_level(engineer, item) == 1
    set_level(page, item, 2)  # the database is back: this one is stored, and the notice goes
    page.locator(f"#item-row-{item.pk}").get_by_role("status").get_by_text("Saved.").wait_for()
    alert.wait_for(state="hidden")
    assert stored_level(engineer, item) == 2


def test_a_level_that_never_reached_the_portal_says_so(engineer_on_checklist, page):
    """The connection drops on the way (a web process restarting, a train going into a tunnel)."""
    engineer, item = engineer_on_checklist
    page.route(f"**/skills/items/{item.pk}/", lambda route: route.abort("connectionreset"))
    page.locator(f"label[for='id_item-{item.pk}-level_3']").click()
    page.get_by_role("alert").filter(has_text=NOT_DONE).wait_for()
    assert stored_level(engineer, item) == 1
