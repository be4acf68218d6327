"""Journey: a recruiter pastes an English vacancy, edits one item, ranks the candidates against it once a real
worker has run the job, exports the list and proposes it as a role; an editor publishes it in the admin."""

import csv
from pathlib import Path

import pytest

from catalog.demo import load_catalog_demo
from recruiting.models import VacancySearch
from skills.demo import load_skills_demo
from skills.models import ChecklistItem, EngineerProfile, Role, RoleMatch
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import update_profile
from tests.e2e.support import log_in_through_form, watch_console
from tests.factories import EditorFactory, RecruiterFactory, UserFactory
from tests.jobs import queue_in_database, run_worker_batch, start_worker
from tests.recruiting.test_vacancy_paste import VACANCY
from tests.recruiting.test_vacancy_paste import VACANCY_TITLE as TITLE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE_NL = "Senior data-engineer — lakehouseplatform"
ASKED = [  # (skill, item) the vacancy asks for, as the reading finds them
    ("cloud", "storage-compute"),
    ("pyspark", "scalable-pipelines"),
    ("python-fundamentals", "functions"),
    ("sql", "joins"),
    ("sql", "window-functions"),
    ("pyspark", "partitioning"),
    ("pyspark", "skew"),
    ("orchestration", "airflow-dags"),
    ("orchestration", "retries"),
    ("orchestration", "scheduling"),
    ("data-quality", "data-tests"),
    ("ci-cd", "docker"),
]


def engineer(name: str, level: int, *, visible: bool = True, docker: int | None = None) -> EngineerProfile:
    """An engineer at one level on everything the vacancy asks, Docker apart when given."""
    first, last = name.split()
    user = UserFactory(first_name=first, last_name=last)
    entries = [
        AssessmentInput(
            item=ChecklistItem.objects.get(skill__slug=skill, slug=slug),
            level=docker if slug == "docker" and docker is not None else level,
        )
        for skill, slug in ASKED
    ]
    save_assessments(user=user, entries=entries)
    return update_profile(
        user=user,
        headline="Data engineer",
        years_experience=6,
        location="Amsterdam",
        target_role=None,
        open_to_work=True,
        visibility=EngineerProfile.Visibility.RECRUITERS if visible else EngineerProfile.Visibility.PRIVATE,
        display_name=name,
        identity=EngineerProfile.Identity.NAME,
    )


@pytest.fixture
def candidates():
    """Sam meets everything; Noor everything but Docker (level 1); Wim little; Pia is strong but private."""
    load_catalog_demo()
    load_skills_demo()
    engineer("Sam Strong", 4)
    engineer("Noor Visser", 3, docker=1)
    engineer("Wim Weak", 1)
    engineer("Pia Private", 4, visible=False)


