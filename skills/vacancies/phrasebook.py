"""Every phrase editors keep, compiled once into an Aho–Corasick automaton, kept per process while it is current.

A phrase becomes the stems of its pieces (skills.vacancies.text), once with the English and once with the Dutch
stemmer, written between spaces (" window function "); the vacancy is written the same way twice, so the
automaton finds a phrase only on whole pieces. What it finds points at checklist items and public tools.

A phrase is stemmed in its own language only, and matches the vacancy's stems in that language only: the Dutch
stemmer reads English names as Dutch words ("Dagster" → "dag", the Dutch for day), and an English phrase's stem
may be a Dutch stem of another word ("OOP" and the Dutch stem of "open"). A tool's name counts with its English
stem and as it is written, in either line.

An item's phrase of two words is found with a third word between them too, a modifier of its noun ("empty battery
readings", "automatisch wordt getest"), but not a word of grammar that joins, negates or stands for a thing ("small
or large functions", "retries them automatically").

Items count their own phrases; tools count their name and their own phrases. A tool's vacancy keywords do not:
many of them name a topic, not the tool ("SQL" for dbt, "performance" for NumPy), and would make every vacancy
that says "SQL" ask for dbt.

The compiled phrasebook is public content, so each process keeps one copy, under the fragment cache's version
tokens of the catalog (tools, their phrases) and of ``VACANCY_PHRASES_KIND`` (skills, items, their phrases, the
section and negation cues): an editor's change replaces a token and the next reading builds it afresh, in six
queries.
"""

import gc
import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from itertools import compress, count
from operator import attrgetter
from typing import NamedTuple

import ahocorasick
from django.db.models import Prefetch

from catalog.models import Tool, ToolPhrase
from catalog.services import CATALOG_KIND
from portal.cache.fragments import versions
from skills.models import ChecklistItem, ItemPhrase, Skill, VacancyCue
from skills.models.phrases import PAIR
from skills.vacancies.cues import Cues
from skills.vacancies.terms import TechTerms
from skills.vacancies.text import Splitter, Token, word_set, words

GRAMMAR_WORDS = word_set(
    """
    and or nor but not no the a an of to in on at by for from with as than is are be was were it its this that
    en of noch maar niet geen de het een van te in op aan bij voor uit met als dan is zijn was waren dit dat die
    i you he she we they me him her us them my your his our their je jij u hij zij ze wij we hem haar ons hen hun
    mijn jouw onze can could will would shall should may might must do does did has have had been being
    kan kun kunt kunnen moet moeten mag mogen zal zullen zou zouden wordt worden werd heeft hebt heb hebben
    """
)  # never the word between the two of a phrase: they join, negate, stand for a thing or carry a verb, where a
# modifier describes the phrase's noun
DUTCH_PASSIVE = word_set("wordt worden werd werden")  # but a Dutch clause puts its auxiliary between an adverb and
# the participle of a phrase: "zodat elke wijziging automatisch wordt getest"
BETWEEN_EXCLUDED = {"en": GRAMMAR_WORDS, "nl": GRAMMAR_WORDS - DUTCH_PASSIVE}
VACANCY_PHRASES_KIND = "vacancy-phrases"  # touched by every write to skills, items and their phrases
ITEM, TOOL = "item", "tool"
PART = "part"  # a part of an item's pair ("crash + restart"), found alone; its target is pair * 2 + part

BREAK = re.compile(r"\n|[.!?;](?=\s)")  # between two words of a phrase: a line or a sentence ends there


class Found(NamedTuple):
    """A phrase found on tokens ``first``…``last`` (inclusive), pointing at an item or a tool. A named tuple: the
    reader makes and hashes hundreds per vacancy, and a tuple does both in C."""

    kind: str
    target_id: int
    first: int
    last: int
    needs_context: bool = False  # an item's generic phrase: counts only beside its skill's other words or tools


new_found = partial(tuple.__new__, Found)  # a Found from all its fields, without the named tuple's Python constructor


NAME = "name"  # the language of a tool's name: English stems, and the name as it is written


@dataclass(frozen=True, slots=True)
class Phrase:
    kind: str
    target_id: int
    text: str
    language: str  # "en", "nl" or NAME
    needs_context: bool = False


def key_of(stems: list[str] | tuple[str, ...]) -> str:
    return " " + " ".join(stems) + " "


