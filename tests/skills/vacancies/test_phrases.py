"""Editors keep vacancy phrases per item and per tool: a tool's inline on its page, an item's on their own paged
list linked from the item's page, and by file import and export."""

import re

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalog.demo import load_catalog_demo
from catalog.models import Tool, ToolPhrase
from catalog.resources import ToolPhraseResource
from skills.demo import load_skills_demo
from skills.models import ChecklistItem, ItemPhrase
from skills.resources import ItemPhraseResource
from skills.scoring import MUST_HAVE_FACTOR
from skills.vacancies.fit import vacancy_requirements
from skills.vacancies.reading import read_vacancy
from tests.factories import ChecklistItemFactory, EditorFactory, ToolFactory
from tests.skills.vacancies.test_reading import asked_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


def test_every_demo_item_and_tool_has_phrases_in_both_languages():
    load_catalog_demo()
    load_skills_demo()
    for item in ChecklistItem.objects.all():
        assert set(item.phrases.values_list("language", flat=True)) == {"en", "nl"}, item
    for tool in Tool.objects.all():
        assert set(tool.phrases.values_list("language", flat=True)) == {"en", "nl"}, tool


def test_loading_the_demo_twice_keeps_one_set_of_phrases():
    load_catalog_demo()
    load_skills_demo()
    counts = ItemPhrase.objects.count(), ToolPhrase.objects.count()
    load_catalog_demo()
    load_skills_demo()
    assert (ItemPhrase.objects.count(), ToolPhrase.objects.count()) == counts


def test_loading_the_demo_again_gives_phrases_already_held_the_demo_needs_context_flag():
    load_catalog_demo()
    load_skills_demo()
    generic = ItemPhrase.objects.filter(item__skill__slug="pandas", item__slug="debugging", text="debugging")
    specific = ItemPhrase.objects.filter(item__skill__slug="pyspark", item__slug="skew", text="data skew")
    generic.update(needs_context=False)  # as a database loaded before the demo changed these flags holds them
    specific.update(needs_context=True)
    load_skills_demo()
    assert generic.get().needs_context is True
    assert specific.get().needs_context is False
    assert asked_items(read_vacancy(text="You handle data skew.")) == {"pyspark/skew": True}


def test_a_phrase_without_letters_or_digits_is_invalid():
    phrase = ItemPhrase(item=ChecklistItemFactory(), text=" -- ", language="en")
    with pytest.raises(ValidationError):
        phrase.full_clean()


def test_the_same_phrase_twice_on_one_item_is_invalid_whatever_its_case():
    item = ChecklistItemFactory()
    ItemPhrase.objects.create(item=item, text="Window functions", language="en")
    with pytest.raises(ValidationError):
        ItemPhrase(item=item, text="window FUNCTIONS", language="en").full_clean()


def test_editor_adds_a_phrase_from_the_items_page_and_it_is_read_at_once(editor_client):
    item = ChecklistItemFactory(name="Joins")
    page = editor_client.get(reverse("admin:skills_checklistitem_change", args=[item.pk])).content.decode()
    add = re.search(r'href="([^"]*/itemphrase/add/\?item=[^"]*)"', page).group(1).replace("&amp;", "&")
    form = editor_client.get(add).content.decode()
    assert re.search(rf'<option value="{item.pk}" selected>', form)  # the item is chosen already
    assert read_vacancy(text="You write outer joins.").items == ()
    response = editor_client.post(add, {"item": item.pk, "text": "outer joins", "language": "en"})
    assert response.status_code == 302
    assert f"item__id__exact={item.pk}" in response.url  # back to the item's own phrases
    assert [asked.item for asked in read_vacancy(text="You write outer joins.").items] == [item]


@pytest.mark.parametrize("count", [3, 120])
def test_an_items_page_stays_short_and_links_to_its_phrases_a_page_at_a_time(
    editor_client, django_assert_max_num_queries, count
):
    item, other = ChecklistItemFactory(name="Null checks"), ChecklistItemFactory(name="Joins")
    ItemPhrase.objects.bulk_create(ItemPhrase(item=item, text=f"phrase {n}", language="en") for n in range(count))
    ItemPhrase.objects.create(item=other, text="outer joins", language="en")
    with django_assert_max_num_queries(25):
        page = editor_client.get(reverse("admin:skills_checklistitem_change", args=[item.pk])).content.decode()
    assert 'name="phrases-' not in page and "phrase 0" not in page
    assert f"{count} phrases" in page
    dutch = editor_client.get(reverse("admin:skills_checklistitem_change", args=[item.pk]), HTTP_ACCEPT_LANGUAGE="nl")
    assert f"{count} zinsdelen · " in dutch.content.decode() and "Zinsdeel toevoegen" in dutch.content.decode()
    listing = re.search(r'href="([^"]*/itemphrase/\?item__id__exact=\d+)"', page).group(1)
    phrases = editor_client.get(listing).content.decode()
    assert "outer joins" not in phrases  # only this item's
    assert len(re.findall(r'name="form-\d+-id"', phrases)) == min(count, 50)  # a page at a time
    assert f"{count} vacancy phrase" in phrases


