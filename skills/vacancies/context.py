"""Which generic phrases count: a phrase editors mark "needs context" ("debugging", "elke nacht", "tries again")
names its item only beside its skill's other words or tools, or beside a second generic phrase of the same item; and
an item's pair ("crash + restart") names it only when both its parts stand in one sentence, near each other, and is
then found as both. A generic phrase said of a product the business ships ("the new version of the dashboard", "de
release van de ledenapp") names nothing and seconds nothing.

Its own module because it weighs the phrases found against each other per sentence, after the longest have won and
before the layout places them.
"""

import bisect

from skills.vacancies.headings import LIST_ENTRY
from skills.vacancies.hits import PhraseHit
from skills.vacancies.layout import Layout
from skills.vacancies.phrasebook import ITEM, PART, TOOL, Found, Phrasebook, in_text_order
from skills.vacancies.text import Token, word_set

OF = word_set("of van")
OBJECT_FILLERS = word_set(
    "the our their its a an your de het een onze ons hun je jouw first next new eerste volgende nieuwe"
)
PRODUCTS = ("app", "apps", "dashboard", "dashboards", "website", "portal", "portaal", "laptop", "rapportage")  # and
# compounds that end so ("ledenapp", "aansluitportaal"): what a release of these ships is no data service or job
PRODUCT_REACH = 2  # "the release of our new merchant app"
PAIR_REACH = 12  # the words a pair's parts may stand apart: "Jobs that crash … get restarted automatically"


class PairParts:
    """The earlier parts of the pairs found on their later part (:func:`paired`): the later part's place decides how
    the item is asked, and both parts are what the reading found it as, marked alike."""

    def __init__(self, earlier: dict[Found, set[tuple[int, int]]], tokens: list[Token], text: str) -> None:
        self.earlier = earlier  # an item found on a pair's later part → the tokens (first, last) of its earlier parts
        self.tokens = tokens
        self.text = text
        self.phrases: dict[tuple[tuple[str, int], PhraseHit], list[PhraseHit]] = {}  # (an item, a later part's
        # phrase) → its earlier parts' phrases, once noted
        self.paired_items: set[tuple[str, int]] = set()  # the items (kind, id) among those: the rest need not hash
        # each of their phrases to find none

    def spans(self, hits: list[Found]) -> list[tuple[int, int]]:
        """The tokens (first, last) of ``hits`` and of the earlier parts of the pairs among them."""
        if not self.earlier:
            return [(hit.first, hit.last) for hit in hits]
        return [*((hit.first, hit.last) for hit in hits), *(part for hit in hits for part in self.earlier.get(hit, ()))]

    def covered(self, hits: list[Found]) -> set[int]:
        """The words of ``hits`` and of their earlier parts, once though many overlap."""
        tokens = self.tokens
        return {word for first, last in self.spans(hits) for word in range(tokens[first].word, tokens[last].word + 1)}

    def note(self, hit: Found, phrase: PhraseHit) -> None:
        """Remember the earlier parts of ``hit`` found at ``phrase``, to be asked as it is."""
        for first, last in self.earlier.get(hit, ()):
            self.paired_items.add((hit.kind, hit.target_id))
            start, end = self.tokens[first].start, self.tokens[last].end
            self.phrases.setdefault(((hit.kind, hit.target_id), phrase), []).append(
                PhraseHit(self.text[start:end], start, end)
            )

    def pairs(self, key: tuple[str, int], phrases: list[PhraseHit]) -> tuple[tuple[PhraseHit, PhraseHit], ...]:
        """The pairs among the ``phrases`` an item (kind, id) was found as: (earlier part, later part)."""
        if key not in self.paired_items:
            return ()
        return tuple((earlier, later) for later in phrases for earlier in self.phrases.get((key, later), ()))

    def with_earlier(self, key: tuple[str, int], phrases: list[PhraseHit]) -> tuple[PhraseHit, ...]:
        """An item's ``phrases`` and the earlier parts of the pairs among them, each once, in the order of the text."""
        pairs = self.pairs(key, phrases)
        if not pairs:
            return tuple(phrases)
        return tuple(sorted({*phrases, *(earlier for earlier, _later in pairs)}, key=lambda hit: (hit.start, hit.end)))


