"""An engineer pastes a Dutch vacancy: highlighted phrases, fit, gaps and learning path; saves it; finds it again.

On a desktop and on a 390×844 phone, with a screenshot and an axe check per step.
"""

import pytest
from playwright.sync_api import expect

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo
from skills.models import ChecklistItem, SavedVacancy
from tests.e2e.support import (
    IN_VIEW,
    assert_accessible,
    fits_width,
    open_page,
    screenshot,
    share_session,
    watch_console,
)
from tests.factories import UserFactory, assess

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390
TITLE = "Senior Data Engineer bij Waterschap Lakehouse"

VACANCY = """Senior Data Engineer – lakehouse (Utrecht, hybride)

Over de functie
Ons dataplatform groeit hard. Jij bouwt en onderhoudt de pijplijnen die sensordata van gemalen en dijken
verwerken, op Databricks met PySpark. Je werkt samen met analisten en data scientists.

Wat vragen wij
- Minimaal vijf jaar ervaring als data engineer
- Sterke SQL-kennis, met window functions en joins
- Ervaring met PySpark, partitionering en het oplossen van skew
- Orkestratie met Airflow: retries en scheduling
- Datakwaliteit bewaken met data tests

Pré
- Docker en CI pipelines
- Ervaring met Azure

Wat bieden wij
Een vaste baan, 36 uur, een opleidingsbudget en collega's die graag kennis delen.
"""


def engineer_with_levels():
    engineer = UserFactory()
    assess(user=engineer, item=ChecklistItem.objects.get(skill__slug="sql", slug="window-functions"), level=3)
    assess(user=engineer, item=ChecklistItem.objects.get(skill__slug="sql", slug="joins"), level=2)
    return engineer


def read_and_check(page, journey, label: str) -> str:
    """Paste the vacancy, read it and check what the page explains; returns the fit shown."""
    page.get_by_label("Vacancy text").fill(VACANCY)
    page.get_by_role("button", name="Read the vacancy").click()
    page.locator("#vacancy-fit").wait_for()
    marks = page.locator(".vacancy-text mark").evaluate_all("marks => marks.map(mark => mark.firstChild.nodeValue)")
    assert "window functions" in marks and "Airflow" in marks, marks
    assert page.locator("#vacancy-seniority").inner_text() == "senior"
    assert page.locator("#vacancy-language").inner_text() == "Written in Dutch"
    window = page.locator("ul.vacancy-items > li", has_text="Window functions")
    assert "level 3, needs 3 ✓" in window.inner_text() and "must-have" in window.inner_text()
    assert page.locator("ol.learning-path > li").count() > 0
    assert page.get_by_role("heading", name="Missing").count() == 0  # the learning path says it, once
    assert "counts 50% of a must-have" in page.locator("#vacancy-rule").inner_text()
    journey.step(f"{label}: the vacancy as read")
    return page.locator("#vacancy-fit").inner_text().split("/")[0].strip()


def save(page, journey, label: str) -> None:
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Link to the vacancy (optional)").fill("https://werken.example.nl/vacatures/42")
    page.get_by_role("button", name="Save to my vacancies").click()
    page.get_by_role("status").get_by_text(f"“{TITLE}” is saved to your vacancies.").wait_for()
    page.get_by_role("heading", level=1, name=TITLE).wait_for()
    journey.step(f"{label}: saved")


def test_an_engineer_reads_a_dutch_vacancy_saves_it_and_finds_it_beside_the_roles(live_server, journey):
    load_catalog_demo()
    load_skills_demo()
    page = journey.page
    errors = watch_console(page)
    share_session(page, live_server, engineer_with_levels())

    page.goto(live_server.url + "/skills/")
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Vacancy").click()
    page.get_by_role("heading", level=1, name="Read a vacancy").wait_for()
    journey.step("the paste form")

    fit = read_and_check(page, journey, "desktop")
    page.get_by_role("link", name="PySpark").first.wait_for()
    save(page, journey, "desktop")

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Gaps").click()
    card = page.locator("article", has=page.get_by_role("link", name=TITLE, exact=True))
    assert f"Fit: {fit} out of 100" in card.inner_text()
    journey.step("the saved vacancy beside the roles")

    card.get_by_role("link", name=TITLE, exact=True).click()
    page.locator("#vacancy-fit").wait_for()
    assert page.locator("#vacancy-fit").inner_text().startswith(fit)
    page.get_by_role("link", name=f"Delete “{TITLE}”…").click()
    page.get_by_role("heading", level=1, name="Delete this saved vacancy?").wait_for()
    assert SavedVacancy.objects.exists(), "asking first deletes nothing"
    page.get_by_role("button", name="Delete it for good").click()
    page.get_by_role("status").get_by_text("is deleted from your vacancies").wait_for()
    assert not SavedVacancy.objects.exists()
    journey.step("deleted")
    assert not errors, errors


