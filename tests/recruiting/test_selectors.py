"""Recruiter reads: who may be seen, the ranking and its filters, paging it, skill charts and shortlists."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.utils import timezone

from recruiting.filters import CandidateFilter
from recruiting.selectors.candidates import (
    RankingPaginator,
    candidate_assessments,
    candidate_page,
    candidate_role_matches,
    default_role,
    recruiter_roles,
    visible_candidates,
)
from recruiting.selectors.shortlists import (
    shortlist_memberships,
    shortlists_for,
    shortlists_with_counts,
    visible_entries,
)
from recruiting.selectors.skill_charts import skill_charts_for_users
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

# (the profile's own choice, the match's copy of it) where the copy is wrong, one way and the other
WRONG_COPIES = [(PRIVATE, True), (VISIBLE, False)]
WRONG_COPY_IDS = ["private-but-copy-says-visible", "visible-but-copy-not-yet-written"]


def candidate(role, score=50, *, visibility=VISIBLE, missing=0, **profile_fields) -> EngineerProfile:
    profile = EngineerProfileFactory(user=UserFactory(password=None), visibility=visibility, **profile_fields)
    RoleMatchFactory(profile=profile, role=role, score=score, must_haves_missing=missing)
    return profile


def wrongly_copied_candidate(role, score, visibility, copy) -> EngineerProfile:
    profile = candidate(role, score, visibility=visibility, headline="wrong copy")
    RoleMatch.objects.filter(profile=profile).update(profile_visible=copy)
    return profile


def query(**params) -> QueryDict:
    """A query string as the browser sends it (lists repeat the key)."""
    return QueryDict(urlencode(params, doseq=True))


def candidate_filter(**params) -> CandidateFilter:
    return CandidateFilter(query(**params))


def ranked(**params) -> list[str]:
    return [match.profile.headline for match in candidate_filter(**params).qs.select_related("profile")]


def page_of(params=None, page_number=None, recruiter=None):
    chosen = candidate_filter(**(params or {}))
    return candidate_page(
        ranking=chosen.qs,
        role=chosen.chosen_role,
        sort=chosen.chosen_sort,
        count_key=chosen.count_key(),
        page_number=page_number,
        recruiter=recruiter or UserFactory(password=None),
    )


def paginator(params, *, per_page) -> RankingPaginator:
    chosen = candidate_filter(**params)
    return RankingPaginator(
        chosen.qs, role=chosen.chosen_role, sort=chosen.chosen_sort, count_key=chosen.count_key(), per_page=per_page
    )


def page_profile_ids(pages: RankingPaginator) -> list[list[int]]:
    return [[match.profile_id for match in pages.page(number).object_list] for number in pages.page_range]


# Who may be seen


def test_visible_candidates_leave_out_private_profiles():
    shown = EngineerProfileFactory(visibility=VISIBLE)
    EngineerProfileFactory(visibility=PRIVATE)
    assert list(visible_candidates()) == [shown]


def test_recruiter_roles_are_the_published_ones_in_menu_order():
    second = RoleFactory(order=2)
    first = RoleFactory(order=1)
    RoleFactory(order=0, published=False)
    assert list(recruiter_roles()) == [first, second]


def test_default_role_is_the_first_published_senior_role():
    RoleFactory(slug="draft", order=0, published=False)
    RoleFactory(slug="medior", order=0, is_senior=False)
    RoleFactory(slug="b", order=2)
    first = RoleFactory(slug="a", order=1)
    assert default_role() == first


def test_default_role_falls_back_to_a_non_senior_role():
    RoleFactory(is_senior=True, published=False)
    medior = RoleFactory(is_senior=False)
    assert default_role() == medior


def test_default_role_is_none_without_published_roles():
    RoleFactory(published=False)
    assert default_role() is None


# The ranking and its filters


def test_ranking_orders_by_score_and_breaks_ties_by_profile():
    role = RoleFactory(slug="lead")
    tie_first = candidate(role, 50, headline="tie first")
    tie_second = candidate(role, 50, headline="tie second")
    candidate(role, 80, headline="top")
    assert tie_first.pk < tie_second.pk
    assert ranked(role="lead") == ["top", "tie first", "tie second"]


def test_ranking_leaves_out_private_profiles_and_other_roles():
    role = RoleFactory(slug="lead")
    candidate(role, 50, headline="shown")
    candidate(role, 99, visibility=PRIVATE, headline="private")
    candidate(RoleFactory(), 100, headline="other role")
    assert ranked(role="lead") == ["shown"]


@pytest.mark.parametrize(("visibility", "copy"), WRONG_COPIES, ids=WRONG_COPY_IDS)
def test_ranking_needs_both_the_profiles_choice_and_the_matchs_copy_of_it(visibility, copy):
    role = RoleFactory(slug="lead")
    candidate(role, 50, headline="shown")
    wrongly_copied_candidate(role, 90, visibility, copy)
    assert ranked(role="lead") == ["shown"]


def test_without_a_role_the_ranking_is_the_default_roles():
    candidate(RoleFactory(order=1), 50, headline="default role")
    candidate(RoleFactory(order=2), 90, headline="second role")
    assert ranked() == ["default role"]


def test_an_unpublished_role_ranks_by_the_default_role():
    candidate(RoleFactory(order=1), 50, headline="default role")
    candidate(RoleFactory(slug="draft", published=False), 90, headline="draft role")
    assert ranked(role="draft") == ["default role"]


@pytest.fixture
def team():
    """Four candidates for one role (and one for another), each filter keeping some of them."""
    role = RoleFactory(slug="lead")
    sql, spark = ChecklistItemFactory(slug="sql"), ChecklistItemFactory(slug="spark")
    senior = candidate(
        role, 90, headline="senior", years_experience=12, location="Amsterdam", open_to_work=True, missing=1
    )
    medior = candidate(role, 65, headline="medior", years_experience=6, location="Utrecht Centrum", open_to_work=True)
    junior = candidate(role, 40, headline="junior", years_experience=1, location="utrecht")
    stale = candidate(role, 20, headline="stale", years_experience=3, location="Delft", missing=2)
    EngineerProfile.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - timedelta(days=40))
    for profile, sql_level, spark_level in ((senior, 3, 3), (medior, 1, 4), (junior, 2, 0), (stale, 4, 2)):
        AssessmentFactory(user=profile.user, item=sql, level=sql_level)
        AssessmentFactory(user=profile.user, item=spark, level=spark_level)
    candidate(RoleFactory(order=99), 100, headline="other role", location="Utrecht")
    return {"sql": sql.pk, "spark": spark.pk}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["senior", "medior", "junior", "stale"]),
        ({"min_score": 60}, ["senior", "medior"]),
        ({"must_haves_met": "on"}, ["medior", "junior"]),
        ({"min_years": 6}, ["senior", "medior"]),
        ({"location": "UTRECHT"}, ["medior", "junior"]),
        ({"open_to_work": "on"}, ["senior", "medior"]),
        ({"updated_since": "recent"}, ["senior", "medior", "junior"]),
        ({"items": ["sql"]}, ["senior", "junior", "stale"]),
        ({"items": ["sql", "spark"]}, ["senior", "stale"]),
        ({"items": ["sql", "spark"], "item_level": 3}, ["senior"]),
        ({"items": ["spark"], "item_level": 4}, ["medior"]),
        ({"min_score": 30, "location": "utrecht", "open_to_work": "on"}, ["medior"]),
    ],
    ids=[
        "none",
        "min_score",
        "must_haves_met",
        "min_years",
        "location",
        "open_to_work",
        "updated_since",
        "item",
        "every-item",
        "every-item-at-level",
        "item-at-top-level",
        "combined",
    ],
)
def test_each_filter_keeps_only_the_candidates_meeting_it(team, params, expected):
    params = {"role": "lead", **params}
    if "items" in params:
        params["items"] = [team[slug] for slug in params["items"]]
    if params.get("updated_since") == "recent":
        params["updated_since"] = (timezone.localdate() - timedelta(days=7)).isoformat()
    assert ranked(**params) == expected


def test_sort_by_experience_breaks_ties_by_score_then_profile():
    role = RoleFactory(slug="lead")
    candidate(role, 90, headline="few years", years_experience=2)
    candidate(role, 40, headline="many years, low score", years_experience=9)
    candidate(role, 70, headline="many years, high score", years_experience=9)
    candidate(role, 70, headline="many years, high score, later", years_experience=9)
    assert ranked(role="lead", sort="experience") == [
        "many years, high score",
        "many years, high score, later",
        "many years, low score",
        "few years",
    ]


def test_sort_by_last_update_puts_the_freshest_profile_first():
    role = RoleFactory(slug="lead")
    old = candidate(role, 90, headline="old")
    candidate(role, 10, headline="fresh")
    EngineerProfile.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=40))
    assert ranked(role="lead", sort="updated") == ["fresh", "old"]


def test_an_invalid_filter_is_reported_and_left_out_while_the_others_apply():
    role = RoleFactory(slug="lead")
    candidate(role, 90, headline="Amsterdam", location="Amsterdam")
    candidate(role, 10, headline="Utrecht", location="Utrecht")
    chosen = candidate_filter(role="lead", min_score="lots", location="utrecht")
    headlines = [match.profile.headline for match in chosen.qs.select_related("profile")]
    assert (headlines, list(chosen.form.errors)) == (["Utrecht"], ["min_score"])


def test_the_count_key_is_the_same_whatever_the_sort():
    RoleFactory(slug="lead")
    assert candidate_filter(role="lead", sort="experience").count_key() == candidate_filter(role="lead").count_key()


@pytest.mark.parametrize("condition", [{"min_years": 5}, {"role": "other"}, {"must_haves_met": "on"}])
def test_each_condition_has_its_own_count_key(condition):
    RoleFactory(slug="lead", order=1)
    RoleFactory(slug="other", order=2)
    plain = candidate_filter(role="lead").count_key()
    assert candidate_filter(**{"role": "lead", **condition}).count_key() != plain


# Paging


def test_a_page_number_that_is_not_a_number_gives_the_first_page_and_one_past_the_end_the_last():
    role = RoleFactory(slug="lead")
    for score in range(30):
        candidate(role, score)
    assert (page_of(page_number="two").page.number, page_of(page_number="9").page.number) == (1, 2)


@pytest.fixture
def long_ranking():
    """Thirty visible candidates with many ties on every sort, among private ones and wrong visibility copies."""
    role = RoleFactory(slug="lead")
    now = timezone.now()
    for n in range(30):
        profile = candidate(role, n % 7, years_experience=n % 5, open_to_work=n % 3 > 0)
        EngineerProfile.objects.filter(pk=profile.pk).update(updated_at=now - timedelta(days=n % 4))
        if n % 6 == 0:
            candidate(role, n % 7, visibility=PRIVATE)
            wrongly_copied_candidate(role, n % 7, *WRONG_COPIES[n % 12 // 6])
    return role


@pytest.mark.parametrize(
    "params",
    [{}, {"sort": "experience"}, {"sort": "updated"}, {"min_score": 2, "open_to_work": "on"}],
    ids=["score", "experience", "updated", "filtered"],
)
def test_the_pages_hold_the_ranking_in_order_each_row_once(long_ranking, params):
    params = {"role": "lead", **params}
    ranking = [match.profile_id for match in candidate_filter(**params).qs]
    expected = [ranking[start : start + 4] for start in range(0, len(ranking), 4)]
    assert page_profile_ids(paginator(params, per_page=4)) == expected


def test_a_ranking_longer_than_the_browsable_part_pages_through_its_best_and_says_there_are_more(
    long_ranking, settings
):
    settings.BROWSABLE_CANDIDATES = 8
    ranking = [match.profile_id for match in candidate_filter(role="lead").qs]
    pages = paginator({"role": "lead"}, per_page=4)
    assert (pages.count, pages.has_more, pages.num_pages) == (8, True, 2)
    assert page_profile_ids(pages) == [ranking[:4], ranking[4:8]]
    assert pages.get_page(9).number == 2  # past the end: the last browsable page
    settings.BROWSABLE_CANDIDATES = len(ranking)
    cache.clear()
    exactly = paginator({"role": "lead"}, per_page=4)
    assert (exactly.count, exactly.has_more) == (len(ranking), False)


def test_the_total_is_counted_once_and_then_read_from_the_cache():
    role = RoleFactory(slug="lead")
    for score in range(30):
        candidate(role, score)
    page_of({"role": "lead"})
    candidate(role, 99)
    assert page_of({"role": "lead"}).page.paginator.count == 30


def test_a_too_low_total_still_shows_a_full_page_of_current_rows():
    role = RoleFactory(slug="lead")
    for score in range(30):
        candidate(role, score)
    cache.set(candidate_filter(role="lead").count_key(), 3)  # too low: candidates became visible since
    assert [row.match.score for row in page_of({"role": "lead"}).rows] == list(range(29, 4, -1))


def test_a_page_past_the_end_of_a_too_high_total_is_the_last_page_counted_afresh():
    role = RoleFactory(slug="lead")
    for score in range(30):
        candidate(role, score)
    cache.set(candidate_filter(role="lead").count_key(), 100)  # too high: candidates left since
    last = page_of({"role": "lead"}, page_number="4")
    assert (last.page.number, len(last.rows), last.page.paginator.count) == (2, 5, 30)
    assert cache.get(candidate_filter(role="lead").count_key()) == 30


@pytest.mark.parametrize(("visibility", "copy"), WRONG_COPIES, ids=WRONG_COPY_IDS)
def test_pages_never_show_a_profile_whose_visibility_copy_is_wrong(visibility, copy):
    role = RoleFactory(slug="lead")
    for score in range(10):
        candidate(role, score, headline="shown")
        wrongly_copied_candidate(role, score, visibility, copy)
    pages = paginator({"role": "lead"}, per_page=3)
    headlines = {match.profile.headline for number in pages.page_range for match in pages.page(number).object_list}
    assert headlines == {"shown"}


def test_pages_never_show_a_private_profile_even_of_a_ranking_that_forgot_visibility():
    role = RoleFactory(slug="lead")
    for score in range(10):
        candidate(role, score, headline="shown")
        wrongly_copied_candidate(role, score, PRIVATE, True)
        candidate(role, score, visibility=PRIVATE, headline="private")
    pages = RankingPaginator(RoleMatch.objects.filter(role=role), role=role, sort="score", count_key="test", per_page=3)
    headlines = {match.profile.headline for number in pages.page_range for match in pages.page(number).object_list}
    assert headlines == {"shown"}


PAGE_QUERIES = 10  # roles, chosen items, total, rows, shortlists, memberships, accepted contacts, skills, levels


@pytest.mark.parametrize("count", [2, 30])
def test_a_page_of_candidates_takes_the_same_few_queries_however_many_there_are(count, django_assert_max_num_queries):
    role = RoleFactory(slug="lead")
    item = ChecklistItemFactory()
    recruiter = UserFactory(password=None)
    shortlist = ShortlistFactory(recruiter=recruiter)
    for score in range(count):
        profile = candidate(role, score)
        AssessmentFactory(user=profile.user, item=item, level=score % 5)
        ShortlistEntryFactory(shortlist=shortlist, profile=profile)
    with django_assert_max_num_queries(PAGE_QUERIES):
        page = page_of({"role": "lead", "items": [item.pk], "item_level": 1}, page_number="1", recruiter=recruiter)
        drawn = [(row.profile.shown_identity.name, row.chart.width, row.shortlist_ids) for row in page.rows]
    assert drawn


def test_the_skill_charts_of_a_whole_page_are_read_in_two_queries(django_assert_num_queries):
    role = RoleFactory(slug="lead")
    item = ChecklistItemFactory()
    for score in range(5):
        AssessmentFactory(user=candidate(role, score).user, item=item, level=score % 5)
    rows = page_of({"role": "lead"}).rows
    with django_assert_num_queries(2):
        charts = [row.chart for row in rows]
    assert len(charts) == 5


def test_page_rows_know_only_which_of_the_recruiters_own_shortlists_hold_them():
    role = RoleFactory(slug="lead")
    profile = candidate(role)
    mine = ShortlistFactory()
    ShortlistEntryFactory(shortlist=mine, profile=profile)
    ShortlistEntryFactory(shortlist=ShortlistFactory(), profile=profile)  # another recruiter's
    assert [row.shortlist_ids for row in page_of({"role": "lead"}, recruiter=mine.recruiter).rows] == [{mine.pk}]


# Skill charts and the detail page


def test_a_skill_level_averages_over_every_item_of_the_skill():
    skill = SkillFactory()
    items = [ChecklistItemFactory(skill=skill) for _ in range(4)]
    user = UserFactory(password=None)
    AssessmentFactory(user=user, item=items[0], level=4)
    AssessmentFactory(user=user, item=items[1], level=2)
    assert [level.average for level in skill_charts_for_users(user_ids=[user.pk])[user.pk].levels] == [1.5]


def test_a_skill_bar_scales_to_the_level():
    full = ChecklistItemFactory(skill=SkillFactory(name="A"))
    half = ChecklistItemFactory(skill=SkillFactory(name="B"))
    user = UserFactory(password=None)
    AssessmentFactory(user=user, item=full, level=4)
    AssessmentFactory(user=user, item=half, level=2)
    chart = skill_charts_for_users(user_ids=[user.pk])[user.pk]
    assert [level.bar_height for level in chart.levels] == [28, 14]


def test_skill_bars_stand_in_growth_order_side_by_side():
    late = SkillFactory(growth_stage=3, name="Spark")
    early = SkillFactory(growth_stage=1, name="SQL")
    empty = SkillFactory(growth_stage=2, name="Airflow")
    user = UserFactory(password=None)
    chart = skill_charts_for_users(user_ids=[user.pk])[user.pk]
    assert ([(level.skill, level.bar_x) for level in chart.levels], chart.width) == (
        [(early, 0), (empty, 14), (late, 28)],
        42,
    )


def test_a_user_without_assessments_gets_a_chart_of_empty_bars():
    ChecklistItemFactory()
    SkillFactory()  # a skill without items
    user = UserFactory(password=None)
    assert [level.average for level in skill_charts_for_users(user_ids=[user.pk])[user.pk].levels] == [0, 0]


@pytest.mark.parametrize("users", [1, 20])
def test_skill_charts_for_many_users_take_two_queries(users, django_assert_num_queries):
    items = [ChecklistItemFactory(skill=SkillFactory()) for _ in range(3)]
    user_ids = []
    for n in range(users):
        user = UserFactory(password=None)
        AssessmentFactory(user=user, item=items[n % 3], level=n % 5)
        user_ids.append(user.pk)
    with django_assert_num_queries(2):
        charts = skill_charts_for_users(user_ids=user_ids)
    assert len(charts) == users


def test_candidate_assessments_group_rated_items_by_skill():
    user = UserFactory(password=None)
    profile = EngineerProfileFactory(user=user)
    rated = AssessmentFactory(user=user, level=3, evidence_url="https://example.org/x")
    AssessmentFactory(user=user, level=0)
    groups = candidate_assessments(profile=profile)
    assert [(group.skill, group.assessments) for group in groups] == [(rated.item.skill, [rated])]


def test_candidate_role_matches_are_the_published_roles_best_first():
    profile = EngineerProfileFactory(visibility=VISIBLE)
    low = RoleMatchFactory(profile=profile, score=30)
    high = RoleMatchFactory(profile=profile, score=80)
    RoleMatchFactory(profile=profile, score=99, role=RoleFactory(published=False))
    assert candidate_role_matches(profile=profile) == [high, low]


# Shortlists


def test_a_recruiter_reaches_only_their_own_shortlists():
    mine = ShortlistFactory()
    ShortlistFactory()
    assert list(shortlists_for(recruiter=mine.recruiter)) == [mine]


def test_shortlist_counts_hold_only_visible_candidates():
    shortlist = ShortlistFactory()
    ShortlistEntryFactory(shortlist=shortlist, profile=EngineerProfileFactory(visibility=VISIBLE))
    ShortlistEntryFactory(shortlist=shortlist, profile=EngineerProfileFactory(visibility=PRIVATE))
    assert shortlists_with_counts(recruiter=shortlist.recruiter).get().visible_count == 1


def test_a_shortlist_shows_only_visible_candidates_but_keeps_the_hidden_entries():
    shortlist = ShortlistFactory()
    shown = ShortlistEntryFactory(shortlist=shortlist, profile=EngineerProfileFactory(visibility=VISIBLE))
    ShortlistEntryFactory(shortlist=shortlist, profile=EngineerProfileFactory(visibility=PRIVATE))
    assert (list(visible_entries(shortlist=shortlist)), shortlist.entries.count()) == ([shown], 2)


def test_shortlist_memberships_list_the_recruiters_own_lists_per_profile():
    first = ShortlistFactory()
    second = ShortlistFactory(recruiter=first.recruiter)
    on_both, on_one, on_none = (EngineerProfileFactory() for _ in range(3))
    for shortlist, profile in ((first, on_both), (second, on_both), (second, on_one)):
        ShortlistEntryFactory(shortlist=shortlist, profile=profile)
    ShortlistEntryFactory(shortlist=ShortlistFactory(), profile=on_none)  # another recruiter's
    memberships = shortlist_memberships(recruiter=first.recruiter, profile_ids=[on_both.pk, on_one.pk, on_none.pk])
    assert dict(memberships) == {on_both.pk: {first.pk, second.pk}, on_one.pk: {second.pk}}
