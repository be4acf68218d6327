"""In a real browser on a phone: what a row's buttons save is kept and said beside the row, with JavaScript and
without (the checklist's mark buttons, the answers to a contact request)."""

import pytest
from playwright.sync_api import expect

from recruiting.models import ContactRequest
from skills.models import Assessment, EngineerProfile, ItemState
from tests.e2e.support import share_session, watch_console
from tests.factories import ChecklistItemFactory, EngineerProfileFactory, RecruiterFactory, UserFactory, assess

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
IN_VIEW = (
    "element => { const box = element.getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; }"
)


def phone(browser, live_server, user, *, javascript: bool):
    context = browser.new_context(
        java_script_enabled=javascript, viewport=PHONE, is_mobile=True, reduced_motion="reduce"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    share_session(page, live_server, user)
    return page


def test_without_javascript_a_mark_keeps_the_level_chosen_in_its_row(live_server, browser):
    user = UserFactory(password=None)
    item = ChecklistItemFactory(name="Window functions")
    assess(user=user, item=item, level=1)
    page = phone(browser, live_server, user, javascript=False)
    page.goto(f"{live_server.url}/skills/")
    row = page.locator(f"#item-row-{item.pk}")
    if row.locator("xpath=ancestor::details[1]").get_attribute("open") is None:
        page.locator("summary", has_text=item.skill.name).click()  # the fold; its heading is for screen readers
    row.locator(f"label[for='id_item-{item.pk}-level_3']").click()
    row.get_by_role("button", name="Learning now").click()

    page.wait_for_url(f"**/skills/#item-row-{item.pk}")
    row = page.locator(f"#item-row-{item.pk}")
    expect(row.locator(f"#id_item-{item.pk}-level_3")).to_be_checked()
    expect(row.get_by_role("button", name="Learning now")).to_have_attribute("aria-pressed", "true")
    status = row.get_by_role("status")
    expect(status).to_have_text("Saved “Window functions” at level 3, marked “learning now”.")
    assert status.evaluate(IN_VIEW), "the outcome is beside the row the page lands on"
    assert page.locator(".messages").count() == 0
    assert Assessment.objects.get(user=user).level == 3 and ItemState.objects.get(user=user).state == "learning"


@pytest.mark.parametrize("javascript", [True, False])
def test_the_outcome_of_accepting_a_request_shows_beside_it_under_its_heading(live_server, browser, javascript):
    profile = EngineerProfileFactory(user=UserFactory(password=None), visibility=EngineerProfile.Visibility.RECRUITERS)
    contact = ContactRequest.objects.create(
        profile=profile, recruiter=RecruiterFactory(), recruiter_name="Rita Recruiter", recruiter_company="Acme Data",
        message="Shall we talk?",
    )  # fmt: skip
    page = phone(browser, live_server, profile.user, javascript=javascript)
    errors = watch_console(page)
    page.goto(f"{live_server.url}/skills/profile/#contacts-heading")  # where the home's "Answer them" leads
    page.locator(f"#contact-{contact.pk}").get_by_role("button", name="Accept").click()

    outcome = page.locator(f"#contact-{contact.pk}").get_by_role("status")
    expect(outcome).to_contain_text("Rita Recruiter of Acme Data now sees your email address")
    assert outcome.evaluate(IN_VIEW)
    assert page.get_by_role("heading", name="Contact requests").evaluate(IN_VIEW)
    assert page.locator(".messages").count() == 0
    assert ContactRequest.objects.get().status == ContactRequest.Status.ACCEPTED
    assert errors == []


def test_with_javascript_the_focus_stays_on_the_control_that_replaced_the_pressed_one(live_server, browser):
    """A keyboard press on "Accept" or "Learning now" swaps the part of the page: the focus moves to the new control
    ("Withdraw my acceptance", the toggle) instead of falling back to <body>."""
    profile = EngineerProfileFactory(user=UserFactory(password=None), visibility=EngineerProfile.Visibility.RECRUITERS)
    contact = ContactRequest.objects.create(
        profile=profile, recruiter=RecruiterFactory(), recruiter_name="Rita Recruiter", recruiter_company="Acme Data",
        message="Shall we talk?",
    )  # fmt: skip
    item = ChecklistItemFactory(name="Window functions")
    assess(user=profile.user, item=item, level=1)
    page = phone(browser, live_server, profile.user, javascript=True)
    errors = watch_console(page)
    page.goto(f"{live_server.url}/skills/profile/#contacts-heading")
    page.locator(f"#contact-{contact.pk}").get_by_role("button", name="Accept").focus()
    page.keyboard.press("Enter")
    withdraw = page.locator(f"#contact-{contact.pk}").get_by_role("link", name="Withdraw my acceptance")
    expect(withdraw).to_be_focused()

    page.goto(f"{live_server.url}/skills/")
    row = page.locator(f"#item-row-{item.pk}")
    if row.locator("xpath=ancestor::details[1]").get_attribute("open") is None:
        page.locator("summary", has_text=item.skill.name).click()  # the fold; its heading is for screen readers
    row.get_by_role("button", name="Learning now").focus()
    page.keyboard.press("Enter")
    toggle = row.get_by_role("button", name="Learning now")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(toggle).to_be_focused()
    assert ItemState.objects.get(user=profile.user).state == "learning"
    assert errors == []
