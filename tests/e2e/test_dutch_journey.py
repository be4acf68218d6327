"""The portal as a Dutch browser sees it: sign-up, checklist, gaps, vacancy, the recruiter's list and export, each at
a desktop and a phone width, with no English sentence of ours and no English content name that has a Dutch one."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo
from skills.models import EngineerProfile, Role
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import update_profile
from tests.e2e.support import share_session, watch_console
from tests.factories import RecruiterFactory, UserFactory
from tests.test_every_url_language import VisibleText, _foreign_names, _foreign_phrases, _found

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLATFORM = "senior-data-engineer-platform-apis"
WIDTHS = (1280, 390)
VACANCY = (
    "Senior data engineer gezocht. Je bouwt pipelines met PySpark op Databricks en plant ze met Airflow. "
    "Vereist: ruime ervaring met SQL en Python. Kennis van Docker is een pré."
)


def shows_dutch(journey, label: str, phrases: set[str], names: set[str]) -> None:
    """A screenshot at each width, and no English sentence of ours nor English content name on the page."""
    page = journey.page
    text = VisibleText.of(page.content())
    english = [hit for hit in _found(text, phrases) + _found(text, names) if hit not in {"English", "Nederlands"}]
    assert not english, f"{label}: {english}"
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        journey.step(f"{label} {width}px", check_accessibility=width == WIDTHS[0])
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})


def test_a_dutch_engineer_and_recruiter_read_everything_in_dutch(live_server, journey, browser):
    load_catalog_demo()
    load_skills_demo()
    phrases, names = _foreign_phrases("nl"), _foreign_names("nl")
    role = Role.objects.get(slug=PLATFORM)
    context = browser.new_context(locale="nl-NL", reduced_motion="reduce")
    page = journey.page = context.new_page()
    page.set_default_timeout(10_000)
    errors = watch_console(page)

    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_role("heading", level=1).wait_for()
    shows_dutch(journey, "registreren", phrases, names)

    engineer = UserFactory(email="noor@example.com")
    save_assessments(
        user=engineer,
        entries=[AssessmentInput(item=req.item, level=1) for req in role.requirements.all()[:4]],
    )
    update_profile(
        user=engineer, headline="Data engineer", years_experience=4, location="Utrecht", target_role=role,
        open_to_work=True, visibility=EngineerProfile.Visibility.RECRUITERS, display_name="", identity="pseudonym",
    )  # fmt: skip
    share_session(page, live_server, engineer)
    page.goto(live_server.url + "/skills/")
    shows_dutch(journey, "checklist", phrases, names)
    page.goto(live_server.url + "/skills/gaps/")
    assert "Must-haves waaraan nog niet is voldaan" in page.locator("main").inner_text()
    shows_dutch(journey, "wat ontbreekt", phrases, names)
    page.goto(f"{live_server.url}/skills/gaps/{PLATFORM}/")
    shows_dutch(journey, "wat ontbreekt voor een rol", phrases, names)
    page.goto(live_server.url + "/skills/vacancy/")
    page.locator("textarea").first.fill(VACANCY)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    shows_dutch(journey, "vacature", phrases, names)

    recruiter_context = browser.new_context(locale="nl-NL", reduced_motion="reduce", accept_downloads=True)
    page = journey.page = recruiter_context.new_page()
    page.set_default_timeout(10_000)
    errors += watch_console(page)
    share_session(page, live_server, RecruiterFactory())
    page.goto(f"{live_server.url}/recruiting/candidates/?role={PLATFORM}")
    page.locator("ol.candidate-results").wait_for()
    shows_dutch(journey, "kandidaten", phrases, names)
    page.get_by_label("Excel (XLSX)").check()
    page.get_by_role("button", name="Deze lijst exporteren").click()  # the job runs at once in these tests
    download_link = page.get_by_role("link", name="Het Excel-bestand downloaden")
    download_link.wait_for()
    shows_dutch(journey, "export", phrases, names)
    with page.expect_download() as download_info:
        download_link.click()
    sheet = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()), read_only=True).active
    assert sheet.title == "Kandidaten"
    header, first = list(sheet.iter_rows(values_only=True))[:2]
    assert header[:3] == ("Naam", "Kopregel", "Locatie")  # the spreadsheet's headings, capitalised as a reader's
    assert first[1] == "Data engineer"
    assert errors == []
