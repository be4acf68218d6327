"""On a phone without JavaScript, adding the fourth candidate of the list to a shortlist lands back on that card and
says there that it worked, not at the top of the list."""

import pytest
from playwright.sync_api import expect

from recruiting.models import ShortlistEntry
from skills.models import EngineerProfile
from tests.e2e.support import IN_VIEW, open_page, screenshot, share_session
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    ShortlistFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {"en": ("Add", "Added to “Platform hires”."), "nl": ("Toevoegen", "Toegevoegd aan “Platform hires”.")}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_without_javascript_adding_a_candidate_lands_on_their_card(live_server, browser, language):
    add, added = WORDS[language]
    role = RoleFactory(slug="lakehouse")
    profiles = [
        EngineerProfileFactory(visibility=EngineerProfile.Visibility.RECRUITERS, headline=f"Candidate {number}")
        for number in range(6)
    ]
    names = ["Scalable pipelines", "Partitioning", "Skew", "Retries", "Schema drift"]
    missing = [ChecklistItemFactory(name=name).pk for name in names]
    for number, profile in enumerate(profiles):
        RoleMatchFactory(
            profile=profile, role=role, score=90 - number, requirements_met=1, requirements_total=9,
            must_haves_missing=len(missing), missing_must_have_ids=missing,
        )  # fmt: skip
    shortlist = ShortlistFactory(recruiter=RecruiterFactory(), name="Platform hires")
    fourth = profiles[3]
    page = open_page(browser, language=language, width=390, javascript=False)
    share_session(page, live_server, shortlist.recruiter)
    page.goto(f"{live_server.url}/recruiting/candidates/?role=lakehouse")
    controls = page.locator(f"#shortlist-controls-{fourth.pk}")
    controls.get_by_role("combobox").select_option(str(shortlist.pk))
    controls.get_by_role("button", name=add, exact=True).click()

    page.wait_for_url(f"**/recruiting/candidates/?role=lakehouse#candidate-{fourth.pk}")
    status = page.locator(f"#shortlist-controls-{fourth.pk}").get_by_role("status")
    expect(status).to_have_text(added)
    assert status.evaluate(IN_VIEW), "the outcome is on the screen the page lands on"
    assert page.get_by_text("Candidate 3").evaluate(IN_VIEW), "with the card's candidate in view"
    assert page.locator(".messages").count() == 0
    screenshot(page, f"14-{language}-390-nojs-added")
    assert ShortlistEntry.objects.filter(shortlist=shortlist, profile=fourth).exists()
