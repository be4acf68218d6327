"""The skills admin in a real browser at a laptop's width: every editor's control stays on the screen, and the page
loads without an error (no missing icon, nothing the CSP blocks)."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from portal.jobs.lifecycle import JobStatus
from skills.models import Resource, RoleRecompute
from skills.models.recomputes import RecomputeFailure
from tests.e2e.support import fits_width, open_page, share_session, watch_console
from tests.factories import ChecklistItemFactory, EditorFactory, RoleFactory, RoleRequirementFactory

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


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_roles_list_fits_beside_the_navigation_on_a_laptop_screen(live_server, browser, language):
    role = RoleFactory(title="Senior Data Engineer — lakehouse/Databricks", title_nl="Senior Data Engineer — lakehouse")
    RoleRequirementFactory.create_batch(3, role=role)
    RoleRecompute.objects.create(
        role=role, status=JobStatus.FAILED, finished_at=timezone.now(), error=RecomputeFailure.REPLACED
    )
    page = open_page(browser, language=language, width=1280)
    share_session(page, live_server, EditorFactory())
    page.goto(live_server.url + reverse("admin:skills_role_changelist"))
    expect(page.locator("#nav-sidebar")).to_be_visible()
    table = page.locator("#changelist .results")
    expect(table.locator(".role-details")).to_be_visible()
    assert table.evaluate("results => results.scrollWidth <= results.clientWidth"), table.evaluate(
        "results => [results.scrollWidth, results.clientWidth]"
    )
