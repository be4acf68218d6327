"""Read a vacancy: which checklist items and tools it asks for, where it says so, how senior, in which language.

How a text is read, step by step (each step documented in its module):

1. It is read with one form of each line break, space and accented letter (:func:`skills.vacancies.text.as_read`;
   every phrase found is placed back in the text sent). Its words are folded, split where Dutch glues them together
   and stemmed in English and Dutch (:mod:`skills.vacancies.text`), then the phrasebook's automaton finds every
   phrase on whole pieces (:mod:`skills.vacancies.phrasebook`).
2. Where phrases overlap, the longest wins, separately for items and for tools (:mod:`skills.vacancies.overlaps`):
   "window functions" is one mention of window functions, not also one of functions; "Airflow" may name the Airflow
   DAGs item and the tool Airflow at once. An item's phrase inside a longer phrase of a tool does not count ("Cloud"
   in "dbt Cloud"); a skill's name inside a longer phrase of another of its items still names the skill ("SQL" in
   "slow SQL").
3. Each mention is placed in its section and sentence (:mod:`skills.vacancies.layout`): those in "what we offer"
   and "about us", and those a sentence offers as training ("we will train you in Airflow"), do not count; negated
   ones are "not asked", in their own group, whatever section they stand in, and an item or tool said not to be
   needed is never among those asked unless its sentence restores it ("geen Azure, wel AWS") or asks for it beside
   a weak negation ("Find and fix skew: …, and you never let one hot key stall the run"); the others are required
   or nice to have. An item mentioned both ways is required.
4. Seniority and language come from the wording (:mod:`skills.vacancies.seniority`).

Reading costs no query while the phrasebook is current and six when an editor's change made it stale.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter

from catalog.models import Tool
from skills.models import ChecklistItem, Skill
from skills.vacancies.alternatives import without_alternatives_in_use
from skills.vacancies.context import in_context, paired
from skills.vacancies.highlights import NICE, NOT_ASKED, REQUIRED, UNRECOGNISED, highlighted
from skills.vacancies.hits import FoundAs, PhraseHit
from skills.vacancies.labels import LANGUAGE_LABELS, SENIORITY_LABELS, WRITTEN_IN_LABELS, named_languages
from skills.vacancies.layout import ASKING_NOTHING, RESTORING, Layout, Section
from skills.vacancies.limits import validate_vacancy_text
from skills.vacancies.overlaps import longest_mentions
from skills.vacancies.phrasebook import ITEM, TOOL, current_phrasebook
from skills.vacancies.requirements import Requirements, languages_asked, location_of
from skills.vacancies.seniority import language_of, seniority_of, years_asked
from skills.vacancies.text import ReadText, as_read, word_columns
from skills.vacancies.unknown import may_name_a_person, said_not_needed, unknown_terms

TITLE_MAX_CHARS = 120


@dataclass(frozen=True)
class ItemAsked(FoundAs):
    item: ChecklistItem
    required: bool  # False: nice to have
    phrases: tuple[PhraseHit, ...]  # a pair's parts each one, in the order of the text
    pairs: tuple[tuple[PhraseHit, PhraseHit], ...] = ()


@dataclass(frozen=True)
class ToolAsked(FoundAs):
    tool: Tool
    phrases: tuple[PhraseHit, ...]
    required: bool = True  # False: named only where the vacancy calls it nice to have

    @property
    def other_names(self) -> list[str]:
        """The words it was found as that are not the tool's own name ("Delta Lake" for PySpark), so a mark in the
        text can be traced to the tool."""
        return [text for text in self.phrase_texts if text.casefold() != self.tool.name.casefold()]


@dataclass(frozen=True)
class ItemNotAsked:
    """An item the vacancy says is not needed ("geen Spark-ervaring nodig")."""

    item: ChecklistItem
    phrases: tuple[PhraseHit, ...]


@dataclass(frozen=True)
class ToolNotAsked:
    tool: Tool
    phrases: tuple[PhraseHit, ...]


@dataclass(frozen=True)
class VacancyReading:
    text: str
    language: str  # "nl" | "en" | "mixed"
    seniority: str  # "junior" | "medior" | "senior" | "unknown"
    items: tuple[ItemAsked, ...]  # in order of first mention
    tools: tuple[ToolAsked, ...]
    not_asked_items: tuple[ItemNotAsked, ...] = ()  # negated: never among ``items``
    not_asked_tools: tuple[ToolNotAsked, ...] = ()
    unrecognised: tuple[PhraseHit, ...] = ()  # tech-looking terms it does not know, and generic words out of context
    not_asked_terms: tuple[PhraseHit, ...] = ()  # of those terms, the ones it says are not needed ("no Kafka needed")
    out_of_context: tuple[PhraseHit, ...] = ()  # those generic words alone: phrases it knows but does not trust here
    private_terms: frozenset[str] = frozenset()  # unrecognised, but may be a person's name or number: not passed on
    requirements: Requirements = field(default_factory=Requirements)
    nice_places: frozenset[tuple[int, int]] = frozenset()  # (start, end) of phrases standing where the text calls
    # them nice to have: shown so even when the item or tool is required elsewhere in the text

    @property
    def seniority_label(self) -> str:
        return str(SENIORITY_LABELS.get(self.seniority, self.seniority))

    @property
    def language_label(self) -> str:
        return str(LANGUAGE_LABELS.get(self.language, self.language))

    def items_by_skill(self) -> list[tuple[Skill, list[ItemAsked]]]:
        """The items asked for per skill, skills in growth order as the roles list them, items in the text's order."""
        grouped: dict[int, list[ItemAsked]] = {}
        skills: dict[int, Skill] = {}
        for asked in self.items:
            skills[asked.item.skill_id] = asked.item.skill
            grouped.setdefault(asked.item.skill_id, []).append(asked)
        ordered = sorted(skills.values(), key=lambda skill: (skill.growth_stage, skill.order, skill.name))
        return [(skill, grouped[skill.pk]) for skill in ordered]

    @property
    def title(self) -> str:
        """The vacancy's first line, as a title to save it under."""
        return title_of(self.text, max_chars=TITLE_MAX_CHARS)

    @property
    def written_in_label(self) -> str:
        return str(WRITTEN_IN_LABELS.get(self.language, self.language))

    @property
    def language_names(self) -> list[str]:
        return named_languages(self.requirements.languages)

    @property
    def unrecognised_terms(self) -> list[str]:
        """Each unrecognised term once, in the order of the text."""
        return list(dict.fromkeys(hit.name for hit in self.unrecognised))

    @property
    def not_asked_term_names(self) -> list[str]:
        return list(dict.fromkeys(hit.name for hit in self.not_asked_terms))

    @property
    def terms_for_editors(self) -> list[str]:
        """The unrecognised terms editors are told of, in the order of the text."""
        return [term for term in self.unrecognised_terms if term not in self.private_terms]

    @property
    def words_out_of_context(self) -> list[str]:
        """Of those, the generic words it knows but found nothing of their skill beside ("tune"): no tech terms."""
        generic = {hit.text for hit in self.out_of_context}
        return [term for term in self.terms_for_editors if term in generic]

    @property
    def unknown_tech_terms(self) -> list[str]:
        """Of those, the tech-looking terms it does not know ("Dagster")."""
        generic = set(self.words_out_of_context)
        return [term for term in self.terms_for_editors if term not in generic]

    @property
    def required_tools(self) -> list[ToolAsked]:
        return [asked for asked in self.tools if asked.required]

    @property
    def nice_tools(self) -> list[ToolAsked]:
        return [asked for asked in self.tools if not asked.required]

    def highlights(self) -> list[tuple[str, str]]:
        """The text cut into (piece, style) in order (:func:`skills.vacancies.highlights.highlighted`)."""
        marks = [
            (hit, REQUIRED if one.required and (hit.start, hit.end) not in self.nice_places else NICE)
            for one in (*self.items, *self.tools)
            for hit in one.phrases
        ]
        marks += [(hit, NOT_ASKED) for one in (*self.not_asked_items, *self.not_asked_tools) for hit in one.phrases]
        marks += [(hit, NOT_ASKED) for hit in self.not_asked_terms]  # "no Kafka needed"
        return highlighted(self.text, [*marks, *((hit, UNRECOGNISED) for hit in self.unrecognised)])


