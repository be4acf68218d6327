"""Journey 3: an engineer opts in, a new recruiter finds them, names themselves before the candidate's page opens,
shortlists and exports them; the engineer sees the view by that name, never by the recruiter's address."""

import csv
from pathlib import Path

import pytest

from catalog.demo import load_catalog_demo
from recruiting.models import ProfileView, ShortlistEntry
from skills.demo import load_skills_demo
from skills.models import EngineerProfile, Role
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import update_profile
from tests.e2e.support import fits_width, log_in_through_form, share_session, watch_console
from tests.factories import RecruiterFactory, UserFactory, assess
from tests.jobs import queue_in_database, start_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLATFORM = "senior-data-engineer-platform-apis"
PLATFORM_TITLE = "Senior Data Engineer — platform & APIs"
DESKTOP_WIDTH = 1280  # Playwright's default viewport


def engineer_with_levels(first_name: str, last_name: str, role: Role, level: int, *, visible: bool) -> EngineerProfile:
    """An engineer at one level on every requirement of the role, visible to recruiters or not."""
    user = UserFactory(first_name=first_name, last_name=last_name)
    save_assessments(
        user=user,
        entries=[AssessmentInput(item=req.item, level=level) for req in role.requirements.all()],
    )
    visibility = EngineerProfile.Visibility.RECRUITERS if visible else EngineerProfile.Visibility.PRIVATE
    return update_profile(
        user=user,
        headline="",
        years_experience=0,
        location="",
        target_role=None,
        open_to_work=False,
        visibility=visibility,
        display_name=f"{first_name} {last_name}",
        identity=EngineerProfile.Identity.NAME,
    )


@pytest.fixture
def candidates():
    """Noor is strong but not complete; one visible engineer is stronger, one weaker, one strong but private."""
    load_catalog_demo()
    load_skills_demo()
    role = Role.objects.get(slug=PLATFORM)
    engineer_with_levels("Sam", "Strong", role, 4, visible=True)
    engineer_with_levels("Wim", "Weak", role, 1, visible=True)
    engineer_with_levels("Pia", "Private", role, 4, visible=False)
    noor = engineer_with_levels("Noor", "Visser", role, 3, visible=False)
    docker = role.requirements.get(item__slug="docker").item
    assess(user=noor.user, item=docker, level=1)
    return noor.user


