"""The admin's export pages name each column as the admin names its field, in the editor's language, with the language
of a text kept in two ("One-line summary (English)"), not the library's title-cased column code ("Summary En")."""

import re
from html import unescape

import pytest

from tests.clients import DUTCH, ENGLISH

pytestmark = pytest.mark.django_db

TOOLS = "/admin/catalog/tool/export/"
TOOL_PHRASES = "/admin/catalog/toolphrase/export/"
ITEM_PHRASES = "/admin/skills/itemphrase/export/"
# The checkbox of each column, then its label (templates/admin/import_export/export.html).
COLUMN_LABEL = re.compile(r'<input type="checkbox" name="[a-z]+resource_(\w+)"[^>]*>\s*<label[^>]*>(.*?)</label>', re.S)


def column_labels(client, url: str, headers: dict) -> dict[str, str]:
    """Each column the export page offers (by its code, ``summary_en``) with the label the editor reads."""
    response = client.get(url, **headers)
    assert response.status_code == 200
    return {code: " ".join(unescape(label).split()) for code, label in COLUMN_LABEL.findall(response.content.decode())}


def test_a_tools_texts_are_named_by_field_and_language_in_english_and_dutch(editor_client):
    english, dutch = column_labels(editor_client, TOOLS, ENGLISH), column_labels(editor_client, TOOLS, DUTCH)
    assert (english["summary_en"], english["summary_nl"]) == ("One-line summary (English)", "One-line summary (Dutch)")
    assert (dutch["summary_en"], dutch["summary_nl"]) == (
        "Samenvatting in één regel (Engels)",
        "Samenvatting in één regel (Nederlands)",
    )
    assert (english["pitfalls_nl"], dutch["pitfalls_nl"]) == ("Pitfalls (Dutch)", "Valkuilen (Nederlands)")


def test_every_column_of_a_tool_reads_as_its_field_does_on_the_tools_page(editor_client):
    english, dutch = column_labels(editor_client, TOOLS, ENGLISH), column_labels(editor_client, TOOLS, DUTCH)
    assert list(english) == list(dutch)
    assert english["is_optional"] == "Optional in most stacks"
    assert english["related_tools"] == "Related tools"
    assert (dutch["category"], dutch["published"], dutch["website_url"]) == ("Categorie", "Gepubliceerd", "Website")
    same_words = {"slug": "Slug", "tool_type": "Type", "website_url": "Website"}
    assert {code: label for code, label in dutch.items() if english[code] == label} == same_words


@pytest.mark.parametrize(
    ("url", "english", "dutch"),
    [
        (TOOL_PHRASES, ["Tool", "Phrase", "Language"], ["Tool", "Zinsdeel", "Taal"]),
        (ITEM_PHRASES, ["Skill", "Checklist item", "Phrase", "Language"], ["Vaardigheid", "Checklistpunt", "Zinsdeel", "Taal"]),
    ],
)  # fmt: skip
def test_the_phrase_exports_name_their_columns_in_the_editors_language(editor_client, url, english, dutch):
    assert list(column_labels(editor_client, url, ENGLISH).values()) == english
    assert list(column_labels(editor_client, url, DUTCH).values()) == dutch