def paired(found: list[Found], book: Phrasebook, tokens: list[Token], layout: Layout) -> tuple[list[Found], PairParts]:
    """``found`` with each pair's parts replaced by its item where both parts stand in one sentence, on other words,
    at most PAIR_REACH words apart, in either order ("If an import fails, it tries again by itself", "Mislukt een
    run, dan start hij zichzelf opnieuw"): found on its later part; and the earlier parts it was paired with."""
    parts: dict[int, list[Found]] = {}  # a pair → its parts found
    kept: list[Found] = []
    named: dict[Found, set[tuple[int, int]]] = {}
    for hit in found:
        if hit.kind == PART:
            parts.setdefault(hit.target_id // 2, []).append(hit)
        else:
            kept.append(hit)
    for pair, hits in parts.items():
        sides: tuple[list[Found], list[Found]] = ([], [])
        for hit in hits:
            sides[hit.target_id % 2].append(hit)
        if not (sides[0] and sides[1]):
            continue  # one part alone, however often ("data" beside no "toetsen")
        item_id, needs_context = book.pairs[pair]
        ends = [sorted((tokens[hit.last].word, hit.last, hit.first) for hit in side) for side in sides]
        for later in hits:  # the other part's nearest hit before it decides, so a long list of one part stays linear
            at = tokens[later.first].word
            others = ends[1 - later.target_id % 2]
            nearest = bisect.bisect_left(others, (at, later.first)) - 1
            if nearest < 0:
                continue
            earlier_word, earlier_last, earlier_first = others[nearest]
            if (
                earlier_last < later.first
                and at - earlier_word <= PAIR_REACH
                and layout.sentences[earlier_word] == layout.sentences[at]
            ):
                item = Found(ITEM, item_id, later.first, later.last, needs_context)
                named.setdefault(item, set()).add((earlier_first, earlier_last))
    parts = PairParts(named, tokens, layout.text)
    if not named:
        return kept, parts  # in the phrasebook's order still
    return in_text_order(list({*kept, *named})), parts


Generic = dict[tuple[tuple[str, str], ...], tuple[list[Found], list[Found]]]  # the generic phrases of an item in a
# sentence by the stems they were found on: all of them, and those found on more than one word


def in_context(
    mentions: list[Found], tools: list[Found], book: Phrasebook, tokens: list[Token], layout: Layout
) -> tuple[list[Found], list[Found]]:
    """The mentions that count, and the generic phrases that do not: a phrase that needs context ("debugging")
    counts only when its sentence or bullet also names its item's skill with another phrase, or one of its tools, or
    names its item with a second generic phrase elsewhere in it, on other words, one of them of more than one word
    ("clusters" does not second "cluster", nor "tuning" "debugging"): "tries again … never hangs" is about retries,
    and "cumulative revenue … the most recent order" about window functions, where either alone may be about
    anything. A bullet also has the skills named on the line that leads its list
    ("Our Spark jobs process terabytes; you make them faster." above "- You choose a partitioning strategy")."""
    if not any(hit.needs_context for hit in mentions):
        return mentions, []
    lists = _ListLeads(layout.text)
    context: dict[int, set[tuple[str, int]]] = {}  # a sentence → the skills and tools named in it
    line_context: dict[int, set[tuple[str, int]]] = {}  # a line's start → the skills named on it
    generic: dict[tuple[int, int], Generic] = {}  # (a sentence, an item) → its generic phrases there
    of_products = {hit for hit in mentions if hit.needs_context and _of_a_product(hit, tokens, layout)}
    for hit in (*mentions, *tools):
        sentence = layout.sentences[tokens[hit.first].word]
        if hit in of_products:
            continue  # seconds nothing either: "… side by side with the release of our booking app"
        if hit.needs_context:
            found_as, of_words = generic.setdefault((sentence, hit.target_id), {}).setdefault(
                _stems(hit, tokens), ([], [])
            )
            found_as.append(hit)
            if _of_words(hit, tokens):
                of_words.append(hit)
            continue
        target = ("skill", book.items[hit.target_id].skill_id) if hit.kind == ITEM else (TOOL, hit.target_id)
        context.setdefault(sentence, set()).add(target)
        if hit.kind == ITEM:  # a skill named on a lead line counts below it, not a tool that several skills share
            line_context.setdefault(lists.line_of(tokens[hit.first].start), set()).add(target)
    kept, guessed = [], []
    for hit in mentions:
        if hit.needs_context:
            skill_id = book.items[hit.target_id].skill_id
            sentence = layout.sentences[tokens[hit.first].word]
            named = context.get(sentence, set())
            lead = lists.lead(tokens[hit.first].start)
            if lead is not None:
                named = named | line_context.get(lead, set())
            wanted = {("skill", skill_id), *((TOOL, tool_id) for tool_id in book.skill_tools.get(skill_id, ()))}
            if hit in of_products or (
                named.isdisjoint(wanted) and not _seconded(hit, generic[sentence, hit.target_id], tokens)
            ):
                guessed.append(hit)
                continue
        kept.append(hit)
    return kept, guessed


def _of_a_product(hit: Found, tokens: list[Token], layout: Layout) -> bool:
    """Whether a generic phrase is said of a product the business offers, not of an engineer's work: "the first new
    version of the dashboard", "the release of our new merchant app", "een nieuwe versie van de ledenapp"."""
    at = tokens[hit.last].word + 1
    words, sentences = layout.words, layout.sentences
    if at >= len(words) or words[at] not in OF:
        return False
    sentence, at = sentences[at], at + 1
    while at < len(words) and words[at] in OBJECT_FILLERS:
        at += 1
    return any(
        words[head].endswith(PRODUCTS) and sentences[head] == sentence
        for head in range(at, min(at + PRODUCT_REACH, len(words)))
    )


def _seconded(hit: Found, generic: Generic, tokens: list[Token]) -> bool:
    """Whether a second generic phrase of the item in its sentence seconds ``hit``: on other words, of other stems
    ("clusters" does not second "cluster"), one of the two of more than one word (nor "tuning" "debugging"). Looked
    for among the phrases of each other stems, where weighing every phrase against every other read a sentence of
    one phrase a thousand times a million times."""
    own, of_more_words = _stems(hit, tokens), _of_words(hit, tokens)
    return any(
        any(other.last < hit.first or hit.last < other.first for other in (found_as if of_more_words else of_words))
        for stems, (found_as, of_words) in generic.items()
        if stems != own
    )


class _ListLeads:
    """The line that leads the list of a bullet: the line of prose right above its bullets (empty lines between
    allowed), which says what the list is about. Read back from a bullet only when asked, each line once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.leads: dict[int, int | None] = {}  # a bullet line's start → its lead line's start

    def line_of(self, offset: int) -> int:
        """The start of the line that holds ``offset``."""
        return self.text.rfind("\n", 0, offset) + 1

    def lead(self, offset: int) -> int | None:
        """The start of the line that leads the list whose bullet holds ``offset``; None off a list."""
        line = self.line_of(offset)
        if not LIST_ENTRY.match(self._line(line)):
            return None
        passed = []  # the bullets and empty lines read on the way up, which share the lead found
        lead = None
        while line > 0 and line not in self.leads:
            passed.append(line)
            line = self.line_of(line - 1)
            words = self._line(line)
            if words.strip() and not LIST_ENTRY.match(words):
                lead = line
                break
        else:
            lead = self.leads.get(line)
        self.leads.update(dict.fromkeys(passed, lead))
        return lead

    def _line(self, start: int) -> str:
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)]


def _of_words(hit: Found, tokens: list[Token]) -> bool:
    """Whether a phrase was found on more than one word, not on the pieces of one ("debug|ging")."""
    return any(tokens[piece].end < tokens[piece + 1].start for piece in range(hit.first, hit.last))


def _stems(hit: Found, tokens: list[Token]) -> tuple[tuple[str, str], ...]:
    """The stems of the words a phrase was found on, in either language: the same words in another form ("cluster",
    "clusters") have the same."""
    return tuple((piece.stem_en, piece.stem_nl) for piece in tokens[hit.first : hit.last + 1])
