from functools import partial

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from modeltranslation.translator import translator

from catalog.demo import load_catalog_demo
from catalog.models import Category, ChooserOption, ChooserRecommendation, FaqEntry, Keyword, Tool
from catalog.translation import missing_dutch
from tests.clients import DUTCH

pytestmark = pytest.mark.django_db

TOOL_SLUGS = {"fastapi", "django", "flask", "pyspark", "airflow", "dbt", "pandas", "numpy", "scikit-learn"}


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Category, Keyword, Tool, ChooserOption, ChooserRecommendation, FaqEntry)
    }


def test_demo_has_the_tools_other_apps_link_to():
    load_catalog_demo()
    assert set(Tool.objects.values_list("slug", flat=True)) == TOOL_SLUGS
    assert Category.objects.count() == 3
    assert FaqEntry.objects.count() == 7


def test_every_demo_tool_is_filled_in_completely():
    load_catalog_demo()
    text_fields = ("summary", "used_for", "in_vacancies", "typical_uses", "strengths", "pitfalls")
    more_fields = ("seniority_signals", "when_to_pick", "website_url", "docs_url")
    for tool in Tool.objects.prefetch_related("keywords", "related_tools"):
        for field in text_fields + more_fields:
            assert getattr(tool, field), f"{tool.slug}.{field} is empty"
        assert tool.keywords.exists(), tool.slug
        assert tool.related_tools.exists(), tool.slug
        tool.full_clean()


def test_demo_follows_the_article_facts():
    load_catalog_demo()
    airflow = Tool.objects.get(slug="airflow")
    assert airflow.is_optional
    assert airflow.tool_type == Tool.ToolType.ORCHESTRATOR
    assert Tool.objects.get(slug="pyspark").tool_type == Tool.ToolType.FRAMEWORK_TOOL
    assert set(Tool.objects.get(slug="pandas").keywords.values_list("slug", flat=True)) >= {
        "data-cleaning",
        "data-validation",
        "eda",
    }
    assert "skew" in Tool.objects.get(slug="pyspark").seniority_signals
    pipelines = ChooserOption.objects.get(slug="pipelines-at-scale")
    assert [r.tool.slug for r in pipelines.recommendations.select_related("tool")] == ["pyspark", "airflow"]


def test_loading_twice_changes_nothing():
    load_catalog_demo()
    first = counts()
    pandas_related = set(Tool.objects.get(slug="pandas").related_tools.values_list("slug", flat=True))
    load_catalog_demo()
    assert counts() == first
    assert set(Tool.objects.get(slug="pandas").related_tools.values_list("slug", flat=True)) == pandas_related


def test_load_demo_command_loads_the_catalog():
    with override_settings(DEBUG=True):
        call_command("load_demo")
    assert Tool.objects.filter(slug__in=TOOL_SLUGS).count() == len(TOOL_SLUGS)


def test_no_published_demo_row_lacks_a_dutch_text():
    """The whole demo (every app's) follows the rule that refuses to publish without Dutch texts; a row without a
    published flag is shown with the published row it belongs to (a tool's keyword, an item's resource)."""
    with override_settings(DEBUG=True):
        call_command("load_demo")
    lacking = {
        f"{model.__name__} {row.pk} ({row})": missing
        for model in translator.get_registered_models(abstract=False)
        if model._meta.app_label in ("catalog", "skills", "recruiting")
        for row in model._default_manager.all()
        if getattr(row, "published", True) and (missing := missing_dutch(model=model, text_of=partial(getattr, row)))
    }
    assert lacking == {}


def test_the_editor_sees_each_demo_category_under_a_dutch_name_of_its_own(editor_client):
    load_catalog_demo()
    listing = editor_client.get(reverse("admin:catalog_category_changelist"), **DUTCH).content.decode()
    for category in Category.objects.all():
        assert category.name_nl != category.name_en, category.slug
        assert f">{category.name_nl}</a>" in listing
