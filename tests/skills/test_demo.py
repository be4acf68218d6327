from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from catalog.demo import load_catalog_demo
from portal.demo import load_demo_users
from skills.demo import DEMO_ENGINEER, load_engineer_demo, load_skills_demo
from skills.models import (
    Assessment,
    AssessmentChange,
    ChecklistItem,
    EngineerProfile,
    GrowthStage,
    Resource,
    Role,
    RoleMatch,
    RoleRequirement,
    Skill,
)
from skills.scoring import RequirementSpec, compute_match
from tests.factories import ToolFactory, UserFactory

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Skill.objects.values_list("slug", "name", "growth_stage", "order")),
        list(ChecklistItem.objects.order_by("pk").values_list("pk", "name", "is_senior")),
        list(Role.objects.values_list("slug", "title", "is_senior")),
        list(RoleRequirement.objects.order_by("pk").values_list("pk", "min_level", "weight", "is_must_have")),
        list(Assessment.objects.order_by("pk").values_list("pk", "level")),
        AssessmentChange.objects.count(),
    )


def test_checklist_has_the_eight_skills_in_growth_order():
    load_skills_demo()
    stages = dict(Skill.objects.values_list("name", "growth_stage"))
    assert len(stages) == 8
    assert stages["SQL"] == stages["Python fundamentals"] == GrowthStage.FOUNDATION
    assert stages["Orchestration"] == GrowthStage.ORCHESTRATION
    assert stages["PySpark / Databricks"] == GrowthStage.SCALE
    spark_items = dict(ChecklistItem.objects.filter(skill__slug="pyspark").values_list("name", "is_senior"))
    assert spark_items["Scalable pipelines"] is False
    assert {name for name, senior in spark_items.items() if senior} >= {"Partitioning", "Shuffles", "Skew"}
    assert ChecklistItem.objects.filter(skill__slug="orchestration", name="Retries").exists()


def test_catalog_tools_are_linked_when_present_and_skipped_when_missing():
    ToolFactory(slug="pyspark", name="PySpark")
    load_skills_demo()
    assert list(Skill.objects.get(slug="pyspark").tools.values_list("slug", flat=True)) == ["pyspark"]
    assert not Skill.objects.get(slug="orchestration").tools.exists()


def test_python_fundamentals_are_learned_from_python_not_from_a_web_framework():
    load_catalog_demo()
    load_skills_demo()
    load_skills_demo()  # loading again keeps the links as the demo says, and takes away ones it no longer has
    python = Skill.objects.get(slug="python-fundamentals")
    assert not python.tools.exists()
    functions = ChecklistItem.objects.get(skill=python, slug="functions")
    assert functions.resources.filter(url__startswith="https://docs.python.org/").exists()


def test_four_roles_differ_in_emphasis_and_one_is_medior():
    load_skills_demo()
    assert Role.objects.count() == 4
    assert list(Role.objects.filter(is_senior=False).values_list("title", flat=True)) == ["Data Engineer (medior)"]

    def must_have_skills(slug):
        return set(
            RoleRequirement.objects.filter(role__slug=slug, is_must_have=True).values_list(
                "item__skill__slug", flat=True
            )
        )

    assert "pyspark" in must_have_skills("senior-data-engineer-lakehouse")
    assert "ci-cd" in must_have_skills("senior-data-engineer-platform-apis")
    assert "pyspark" not in must_have_skills("senior-analytics-engineer")
    assert "data-quality" in must_have_skills("senior-analytics-engineer")


def test_loading_twice_changes_nothing():
    load_demo_users()
    load_skills_demo()
    load_engineer_demo()
    first = snapshot()
    load_skills_demo()
    load_engineer_demo()
    assert snapshot() == first


def test_demo_engineer_gets_a_profile_history_and_stored_matches():
    load_demo_users()
    load_skills_demo()
    load_engineer_demo()
    profile = EngineerProfile.objects.get(user__email=DEMO_ENGINEER)
    assert profile.target_role.slug == "senior-data-engineer-lakehouse"
    assert profile.start == EngineerProfile.Start.DONE  # a returning engineer, past the start
    assert profile.user.assessments.filter(level__gte=2).count() >= 5
    changed_at = list(AssessmentChange.objects.filter(user=profile.user).values_list("changed_at", flat=True))
    assert len(set(changed_at)) == len(changed_at) > 5
    assert min(changed_at) < timezone.now() - timedelta(days=14)  # a few weeks of history for the chart
    assert RoleMatch.objects.filter(profile=profile).count() == 4
    levels = dict(profile.user.assessments.values_list("item_id", "level"))
    for match in RoleMatch.objects.filter(profile=profile).select_related("role"):
        specs = [
            RequirementSpec(r.item_id, r.min_level, r.weight, r.is_must_have)
            for r in match.role.requirements.select_related("item")
        ]
        assert match.score == compute_match(specs, levels).score


def test_engineer_demo_leaves_an_engineer_with_own_levels_alone():
    load_skills_demo()
    user = UserFactory(email=DEMO_ENGINEER)
    Assessment.objects.create(user=user, item=ChecklistItem.objects.first(), level=4)
    load_engineer_demo()
    assert list(user.assessments.values_list("level", flat=True)) == [4]
    assert not EngineerProfile.objects.filter(user=user).exists()


def test_load_demo_command_loads_skills_after_the_catalog():
    with override_settings(DEBUG=True):
        call_command("load_demo")
    assert Skill.objects.get(slug="pyspark").tools.filter(slug="pyspark").exists()
    assert EngineerProfile.objects.filter(user__email=DEMO_ENGINEER).exists()


# Names that are the same in Dutch on purpose, each with its reason.
SAME_IN_DUTCH = {
    "SQL": "the name of the language",
    "Pandas": "the name of the library",
    "PySpark / Databricks": "the names of the tools",
    "Senior Data Engineer — lakehouse/Databricks": "Dutch vacancies name the job in English",
    "Senior Analytics Engineer": "Dutch vacancies name the job in English",
    "Data Engineer (medior)": "Dutch vacancies name the job in English; medior is Dutch already",
    "Use The Index, Luke": "the title of the book",
    "AWS Cloud Practitioner Essentials": "the title of the course",
}


def test_every_demo_name_reads_in_dutch():
    load_catalog_demo()
    load_skills_demo()
    names = [
        *Skill.objects.values_list("name_en", "name_nl"),
        *ChecklistItem.objects.values_list("name_en", "name_nl"),
        *Role.objects.values_list("title_en", "title_nl"),
        *Resource.objects.filter(title_en__gt="").values_list("title_en", "title_nl"),
    ]
    assert [english for english, dutch in names if dutch == english and english not in SAME_IN_DUTCH] == []
    assert all(dutch for english, dutch in names)


def test_loading_again_gives_existing_items_their_dutch_names():
    load_skills_demo()
    ChecklistItem.objects.filter(slug="skew").update(name_nl="Skew")  # as an earlier demo left it
    load_skills_demo()
    assert ChecklistItem.objects.get(slug="skew").name_nl == "Scheve verdeling (skew)"
