"""Facts in a row drawn as a .fact-list, on a phone: an engineer's contact requests, who viewed the profile and the
latest changes on the home, the links under the gaps page and a saved vacancy, a
recruiter's saved searches, the candidate list's active filters and last exports wrap with no middle dot ending or opening a
line (the dots are the list's CSS, never typed into the template)."""

import pytest

from recruiting.models import CandidateExport, ContactRequest, ProfileView
from recruiting.services.searches import Requirement, create_search
from skills.models import EngineerProfile
from skills.vacancies.services import save_vacancy
from tests.e2e.support import open_page, screenshot, share_session
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    SkillFactory,
    UserFactory,
    assess,
)
from tests.recruiting.test_card_facts_browser import FACTS_BY_LINE, assert_a_dot_between_facts_never_at_a_line_end
from tests.recruiting.test_views import make_candidate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_NAME, LONG_COMPANY = (
    "Maximiliaan van den Heuvel-Schoonderwoerd",
    "Koninklijke Nederlandse Data- en Analysebureaus B.V.",
)


def assert_no_dot_at_a_line_end(page, selector: str, *, wraps: bool) -> None:
    lists = page.locator(selector)
    assert lists.count(), f"no {selector} on the page"
    wrapped = False
    for index in range(lists.count()):
        lists.nth(index).scroll_into_view_if_needed()
        facts = lists.nth(index).evaluate(FACTS_BY_LINE)
        wrapped |= sum(fact["opensLine"] for fact in facts) > 1
        assert_a_dot_between_facts_never_at_a_line_end(facts)
    assert wrapped or not wraps, f"{selector} wraps on a phone"


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_engineers_contact_requests_and_visits_wrap_without_a_dot_at_a_line_end(live_server, browser, language):
    engineer = UserFactory(password=None)
    profile = EngineerProfileFactory(user=engineer)
    recruiter = RecruiterFactory(recruiter_profile__name=LONG_NAME, recruiter_profile__company=LONG_COMPANY)
    ContactRequest.objects.create(
        recruiter=recruiter, profile=profile, recruiter_name=LONG_NAME, recruiter_company=LONG_COMPANY, message="Hi."
    )
    ProfileView.objects.create(recruiter=recruiter, profile=profile)
    page = open_page(browser, language=language, width=390, javascript=False)
    share_session(page, live_server, engineer)
    page.goto(f"{live_server.url}/skills/profile/")
    assert_no_dot_at_a_line_end(page, ".contact-requests .fact-list", wraps=True)
    assert_no_dot_at_a_line_end(page, ".profile-visit .fact-list", wraps=True)
    page.locator(".profile-visit").scroll_into_view_if_needed()
    screenshot(page, f"fact-lists-profile-{language}")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_recruiters_searches_and_filters_wrap_without_a_dot_at_a_line_end(live_server, browser, language):
    recruiter = RecruiterFactory()
    title = "Senior Data Engineer for the streaming and lakehouse platform team in Utrecht"
    create_search(owner=recruiter, title=title, requirements=[Requirement(item=ChecklistItemFactory(), min_level=2, is_must_have=True)])  # fmt: skip
    role = RoleFactory(slug="lakehouse", title="Senior Data Engineer — lakehouse/Databricks", published=True)
    make_candidate(role=role, score=80, location="Amsterdam-Zuidoost", open_to_work=True)
    CandidateExport.objects.create(recruiter=recruiter, role=role, role_title=role.title, profile_url_base="/")
    page = open_page(browser, language=language, width=390, javascript=False)
    share_session(page, live_server, recruiter)
    page.goto(f"{live_server.url}/recruiting/searches/")
    assert_no_dot_at_a_line_end(page, ".list-group-item .fact-list", wraps=True)
    query = "role=lakehouse&min_score=50&location=Amsterdam-Zuidoost&open_to_work=on"
    page.goto(f"{live_server.url}/recruiting/candidates/?{query}")
    assert_no_dot_at_a_line_end(page, "#active-filters", wraps=True)
    assert_no_dot_at_a_line_end(page, ".recent-exports .fact-list", wraps=True)
    screenshot(page, f"fact-lists-filters-{language}")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_engineers_latest_changes_wrap_without_a_dot_at_a_line_end(live_server, browser, language):
    engineer = UserFactory(password=None)
    EngineerProfileFactory(user=engineer, start=EngineerProfile.Start.DONE)
    basics = SkillFactory(name="Python fundamentals and the standard library")
    for name in ("Fast code without Python loops", "Type annotations (type hints) and checking them"):
        item = ChecklistItemFactory(skill=basics, name=name)
        assess(user=engineer, item=item, level=2)
        assess(user=engineer, item=item, level=3)
    page = open_page(browser, language=language, width=390, javascript=False)
    share_session(page, live_server, engineer)
    page.goto(f"{live_server.url}/skills/home/")
    assert_no_dot_at_a_line_end(page, "#home-changes .fact-list", wraps=True)
    page.locator("#home-changes").scroll_into_view_if_needed()
    screenshot(page, f"fact-lists-home-{language}")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_links_under_the_gaps_page_and_a_saved_vacancy_wrap_without_a_dot_at_a_line_end(
    live_server, browser, language
):
    engineer = UserFactory(password=None)
    EngineerProfileFactory(user=engineer, start=EngineerProfile.Start.DONE)
    vacancy = save_vacancy(owner=engineer, title="Lakehouse", link="", text="Senior Data Engineer: SQL and Python.")
    page = open_page(browser, language=language, width=390, javascript=False)
    share_session(page, live_server, engineer)
    for path in ("/skills/gaps/", vacancy.get_absolute_url()):
        page.goto(f"{live_server.url}{path}")
        assert_no_dot_at_a_line_end(page, "main .fact-list:has(> li > a)", wraps=True)
    page.locator("main .fact-list").last.scroll_into_view_if_needed()
    screenshot(page, f"fact-lists-vacancy-{language}")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_crumb_trail_that_wraps_opens_no_line_with_its_divider(live_server, browser, language):
    """The trail of a candidate with a long name wraps on a phone: its "/" stands between crumbs, never first."""
    recruiter = RecruiterFactory()
    profile = make_candidate(
        role=RoleFactory(published=True), score=80, display_name=LONG_NAME, identity=EngineerProfile.Identity.NAME
    )
    page = open_page(browser, language=language, width=390, javascript=False)
    share_session(page, live_server, recruiter)
    page.goto(f"{live_server.url}/recruiting/candidates/{profile.pk}/contact/")
    assert_no_dot_at_a_line_end(page, "nav .breadcrumb", wraps=True)
    screenshot(page, f"crumbs-wrap-{language}")
