"""The contact loop, closed, in two browsers: a recruiter with a profile (English, 1280 px) asks for contact; the
engineer (Dutch, on a 390 px phone) sees the count in the menu, previews their card, chooses a pseudonym and accepts;
the recruiter gets the email from a real worker and the notice, sees the name and moves the candidate to
"interviewing"; the engineer withdraws, the recruiter is told, and the name is gone again: page, list and export."""

import csv
from pathlib import Path

import pytest

from recruiting.models import ContactRequest, ShortlistEntry, Stage
from skills.models import EngineerProfile, RoleMatch
from tests.e2e.conftest import Journey
from tests.e2e.support import fits_width, open_page, share_session, watch_console
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    UserFactory,
    assess,
)
from tests.jobs import queue_in_database, running_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("recruiters_group")]

DESKTOP_WIDTH = 1280
PHONE_WIDTH = 390
NAME = "Sanne de Boer"
ENGINEER_EMAIL = "sanne.hidden@example.com"
RECRUITER_EMAIL = "rita.private@acme.example"
EVIDENCE = "https://github.com/sanne-de-boer/lakehouse"


def exported_names(page, live_server, role) -> list[str]:
    """Export the role's candidate list as CSV (a job the worker runs) and read the names of its rows."""
    page.goto(f"{live_server.url}/recruiting/candidates/?role={role.slug}")
    page.get_by_label("CSV (commas, decimal point)").check()
    page.get_by_role("button", name="Export this list").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the CSV").click(timeout=30_000)
    text = Path(download_info.value.path()).read_text(encoding="utf-8")
    return [row["name"] for row in csv.DictReader(text.splitlines())]


