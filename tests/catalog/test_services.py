import pytest

from catalog.models import FaqEntry, Keyword, Tool
from catalog.services import get_or_create_keywords, set_published
from tests.factories import EditorFactory, FaqEntryFactory, KeywordFactory, ToolFactory

pytestmark = pytest.mark.django_db


def test_set_published_records_who_unpublished_each_tool():
    editor = EditorFactory()
    tools = ToolFactory.create_batch(2, published=True)
    changed = set_published(queryset=Tool.objects.all(), published=False, user=editor)
    assert changed == 2
    for tool in tools:
        latest = tool.history.latest()
        assert latest.published is False
        assert latest.history_user == editor


def test_set_published_counts_only_rows_that_change():
    FaqEntryFactory(published=True)
    FaqEntryFactory(published=False)
    assert set_published(queryset=FaqEntry.objects.all(), published=True) == 1
    assert FaqEntry.objects.filter(published=False).count() == 0


def test_get_or_create_keywords_reuses_existing_by_name_or_slug():
    existing = KeywordFactory(name="Lakehouse", slug="lakehouse")
    keywords = get_or_create_keywords(names=["lakehouse", " data  cleaning ", "", "Lakehouse"])
    assert keywords[0] == existing
    assert [k.name for k in keywords] == ["Lakehouse", "data cleaning"]
    assert Keyword.objects.count() == 2


def test_get_or_create_keywords_rejects_names_without_a_slug():
    with pytest.raises(ValueError, match="not a usable keyword"):
        get_or_create_keywords(names=["!!!"])
