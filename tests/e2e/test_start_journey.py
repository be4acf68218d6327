"""A newcomer's first minute: sign up, confirm, the start (a role and eight taps), then the chosen target role with
its score and next step, in at most 12 interactions from the confirmation link; and logging out without
JavaScript."""

import re

import pytest
from django.core import mail

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo
from skills.models import EngineerProfile, Skill
from tests.e2e.conftest import Journey
from tests.e2e.support import LANGUAGES_AT_WIDTHS, PASSWORD, fits_width, open_page, share_session, watch_console
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_INTERACTIONS = 12
WORDS = {
    "en": {"target": "Your target role:", "logout": "Log out", "skip": "Skip for now"},
    "nl": {
        "target": "Je doelrol:",
        "logout": "Uitloggen",
        "skip": "Sla voorlopig over",
    },
}


@pytest.mark.parametrize(("language", "width"), LANGUAGES_AT_WIDTHS)
def test_a_newcomer_sees_their_target_role_and_next_step_within_twelve_interactions_of_confirming(
    live_server, browser, request, language, width
):
    load_catalog_demo()
    load_skills_demo()
    page = open_page(browser, language=language, width=width)
    journey = Journey(page, request.node.name)
    errors = watch_console(page)
    words = WORDS[language]
    email = f"newcomer.{language}.{width}@example.com"

    page.goto(live_server.url + "/accounts/signup/")
    page.locator("#id_email").fill(email)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("form[action$='/accounts/signup/'] [type=submit]").click()
    page.wait_for_url("**/accounts/confirm-email/")
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)

    interactions = 0

    def tap(locator) -> None:
        nonlocal interactions
        interactions += 1
        locator.click()

    page.goto(link)  # the link in the e-mail: the count starts here
    tap(page.locator("main form [type=submit]").first)
    page.wait_for_url("**/skills/start/")
    assert fits_width(page, width)
    journey.step("start step 1: a role or not sure yet")
    tap(page.locator("label[for^='id_role_']").first)
    tap(page.get_by_role("button", name=re.compile("^(Next|Volgende)$")))
    page.wait_for_url("**/skills/start/?step=2")
    assert fits_width(page, width)
    groups = page.locator("main fieldset")
    assert groups.count() == Skill.objects.published().count() == 8
    for number in range(groups.count()):
        tap(groups.nth(number).locator("label").nth(1 if number < 4 else 0))  # learning, then none
    journey.step("start step 2: eight taps")
    tap(page.locator("button[name=action][value=rate]"))
    page.wait_for_url("**/skills/start/?step=3")
    target = page.locator("#start-role-heading")  # the role chosen at step 1, not the best fit
    assert target.inner_text().startswith(words["target"])
    assert re.search(r"\d+", page.locator("#start-score").inner_text())
    assert page.locator("#start-next-step").inner_text()
    assert interactions <= MAX_INTERACTIONS, interactions
    assert fits_width(page, width)
    journey.step("start step 3: the target role, its score and next step")
    profile = EngineerProfile.objects.get(user__email=email)
    assert profile.start == EngineerProfile.Start.DONE
    page.context.close()
    assert not errors, errors


@pytest.mark.parametrize("width", [1280, 390])
def test_logging_out_works_without_javascript(live_server, browser, request, width):
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    journey = Journey(page, request.node.name)
    share_session(page, live_server, UserFactory(email="no.script@example.com"))
    page.goto(live_server.url + "/skills/")
    if width < 1200:  # the phone's menu is folded: a link opens it
        page.get_by_role("link", name="Open the menu").click()
    page.locator("#account-menu").click()
    page.wait_for_url("**/accounts/menu/")
    assert fits_width(page, width)
    journey.step("account page without JavaScript", check_accessibility=False)  # axe needs JavaScript
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("#account-menu").count() == 0
    journey.step("logged out without JavaScript", check_accessibility=False)
    context.close()


def test_without_javascript_the_checklist_says_how_a_level_is_saved_and_save_all_keeps_it(
    live_server, browser, request
):
    load_skills_demo()
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    journey = Journey(page, request.node.name)
    share_session(page, live_server, UserFactory(email="no.script.levels@example.com"))
    page.goto(live_server.url + "/skills/")
    help_text = page.locator("#save-all-help").inner_text()
    assert "only when you press a button" in help_text and "as soon as you choose it" not in help_text
    page.locator("details.skill-fold > summary").first.click()  # a native fold: it opens without JavaScript
    first_row = page.locator("li.checklist-row").first
    first_row.locator("fieldset.level-choice label.btn").nth(3).click()
    journey.step("a level chosen without JavaScript", check_accessibility=False)  # axe needs JavaScript
    page.get_by_role("button", name="Save all").click()
    page.wait_for_load_state()
    page.goto(live_server.url + "/skills/")
    assert page.locator("li.checklist-row").first.locator("input[type=radio][value='3']").is_checked()
    # "Learning now" on one row keeps the level chosen in another row: the whole form is saved with the mark
    page.locator("details.skill-fold > summary").first.click()
    second, third = page.locator("li.checklist-row").nth(1), page.locator("li.checklist-row").nth(2)
    second.locator("fieldset.level-choice label.btn").nth(2).click()
    third.locator("fieldset.level-choice label.btn").nth(2).click()
    second.get_by_role("button", name="Learning now").click()
    page.wait_for_load_state()
    assert "other item is saved too" in page.locator("li.checklist-row").nth(1).inner_text()
    journey.step("learning now saved the other row too", check_accessibility=False)
    page.goto(live_server.url + "/skills/")
    assert page.locator("li.checklist-row").nth(2).locator("input[type=radio][value='2']").is_checked()
    context.close()
