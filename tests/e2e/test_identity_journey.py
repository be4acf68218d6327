"""Journey: a pseudonymous engineer shares a link, someone without an account opens it, the engineer revokes it and
the link answers 410. (Being found and asked for contact: tests/e2e/test_contact_journey.py.)"""

import pytest

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo
from skills.models import EngineerProfile, Role
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import update_profile
from tests.e2e.support import share_session, watch_console
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLATFORM = "senior-data-engineer-platform-apis"
EMAIL = "noor.hidden@example.com"


@pytest.fixture
def engineer():
    load_catalog_demo()
    load_skills_demo()
    role = Role.objects.get(slug=PLATFORM)
    user = UserFactory(email=EMAIL, username=EMAIL)
    save_assessments(user=user, entries=[AssessmentInput(item=req.item, level=3) for req in role.requirements.all()])
    update_profile(
        user=user, headline="Platform engineer", years_experience=6, location="Utrecht", target_role=role,
        open_to_work=True, visibility=EngineerProfile.Visibility.RECRUITERS, display_name="Noor Visser",
        identity=EngineerProfile.Identity.PSEUDONYM,
    )  # fmt: skip
    return user


def test_a_pseudonymous_engineer_shares_then_revokes_a_link(live_server, journey, browser, engineer):
    pseudonym = EngineerProfile.objects.get(user=engineer).pseudonym
    engineer_context = browser.new_context(reduced_motion="reduce", permissions=["clipboard-read", "clipboard-write"])
    engineer_page = journey.page = engineer_context.new_page()
    engineer_page.set_default_timeout(10_000)
    errors = watch_console(engineer_page)
    share_session(engineer_page, live_server, engineer)
    engineer_page.goto(live_server.url + "/skills/profile/")
    engineer_page.get_by_label("Show the gaps for").select_option(value=str(Role.objects.get(slug=PLATFORM).pk))
    engineer_page.get_by_role("button", name="Create a share link").click()
    share_url = engineer_page.locator("#new-share-url").inner_text()
    assert "/p/" in share_url
    engineer_page.get_by_role("button", name="Copy link").click()
    engineer_page.get_by_role("button", name="Copied").wait_for()
    assert engineer_page.evaluate("navigator.clipboard.readText()") == share_url
    journey.step("engineer creates a share link")

    stranger_context = browser.new_context(reduced_motion="reduce")
    stranger = journey.page = stranger_context.new_page()
    stranger.set_default_timeout(10_000)
    errors += watch_console(stranger)
    stranger.goto(share_url)
    stranger.get_by_role("heading", level=1, name=pseudonym).wait_for()
    assert EMAIL not in stranger.content()
    assert stranger.locator('meta[name="robots"]').get_attribute("content") == "noindex, nofollow"
    journey.step("someone without an account opens the link")

    journey.page = engineer_page
    engineer_page.goto(live_server.url + "/skills/profile/")
    engineer_page.locator("section[aria-labelledby=share-heading]").get_by_role("button", name="Revoke").click()
    engineer_page.get_by_role("status").get_by_text("The share link is revoked").wait_for()
    journey.step("engineer revokes the link")

    journey.page = stranger
    response = stranger.goto(share_url)
    assert response.status == 410
    stranger.get_by_role("heading", level=1, name="This share link was revoked").wait_for()
    assert "Platform engineer" not in stranger.content() and pseudonym not in stranger.content()
    journey.step("the revoked link says it is gone")
    stranger_context.close()
    assert not [error for error in errors if "404" not in error and "410" not in error], errors