def _as_sent(hits: Iterable[PhraseHit], *, text: str, read: ReadText) -> tuple[PhraseHit, ...]:
    """``hits`` of the text as read, at their places in the text sent and with its words."""
    places = ((read.place(hit.start), read.place(hit.end)) for hit in hits)
    return tuple(PhraseHit(text[start:end], start, end) for start, end in places)


def title_of(text: str, *, max_chars: int) -> str:
    """A vacancy's title: its first line with a letter or digit (not one of list marks or of characters that show
    nothing), without its marks, shortened with "…" to ``max_chars``."""
    first = next((line.strip(" #*-\t") for line in text.splitlines() if any(char.isalnum() for char in line)), "")
    return first if len(first) <= max_chars else f"{first[: max_chars - 1].rstrip()}…"


def read_vacancy(*, text: str) -> VacancyReading:
    """The reading of ``text`` (see the module); raises ValidationError for a text over VACANCY_MAX_CHARS or with
    a NUL character."""
    validate_vacancy_text(text)
    book = current_phrasebook()
    read = as_read(text)  # as typed in a box: every hit found in it is mapped back to ``text`` at the end
    plain = read.text
    sent = partial(_as_sent, text=text, read=read)
    columns = word_columns(plain)
    tokens = book.splitter.tokens_of(columns)
    layout = Layout(plain, book.cues, columns)
    found = book.find(tokens, plain)
    found, pair_parts = paired(found, book, tokens, layout)
    tools_named, mentions = longest_mentions(found, book)
    mentions, guessed = in_context(mentions, tools_named, book, tokens, layout)

    words_of = {  # each mention's first and last word
        hit: (tokens[hit.first].word, tokens[hit.last].word) for hit in mentions + tools_named
    }
    layout.read_mentions(list(words_of.values()))
    placed = []  # (hit, start, end, first word, last word, negated, asks nothing: offer, company text, another party)
    weakly_negated = set()  # the starts of those negated only weakly (NegationScope.is_weakly_negated)
    placements: dict[int, tuple[bool, bool, bool]] = {}  # a first word → _placement, asked once
    in_order = sorted(mentions + tools_named, key=attrgetter("kind"))
    in_order.sort(key=attrgetter("first"))  # by first word, then kind: two sorts in C, no key made in Python
    for hit in in_order:
        start, end = tokens[hit.first].start, tokens[hit.last].end
        first_word, last_word = words_of[hit]
        placement = placements.get(first_word)
        if placement is None:
            placement = placements[first_word] = _placement(layout, first_word, last_word)
        asks_nothing, negated, weakly = placement
        if negated and hit.kind == ITEM and hit.needs_context and layout.denies_a_state(first_word):
            negated = False  # "no credentials live in code": the state the job keeps
        placed.append([hit, start, end, first_word, last_word, negated, asks_nothing])
        if negated and weakly:
            weakly_negated.add(start)
    for position in layout.negated_by_references([mention[4] for mention in placed]):
        placed[position][5] = True
        weakly_negated.discard(placed[position][1])
    placed = without_alternatives_in_use(placed, weakly_negated, book, layout)

    asked: dict[tuple[str, int], dict] = {}
    not_asked: dict[tuple[str, int], list[PhraseHit]] = {}
    denied_aside: dict[tuple[str, int], list[PhraseHit]] = {}  # negated where nothing is asked ("… een dataplatform
    # op Azure. Daar ga jij niet mee werken" about the company): not asked, unless asked elsewhere
    nice_cues: dict[int, bool] = {}  # a first word → Layout.has_nice_cue, asked once
    phrases: dict[tuple[int, int], PhraseHit] = {}  # (start, end) → its phrase: an item and a tool there share it
    nice_phrases: list[PhraseHit] = []
    for hit, start, end, first_word, _last_word, negated, asks_nothing in placed:
        phrase = phrases.get((start, end))
        if phrase is None:
            phrase = phrases[start, end] = PhraseHit(plain[start:end], start, end)
        if pair_parts.earlier:
            pair_parts.note(hit, phrase)
        if asks_nothing:
            if negated:
                denied_aside.setdefault((hit.kind, hit.target_id), []).append(phrase)
            continue
        nice_cue = nice_cues.get(first_word)
        if nice_cue is None:
            nice_cue = nice_cues[first_word] = layout.has_nice_cue(first_word)
        if negated and not nice_cue:
            not_asked.setdefault((hit.kind, hit.target_id), []).append(phrase)
            continue
        nice = nice_cue or layout.section(first_word) is Section.NICE
        if nice:
            nice_phrases.append(phrase)
        entry = asked.setdefault((hit.kind, hit.target_id), {"required": False, "phrases": []})
        entry["required"] = entry["required"] or not nice
        entry["phrases"].append(phrase)
    contrasted = {  # an asked mention's start → its sentence, when a contrast opens its clause ("wel AWS")
        start: layout.sentences[first]
        for _hit, start, _end, first, _last, negated, _asks_nothing in placed
        if not negated and layout.words[layout.clause_span(first)[0]] in RESTORING
    }
    for key in not_asked.keys() & asked.keys():  # not needed: not asked wherever else named, unless restored
        asked_sentences = {layout.sentences[layout.word_at(phrase.start)] for phrase in asked[key]["phrases"]}
        if all(
            phrase.start in weakly_negated and layout.sentences[layout.word_at(phrase.start)] in asked_sentences
            for phrase in not_asked[key]
        ):  # "Find and fix skew: …, and you never let one hot key stall the run": a weak negation beside it asks
            asked[key]["phrases"] = sorted([*asked[key]["phrases"], *not_asked.pop(key)], key=lambda hit: hit.start)
            continue
        restored = {contrasted.get(phrase.start) for phrase in asked[key]["phrases"]}
        if restored.isdisjoint(layout.sentences[layout.word_at(phrase.start)] for phrase in not_asked[key]):
            not_asked[key] = sorted([*not_asked[key], *asked.pop(key)["phrases"]], key=lambda phrase: phrase.start)
        else:
            del not_asked[key]
    for key, phrases in denied_aside.items():
        if key not in asked:
            not_asked[key] = sorted([*not_asked.get(key, ()), *phrases], key=lambda phrase: phrase.start)

    items = tuple(
        ItemAsked(
            item=book.items[target_id],
            required=entry["required"],
            phrases=sent(pair_parts.with_earlier((kind, target_id), entry["phrases"])),
            pairs=tuple(map(sent, pair_parts.pairs((kind, target_id), entry["phrases"]))),
        )
        for (kind, target_id), entry in asked.items()
        if kind == ITEM
    )
    tools = tuple(
        ToolAsked(tool=book.tools[target_id], phrases=sent(entry["phrases"]), required=entry["required"])
        for (kind, target_id), entry in asked.items()
        if kind == TOOL
    )
    known_words = pair_parts.covered(found) - pair_parts.covered(guessed)
    out_of_context = [  # whole words only: "Type" of "TypeScript" is no word the text says
        PhraseHit(plain[start:end], start, end)
        for start, end in ((tokens[first].start, tokens[last].end) for first, last in pair_parts.spans(guessed))
        if layout.starts[layout.word_at(start)] == start and layout.ends[layout.word_at(end - 1)] == end
    ]
    unknown = [PhraseHit(*term) for term in unknown_terms(layout, known_words, book.terms)]
    unrecognised = sent(sorted({*unknown, *out_of_context}, key=lambda hit: (hit.start, hit.end)))
    years = years_asked(plain, layout)
    return VacancyReading(
        text=text,
        language=language_of(layout),
        unrecognised=unrecognised,
        out_of_context=sent(sorted(set(out_of_context), key=lambda hit: (hit.start, hit.end))),
        not_asked_terms=sent(hit for hit in unknown if said_not_needed(layout, hit.start, hit.end)),
        private_terms=frozenset(hit.name for hit in unrecognised if may_name_a_person(hit.text, book.terms)),
        requirements=Requirements(
            languages=languages_asked(layout), years=min(years) if years else None, location=location_of(plain)
        ),
        nice_places=frozenset((hit.start, hit.end) for hit in sent(nice_phrases)),
        seniority=seniority_of(plain, layout, years=years),
        items=items,
        tools=tools,
        not_asked_items=tuple(
            ItemNotAsked(item=book.items[target_id], phrases=sent(pair_parts.with_earlier((kind, target_id), phrases)))
            for (kind, target_id), phrases in not_asked.items()
            if kind == ITEM
        ),
        not_asked_tools=tuple(
            ToolNotAsked(tool=book.tools[target_id], phrases=sent(phrases))
            for (kind, target_id), phrases in not_asked.items()
            if kind == TOOL
        ),
    )


def _placement(layout: Layout, first: int, last: int) -> tuple[bool, bool, bool]:
    """Whether the mention of words ``first``…``last`` asks nothing where it stands (an offer, the company text,
    another party's work), whether it is negated, and whether only weakly. All depend on its first word alone, so
    the reader asks once per first word: an item and a tool on the same words, or a list of thousands, ask again."""
    asks_nothing = layout.section(first) in ASKING_NOTHING or layout.is_offered(first) or layout.is_theirs(first)
    negated = layout.is_negated(first, last)
    return asks_nothing, negated, negated and layout.is_weakly_negated(first, last)
