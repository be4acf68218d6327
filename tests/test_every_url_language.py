"""Every page of the resolver, for each kind of user, reads in one language: no English of ours in Dutch, no Dutch
in English.

The URLs, the sample objects behind their arguments and the users come from the authorization matrix
(tests/test_authorization_matrix.py). What counts as visible is the text between tags, outside scripts, styles,
form values and the texts users typed; what is looked for is an interface sentence of our catalogue whose other
language differs (three words or more, the literal parts of a text with placeholders), and a content name
(skill, item, role, category, keyword) whose other language differs.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse

from catalog.models import Category, Keyword
from skills.models import ChecklistItem, Role, Skill
from tests.test_authorization_matrix import EXPECTED, OK, ROLES, expected, project_url_names, world  # noqa: F401

pytestmark = pytest.mark.django_db

PO = Path(__file__).resolve().parents[1] / "locale" / "nl" / "LC_MESSAGES" / "django.po"
HIDDEN = {"script", "style", "textarea", "code", "pre"}
NOT_PAGES = re.compile(r"^(api:|admin:)|download|profile-export|set_language|healthz")
MIN_WORDS = 3


class VisibleText(HTMLParser):
    """The text a reader sees: outside scripts, styles and typed texts, and outside anything marked translate=no."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.hidden: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN or ("translate", "no") in attrs:
            self.hidden.append(tag)

    def handle_endtag(self, tag):
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return " ".join(" ".join(parser.parts).split())


def _entries() -> list[tuple[str, str]]:
    """(msgid, msgstr) of our Dutch catalogue, singular forms."""
    pairs = []
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        if block.lstrip().startswith("#~") or "msgid_plural" in block:
            continue
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:
            pairs.append(
                tuple("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', found.group(1))) for found in (msgid, msgstr))
            )
    return [(msgid, msgstr) for msgid, msgstr in pairs if msgid and msgstr]


def _phrases(text: str) -> list[str]:
    """The literal parts of a catalogue text between its placeholders and tags, of MIN_WORDS words or more."""
    parts = re.split(r"%\(\w+\)[sd]|%[sd]|<[^>]+>|\{\{.*?\}\}", text.replace('\\"', '"'))
    return [" ".join(part.split()) for part in parts if len(part.split()) >= MIN_WORDS]


def _foreign_phrases(language: str) -> set[str]:
    """Phrases of the other language that this language says differently."""
    phrases = set()
    for msgid, msgstr in _entries():
        if msgid == msgstr:
            continue
        foreign, own = (msgid, msgstr) if language == "nl" else (msgstr, msgid)
        phrases |= {phrase for phrase in _phrases(foreign) if phrase not in own}
    return phrases


def _foreign_names(language: str) -> set[str]:
    other = "en" if language == "nl" else "nl"
    names = set()
    for model, field in (
        (Skill, "name"),
        (ChecklistItem, "name"),
        (Role, "title"),
        (Category, "name"),
        (Keyword, "name"),
    ):
        for foreign, own in model.objects.values_list(f"{field}_{other}", f"{field}_{language}"):
            if foreign and own and foreign.lower() not in own.lower() and len(foreign) >= 6:
                names.add(foreign)
    return names


def _found(text: str, phrases: set[str]) -> list[str]:
    """The phrases the text holds as whole words. Only a phrase in the text is looked for as words: a pattern per
    phrase, of more phrases than Python keeps compiled, took 0.4 s a page."""
    return sorted(
        phrase for phrase in phrases if phrase in text and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)
    )


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("role", [role for role in ROLES if role != "other_engineer"])
def test_every_page_reads_in_the_readers_language(client, world, role, language):  # noqa: F811
    users, kwargs, _token = world
    if role != "anonymous":
        client.force_login(users[role])
    phrases = _foreign_phrases(language)
    names = _foreign_names(language)
    # Other languages' names of themselves, in the language switcher, are meant to be there.
    own_words = {"English", "Nederlands"}
    wrong = {}
    for name in sorted(project_url_names()):
        if name not in EXPECTED or NOT_PAGES.search(name) or expected(name, role) != OK:
            continue
        response = client.get(reverse(name, kwargs=kwargs.get(name)), HTTP_ACCEPT_LANGUAGE=language)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        text = VisibleText.of(response.content.decode())
        found = [hit for hit in _found(text, phrases) + _found(text, names) if hit not in own_words]
        if found:
            wrong[name] = found
    assert not wrong, "\n".join(f"{name}: {found}" for name, found in wrong.items())
