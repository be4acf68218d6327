"""In a real browser, without JavaScript, on a phone and a desktop: revoking a share link and deleting a saved
vacancy say what they did where the page lands, in view, not at the top of the page far above; a deletion asks first."""

import re

import pytest
from playwright.sync_api import expect

from skills.models import SavedVacancy, ShareLink
from skills.privacy.sharing import create_share_link
from skills.vacancies.services import save_vacancy
from tests.e2e.support import IN_VIEW, LANGUAGES_AT_WIDTHS, open_page, screenshot, share_session
from tests.factories import EngineerProfileFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REVOKE = {"en": ("Revoke", "The share link is revoked: it no longer opens."), "nl": ("Intrekken", "De deellink is ingetrokken: hij opent niet meer.")}  # fmt: skip


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_revoking_a_share_link_says_so_in_its_row_in_view(live_server, browser, language, width):
    button, said = REVOKE[language]
    user = UserFactory(password=None)
    EngineerProfileFactory(user=user)
    link = create_share_link(user=user, days=30).link
    page = open_page(browser, language=language, width=width, javascript=False)
    share_session(page, live_server, user)
    page.goto(f"{live_server.url}/skills/profile/#share-heading")
    page.locator(f"#share-link-{link.pk}").get_by_role("button", name=button).click()

    page.wait_for_url(f"**/skills/profile/#share-link-{link.pk}")
    outcome = page.locator(f"#share-link-{link.pk}").get_by_role("status")
    expect(outcome).to_have_text(said)
    assert outcome.evaluate(IN_VIEW), "the outcome is beside the link the page lands on"
    assert page.locator(".messages").count() == 0
    assert ShareLink.objects.get().revoked_at is not None
    screenshot(page, f"share-revoked-{language}-{width}")


DELETE = {
    "en": ("Delete", "Delete it for good", "“Short-lived” is deleted from your vacancies."),
    "nl": ("Verwijderen", "Definitief verwijderen", "“Short-lived” is verwijderd uit je bewaarde vacatures."),
}


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_deleting_a_saved_vacancy_asks_first_then_says_so_under_their_heading_in_view(
    live_server, browser, language, width
):
    delete, confirm, said = DELETE[language]
    user = UserFactory(password=None)
    vacancy = save_vacancy(owner=user, title="Short-lived", link="", text="Senior Data Engineer: SQL en Airflow.")
    page = open_page(browser, language=language, width=width, javascript=False)
    share_session(page, live_server, user)
    page.goto(f"{live_server.url}/skills/gaps/")
    card = page.locator("article", has=page.locator(f"#vacancy-{vacancy.pk}-title"))
    card.get_by_role("link", name=re.compile(rf"^{delete}\s+Short-lived\s*…$")).click()
    page.get_by_role("button", name=confirm).wait_for()
    assert SavedVacancy.objects.exists(), "the first press only asks"
    screenshot(page, f"vacancy-confirm-{language}-{width}")
    page.get_by_role("button", name=confirm).click()

    page.wait_for_url("**/skills/gaps/#saved-vacancies-heading")
    outcome = page.locator("#saved-vacancies-heading + [role=status]")
    expect(outcome).to_have_text(said)
    assert outcome.evaluate(IN_VIEW), "the outcome is under the heading the page lands on"
    assert page.locator(".messages").count() == 0
    assert not SavedVacancy.objects.exists()
    screenshot(page, f"vacancy-deleted-{language}-{width}")
