import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from catalog.models import Tool
from tests.factories import (
    CategoryFactory,
    ChooserOptionFactory,
    ChooserRecommendationFactory,
    FaqEntryFactory,
    KeywordFactory,
    ToolFactory,
)

pytestmark = pytest.mark.django_db


def raises_integrity_error(factory, **kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**kwargs)


def test_tool_slug_is_unique():
    ToolFactory(slug="pandas")
    raises_integrity_error(ToolFactory, slug="pandas")


def test_tool_name_is_unique():
    ToolFactory(name="Pandas")
    raises_integrity_error(ToolFactory, name="Pandas")


def test_category_slug_and_name_are_unique():
    CategoryFactory(name="Libraries", slug="libraries")
    raises_integrity_error(CategoryFactory, slug="libraries")
    raises_integrity_error(CategoryFactory, name="Libraries")


def test_keyword_slug_and_name_are_unique():
    KeywordFactory(name="lakehouse", slug="lakehouse")
    raises_integrity_error(KeywordFactory, slug="lakehouse")
    raises_integrity_error(KeywordFactory, name="lakehouse")


def test_chooser_option_and_faq_slugs_are_unique():
    ChooserOptionFactory(slug="pipelines")
    FaqEntryFactory(slug="best")
    raises_integrity_error(ChooserOptionFactory, slug="pipelines")
    raises_integrity_error(FaqEntryFactory, slug="best")


def test_a_tool_is_recommended_once_per_chooser_option():
    recommendation = ChooserRecommendationFactory()
    raises_integrity_error(ChooserRecommendationFactory, option=recommendation.option, tool=recommendation.tool)


@pytest.mark.parametrize("slug", ["compare", "chooser", "faq"])
def test_tool_cannot_take_a_slug_of_a_catalog_page(slug):
    raises_integrity_error(ToolFactory, slug=slug)
    tool = ToolFactory.build(slug=slug, category=CategoryFactory())
    with pytest.raises(ValidationError, match="reserved"):
        tool.full_clean()


def test_tool_is_public_only_with_its_category_published():
    tool = ToolFactory(published=True, category__published=False)
    assert not tool.is_public
    tool.category.published = True
    assert tool.is_public
    tool.published = False
    assert not tool.is_public


def test_list_fields_split_into_trimmed_non_empty_lines():
    tool = ToolFactory.build(strengths="  fast \n\n simple\n")
    assert tool.strengths_list == ["fast", "simple"]


def test_published_manager_method_hides_unpublished_tools():
    shown = ToolFactory(published=True)
    ToolFactory(published=False)
    assert list(Tool.objects.published()) == [shown]


def test_tool_url_is_its_catalog_page():
    assert ToolFactory(slug="pyspark").get_absolute_url() == "/catalog/pyspark/"
