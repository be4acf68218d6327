"""The Dutch admin speaks Dutch: our field labels and column headers, the import/export buttons, the index's
table headers read out by screen readers, and the history's labels of texts kept in both languages
(portal/admin_words.py)."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from modeltranslation.translator import translator

from tests.clients import DUTCH
from tests.factories import CategoryFactory, ChecklistItemFactory, SkillFactory, ToolFactory

pytestmark = pytest.mark.django_db


def visible(response) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_the_tool_and_item_pages_label_their_fields_and_columns_in_dutch(editor_client):
    tool = ToolFactory(category=CategoryFactory(name="Libraries"))
    item = ChecklistItemFactory(skill=SkillFactory(name="SQL"))
    tool_form = visible(editor_client.get(reverse("admin:catalog_tool_add"), **DUTCH))
    assert "Categorie:" in tool_form and "Category:" not in tool_form
    tools = visible(editor_client.get(reverse("admin:catalog_tool_changelist"), **DUTCH))
    assert "Categorie" in tools and "Bijgewerkt op" in tools and "Exporteren" in tools and "Importeren" in tools
    assert not re.search(r"\b(Category|Updated at|Export)\b", tools)
    item_form = visible(editor_client.get(reverse("admin:skills_checklistitem_change", args=[item.pk]), **DUTCH))
    assert "Vaardigheid:" in item_form and "Skill:" not in item_form
    items = visible(editor_client.get(reverse("admin:skills_checklistitem_changelist"), **DUTCH))
    assert "Vaardigheid" in items and not re.search(r"\bSkill\b", items)
    assert tool.name and item.name  # the rows are listed, so the columns show


def test_the_admin_index_table_headers_are_dutch(editor_client):
    index = editor_client.get(reverse("admin:index"), **DUTCH).content.decode()
    assert '<th scope="col">Modelnaam</th>' in index
    assert "Model name" not in index and "Add link" not in index and "Change or view list link" not in index


def test_the_history_names_a_changed_dutch_text_in_dutch(editor_client):
    category = CategoryFactory(name_en="Libraries", name_nl="Bibliotheken")
    data = {
        "name_en": "Libraries",
        "name_nl": "Bibliotheken",
        "slug": category.slug,
        "kind": category.kind,
        "description_en": "",
        "description_nl": "Kleine bouwstenen.",
        "order": 0,
    }
    assert editor_client.post(reverse("admin:catalog_category_change", args=[category.pk]), data).status_code == 302
    history = visible(editor_client.get(reverse("admin:catalog_category_history", args=[category.pk]), **DUTCH))
    assert "Beschrijving [nl] gewijzigd." in history and "Description" not in history


def test_every_bilingual_field_has_its_history_label_in_dutch():
    """A new bilingual text needs its "<Label> [en]" and "<Label> [nl]" in portal/admin_words.py."""
    missing = []
    for model in translator.get_registered_models(abstract=False):
        for name in translator.get_options_for_model(model).fields:
            with translation.override(None):
                english = capfirst(str(model._meta.get_field(name).verbose_name))
            for language in ("en", "nl"):
                label = f"{english} [{language}]"
                with translation.override("nl"):
                    if translation.gettext(label) == label:
                        missing.append(label)
    assert missing == []


def test_the_admin_offers_the_other_language_and_switches_to_it_on_the_same_page(editor_client):
    """A tester whose saved language was Dutch found no way to switch in the admin but a public page's footer."""
    tools = reverse("admin:catalog_tool_changelist")
    page = editor_client.get(tools, **DUTCH).content.decode()
    switch = re.search(r'<form id="admin-language-form".*?</form>', page, re.S).group(0)
    assert '<button type="submit" name="language" value="en" lang="en">English</button>' in switch
    assert f'name="next" value="{tools}"' in switch and "csrfmiddlewaretoken" in switch
    response = editor_client.post(reverse("set_language"), {"language": "en", "next": tools}, **DUTCH)
    assert response.status_code == 302 and response.url == tools
    english = visible(editor_client.get(tools, **DUTCH))  # the choice wins over the browser's languages
    assert "Select tool to change" in english and "Nederlands" in english
