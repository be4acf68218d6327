"""The demo candidates: varied, mostly visible, loaded once however often the loader runs."""

import pytest
from django.contrib.auth import get_user_model

from catalog.demo import load_catalog_demo
from portal.demo import load_demo_users
from recruiting.demo import DEMO_SEARCH, DEMO_SHORTLIST, load_demo_search, load_demo_shortlist
from recruiting.filters import CandidateFilter
from recruiting.models import ShortlistEntry
from recruiting.selectors.candidates import visible_candidates
from skills.demo import load_skills_demo
from skills.demo_candidates import load_demo_candidates
from skills.models import Assessment, EngineerProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_catalog_demo()
    load_skills_demo()
    load_demo_users()
    load_demo_candidates()
    load_demo_shortlist()
    load_demo_search()


def test_demo_candidates_are_mostly_visible_with_varied_matches(demo):
    candidates = EngineerProfile.objects.filter(user__username__startswith="cand")
    assert candidates.count() == 12
    assert candidates.filter(visibility=EngineerProfile.Visibility.PRIVATE).count() == 2
    ranked = list(CandidateFilter({}).qs.select_related("profile__user"))
    assert len(ranked) == visible_candidates().count()
    scores = [match.score for match in ranked]
    assert scores == sorted(scores, reverse=True)
    assert len(set(scores)) >= 6
    assert ranked[0].profile.user.username in {"cand01@example.com", "cand07@example.com"}


def test_demo_recruiter_has_a_shortlist_with_notes(demo):
    recruiter = get_user_model().objects.get(username="recruiter@example.com")
    shortlist = recruiter.shortlists.get(name=DEMO_SHORTLIST)
    assert shortlist.entries.count() == 3
    assert shortlist.entries.exclude(note="").count() == 2


def test_demo_recruiter_has_a_ranked_vacancy_search_read_from_a_vacancy(demo):
    recruiter = get_user_model().objects.get(username="recruiter@example.com")
    search = recruiter.vacancy_searches.get(title=DEMO_SEARCH)
    items = set(search.role.requirements.values_list("item__slug", "is_must_have"))
    assert {("window-functions", True), ("retries", True), ("docker", False)} <= items
    assert search.role.matches.count() == EngineerProfile.objects.count()
    load_demo_search()
    assert recruiter.vacancy_searches.count() == 1


def test_loading_twice_changes_nothing(demo):
    before = (Assessment.objects.count(), ShortlistEntry.objects.count(), EngineerProfile.objects.count())
    updated = dict(EngineerProfile.objects.values_list("pk", "updated_at"))
    load_demo_candidates()
    load_demo_shortlist()
    assert (Assessment.objects.count(), ShortlistEntry.objects.count(), EngineerProfile.objects.count()) == before
    assert dict(EngineerProfile.objects.values_list("pk", "updated_at")) == updated