class Phrasebook:
    """The automaton over all phrases, and the items and tools they point at."""

    def __init__(
        self,
        *,
        items: list[ChecklistItem],
        tools: list[Tool],
        phrases: list[Phrase],
        cues: Cues | None = None,
        terms: TechTerms | None = None,
    ) -> None:
        self.cues = cues or Cues([])
        self.terms = terms or TechTerms([])
        self.items = {item.pk: item for item in items}
        first_items: dict[int, int] = {}  # a skill → its first item, the one its name stands for ("SQL": joins)
        for item in sorted(items, key=lambda item: (item.order, item.name)):
            first_items.setdefault(item.skill_id, item.pk)
        self.first_item_ids = frozenset(first_items.values())
        self.tools = {tool.pk: tool for tool in tools}
        self.skill_tools: dict[int, frozenset[int]] = {}  # a skill → its tools, the context of its generic phrases
        self.splitter = Splitter(word for phrase in phrases for word, _start, _end in words(phrase.text))
        targets: dict[str, set[tuple[str, int, int, bool, str]]] = defaultdict(set)
        self.modified: dict[str, dict[tuple[str, str], set[tuple[int, bool]]]] = {"en": {}, "nl": {}}  # per line,
        # an item's phrase of two words → the item: found with one word between them as well ("empty battery readings")
        self.pairs: list[tuple[int, bool]] = []  # an item's pair → the item and whether it needs context
        for phrase in phrases:
            parts = [self.splitter.tokens(part) for part in phrase.text.split(PAIR)] if PAIR in phrase.text else []
            if phrase.kind == ITEM and len(parts) == 2 and all(parts):
                for number, part_tokens in enumerate(parts):
                    part = Phrase(PART, len(self.pairs) * 2 + number, "", phrase.language, phrase.needs_context)
                    self._add(targets, part, part_tokens)
                self.pairs.append((phrase.target_id, phrase.needs_context))
                continue
            tokens = self.splitter.tokens(phrase.text)
            if not tokens:
                continue
            keys = self._add(targets, phrase, tokens)
            if phrase.kind == ITEM and len(tokens) == 2 and phrase.language != NAME:
                for (first, second), line in keys:
                    self.modified[line].setdefault((first, second), set()).add((phrase.target_id, phrase.needs_context))
        self.modified_firsts = {
            line: frozenset(first for first, _second in keys) for line, keys in self.modified.items()
        }
        self.automaton = ahocorasick.Automaton()
        for key, found in targets.items():  # per line of the vacancy, what the key finds there: (kind, target, the
            # tokens after its first, needs context), sorted out once here rather than for every match of every reading
            lines = {line: [] for line in ("en", "nl")}
            for kind, target_id, length, needs_context, matches in sorted(found):
                for line in (matches,) if matches != NAME else lines:
                    lines[line].append((kind, target_id, length - 1, needs_context))
            self.automaton.add_word(key, (len(key), (tuple(lines["en"]), tuple(lines["nl"]))))
        self.phrase_count = len(phrases)
        if targets:
            self.automaton.make_automaton()

    @staticmethod
    def _add(
        targets: dict[str, set[tuple[str, int, int, bool, str]]], phrase: Phrase, tokens: list[Token]
    ) -> list[tuple[list[str], str]]:
        """Puts ``phrase`` among the automaton's ``targets``; returns its keys: (stems, the vacancy's line they match:
        its English or Dutch stems, or either)."""
        keys = {
            "en": [([token.stem_en for token in tokens], "en")],
            "nl": [([token.stem_nl for token in tokens], "nl")],
            NAME: [([token.stem_en for token in tokens], NAME), ([token.folded for token in tokens], NAME)],
        }[phrase.language]
        for stems, line in keys:
            targets[key_of(stems)].add((phrase.kind, phrase.target_id, len(tokens), phrase.needs_context, line))
        return keys

    def find(self, tokens: list[Token], text: str) -> list[Found]:
        """Every phrase on ``tokens`` of ``text``, once per target and place, in either language's stems, each within
        one sentence of one line ("SQL-kennis", not "SQL. Kennis van Docker")."""
        if not tokens or not self.phrase_count:
            return []
        found: set[Found] = set()
        for number, (language, stems) in enumerate(
            (("en", [token.stem_en for token in tokens]), ("nl", [token.stem_nl for token in tokens]))
        ):
            line = key_of(stems)
            # A key's first stem is the one after as many spaces as stand before the key: counted on from the key
            # before (the automaton finds them in order of their ends), not summed up for every stem of the line.
            spaces = counted = 0  # the spaces in ``line`` before character ``counted``
            for end, (key_length, targets) in self.automaton.iter(line):
                start = end - key_length + 1  # the space before the key's first stem
                spaces += line.count(" ", counted, start) if start >= counted else -line.count(" ", start, counted)
                counted = start
                for kind, target_id, after, needs_context in targets[number]:
                    found.add(new_found((kind, target_id, spaces, spaces + after, needs_context)))
            found.update(self._modified(tokens, stems, language))
        return in_text_order(
            [
                hit
                for hit in found
                if hit.first == hit.last or not BREAK.search(text, tokens[hit.first].end, tokens[hit.last].start)
            ]
        )

    def _modified(self, tokens: list[Token], stems: list[str], language: str) -> list[Found]:
        """An item's phrase of two words with one more word between them, a modifier of the phrase's noun ("empty
        battery readings", "ontbrekende numerieke waarden", "failed nightly loads"): each word a whole one after a
        single space or hyphen, the one between no word of grammar ("empty or readings", "tables not together") but
        a Dutch passive's auxiliary ("automatisch wordt getest")."""
        found = []
        modified, excluded = self.modified[language], BETWEEN_EXCLUDED[language]
        firsts = self.modified_firsts[language]  # the stems that open one: most of the line's do not
        for index in compress(count(), map(firsts.__contains__, stems[:-2])):
            if (stems[index], stems[index + 2]) not in modified:
                continue
            before, middle, after = tokens[index : index + 3]
            if middle.start - before.end != 1 or after.start - middle.end != 1 or middle.folded in excluded:
                continue
            found += [
                Found(ITEM, target_id, index, index + 2, needs)
                for target_id, needs in modified[stems[index], stems[index + 2]]
            ]
        return found

    def recognises(self, term: str) -> bool:
        """Whether a reading would know ``term`` where it stands, by the rule the reader names unknown terms with
        (skills.vacancies.unknown): every word of it lies in a phrase it finds, other than a generic phrase (which
        counts only in context) or one part of an item's pair (which counts only with the other)."""
        tokens = self.splitter.tokens(term)
        if not tokens:
            return False
        known = {
            word
            for hit in self.find(tokens, term)
            if hit.kind != PART and not hit.needs_context
            for word in range(tokens[hit.first].word, tokens[hit.last].word + 1)
        }
        return len(known) == tokens[-1].word + 1