def test_reading_and_saving_a_vacancy_fit_a_phone(live_server, phone_journey):
    load_catalog_demo()
    load_skills_demo()
    page = phone_journey.page
    errors = watch_console(page)
    share_session(page, live_server, engineer_with_levels())

    page.goto(live_server.url + "/skills/vacancy/")
    page.get_by_role("heading", level=1, name="Read a vacancy").wait_for()
    assert fits_width(page, PHONE_WIDTH)
    phone_journey.step("the paste form on a phone")
    read_and_check(page, phone_journey, "phone")
    assert fits_width(page, PHONE_WIDTH)
    save(page, phone_journey, "phone")
    assert fits_width(page, PHONE_WIDTH)

    page.goto(live_server.url + "/skills/gaps/")
    page.get_by_role("link", name=TITLE, exact=True).wait_for()
    assert fits_width(page, PHONE_WIDTH)
    phone_journey.step("the saved vacancy on the gaps page, on a phone")
    assert not errors, errors


def test_a_link_in_the_reading_opens_in_a_new_tab_and_the_reading_stays(live_server, browser):
    """Back from a page the reading links to would ask to post the vacancy again; a new tab keeps the reading."""
    load_catalog_demo()
    load_skills_demo()
    page = open_page(browser, language="nl", width=PHONE_WIDTH)
    errors = watch_console(page)
    share_session(page, live_server, engineer_with_levels())
    page.goto(live_server.url + "/skills/vacancy/")
    page.locator("textarea[name=text]").fill(VACANCY)
    page.locator(".vacancy-form [type=submit]").click()
    page.locator("#vacancy-fit").wait_for()
    tool = page.locator("#vacancy-tools-asked a").first
    assert tool.get_attribute("target") == "_blank"
    assert "(opent in een nieuw tabblad)" in tool.text_content()
    tool.scroll_into_view_if_needed()
    assert fits_width(page, PHONE_WIDTH)
    screenshot(page, "vacancy reading links in dutch on a phone")
    page.locator("ol.learning-path a").first.scroll_into_view_if_needed()
    assert page.locator("ol.learning-path a").first.get_attribute("target") == "_blank"
    screenshot(page, "vacancy learning path links in dutch on a phone")
    with page.context.expect_page() as opened:
        tool.click()
    opened.value.wait_for_load_state()
    assert "/catalog/" in opened.value.url
    assert page.locator("#vacancy-fit").is_visible()  # the reading, still there in its own tab
    assert not errors, errors


FRONTEND = (
    "Medior Frontend Developer (Utrecht)\n\nWat vragen wij\n- React, TypeScript, Next.js, Storybook; wat Docker\n"
)


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_full_score_on_the_one_item_known_warns_beside_it_and_leads_to_the_terms_left_out(
    live_server, browser, javascript
):
    """A frontend job scored 100 of 100 on Docker without a word: on a phone's first screen, the warning stands under
    the score, and its link shows the terms the reader did not recognise."""
    load_catalog_demo()
    load_skills_demo()
    engineer = UserFactory()
    assess(user=engineer, item=ChecklistItem.objects.get(skill__slug="ci-cd", slug="docker"), level=3)
    page = open_page(browser, language="nl", width=PHONE_WIDTH, javascript=javascript)
    errors = watch_console(page)
    share_session(page, live_server, engineer)
    page.goto(live_server.url + "/skills/vacancy/")
    page.locator("textarea[name=text]").fill(FRONTEND)
    page.locator(".vacancy-form [type=submit]").click()
    assert page.locator("#vacancy-fit").inner_text() == "100"
    warning = page.locator("#vacancy-few-items")
    assert warning.evaluate(IN_VIEW)
    assert "Deze score rust op maar 1 punt dat we herkenden." in warning.inner_text()
    screenshot(page, f"vacancy few items warning in dutch on a phone {javascript=}")
    warning.get_by_role("link", name="4 termen die we niet herkenden").click()
    expect(page.locator("#vacancy-unrecognised")).to_be_in_viewport()
    for term in ("React", "TypeScript", "Next.js", "Storybook"):
        expect(page.locator("#vacancy-unrecognised").get_by_text(term, exact=True)).to_be_visible()
    assert fits_width(page, PHONE_WIDTH)
    if javascript:
        assert_accessible(page, label="a score on one known item")
    assert not errors, errors
