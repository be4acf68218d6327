"""One lean journey: an engineer picks a pseudonym and previews their card as a recruiter sees it (English,
1280 px); a recruiter moves the candidate to "interviewing" on a phone (Dutch, 390 px), htmx in place."""

import pytest
from django.contrib.auth.models import Group, Permission

from portal.roles import RECRUITERS
from recruiting.models import ShortlistEntry, Stage
from skills.models import EngineerProfile, RoleMatch
from tests.e2e.conftest import Journey
from tests.e2e.support import fits_width, share_session, watch_console
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

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EVIDENCE = "https://github.com/sanne-de-boer/lakehouse"


@pytest.fixture(autouse=True)
def recruiters_group():
    """The group comes from a data migration; a transactional test before this one may have flushed it."""
    recruiters, _created = Group.objects.get_or_create(name=RECRUITERS)
    recruiters.permissions.add(Permission.objects.get(content_type__app_label="skills", codename="view_candidates"))


def new_page(browser, *, language: str, width: int):
    context = browser.new_context(
        reduced_motion="reduce", locale=language, viewport={"width": width, "height": 844 if width < 400 else 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def test_an_engineer_chooses_a_pseudonym_and_a_recruiter_moves_them_to_interviewing(live_server, browser, request):
    role = RoleFactory(title="Senior Data Engineer — lakehouse", published=True, is_senior=True)
    engineer = UserFactory(password=None, email="sanne@example.com", username="sanne@example.com")
    profile = EngineerProfileFactory(
        user=engineer, visibility=EngineerProfile.Visibility.RECRUITERS, display_name="Sanne de Boer",
        headline="Lakehouse engineer", target_role=role,
    )  # fmt: skip
    assess(user=engineer, item=ChecklistItemFactory(name="window functions"), level=3, evidence_url=EVIDENCE)
    RoleMatch.objects.filter(profile=profile, role=role).update(score=81)  # as if the role asked for that item
    recruiter = RecruiterFactory()
    entry = ShortlistEntryFactory(
        shortlist=ShortlistFactory(recruiter=recruiter, role=role, name="Lakehouse 2027"), profile=profile
    )

    # The engineer, in English on a wide screen.
    page = new_page(browser, language="en", width=1280)
    errors = watch_console(page)
    journey = Journey(page, f"{request.node.name}-engineer")
    share_session(page, live_server, engineer)
    page.goto(live_server.url + "/skills/profile/")
    page.get_by_role("link", name="Choose your pseudonym").click()
    journey.step("pseudonym suggestions")
    chosen = page.locator(".pseudonym-suggestions button").first.inner_text()
    page.locator(".pseudonym-suggestions button").first.click()
    page.get_by_text(f"Recruiters now see you as “{chosen}”.").wait_for()
    page.get_by_role("link", name="Preview as recruiter").click()
    assert page.locator("h1").inner_text() == chosen
    assert page.get_by_text("Shown after an accepted contact request").is_visible()
    assert EVIDENCE not in page.content() and "sanne@example.com" not in page.locator("article").inner_text()
    journey.step("preview before accepting")
    page.get_by_role("link", name="After you accept").click()
    assert page.locator("h1").inner_text() == "Sanne de Boer"
    assert page.locator(f'a[href="{EVIDENCE}"]').count() == 1
    journey.step("preview after accepting")
    assert not errors, errors
    page.context.close()

    # The recruiter, in Dutch on a phone.
    phone = new_page(browser, language="nl-NL", width=390)
    errors = watch_console(phone)
    journey = Journey(phone, f"{request.node.name}-recruiter")
    share_session(phone, live_server, recruiter)
    phone.goto(f"{live_server.url}/recruiting/shortlists/{entry.shortlist_id}/")
    assert phone.get_by_text("Score 81 voor").is_visible()
    phone.evaluate("window.notReloaded = true")
    phone.get_by_label("Fase").select_option(label="In gesprek")
    phone.get_by_text("Verplaatst naar “In gesprek”.").wait_for()
    assert phone.evaluate("window.notReloaded === true")  # htmx swapped the stage in place
    assert fits_width(phone, 390)
    journey.step("shortlist stage moved")
    assert ShortlistEntry.objects.get(pk=entry.pk).stage == Stage.INTERVIEWING
    assert not errors, errors
    phone.context.close()
