import json
from datetime import timedelta

import pytest
from django.utils import timezone

from skills.models import AssessmentChange, GrowthStage
from skills.privacy import personal_data
from skills.selectors import checklist as checklist_page
from skills.selectors.gaps import role_fits, role_gaps, skill_radar
from skills.selectors.progress import activity_calendar, progress_charts
from skills.selectors.roles import published_roles, role_requirements_by_skill
from skills.services.profiles import get_or_create_profile, update_profile
from tests.factories import (
    AssessmentFactory,
    CategoryFactory,
    ChecklistItemFactory,
    ProfileViewFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    ToolFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db


def set_target(user, role):
    update_profile(
        user=user,
        headline="",
        years_experience=3,
        location="",
        target_role=role,
        open_to_work=False,
        visibility="private",
    )


def test_checklist_groups_items_by_skill_in_growth_order_with_own_levels():
    user, other = UserFactory(), UserFactory()
    spark = SkillFactory(name="PySpark", growth_stage=GrowthStage.SCALE)
    sql = SkillFactory(name="SQL", growth_stage=GrowthStage.FOUNDATION)
    skew = ChecklistItemFactory(skill=spark, name="Skew")
    joins = ChecklistItemFactory(skill=sql, name="Joins", order=1)
    windows = ChecklistItemFactory(skill=sql, name="Window functions", order=2)
    AssessmentFactory(user=user, item=windows, level=3, evidence_url="https://example.com/w")
    AssessmentFactory(user=other, item=joins, level=4)
    page = checklist_page.checklist(user=user)
    assert [block.skill.name for block in page.skills] == ["SQL", "PySpark"]
    assert [[row.item for row in block.rows] for block in page.skills] == [[joins, windows], [skew]]
    assert [row.level for row in page.rows] == [0, 3, 0]
    assert page.rows[1].evidence_url == "https://example.com/w"
    assert (page.skills[0].ticked, page.skills[0].total) == (1, 2)
    assert (page.summary.ticked, page.summary.total, page.summary.target_role) == (1, 3, None)


def test_checklist_summary_scores_the_target_role():
    user = UserFactory()
    requirement = RoleRequirementFactory(min_level=4)
    set_target(user, requirement.role)
    AssessmentFactory(user=user, item=requirement.item, level=2)
    summary = checklist_page.checklist(user=user).summary
    assert (summary.target_role, summary.target_score) == (requirement.role, 50)


def test_role_gaps_splits_met_and_missing_with_the_gap_in_levels():
    user = UserFactory()
    role = RoleFactory(title="Senior Data Engineer — lakehouse")
    met = RoleRequirementFactory(role=role, item__name="Joins", min_level=2)
    skew = RoleRequirementFactory(role=role, item__name="skew", min_level=3, is_must_have=True)
    RoleRequirementFactory(role=role, item__name="retries", min_level=2, is_must_have=True)
    RoleRequirementFactory(item=met.item, min_level=4)  # another role's requirement is not counted
    AssessmentFactory(user=user, item=met.item, level=3)
    AssessmentFactory(user=user, item=skew.item, level=1)
    gaps = role_gaps(user=user, role=role)
    assert [status.requirement for status in gaps.met] == [met]
    assert {status.item.name: status.gap for status in gaps.missing} == {"skew": 2, "retries": 2}
    assert (gaps.result.requirements_met, gaps.result.requirements_total) == (1, 3)
    assert gaps.must_haves_total == 2
    assert sorted(status.item.name for status in gaps.missing_must_haves) == ["retries", "skew"]


def test_another_users_levels_never_count_in_my_gaps():
    user, other = UserFactory(), UserFactory()
    requirement = RoleRequirementFactory(min_level=2)
    AssessmentFactory(user=other, item=requirement.item, level=4)
    gaps = role_gaps(user=user, role=requirement.role)
    assert gaps.result.score == 0
    assert [status.level for status in gaps.missing] == [0]


def test_learning_path_follows_growth_stage_then_must_haves_first():
    user = UserFactory()
    role = RoleFactory()
    spark = SkillFactory(growth_stage=GrowthStage.SCALE)
    airflow = SkillFactory(growth_stage=GrowthStage.ORCHESTRATION)
    sql = SkillFactory(growth_stage=GrowthStage.FOUNDATION)
    skew = RoleRequirementFactory(role=role, item__skill=spark, item__name="skew", is_must_have=True)
    scheduling = RoleRequirementFactory(role=role, item__skill=airflow, item__name="scheduling", item__order=1)
    retries = RoleRequirementFactory(
        role=role, item__skill=airflow, item__name="retries", item__order=2, is_must_have=True
    )
    windows = RoleRequirementFactory(role=role, item__skill=sql, item__name="window functions")
    met = RoleRequirementFactory(role=role, item__skill=sql, item__name="joins")
    AssessmentFactory(user=user, item=met.item, level=2)
    path = role_gaps(user=user, role=role).learning_path
    assert [status.requirement for status in path] == [windows, retries, scheduling, skew]


def test_learning_path_links_only_public_catalog_tools_of_the_skill():
    user = UserFactory()
    skill = SkillFactory()
    public = ToolFactory(name="Airflow")
    hidden = ToolFactory(name="Draft tool", published=False)
    in_hidden_category = ToolFactory(category=CategoryFactory(published=False))
    skill.tools.add(public, hidden, in_hidden_category)
    requirement = RoleRequirementFactory(item__skill=skill)
    (status,) = role_gaps(user=user, role=requirement.role).learning_path
    assert status.tools == [public]


def test_role_fits_lists_published_roles_target_first_then_best_fit():
    user = UserFactory()
    weak, strong, target = RoleFactory(), RoleFactory(), RoleFactory()
    RoleFactory(published=False)
    for role, level in ((weak, 0), (strong, 2), (target, 1)):
        requirement = RoleRequirementFactory(role=role, min_level=2)
        AssessmentFactory(user=user, item=requirement.item, level=level)
    set_target(user, target)
    fits = role_fits(user=user)
    assert [(fit.role, fit.result.score, fit.is_target) for fit in fits] == [
        (target, 50, True),
        (strong, 100, False),
        (weak, 0, False),
    ]


def test_radar_compares_levels_on_required_items_with_the_required_level_per_skill():
    user = UserFactory()
    role = RoleFactory()
    sql = SkillFactory(name="SQL", growth_stage=GrowthStage.FOUNDATION)
    spark = SkillFactory(name="PySpark", growth_stage=GrowthStage.SCALE)
    joins = RoleRequirementFactory(role=role, item__skill=sql, min_level=2)
    windows = RoleRequirementFactory(role=role, item__skill=sql, min_level=4)
    unrequired = ChecklistItemFactory(skill=sql)
    spark_item = ChecklistItemFactory(skill=spark)
    AssessmentFactory(user=user, item=joins.item, level=2)
    AssessmentFactory(user=user, item=windows.item, level=3)
    AssessmentFactory(user=user, item=unrequired, level=0)
    AssessmentFactory(user=user, item=spark_item, level=3)
    radar = skill_radar(user=user, role=role)
    assert [(row.skill.name, row.level, row.required) for row in radar.rows] == [
        ("SQL", 2.5, 3.0),
        ("PySpark", 3.0, None),
    ]
    assert radar.chart.target_points


def test_radar_without_a_role_averages_all_items_of_a_skill():
    user = UserFactory()
    skill = SkillFactory()
    AssessmentFactory(user=user, item=ChecklistItemFactory(skill=skill), level=4)
    ChecklistItemFactory(skill=skill)
    radar = skill_radar(user=user, role=None)
    assert [(row.level, row.required) for row in radar.rows] == [(2.0, None)]
    assert radar.chart.target_points == ""


def on_day(user, days_ago: int) -> None:
    """Move the user's latest change ``days_ago`` days back, as if it was made then."""
    change = AssessmentChange.objects.filter(user=user).latest("id")
    change.changed_at = timezone.now() - timedelta(days=days_ago)
    change.save()


def test_progress_charts_show_one_point_per_day_oldest_first_on_a_time_axis():
    user = UserFactory()
    requirement = RoleRequirementFactory(min_level=2, role__is_senior=False)  # no default target role
    other_item = ChecklistItemFactory()
    assess(user=user, item=other_item, level=2)  # before a target role: no score
    on_day(user, 10)
    set_target(user, requirement.role)
    assess(user=user, item=requirement.item, level=1)
    on_day(user, 4)
    assess(user=user, item=requirement.item, level=3)
    on_day(user, 4)  # a second change that day: the day's point is where it ended
    assess(user=user, item=requirement.item, level=2)
    charts = progress_charts(user=user)
    assert charts.points == 3
    assert [dot.y for dot in charts.ticked.dots] == sorted((dot.y for dot in charts.ticked.dots), reverse=True)
    today = timezone.localdate()
    assert [day for _x, day in charts.ticked.date_ticks] == [today - timedelta(days=n) for n in (10, 4, 0)]
    first, middle, last = (dot.x for dot in charts.ticked.dots)
    assert round((middle - first) / (last - first), 2) == 0.6  # placed by date: day 6 of 10
    assert len(charts.score.dots) == 2
    assert charts.score.dots[0].y == charts.score.dots[1].y  # 100 at the end of both days


def test_the_activity_calendar_counts_changes_per_day_in_whole_weeks():
    user = UserFactory(date_joined=timezone.now() - timedelta(weeks=20))
    item = ChecklistItemFactory()
    for level in (1, 2, 3):
        assess(user=user, item=item, level=level)
    on_day(user, 3)
    calendar = activity_calendar(user=user)
    assert calendar.days[0].day.weekday() == 0 and calendar.days[-1].day == timezone.localdate()
    assert len(calendar.days) > 7 * 11
    by_day = {day.day: day.changes for day in calendar.days}
    assert by_day[timezone.localdate()] == 2
    assert by_day[timezone.localdate() - timedelta(days=3)] == 1
    assert calendar.active_days == 2


def test_progress_without_changes_has_no_charts():
    charts = progress_charts(user=UserFactory())
    assert (charts.points, charts.ticked, charts.score) == (0, None, None)


def test_profile_views_are_only_those_of_my_profile():
    user, other = UserFactory(), UserFactory()
    mine = ProfileViewFactory(profile=get_or_create_profile(user=user))
    ProfileViewFactory(profile=get_or_create_profile(user=other))
    assert [(visit.name, visit.days) for visit in personal_data.profile_views(user=user)] == [
        (mine.recruiter.recruiter_profile.name, 1)
    ]


def test_export_holds_all_my_data_and_nothing_of_others():
    user, other = UserFactory(email="me@example.com"), UserFactory(email="them@example.com")
    requirement = RoleRequirementFactory(item__name="Window functions", role__title="Analytics Engineer")
    set_target(user, requirement.role)
    assess(user=user, item=requirement.item, level=3, evidence_url="https://example.com/mine", note="mine")
    assess(user=other, item=requirement.item, level=1, evidence_url="https://example.com/theirs")
    view = ProfileViewFactory(profile=get_or_create_profile(user=user))
    ProfileViewFactory(profile=get_or_create_profile(user=other))
    data = personal_data.export_user_data(user=user)
    assert data["account"]["email"] == "me@example.com"
    assert data["profile"]["target_role"] == "Analytics Engineer"
    assert [(a["item"], a["level"], a["evidence_url"], a["note"]) for a in data["assessments"]] == [
        ("Window functions", 3, "https://example.com/mine", "mine")
    ]
    assert [(h["old_level"], h["new_level"]) for h in data["history"]] == [(None, 3)]  # a first rating had no level
    assert [(m["role"], m["score"]) for m in data["matches"]] == [("Analytics Engineer", 100)]
    named = view.recruiter.recruiter_profile
    assert data["profile_views"] == [
        {"recruiter": named.name, "company": named.company, "viewed_at": view.viewed_at.isoformat()}
    ]
    text = json.dumps(data)
    assert "them@example.com" not in text and view.recruiter.email not in text
    assert "theirs" not in text


def test_export_of_a_user_without_profile_is_still_complete():
    data = personal_data.export_user_data(user=UserFactory())
    assert data["profile"] is None
    assert data["assessments"] == data["history"] == data["matches"] == data["profile_views"] == []


def test_role_pages_list_published_roles_with_requirements_grouped_by_skill():
    role = RoleFactory()
    RoleFactory(published=False)
    sql = SkillFactory(name="SQL", growth_stage=GrowthStage.FOUNDATION)
    spark = SkillFactory(name="PySpark", growth_stage=GrowthStage.SCALE)
    RoleRequirementFactory(role=role, item__skill=spark, is_must_have=True)
    RoleRequirementFactory(role=role, item__skill=sql)
    RoleRequirementFactory(role=role, item__skill=sql)
    (listed,) = published_roles()
    assert (listed, listed.requirement_count, listed.must_have_count) == (role, 3, 1)
    groups = role_requirements_by_skill(role=role)
    assert [(group.skill.name, len(group.requirements)) for group in groups] == [("SQL", 2), ("PySpark", 1)]