def test_editor_sees_the_phrases_inline_on_the_tool(editor_client):
    tool = ToolFactory()
    html = editor_client.get(reverse("admin:catalog_tool_change", args=[tool.pk])).content.decode()
    assert 'name="phrases-0-text"' in html


def test_editor_may_keep_phrases_in_their_own_lists(editor_client):
    for name in ("admin:skills_itemphrase_changelist", "admin:catalog_toolphrase_changelist"):
        assert editor_client.get(reverse(name)).status_code == 200


def test_item_phrases_import_by_skill_and_item_slug_and_export_the_same_way():
    item = ChecklistItemFactory(slug="joins", skill__slug="sql")
    rows = tablib.Dataset(("sql", "joins", "outer joins", "en"), ("sql", "joins", "joins", "nl"))
    rows.headers = ("skill", "item", "text", "language")
    result = ItemPhraseResource().import_data(rows)
    assert not result.has_errors() and not result.has_validation_errors()
    assert sorted(item.phrases.values_list("text", "language")) == [("joins", "nl"), ("outer joins", "en")]
    exported = ItemPhraseResource().export()
    assert exported.headers == ["skill", "item", "text", "language"]
    assert ("sql", "joins", "outer joins", "en") in [tuple(row) for row in exported]


def test_an_unknown_item_rolls_the_whole_import_back():
    ChecklistItemFactory(slug="joins", skill__slug="sql")
    rows = tablib.Dataset(("sql", "joins", "outer joins", "en"), ("sql", "nope", "anything", "en"))
    rows.headers = ("skill", "item", "text", "language")
    result = ItemPhraseResource().import_data(rows)
    assert result.has_errors() or result.has_validation_errors()
    assert ItemPhrase.objects.count() == 0


def test_tool_phrases_import_by_tool_slug():
    tool = ToolFactory(slug="pyspark")
    rows = tablib.Dataset(("pyspark", "Delta Lake", "en"), ("pyspark", "Spark-jobs", "nl"))
    rows.headers = ("tool", "text", "language")
    result = ToolPhraseResource().import_data(rows)
    assert not result.has_errors() and not result.has_validation_errors()
    assert sorted(tool.phrases.values_list("text", flat=True)) == ["Delta Lake", "Spark-jobs"]


def test_vacancy_requirements_follow_the_one_rule():
    load_catalog_demo()
    load_skills_demo()
    text = "Senior Data Engineer\nRequirements\n- SQL\n\nNice to have\n- Docker\n"
    required, nice = vacancy_requirements(reading=read_vacancy(text=text))
    joins, docker = (ChecklistItem.objects.get(name_en=name).pk for name in ("Joins", "Docker"))
    assert (required.item_id, required.min_level, required.is_must_have, required.weight) == (joins, 3, True, 2)
    assert (nice.item_id, nice.min_level, nice.is_must_have, nice.weight) == (docker, 2, False, 3)
    assert nice.counts * 2 == required.counts == 2 * MUST_HAVE_FACTOR


def test_a_required_item_needs_working_level_below_senior():
    load_catalog_demo()
    load_skills_demo()
    (required,) = vacancy_requirements(reading=read_vacancy(text="Medior Data Engineer\nJe kent SQL."))
    assert (required.min_level, required.is_must_have) == (2, True)


@pytest.mark.parametrize(
    "text", ["Je hebt ervaring met SQL. Kennis van Docker is een pré.", "You write SQL; knowledge of Docker helps."]
)
def test_a_phrase_of_two_words_never_reaches_across_the_end_of_a_sentence(demo, text):
    reading = read_vacancy(text=f"Wat vragen wij\n{text}\n")
    found = [phrase.text for asked in reading.items for phrase in asked.phrases]
    assert "SQL" in found
    assert not any("." in phrase or ";" in phrase for phrase in found)