def in_text_order(hits: list[Found]) -> list[Found]:
    """``hits`` sorted by their first token, the longest first, then by kind and target: three stable sorts on the
    fields, in C, where a key made in Python for each of thousands of hits cost more than finding them."""
    hits.sort(key=attrgetter("kind", "target_id"))
    hits.sort(key=attrgetter("last"), reverse=True)  # a reversed sort keeps equal hits in their order too
    hits.sort(key=attrgetter("first"))
    return hits


def build_phrasebook() -> Phrasebook:
    """The phrasebook of the current content and the editors' cues, in six queries."""
    items = list(
        ChecklistItem.objects.published()
        .select_related("skill")
        .prefetch_related(
            Prefetch("phrases", queryset=ItemPhrase.objects.only("id", "item_id", "text", "language", "needs_context"))
        )
    )
    tools = list(
        Tool.objects.public().prefetch_related(
            Prefetch("phrases", queryset=ToolPhrase.objects.only("id", "tool_id", "text", "language"))
        )
    )
    phrases = [
        Phrase(ITEM, item.pk, phrase.text, phrase.language, phrase.needs_context)
        for item in items
        for phrase in item.phrases.all()
    ]
    phrases += [Phrase(TOOL, tool.pk, tool.name, NAME) for tool in tools]
    phrases += [Phrase(TOOL, tool.pk, phrase.text, phrase.language) for tool in tools for phrase in tool.phrases.all()]
    rows = list(VacancyCue.objects.values_list("kind", "text"))
    cues = Cues([(kind, text) for kind, text in rows if kind != VacancyCue.Kind.TERM])
    terms = TechTerms(text for kind, text in rows if kind == VacancyCue.Kind.TERM)
    book = Phrasebook(items=items, tools=tools, phrases=phrases, cues=cues, terms=terms)
    skill_tools = defaultdict(set)
    for skill_id, tool_id in Skill.tools.through.objects.values_list("skill_id", "tool_id"):
        skill_tools[skill_id].add(tool_id)
    book.skill_tools = {skill_id: frozenset(tool_ids) for skill_id, tool_ids in skill_tools.items()}
    return book


_lock = threading.Lock()
_current: tuple[str, Phrasebook] | None = None


def phrasebook_version() -> str:
    """The version of what the phrasebook is built from: replaced by any editor's change to it."""
    return versions(CATALOG_KIND, VACANCY_PHRASES_KIND)


def current_phrasebook() -> Phrasebook:
    """This process's phrasebook, rebuilt when an editor changed skills, items, tools or phrases since."""
    global _current
    token = phrasebook_version()
    kept = _current
    if kept is not None and kept[0] == token:
        return kept[1]
    with _lock:
        if _current is not None and _current[0] == token:
            return _current[1]
        gc.unfreeze()  # what was frozen with the phrasebook it replaces may be collected again
        book = build_phrasebook()
        _current = (token, book)
        # The phrasebook lives until the next editor's change: frozen, the full collections that readings trigger
        # need not walk its many objects each time (on hostile texts p95 fell from 130–180 ms of CPU to 40–60).
        gc.freeze()
        return book