def test_recruiter_reads_edits_ranks_exports_and_proposes_a_vacancy_that_an_editor_publishes(
    live_server, journey, browser, candidates, settings
):
    queue_in_database(settings)  # ranking and export are jobs that a real worker process runs
    page = journey.page
    errors = watch_console(page)
    recruiter = RecruiterFactory(email="rita.recruiter@example.com")
    log_in_through_form(page, live_server, recruiter.email, two_factor=True)

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Searches").click()
    page.get_by_role("heading", level=1, name="Vacancy searches").wait_for()
    page.get_by_role("link", name="Paste a vacancy").click()
    page.get_by_label("Vacancy text").fill(VACANCY)
    journey.step("recruiter pastes an English vacancy")
    page.get_by_role("button", name="Read the vacancy").click()
    page.locator("mark", has_text="window functions").first.wait_for()
    reading = page.locator("table.vacancy-items").inner_text()
    assert "Window functions" in reading and "Docker" in reading
    assert "Seniority: senior." in page.locator(".vacancy-summary").inner_text()
    assert not VacancySearch.objects.exists(), "reading keeps nothing"
    journey.step("the reading: marked phrases, items required or nice to have, tools, seniority")

    page.get_by_role("button", name="Save as a search and rank the candidates").click()
    page.get_by_role("heading", level=1, name=TITLE).wait_for()
    search = VacancySearch.objects.get(owner=recruiter)
    assert (
        "Your search is queued: ranking the candidates starts in a moment…"
        in page.locator("#search-ranking").inner_text()
    )
    assert page.locator("#search-years").inner_text().startswith("at least 5 years"), "kept besides the skills"
    journey.step("search saved: ranking queued, the years it asks kept")

    page.get_by_role("link", name="Edit the requirements").click()
    docker = ChecklistItem.objects.get(skill__slug="ci-cd", slug="docker")
    page.get_by_label(f"Needed level for {docker.name}", exact=True).select_option("3")
    page.get_by_label(f"Must-have: {docker.name}", exact=True).check()
    journey.step("recruiter makes Docker a must-have at level 3")
    page.get_by_role("button", name="Save and rank again").click()
    page.get_by_role("status").get_by_text("Search saved.").wait_for()
    requirement = search.role.requirements.get(item=docker)
    assert (requirement.min_level, requirement.is_must_have) == (3, True)

    page.evaluate("window.notReloaded = true")
    worker = start_worker()  # a real db_worker: htmx polling shows the ranking finish, then the export's progress
    try:
        page.get_by_role("link", name="See the ranked candidates").wait_for(timeout=30_000)
        assert page.evaluate("window.notReloaded === true"), "the progress updates without a reload"
        assert "Ranking computed" in page.locator("#search-ranking").inner_text()
        journey.step("ranking done: when it was computed, and rank again")

        page.get_by_role("link", name="See the ranked candidates").click()
        page.get_by_role("heading", level=1, name="Candidates").wait_for()
        ranked = [name.strip() for name in page.locator("ol.candidate-results h3 a").all_inner_texts()]
        assert ranked == ["Sam Strong", "Noor Visser", "Wim Weak"], "ranked by the search; the private one hidden"
        assert "Ranked by your vacancy search" in page.locator(".search-note").inner_text()
        assert page.get_by_label("Minimum years of experience").input_value() == "5", "the years the vacancy asks"
        page.get_by_label("Meets every must-have").check()
        page.get_by_role("button", name="Apply filters").click()
        page.wait_for_url("**must_haves_met=on**")
        assert [name.strip() for name in page.locator("ol.candidate-results h3 a").all_inner_texts()] == [
            "Sam Strong"
        ], "Noor misses the Docker must-have the recruiter added"
        journey.step("candidates ranked by the search, filtered on its must-haves")

        page.get_by_label("CSV (commas, decimal point)").check()
        page.get_by_role("button", name="Export this list").click()
        download_link = page.get_by_role("link", name="Download the CSV")
        download_link.wait_for(timeout=30_000)
        journey.step("export written by the worker")
        with page.expect_download() as download_info:
            download_link.click()
        rows = list(csv.DictReader(Path(download_info.value.path()).read_text(encoding="utf-8").splitlines()))
        assert [(row["name"], row["role"]) for row in rows] == [("Sam Strong", TITLE)]
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    page.goto(live_server.url + search.get_absolute_url())
    page.get_by_label("Note to the editors").fill("Three clients asked for this profile this month.")
    page.get_by_role("button", name="Propose to the editors").click()
    page.get_by_role("status").get_by_text("Proposed to the editors.").wait_for()
    assert "Proposed to the editors" in page.locator(".proposal-status").inner_text()
    journey.step("search proposed to the editors")

    editor = EditorFactory(email="eddie.editor@example.com")
    context = browser.new_context(reduced_motion="reduce")
    admin = journey.page = context.new_page()
    admin.set_default_timeout(10_000)
    errors += watch_console(admin)
    log_in_through_form(admin, live_server, editor.email, next_path="/admin/", two_factor=True)
    admin.get_by_role("link", name="Proposed vacancy searches", exact=True).click()
    admin.get_by_role("link", name=TITLE).wait_for()
    journey.step("editor sees the proposal in the admin")
    proposal = search.proposals.current().get()
    admin.locator(f'input[name="_selected_action"][value="{proposal.pk}"]').check()
    admin.locator('select[name="action"]').select_option("publish_as_role")
    admin.get_by_role("button", name="Go").click()
    admin.get_by_label("Title (Dutch)").fill(TITLE_NL)
    admin.get_by_label("Description (English)").fill("Builds and runs the data platform of a product team.")
    admin.get_by_label("Description (Dutch)").fill("Bouwt en beheert het dataplatform van een productteam.")
    assert admin.get_by_label("Title (English)").input_value() == TITLE
    journey.step("editor gives the role its titles and descriptions in both languages")
    admin.get_by_role("button", name="Publish as a role").click()
    admin.locator(".messagelist .success").wait_for()
    role = Role.objects.get(pk=search.role_id)
    assert (role.kind, role.published, role.title_en, role.title_nl) == ("role", True, TITLE, TITLE_NL)
    journey.step("editor publishes it as a role")

    run_worker_batch()  # the recompute that publishing queued
    assert RoleMatch.objects.filter(role=role).count() == EngineerProfile.objects.count()
    admin.goto(f"{live_server.url}/skills/roles/")
    admin.get_by_role("link", name=TITLE).click()
    admin.get_by_role("heading", level=1, name=TITLE).wait_for()
    journey.step("the published role on the public role pages")
    context.close()
    assert not errors, errors