def test_recruiter_finds_shortlists_and_exports_an_engineer_who_then_sees_the_view(
    live_server, journey, browser, candidates, settings
):
    queue_in_database(settings)  # the export is written by a real worker process, as in production
    noor = candidates
    engineer_page = journey.page
    errors = watch_console(engineer_page)
    share_session(engineer_page, live_server, noor)

    engineer_page.goto(live_server.url + "/skills/profile/")
    engineer_page.get_by_label("Headline").fill("Platform engineer — FastAPI services on Kubernetes")
    engineer_page.get_by_label("Years of experience").fill("6")
    engineer_page.get_by_label("Location").fill("Utrecht")
    engineer_page.get_by_label("Target role").select_option(label=PLATFORM_TITLE)
    engineer_page.get_by_label("Open to work").check()
    engineer_page.get_by_label("Visible to recruiters").check()
    journey.step("engineer makes the profile visible")
    engineer_page.get_by_role("button", name="Save profile").click()
    engineer_page.get_by_role("status").get_by_text("Your profile is saved.").wait_for()
    assert "No recruiter has viewed your profile yet." in engineer_page.locator("main").inner_text()
    assert EngineerProfile.objects.get(user=noor).is_visible_to_recruiters
    journey.step("profile saved")

    recruiter = RecruiterFactory(email="rita.recruiter@example.com", first_name="Rita", recruiter_profile=False)
    context = browser.new_context(reduced_motion="reduce")
    page = journey.page = context.new_page()
    page.set_default_timeout(10_000)
    errors += watch_console(page)
    log_in_through_form(page, live_server, recruiter.email, two_factor=True)
    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Candidates").click()
    page.get_by_role("heading", level=1, name="Candidates").wait_for()
    page.get_by_label(PLATFORM_TITLE, exact=True).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(f"**role={PLATFORM}**")
    ranked = [name.strip() for name in page.locator("ol.candidate-results h3 a").all_inner_texts()]
    assert ranked == ["Sam Strong", "Noor Visser", "Wim Weak"], "ranked by match; the private profile stays hidden"
    assert "#2" in page.locator("ol.candidate-results > li").nth(1).locator("h3").inner_text()
    assert fits_width(page, DESKTOP_WIDTH), "a recruiter's menu must not push the page sideways"
    journey.step("recruiter ranks candidates for the platform role")

    page.get_by_role("link", name="Noor Visser").click()
    page.get_by_role("heading", level=1, name="My recruiter profile").wait_for()
    assert "Candidates see who opened their profile: your name and company." in page.locator("main").inner_text()
    assert not ProfileView.objects.exists()
    journey.step("a recruiter who gave no name is asked for it first")
    page.get_by_label("Your name").fill("Rita Recruiter")
    page.get_by_label("Company").fill("Acme Data")
    page.get_by_role("button", name="Save my profile").click()
    page.get_by_role("heading", level=1, name="Noor Visser").wait_for()
    assert ProfileView.objects.filter(profile__user=noor, recruiter=recruiter).count() == 1
    journey.step("candidate profile, once the recruiter named themselves")

    page.evaluate("window.notReloaded = true")
    page.get_by_label("New shortlist name").fill("Platform APIs, first round")
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_role("status").get_by_text("Added to “Platform APIs, first round”.").wait_for()
    assert page.evaluate("window.notReloaded === true")
    journey.step("shortlisted")

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Shortlists").click()
    page.get_by_role("link", name="Platform APIs, first round").click()
    page.get_by_label("Private note").fill("Strong on typing and CI; ask about Docker in production.")
    page.get_by_role("button", name="Save note").click()
    page.get_by_role("status").get_by_text("Saved.", exact=True).wait_for()
    entry = ShortlistEntry.objects.get(profile__user=noor, shortlist__recruiter=recruiter)
    assert entry.note == "Strong on typing and CI; ask about Docker in production."
    journey.step("note kept on the shortlist")

    page.goto(f"{live_server.url}/recruiting/candidates/?role={PLATFORM}")
    page.get_by_label("CSV (commas, decimal point)").check()
    page.get_by_role("button", name="Export this list").click()
    page.get_by_text("Your export is queued and starts in a moment…").wait_for()
    journey.step("export queued: its progress page")
    page.evaluate("window.notReloaded = true")
    worker = start_worker()  # a real db_worker; htmx polling shows its progress and then the link
    try:
        download_link = page.get_by_role("link", name="Download the CSV")
        download_link.wait_for(timeout=30_000)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert page.evaluate("window.notReloaded === true"), "the progress updates without a reload"
    assert "Done: 3 rows written." in page.locator("#export-status").inner_text()
    journey.step("export written by the worker: download link")
    with page.expect_download() as download_info:
        download_link.click()
    rows = list(csv.DictReader(Path(download_info.value.path()).read_text(encoding="utf-8").splitlines()))
    assert [row["name"] for row in rows] == ["Sam Strong", "Noor Visser", "Wim Weak"]
    noor_row = rows[1]
    assert noor_row["role"] == PLATFORM_TITLE
    assert noor_row["location"] == "Utrecht"
    assert noor_row["must-haves missing"] == "Docker"
    context.close()

    journey.page = engineer_page
    engineer_page.reload()
    views = engineer_page.locator("section[aria-labelledby=views-heading]").inner_text()
    assert "Rita Recruiter" in views and "Acme Data" in views and "rita.recruiter@example.com" not in views
    journey.step("engineer sees who viewed the profile")
    assert not errors, errors
