"""Recruiter selectors: visibility, ranking, filters and the per-skill levels of a page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from skills.candidates import (
    CandidateFilters,
    candidate_assessments,
    candidate_matches,
    default_role,
    shortlists_with_counts,
    skill_levels_for_users,
    skills_with_item_counts,
    visible_entries,
    visible_profiles,
)
from skills.models import EngineerProfile, RoleMatch
from tests.factories import (
    AssessmentFactory,
    ChecklistItemFactory,
    EngineerProfileFactory,
    RoleFactory,
    RoleMatchFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    SkillFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

VISIBLE = EngineerProfile.Visibility.RECRUITERS
PRIVATE = EngineerProfile.Visibility.PRIVATE


def candidate(role, score, visibility=VISIBLE, missing=0, **fields):
    profile = EngineerProfileFactory(user=UserFactory(password=None), visibility=visibility, **fields)
    RoleMatchFactory(profile=profile, role=role, score=score, must_haves_missing=missing)
    return profile


def ranked(filters) -> list[str]:
    return [match.profile.headline for match in candidate_matches(filters=filters)]


def test_visible_profiles_leave_out_private_ones():
    shown = EngineerProfileFactory(visibility=VISIBLE)
    EngineerProfileFactory(visibility=PRIVATE)
    assert list(visible_profiles()) == [shown]


def test_default_role_is_first_published_senior_role():
    RoleFactory(slug="draft", order=0, published=False)
    RoleFactory(slug="medior", order=0, is_senior=False)
    second = RoleFactory(slug="b", order=2)
    first = RoleFactory(slug="a", order=1)
    assert default_role() == first
    first.published = False
    first.save()
    assert default_role() == second


def test_default_role_falls_back_to_a_non_senior_role_and_then_none():
    assert default_role() is None
    medior = RoleFactory(is_senior=False)
    assert default_role() == medior


def test_matches_rank_by_score_then_profile_and_skip_private_and_other_roles():
    role = RoleFactory()
    tie_first = candidate(role, 50, headline="tie first")
    candidate(role, 50, headline="tie second")
    candidate(role, 80, headline="top")
    candidate(role, 99, visibility=PRIVATE, headline="private")
    candidate(RoleFactory(), 100, headline="other role")
    assert ranked(CandidateFilters(role=role)) == ["top", "tie first", "tie second"]
    assert tie_first.pk < EngineerProfile.objects.get(headline="tie second").pk


def test_must_haves_met_filter_uses_the_stored_count():
    role = RoleFactory()
    candidate(role, 90, headline="misses one", missing=1)
    candidate(role, 60, headline="complete")
    assert ranked(CandidateFilters(role=role, must_haves_met=True)) == ["complete"]


def test_every_chosen_item_must_reach_the_level():
    role = RoleFactory()
    sql, spark = ChecklistItemFactory(), ChecklistItemFactory()
    both = candidate(role, 10, headline="both")
    only_sql = candidate(role, 20, headline="only sql")
    AssessmentFactory(user=both.user, item=sql, level=2)
    AssessmentFactory(user=both.user, item=spark, level=3)
    AssessmentFactory(user=only_sql.user, item=sql, level=4)
    AssessmentFactory(user=only_sql.user, item=spark, level=1)
    assert ranked(CandidateFilters(role=role, item_ids=(sql.pk, spark.pk), item_level=2)) == ["both"]
    assert ranked(CandidateFilters(role=role, item_ids=(sql.pk,), item_level=4)) == ["only sql"]


def test_updated_since_and_sort_by_last_update():
    role = RoleFactory()
    old = candidate(role, 90, headline="old")
    candidate(role, 10, headline="fresh")
    EngineerProfile.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=40))
    since = timezone.now() - timedelta(days=7)
    assert ranked(CandidateFilters(role=role, updated_since=since)) == ["fresh"]
    assert ranked(CandidateFilters(role=role, sort="updated")) == ["fresh", "old"]


def test_skill_levels_average_over_all_items_of_the_skill_in_one_query(django_assert_num_queries):
    skill, empty_skill = SkillFactory(), SkillFactory()
    items = [ChecklistItemFactory(skill=skill) for _ in range(4)]
    user, other = UserFactory(password=None), UserFactory(password=None)
    AssessmentFactory(user=user, item=items[0], level=4)
    AssessmentFactory(user=user, item=items[1], level=2)
    skills = skills_with_item_counts()
    with django_assert_num_queries(1):
        levels = skill_levels_for_users(user_ids=[user.pk, other.pk], skills=skills)
    by_skill = {level.skill: level for level in levels[user.pk]}
    assert by_skill[skill].average == 1.5  # (4 + 2 + 0 + 0) / 4 items
    assert by_skill[skill].label == "1.5"
    assert by_skill[skill].bar_height == 10  # of 28 px for level 4
    assert by_skill[empty_skill].average == 0
    assert [level.average for level in levels[other.pk]] == [0, 0]


def test_candidate_assessments_group_rated_items_by_skill():
    user = UserFactory(password=None)
    profile = EngineerProfileFactory(user=user)
    rated = AssessmentFactory(user=user, level=3, evidence_url="https://example.org/x")
    AssessmentFactory(user=user, level=0)
    groups = candidate_assessments(profile=profile)
    assert [(group.skill, group.assessments) for group in groups] == [(rated.item.skill, [rated])]


def test_shortlist_counts_and_entries_show_only_visible_candidates():
    shortlist = ShortlistFactory()
    shown = ShortlistEntryFactory(shortlist=shortlist, profile=EngineerProfileFactory(visibility=VISIBLE))
    ShortlistEntryFactory(shortlist=shortlist, profile=EngineerProfileFactory(visibility=PRIVATE))
    assert shortlists_with_counts(recruiter=shortlist.recruiter).get().visible_count == 1
    assert list(visible_entries(shortlist=shortlist)) == [shown]
    assert shortlist.entries.count() == 2


def test_skill_bars_escape_skill_names_and_scale_to_the_level():
    from skills.candidates import skill_charts_for_users

    skill = SkillFactory(name="<b>SQL</b>")
    ChecklistItemFactory(skill=skill)
    user = UserFactory(password=None)
    AssessmentFactory(user=user, item=skill.items.get(), level=4)
    chart = skill_charts_for_users(user_ids=[user.pk])[user.pk]
    assert "<b>" not in chart.bars
    assert "&lt;b&gt;SQL&lt;/b&gt;: 4.0 / 4" in chart.bars
    assert 'height="28"><title>' in chart.bars
    assert chart.summary == "<b>SQL</b> 4.0"
    assert chart.width == 14


def candidates_page(filters, page_number=None):
    from skills.candidates import candidate_page

    return candidate_page(filters=filters, page_number=page_number, recruiter=UserFactory(password=None))


def test_candidate_total_is_cached_per_set_of_conditions_whatever_the_sort():
    from django.core.cache import cache

    role = RoleFactory()
    for score in range(30):
        candidate(role, score, years_experience=score)
    filters = CandidateFilters(role=role)
    assert candidates_page(filters).page.paginator.count == 30
    assert cache.get(filters.count_cache_key()) == 30
    assert CandidateFilters(role=role, sort="experience").count_cache_key() == filters.count_cache_key()
    assert CandidateFilters(role=role, min_years=5).count_cache_key() != filters.count_cache_key()
    assert CandidateFilters(role=role, location="Utrecht").count_cache_key() == (
        CandidateFilters(role=role, location="utrecht").count_cache_key()
    )
    cache.set(filters.count_cache_key(), 40)
    assert candidates_page(filters).page.paginator.count == 40  # a full first page does not recount


def test_a_short_page_corrects_a_stale_total():
    from django.core.cache import cache

    role = RoleFactory()
    for score in range(30):
        candidate(role, score)
    filters = CandidateFilters(role=role)
    cache.set(filters.count_cache_key(), 26)  # too low: a candidate became visible since
    page = candidates_page(filters, "2").page
    assert (len(page.object_list), page.paginator.count) == (5, 30)
    assert cache.get(filters.count_cache_key()) == 30
    cache.set(filters.count_cache_key(), 3)  # much too low: the first page still shows a full page of rows
    assert len(candidates_page(filters).page.object_list) == 25
    cache.set(filters.count_cache_key(), 5)
    candidate(role, 99, visibility=PRIVATE)
    EngineerProfile.objects.filter(matches__score__lt=28).update(visibility=PRIVATE)
    page = candidates_page(filters).page
    assert [values["score"] for values in page.object_list] == [29, 28]
    assert page.paginator.count == 2


def test_an_empty_page_after_a_too_high_total_recounts_and_shows_the_last_page():
    from django.core.cache import cache

    role = RoleFactory()
    for score in range(30):
        candidate(role, score)
    filters = CandidateFilters(role=role)
    cache.set(filters.count_cache_key(), 100)  # too high: candidates left since
    page = candidates_page(filters, "4").page
    assert (page.number, len(page.object_list), page.paginator.count, page.paginator.num_pages) == (2, 5, 30, 2)
    assert cache.get(filters.count_cache_key()) == 30


def test_ranking_needs_both_the_profiles_choice_and_the_matchs_copy_of_it():
    role = RoleFactory()
    candidate(role, 50, headline="shown")
    stale_copy = candidate(role, 90, visibility=PRIVATE, headline="private, copy says visible")
    RoleMatch.objects.filter(profile=stale_copy).update(profile_visible=True)
    not_copied = candidate(role, 80, headline="visible, copy not yet written")
    RoleMatch.objects.filter(profile=not_copied).update(profile_visible=False)
    assert ranked(CandidateFilters(role=role)) == ["shown"]
    rows = candidates_page(CandidateFilters(role=role)).page.object_list
    assert [values["headline"] for values in rows] == ["shown"]


@pytest.mark.parametrize(
    "conditions",
    [{}, {"sort": "experience"}, {"sort": "updated"}, {"min_score": 10, "open_to_work": True}],
    ids=["score", "experience", "updated", "filtered"],
)
def test_pages_read_from_the_end_hold_the_same_rows_as_pages_read_from_the_front(conditions, monkeypatch):
    from skills.candidates import CandidatePaginator

    role = RoleFactory()
    for n in range(100):
        candidate(role, n % 40, years_experience=n % 7, open_to_work=n % 3 > 0)
    filters = CandidateFilters(role=role, **conditions)

    def every_page() -> list[list[int]]:
        first = candidates_page(filters, "1").page
        return [
            [values["profile_id"] for values in candidates_page(filters, str(number)).page.object_list]
            for number in first.paginator.page_range
        ]

    from_front = every_page()
    monkeypatch.setattr(CandidatePaginator, "read_from_end_after", 0)
    from_end = every_page()
    assert from_end == from_front
    assert len(from_front) >= 2  # a second page, the first that can be read from the end
    assert sum(len(page) for page in from_front) == candidate_matches(filters=filters).count()


def test_a_built_ranking_query_is_reused_but_always_run_afresh():
    from skills.candidates import _built_queries, page_rows

    role = RoleFactory()
    first = candidate(role, 50, headline="first")
    filters = CandidateFilters(role=role)
    assert [values["headline"] for values in page_rows(filters, 0, 25)] == ["first"]
    built = _built_queries.queries[("rows", filters, 0, 25, False)]
    candidate(role, 90, headline="new")
    RoleMatch.objects.filter(profile=first).update(score=95)
    assert [values["headline"] for values in page_rows(filters, 0, 25)] == ["first", "new"]
    assert _built_queries.queries[("rows", filters, 0, 25, False)] is built


def test_a_compiled_query_gives_the_values_django_gives():
    """JSON, dates and booleans come back converted as from the queryset itself, on either database."""
    from skills.candidates import RANKING_FIELDS, RANKING_VALUES, CompiledValues

    role = RoleFactory()
    candidate(role, 70, headline="one", open_to_work=True)
    candidate(role, 40, headline="two", open_to_work=False)
    RoleMatch.objects.filter(score=70).update(missing_must_have_names=["Data skew", "Retries"])
    values = RoleMatch.objects.filter(role=role).order_by("-score").values(*RANKING_FIELDS, **RANKING_VALUES)
    compiled = CompiledValues.of(values)
    assert compiled.run() == list(values)
    assert compiled.run()[0]["missing_must_have_names"] == ["Data skew", "Retries"]
    assert compiled.run()[1]["open_to_work"] is False


def test_built_queries_are_bounded_dropping_the_least_recently_used(monkeypatch):
    from skills.candidates import _BuiltQueries

    built = _BuiltQueries()
    monkeypatch.setattr(built, "size", 2)
    for key in ("a", "b", "a", "c"):
        built.get((key,), RoleMatch.objects.all)
    assert list(built.queries) == [("a",), ("c",)]
