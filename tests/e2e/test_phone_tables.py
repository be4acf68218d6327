"""On a 390×844 phone in Dutch, the pages with tables show every column: no table and no table container is wider
than the screen (a table that scrolls sideways hides its last columns without a cue), and axe finds nothing."""

import pytest
from django.contrib.auth import get_user_model

from api.services import create_token
from catalog.demo import load_catalog_demo
from portal.demo import load_demo_users
from recruiting.demo import DEMO_RECRUITER, DEMO_VACANCY, load_demo_search
from recruiting.services.recruiters import save_recruiter_profile
from skills.demo import DEMO_ENGINEER, load_engineer_demo, load_skills_demo
from skills.demo_benchmarks import load_benchmark_demo
from skills.demo_candidates import load_demo_candidates
from skills.models import EngineerProfile
from tests.e2e.conftest import Journey
from tests.e2e.support import assert_accessible, share_session, watch_console

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390
LAKEHOUSE = "senior-data-engineer-lakehouse"

# Everything wider than the screen: the page itself, a table container that scrolls, a table past the right edge.
OVERFLOWS = """(width) => {
  const found = [];
  if (document.documentElement.scrollWidth > width) found.push(`page ${document.documentElement.scrollWidth}px`);
  document.querySelectorAll('.table-responsive').forEach((box) => {
    if (box.scrollWidth > box.clientWidth + 1) found.push(`container ${box.scrollWidth}px > ${box.clientWidth}px`);
  });
  document.querySelectorAll('table').forEach((table) => {
    const right = table.getBoundingClientRect().right;
    if (right > width + 1) found.push(`table ${table.id || table.className} to ${Math.round(right)}px`);
  });
  return found;
}"""


def assert_tables_fit(journey: Journey, label: str) -> None:
    page = journey.page
    assert page.locator("main table").count(), f"{label}: no table on {page.url}"
    overflows = page.evaluate(OVERFLOWS, PHONE_WIDTH)
    journey.step(label, check_accessibility=False)
    assert not overflows, f"{label} at {page.url}: {overflows}"
    assert_accessible(page, label=label, axe=journey.axe)


def test_tables_fit_a_phone_in_dutch(live_server, dutch_phone_journey):
    load_catalog_demo()
    load_skills_demo()
    load_demo_users()
    load_engineer_demo()
    load_demo_candidates()
    load_demo_search()
    load_benchmark_demo()  # the snapshot behind the benchmarks and the market map
    users = get_user_model().objects
    engineer, recruiter = users.get(email=DEMO_ENGINEER), users.get(email=DEMO_RECRUITER)
    save_recruiter_profile(recruiter=recruiter, name="Rita de Vries", company="DataWerving")  # to open candidates
    create_token(user=recruiter, name="Nachtelijke export van de shortlist")
    search = recruiter.vacancy_searches.get()
    # A candidate whose evidence this recruiter sees only after an accepted contact request: the longest cell.
    with_hidden_evidence = (
        EngineerProfile.objects.visible_to_recruiters()
        .filter(user__assessments__evidence_url__gt="", evidence_public=False)
        .exclude(contact_requests__recruiter=recruiter, contact_requests__status="accepted")
        .first()
    )

    journey = dutch_phone_journey
    page = journey.page
    errors = watch_console(page)

    share_session(page, live_server, engineer)
    page.goto(f"{live_server.url}/skills/benchmarks/")
    assert page.locator(".benchmark-band").first.inner_text().startswith(("bij de beste", "meer dan de helft"))
    assert_tables_fit(journey, "benchmarks")
    page.goto(f"{live_server.url}/skills/roles/{LAKEHOUSE}/")
    assert_tables_fit(journey, "a role's requirements")

    page.context.clear_cookies()
    share_session(page, live_server, recruiter)
    page.goto(f"{live_server.url}/recruiting/market/")
    assert page.locator("#market-items-table").is_visible()
    assert_tables_fit(journey, "the market map")
    page.goto(f"{live_server.url}/recruiting/candidates/{with_hidden_evidence.pk}/")
    assert "Zichtbaar na een geaccepteerd contactverzoek" in page.locator("table.evidence-table").first.inner_text()
    assert_tables_fit(journey, "a candidate's levels with evidence")
    page.goto(f"{live_server.url}/recruiting/searches/{search.pk}/")
    assert "Gevraagd als" in page.locator("table.search-requirements").inner_text()
    assert_tables_fit(journey, "a saved vacancy search")
    page.goto(f"{live_server.url}/recruiting/searches/new/")
    page.get_by_label("Tekst van de vacature").fill(DEMO_VACANCY)
    page.get_by_role("button", name="Lees de vacature").click()
    page.locator("table.vacancy-items").wait_for()
    assert_tables_fit(journey, "a vacancy read")
    page.goto(f"{live_server.url}/api/tokens/")
    assert_tables_fit(journey, "API tokens")
    assert not errors, errors
