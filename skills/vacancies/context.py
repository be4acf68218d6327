"""Which generic phrases count: a phrase editors mark "needs context" ("debugging", "elke nacht", "tries again")
names its item only beside its skill's other words or tools, or beside a second generic phrase of the same item.

Its own module because it weighs the phrases found against each other per sentence, after the longest have won and
before the layout places them.
"""

import bisect
from dataclasses import dataclass, field

from skills.vacancies.headings import LIST_ENTRY
from skills.vacancies.layout import Layout
from skills.vacancies.phrasebook import ITEM, TOOL, Found, Phrasebook
from skills.vacancies.text import Token


def in_context(
    mentions: list[Found], tools: list[Found], book: Phrasebook, tokens: list[Token], layout: Layout
) -> tuple[list[Found], list[Found]]:
    """The mentions that count, and the generic phrases that do not: a phrase that needs context ("debugging")
    counts only when its sentence or bullet also names its item's skill with another phrase, or one of its tools, or
    names its item with a second generic phrase elsewhere in it, on other words, both of more than one word
    ("clusters" does not second "cluster", nor "tuning" "debugging"): "tries again … never hangs" is about retries,
    where either alone may be about anything. A bullet also has the skills named on the line that leads its list
    ("Our Spark jobs process terabytes; you make them faster." above "- You choose a partitioning strategy")."""
    if not any(hit.needs_context for hit in mentions):
        return mentions, []
    lists = _lists(layout.text)
    lead_lines = set(lists.lead_of.values())
    context: dict[int, set[tuple[str, int]]] = {}  # a sentence → the skills and tools named in it
    line_context: dict[int, set[tuple[str, int]]] = {}  # a lead line's start → the skills and tools named on it
    generic: dict[tuple[int, int], list[Found]] = {}  # (a sentence, an item) → its generic phrases there
    for hit in (*mentions, *tools):
        sentence = layout.sentences[layout.word_at(tokens[hit.first].start)]
        if hit.needs_context:
            if hit.last > hit.first:  # a single generic word ("debugging", "tuning") seconds nothing
                generic.setdefault((sentence, hit.target_id), []).append(hit)
            continue
        target = ("skill", book.items[hit.target_id].skill_id) if hit.kind == ITEM else (TOOL, hit.target_id)
        context.setdefault(sentence, set()).add(target)
        line = lists.line_of(tokens[hit.first].start)
        if hit.kind == ITEM and line in lead_lines:  # a skill named, not a tool that several skills share
            line_context.setdefault(line, set()).add(target)
    kept, guessed = [], []
    for hit in mentions:
        if hit.needs_context:
            skill_id = book.items[hit.target_id].skill_id
            sentence = layout.sentences[layout.word_at(tokens[hit.first].start)]
            named = context.get(sentence, set())
            lead = lists.lead(tokens[hit.first].start)
            if lead is not None:
                named = named | line_context.get(lead, set())
            wanted = {("skill", skill_id), *((TOOL, tool_id) for tool_id in book.skill_tools.get(skill_id, ()))}
            own = _stems(hit, tokens)
            seconded = hit.last > hit.first and any(
                (other.last < hit.first or hit.last < other.first) and _stems(other, tokens) != own
                for other in generic.get((sentence, hit.target_id), ())
            )
            if named.isdisjoint(wanted) and not seconded:
                guessed.append(hit)
                continue
        kept.append(hit)
    return kept, guessed


@dataclass
class _Lists:
    """Where the lines start, and each bullet line's start → the start of the prose line right above its list."""

    starts: list[int] = field(default_factory=list)
    lead_of: dict[int, int] = field(default_factory=dict)

    def line_of(self, offset: int) -> int:
        """The start of the line that holds ``offset``."""
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]

    def lead(self, offset: int) -> int | None:
        """The start of the line that leads the list whose bullet holds ``offset``, if any."""
        return self.lead_of.get(self.line_of(offset))


def _lists(text: str) -> _Lists:
    """The lines of ``text`` and the lead of each list: the line of prose right above its bullets (empty lines
    between allowed), which says what the list is about."""
    lists = _Lists()
    lead = None  # the start of the last line of prose, while the lines after it are bullets or empty
    position = 0
    for line in text.splitlines(keepends=True):
        lists.starts.append(position)
        if LIST_ENTRY.match(line):
            if lead is not None:
                lists.lead_of[position] = lead
        elif line.strip():
            lead = position
        position += len(line)
    return lists


def _stems(hit: Found, tokens: list[Token]) -> tuple[tuple[str, str], ...]:
    """The stems of the words a phrase was found on, in either language: the same words in another form ("cluster",
    "clusters") have the same."""
    return tuple((piece.stem_en, piece.stem_nl) for piece in tokens[hit.first : hit.last + 1])
