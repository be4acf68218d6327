"""Journey: a recruiter with a profile asks for contact; the engineer (Dutch, on a phone) sees the count in the menu
and the notice, accepts; the recruiter (English, 1280 px) is told by a notice."""

import pytest

from recruiting.models import ContactRequest, RecruiterProfile
from tests.e2e.support import fits_width, share_session, watch_console
from tests.factories import EngineerProfileFactory, RecruiterFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP_WIDTH = 1280
PHONE_WIDTH = 390
ENGINEER_EMAIL = "noor.hidden@example.com"


def test_both_sides_of_a_contact_request_are_told(live_server, journey, browser):
    engineer = UserFactory(email=ENGINEER_EMAIL, username=ENGINEER_EMAIL)
    profile = EngineerProfileFactory(user=engineer, visibility="recruiters", display_name="")
    recruiter = RecruiterFactory(email="rita.private@acme.example")
    RecruiterProfile.objects.create(
        user=recruiter, name="Rita Recruiter", company="Acme Data", hires_for="Senior data engineers, lakehouse team"
    )

    page = journey.page  # English, 1280 px wide
    page.set_viewport_size({"width": DESKTOP_WIDTH, "height": 800})
    errors = watch_console(page)
    share_session(page, live_server, recruiter)
    page.goto(f"{live_server.url}/recruiting/candidates/{profile.pk}/contact/")
    assert page.get_by_label("Your name").input_value() == "Rita Recruiter"  # from the recruiter profile
    assert page.get_by_label("Company").input_value() == "Acme Data"
    page.get_by_label("Message").fill("We build a lakehouse on Databricks; would you like to talk?")
    journey.step("recruiter asks with the details of their profile")
    page.get_by_role("button", name="Send contact request").click()
    page.get_by_role("status").get_by_text("Your contact request is sent.").wait_for()

    phone = browser.new_context(
        reduced_motion="reduce", locale="nl-NL", viewport={"width": PHONE_WIDTH, "height": 844}, is_mobile=True
    )
    engineer_page = journey.page = phone.new_page()
    engineer_page.set_default_timeout(10_000)
    errors += watch_console(engineer_page)
    share_session(engineer_page, live_server, engineer)
    engineer_page.goto(f"{live_server.url}/skills/profile/")
    engineer_page.get_by_role("button", name="Navigatie openen of sluiten").click()
    count = engineer_page.locator(".nav-notices-count")
    count.wait_for()
    assert count.inner_text().split()[0] == "1"
    engineer_page.get_by_role("link", name="Meldingen").click()
    engineer_page.get_by_role("heading", level=1, name="Meldingen").wait_for()
    text = engineer_page.locator("main").inner_text()
    assert "Rita Recruiter van Acme Data vraagt je om contact." in text and "nieuw" in text
    assert fits_width(engineer_page, PHONE_WIDTH)
    journey.step("engineer reads the notice in Dutch on a phone")
    assert engineer_page.locator(".nav-notices-count").count() == 0  # read once seen

    engineer_page.get_by_role("link", name="Openen").click()
    requests = engineer_page.locator(".contact-requests")
    assert "Werft voor: Senior data engineers, lakehouse team" in requests.inner_text()
    assert "rita.private@acme.example" not in engineer_page.content()
    requests.locator("button[value=accept]").click()
    engineer_page.get_by_role("status").get_by_text("ziet nu je e-mailadres").wait_for()
    assert "ziet nu je naam" not in engineer_page.locator(".messages").inner_text()  # no name is set: none claimed
    assert fits_width(engineer_page, PHONE_WIDTH)
    journey.step("engineer accepts and is told exactly what the recruiter sees")
    assert ContactRequest.objects.get().status == ContactRequest.Status.ACCEPTED
    phone.close()

    journey.page = page
    page.goto(f"{live_server.url}/recruiting/candidates/")
    assert page.locator(".nav-notices-count").inner_text().split()[0] == "1"
    journey.step("recruiter sees the count in the menu", check_accessibility=False)  # the list is checked elsewhere
    page.get_by_role("link", name="Notices").click()
    page.get_by_role("heading", level=1, name="Notices").wait_for()
    assert f"Candidate {profile.pseudonym} accepted your contact request." in page.locator("main").inner_text()
    assert fits_width(page, DESKTOP_WIDTH)
    journey.step("recruiter reads that the candidate accepted")
    page.get_by_role("link", name="Open").click()
    page.get_by_text(ENGINEER_EMAIL).first.wait_for()
    assert errors == []
