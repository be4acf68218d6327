"""Journey 4: an editor changes a tool and a role requirement in the admin; public pages and matches follow."""

import re

import pytest

from catalog.demo import load_catalog_demo
from catalog.models import Tool
from skills.demo import load_skills_demo
from skills.models import Role, RoleMatch
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import update_profile
from tests.e2e.support import log_in_through_form, share_session, watch_console
from tests.factories import EditorFactory, UserFactory
from tests.jobs import queue_in_database, run_worker_batch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAKEHOUSE = "senior-data-engineer-lakehouse"
# The English field when the admin shows English and Dutch side by side, else the only one.
SUMMARY_LABEL = re.compile(r"^One-line summary( \[en\])?:?$")
NEW_SUMMARY = "The everyday library for cleaning and checking tables that fit in memory."


@pytest.fixture
def engineer():
    """Meets every lakehouse requirement except Partitioning, where they are one level short."""
    load_catalog_demo()
    load_skills_demo()
    role = Role.objects.get(slug=LAKEHOUSE)
    user = UserFactory()
    update_profile(
        user=user,
        headline="",
        years_experience=5,
        location="",
        target_role=role,
        open_to_work=False,
        visibility="private",
    )
    save_assessments(
        user=user,
        entries=[
            AssessmentInput(item=req.item, level=2 if req.item.slug == "partitioning" else req.min_level)
            for req in role.requirements.select_related("item")
        ],
    )
    return user


def test_editor_changes_a_tool_and_a_requirement_and_the_public_page_and_match_follow(
    live_server, journey, browser, engineer, settings
):
    queue_in_database(settings)  # the recompute is a job that a real worker process runs
    role = Role.objects.get(slug=LAKEHOUSE)
    gaps_url = f"{live_server.url}/skills/gaps/{LAKEHOUSE}/"
    context = browser.new_context(reduced_motion="reduce")
    engineer_page = context.new_page()
    engineer_page.set_default_timeout(10_000)
    errors = watch_console(engineer_page)
    share_session(engineer_page, live_server, engineer)
    engineer_page.goto(gaps_url)
    before = RoleMatch.objects.get(profile__user=engineer, role=role).score
    assert before < 100
    assert "Partitioning" in engineer_page.locator("#gaps-unmet").inner_text()

    page = journey.page
    editor = EditorFactory(email="eddie.editor@example.com")
    log_in_through_form(page, live_server, editor.email, next_path="/admin/", two_factor=True)
    page.get_by_role("heading", name="Site administration").wait_for()
    journey.step("admin home")

    page.get_by_role("link", name="Tools", exact=True).click()
    page.get_by_role("link", name="Pandas", exact=True).click()
    page.get_by_label(SUMMARY_LABEL).fill(NEW_SUMMARY)
    journey.step("tool change form")
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(".messagelist .success").wait_for()
    assert Tool.objects.get(slug="pandas").summary == NEW_SUMMARY
    journey.step("tool saved")

    page.goto(live_server.url + "/catalog/pandas/")
    assert page.locator("p.lead").inner_text() == NEW_SUMMARY
    journey.step("public tool page shows the new summary")

    page.goto(live_server.url + "/admin/")
    page.get_by_role("link", name="Roles", exact=True).click()
    page.get_by_role("link", name=role.title, exact=True).click()
    partitioning = role.requirements.get(item__slug="partitioning")
    prefix = page.locator(f'input[name$="-id"][value="{partitioning.pk}"]').get_attribute("name").removesuffix("-id")
    page.locator(f'select[name="{prefix}-min_level"]').select_option("2")
    journey.step("requirement lowered in the role form")
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(".messagelist .success").wait_for()
    partitioning.refresh_from_db()
    assert partitioning.min_level == 2
    assert RoleMatch.objects.get(profile__user=engineer, role=role).score == before, "old values until the job runs"
    assert "Recompute queued, waiting for a worker." in page.locator("#result_list").inner_text()
    journey.step("role saved: recompute queued")
    run_worker_batch()
    page.reload()
    assert "Last recomputed" in page.locator("#result_list").inner_text()
    journey.step("recompute finished")

    journey.page = engineer_page
    engineer_page.goto(gaps_url)
    after = RoleMatch.objects.get(profile__user=engineer, role=role).score
    assert after == 100 > before
    summary = engineer_page.locator("#gaps-summary").inner_text()
    assert "You meet 16 of 16 requirements" in summary
    assert "and every must-have" in summary
    assert engineer_page.locator("#gaps-score").inner_text().startswith("100")
    journey.step("engineer's match follows the requirement")
    context.close()
    assert not errors, errors
