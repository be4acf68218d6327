"""Journey 2: a new engineer signs up, confirms the email, ticks the checklist and follows the learning path."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo
from skills.models import Assessment, ChecklistItem, RoleMatch
from tests.e2e.support import PASSWORD, save_evidence, set_level, watch_console

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "noor.visser@example.com"
LAKEHOUSE = "senior-data-engineer-lakehouse"


def save_item(page, item: ChecklistItem, *, level: str, evidence: str) -> None:
    """Set one row's level (saved at once) and its evidence with the row's Save button: htmx swaps the scores in
    place."""
    set_level(page, item, level)
    save_evidence(page, item, evidence)
    page.locator(f"#item-row-{item.pk}").get_by_role("status").get_by_text("Saved.").wait_for()


def test_new_engineer_signs_up_ticks_items_without_reload_and_follows_the_learning_path(live_server, journey):
    load_catalog_demo()
    load_skills_demo()
    page = journey.page
    errors = watch_console(page)
    total_items = ChecklistItem.objects.count()

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Sign up").click()
    page.wait_for_url("**/accounts/signup/")
    journey.step("sign up form")
    page.locator("#id_email").fill(EMAIL)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/accounts/confirm-email/")
    assert page.get_by_label("Email address").input_value() == EMAIL
    journey.step("check your inbox")
    page.get_by_role("button", name="Send the email again").click()
    page.get_by_role("status").get_by_text("a new email is on its way").wait_for()
    journey.step("email sent again")

    assert len(mail.outbox) == 2
    assert mail.outbox[-1].to == [EMAIL]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    journey.step("confirm email")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/skills/start/")  # confirming in the browser that signed up signs in, onto the start
    assert EMAIL in page.locator("#account-menu").inner_text()
    journey.step("confirmed and signed in")

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Checklist").click()
    page.get_by_role("heading", level=1, name="My checklist").wait_for()
    summary = page.locator("#checklist-summary")
    assert f"0 of {total_items} items ticked" in summary.inner_text()
    journey.step("empty checklist")

    summary.get_by_role("link", name="your profile").click()
    page.get_by_label("Target role").select_option(label="Senior Data Engineer — lakehouse/Databricks")
    page.get_by_role("button", name="Save profile").click()
    page.get_by_role("status").get_by_text("Your profile is saved.").wait_for()
    journey.step("target role chosen")

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Checklist").click()
    assert "0 out of 100" in summary.inner_text()
    page.evaluate("window.notReloaded = true")

    window_functions = ChecklistItem.objects.get(skill__slug="sql", slug="window-functions")
    save_item(page, window_functions, level="3", evidence="https://github.com/noor/sql-katas")
    expect(page.locator(f"#skill-{window_functions.skill_id}-progress-text")).to_have_text(
        "1 of 3 ticked", use_inner_text=True
    )
    expect(summary).to_contain_text(f"1 of {total_items} items ticked", use_inner_text=True)

    pipelines = ChecklistItem.objects.get(skill__slug="pyspark", slug="scalable-pipelines")
    save_item(page, pipelines, level="3", evidence="https://github.com/noor/spark-batch")
    expect(page.locator(f"#skill-{pipelines.skill_id}-progress-text")).to_have_text(
        "1 of 6 ticked", use_inner_text=True
    )
    expect(summary).to_contain_text(f"2 of {total_items} items ticked", use_inner_text=True)
    score = RoleMatch.objects.get(profile__user__email=EMAIL, role__slug=LAKEHOUSE).score
    assert score > 0
    expect(summary).to_contain_text(f"{score} out of 100", use_inner_text=True)
    assert page.evaluate("window.notReloaded === true"), "saving an item reloaded the page"
    assert set(Assessment.objects.filter(user__email=EMAIL).values_list("evidence_url", flat=True)) == {
        "https://github.com/noor/sql-katas",
        "https://github.com/noor/spark-batch",
    }
    journey.step("two items ticked")

    summary.get_by_role("link", name="See what is missing").click()
    page.wait_for_url(f"**/skills/gaps/{LAKEHOUSE}/")
    assert page.locator("#gaps-summary").inner_text().startswith("You meet 2 of 16 requirements")
    assert page.locator("#gaps-score").inner_text().startswith(str(score))
    journey.step("gaps for the lakehouse role")

    step = page.locator("ol.learning-path > li", has_text="Partitioning")
    assert "must-have" in step.inner_text()
    step.get_by_role("link", name="PySpark").click()
    page.wait_for_url("**/catalog/pyspark/")
    page.get_by_role("heading", level=1, name="PySpark").wait_for()
    journey.step("learning path leads to pyspark")
    assert not errors, errors