def test_the_contact_loop_closes_for_both_sides(live_server, browser, request, settings):
    queue_in_database(settings)  # emails and the export are jobs, sent and written by a real worker process
    role = RoleFactory(title="Senior Data Engineer — lakehouse", published=True, is_senior=True)
    engineer = UserFactory(password=None, email=ENGINEER_EMAIL, username=ENGINEER_EMAIL)
    profile = EngineerProfileFactory(
        user=engineer, visibility=EngineerProfile.Visibility.RECRUITERS, display_name=NAME,
        headline="Lakehouse engineer", target_role=role,
    )  # fmt: skip
    assess(user=engineer, item=ChecklistItemFactory(name="window functions"), level=3, evidence_url=EVIDENCE)
    RoleMatch.objects.filter(profile=profile, role=role).update(score=81)  # as if the role asked for that item
    recruiter = RecruiterFactory(
        email=RECRUITER_EMAIL,
        recruiter_profile__name="Rita Recruiter",
        recruiter_profile__company="Acme Data",
        recruiter_profile__hires_for="Senior data engineers, lakehouse team",
    )
    entry = ShortlistEntryFactory(
        shortlist=ShortlistFactory(recruiter=recruiter, role=role, name="Lakehouse 2027"), profile=profile
    )

    with running_worker() as worker:
        # The recruiter, in English on a wide screen, asks with the details of their profile.
        page = open_page(browser, language="en", width=DESKTOP_WIDTH)
        errors = watch_console(page)
        recruiter_steps = Journey(page, f"{request.node.name}-recruiter")
        share_session(page, live_server, recruiter)
        page.goto(f"{live_server.url}/recruiting/candidates/{profile.pk}/")
        old_pseudonym = profile.pseudonym
        page.get_by_role("heading", level=1, name=old_pseudonym).wait_for()
        assert NAME not in page.content() and EVIDENCE not in page.content()
        page.get_by_role("link", name="Ask for contact").click()
        assert page.get_by_label("Your name").input_value() == "Rita Recruiter"
        assert page.get_by_label("Company").input_value() == "Acme Data"
        page.get_by_label("Message").fill("<b>Hi</b> =1+1 — we build a lakehouse; would you like to talk?")
        recruiter_steps.step("recruiter asks with the details of their profile")
        page.get_by_role("button", name="Send contact request").click()
        page.get_by_role("status").get_by_text("Your contact request is sent.").wait_for()
        worker.wait_for(f"To: {ENGINEER_EMAIL}")  # the engineer's email about the request

        # The engineer, in Dutch on a phone: the count in the menu, the notice, the preview, a pseudonym, accept.
        phone = open_page(browser, language="nl-NL", width=PHONE_WIDTH)
        errors += watch_console(phone)
        engineer_steps = Journey(phone, f"{request.node.name}-engineer")
        share_session(phone, live_server, engineer)
        phone.goto(f"{live_server.url}/skills/profile/")
        phone.get_by_role("button", name="Navigatie openen of sluiten").click()
        assert phone.locator(".nav-notices-count").inner_text().split()[0] == "1"
        engineer_steps.step("engineer sees the count in the menu")
        phone.get_by_role("link", name="Meldingen").click()
        phone.get_by_role("heading", level=1, name="Meldingen").wait_for()
        assert "Rita Recruiter van Acme Data vraagt je om contact." in phone.locator("main").inner_text()
        assert fits_width(phone, PHONE_WIDTH)
        engineer_steps.step("engineer reads the notice")
        assert phone.locator(".nav-notices-count").count() == 0  # read once seen

        phone.goto(f"{live_server.url}/skills/profile/")
        phone.get_by_role("link", name="Bekijk als recruiter").click()
        assert phone.locator("h1").inner_text() == old_pseudonym
        assert phone.get_by_text("Zichtbaar na een geaccepteerd contactverzoek").is_visible()
        assert EVIDENCE not in phone.content() and ENGINEER_EMAIL not in phone.locator("article").inner_text()
        assert fits_width(phone, PHONE_WIDTH)
        engineer_steps.step("engineer previews the card as a recruiter sees it")
        phone.get_by_role("link", name="Nadat je accepteert").click()
        phone.get_by_role("heading", level=1, name=NAME).wait_for()
        assert phone.locator(f'a[href="{EVIDENCE}"]').count() == 1

        phone.goto(f"{live_server.url}/skills/profile/")
        phone.get_by_role("link", name="Kies je pseudoniem").click()
        suggestion = phone.locator(".pseudonym-suggestions button").first
        pseudonym = suggestion.inner_text()
        engineer_steps.step("engineer picks from Dutch suggestions")
        suggestion.click()
        phone.get_by_text(f"Recruiters zien je nu als “{pseudonym}”.").wait_for()

        phone.goto(f"{live_server.url}/skills/profile/")
        requests = phone.locator(".contact-requests")
        assert "Werft voor: Senior data engineers, lakehouse team" in requests.inner_text()
        assert "<b>Hi</b> =1+1" in requests.inner_text()  # shown as text, not as markup
        assert RECRUITER_EMAIL not in phone.content()
        requests.locator("button[value=accept]").click()
        phone.get_by_role("status").get_by_text(f"ziet nu je naam, {NAME}, en je e-mailadres").wait_for()
        assert fits_width(phone, PHONE_WIDTH)
        engineer_steps.step("engineer accepts and is told what the recruiter now sees")

        # The recruiter is told twice (email from the worker, notice), sees the name, moves the candidate on.
        output = worker.wait_for(f"To: {RECRUITER_EMAIL}")
        assert f"Candidate {NAME} accepted your contact request" in output  # named as the recruiter now sees her
        page.goto(f"{live_server.url}/recruiting/candidates/")
        assert page.locator(".nav-notices-count").inner_text().split()[0] == "1"
        page.get_by_role("link", name="Notices").click()
        page.get_by_role("heading", level=1, name="Notices").wait_for()
        assert f"Candidate {NAME} accepted your contact request." in page.locator("main").inner_text()
        recruiter_steps.step("recruiter reads that the candidate accepted")
        page.get_by_role("link", name="Open").click()
        page.get_by_role("heading", level=1, name=NAME).wait_for()
        assert ENGINEER_EMAIL in page.locator("main").inner_text()
        assert page.locator(f'a[href="{EVIDENCE}"]').count() == 1  # evidence shown once accepted
        page.evaluate("window.notReloaded = true")
        page.get_by_label("Stage on “Lakehouse 2027”").select_option(label="Interviewing")
        page.locator("form.stage-form").get_by_role("button", name="Move", exact=True).click()
        page.get_by_text("Moved to “Interviewing”.").wait_for()
        assert page.evaluate("window.notReloaded === true")  # htmx swapped the stage in place
        assert page.get_by_label("Stage on “Lakehouse 2027”").input_value() == Stage.INTERVIEWING  # still named
        assert fits_width(page, DESKTOP_WIDTH)
        recruiter_steps.step("recruiter sees the name and moves the candidate to interviewing")
        assert ShortlistEntry.objects.get(pk=entry.pk).stage == Stage.INTERVIEWING

        # The engineer withdraws; the recruiter is told, and the name is gone again everywhere.
        phone.goto(f"{live_server.url}/skills/profile/")
        phone.get_by_role("link", name="Mijn acceptatie van het verzoek van").click()
        phone.get_by_role("heading", level=1, name="Je acceptatie intrekken?").wait_for()
        assert ContactRequest.objects.get().status == ContactRequest.Status.ACCEPTED  # it asks first
        assert fits_width(phone, PHONE_WIDTH)
        engineer_steps.step("engineer is asked before withdrawing")
        phone.get_by_role("button", name="Mijn acceptatie intrekken").click()
        phone.get_by_role("status").get_by_text("ziet je naam en e-mailadres niet meer").wait_for()
        assert phone.get_by_role("button", name="Opnieuw accepteren").is_visible()
        engineer_steps.step("engineer withdraws the acceptance")
        assert ContactRequest.objects.get().status == ContactRequest.Status.WITHDRAWN
        phone.context.close()

        output = worker.wait_for(f"Candidate {pseudonym} withdrew their acceptance")
        assert output.count(f"To: {RECRUITER_EMAIL}") == 2
        page.goto(f"{live_server.url}/notices/")
        notices = page.locator("main").inner_text()
        assert f"Candidate {pseudonym} withdrew their acceptance of your request." in notices
        assert NAME not in notices  # the earlier notice of the acceptance no longer names her either
        recruiter_steps.step("recruiter is told of the withdrawal")
        page.goto(f"{live_server.url}/recruiting/candidates/{profile.pk}/")
        page.get_by_role("heading", level=1, name=pseudonym).wait_for()
        assert pseudonym in page.title() and NAME not in page.title()
        assert NAME not in page.content() and ENGINEER_EMAIL not in page.content() and EVIDENCE not in page.content()
        recruiter_steps.step("candidate page shows the pseudonym again")
        page.goto(f"{live_server.url}/recruiting/candidates/?role={role.slug}")
        page.get_by_role("link", name=pseudonym).wait_for()
        assert NAME not in page.content() and ENGINEER_EMAIL not in page.content()
        recruiter_steps.step("candidate list shows the pseudonym again", check_accessibility=False)  # checked elsewhere
        assert exported_names(page, live_server, role) == [pseudonym]
        recruiter_steps.step("a new export names the pseudonym only")
        page.context.close()
    assert not errors, errors
