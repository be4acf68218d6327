"""How a vacancy is laid out: its sections, sentences and the cue words around a mention.

- **Sections**: a line that starts with a heading cue ("Wat vragen wij?", "Requirements", "Pluspunten", "Nice to
  have", "Wat bieden wij", "About the role"…) starts a section that lasts until the next heading; a short line
  ending in ":" without a known cue starts a plain one. A line that starts with a cue and goes on after a colon
  ("Pré: kennis van Kafka") is of that kind by itself and leaves the section as it was.
- **Nice to have**: a mention in a nice-to-have section, or in a sentence with a cue such as "is een pré",
  "bij voorkeur", "is a plus", "preferably". A mention in a "what we offer" section is not asked at all.
  Everything else a vacancy names is required.
- **Negation**: a mention is not asked for when its clause has "geen", "niet", "no", "not", "don't"… at most
  four words before it ("geen Spark-ervaring nodig", "no Airflow needed"), or "not required", "niet nodig",
  "hoeft niet"… at most six words after it; idioms such as "geen moeite met" and "not only" do not negate.
  A mention joined to a negated one in a list (commas, "or", "and", "of", "en"…) is negated too ("no Spark or
  Airflow needed", "Spark, Airflow of Kafka is niet nodig"). A negated mention is not asked whatever section it
  stands in, unless its sentence also calls it a plus ("not required, but a plus"): then it is nice to have.
- **Company and offer**: what the "about us" and "what we offer" sections name describes the employer; it is not
  asked for.
"""

import bisect
import re
from enum import Enum

from catalog.models import PHRASE_WORD
from skills.vacancies.text import words


class Section(Enum):
    REQUIRED = "required"
    NICE = "nice"
    PLAIN = "plain"  # the role, the team, the tasks: what it names is asked for
    OFFER = "offer"  # what the employer offers: what it names is not asked for
    COMPANY = "company"  # who the employer is: what it names describes them, it is not asked for


ASKING_NOTHING = frozenset((Section.OFFER, Section.COMPANY))


def _cues(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(cue.split()) for cue in text.strip().split("\n") if cue.strip())


HEADINGS = {
    Section.REQUIRED: _cues("""
        wat vragen wij\nwat vragen we\nwat wij vragen\nwat we vragen\nwat wij van je vragen\nwat we van je vragen
        wat wij van jou vragen\ndit vragen wij\ndit vragen we\nwat breng je mee\nwat breng jij mee\nwat neem je mee
        wat neem jij mee\ndit breng je mee\ndit breng jij mee\nwie ben jij\nwie ben je\nwie zoeken wij\nwie zoeken we
        wat verwachten wij\nwat verwachten we\nwat wij verwachten\nwij vragen\nwe vragen\njouw profiel\nje profiel
        profiel\nover jou\nfunctie eisen\nfunctieeisen\neisen\nvereisten\nje hebt\njij hebt\njouw vaardigheden
        requirements\nrequired\nmust have\nmust haves\nwhat you bring\nwhat we ask\nwhat we are looking for
        what we re looking for\nwho you are\nabout you\nyour profile\nprofile\nqualifications\nyou have
        what you need\nwhat you ll need\nwhat we expect\nyour skills\nskills
    """),
    Section.NICE: _cues("""
        pre\npres\npluspunten\npluspunt\nnice to have\nnice to haves\nbonus\nbonuspunten\nbonus points\npreferred
        preferred qualifications\nmooi meegenomen\nstrekt tot aanbeveling\ngood to have\nnice to know\noptioneel
        optional\nextra\nhelemaal mooi\nit s a plus\na plus
    """),
    Section.PLAIN: _cues("""
        wat ga je doen\nwat ga jij doen\nde functie\nde rol\nfunctieomschrijving\nover de functie\njouw rol\nje rol
        taken\nwerkzaamheden\nverantwoordelijkheden\nwat je gaat doen\nover ons\nwie zijn wij\nwie zijn we\nhet team
        ons team\nonze stack\nde stack\ninteresse\nsolliciteren\nprocedure\nwhat you ll do\nwhat you will do
        the role\nabout the role\nyour role\nresponsibilities\ntasks\nabout us\nwho we are\nthe team\nour team
        our stack\ntech stack\ninterested\nhow to apply\nthe process
    """),
    Section.OFFER: _cues("""
        wat bieden wij\nwat bieden we\nwat wij bieden\nwat we bieden\nwij bieden\nwe bieden\nons aanbod\nwat krijg je
        wat krijg jij\narbeidsvoorwaarden\nwhat we offer\nwe offer\nwhat s in it for you\nbenefits\nperks
        what you get
    """),
}
HEADING_MAX_WORDS = 8
HEADINGS_BY_FIRST_WORD: dict[str, list[tuple[Section, tuple[str, ...]]]] = {}
for _kind, _cues_of_kind in HEADINGS.items():
    for _cue in _cues_of_kind:
        HEADINGS_BY_FIRST_WORD.setdefault(_cue[0], []).append((_kind, _cue))

NICE_CUES = _cues("""
    een pre\npluspunt\nplus\nnice to have\nbonus\npreferred\npreferably\nbij voorkeur\nideally\nidealiter
    mooi meegenomen\nstrekt tot aanbeveling\noptional\noptioneel\nan advantage\neen voordeel\nwould be nice
    would be great\nis welkom\nis welcome\nnice to know\nis fijn
""")
NEGATIONS_BEFORE = _cues(
    "geen\nno\nnot\nniet\nhoeft\nhoef\ndon t\ndoesn t\ndo not\ndoes not\nhaven t\nwon t\nwill not\nno need"
)
NOT_NEGATING = _cues("""
    geen moeite\ngeen probleem\ngeen angst\ngeen bezwaar\nniet alleen\nniet enkel\nniet bang\nnot only\nnot just
    not afraid\nno stranger\nno problem\nno fear\nno matter
""")
NEGATIONS_AFTER = _cues("""
    not required\nnot needed\nnot necessary\nnot a must\nnot a requirement\nnot expected\nno requirement
    isn t required\nisn t needed\nisn t necessary\nniet nodig\nniet vereist\nniet noodzakelijk\nniet verplicht
    niet verwacht\ngeen vereiste\ngeen must\ngeen eis\nhoeft niet\nhoef je niet
""")
WORDS_BEFORE = 4
WORDS_AFTER = 6
CONJUNCTIONS = frozenset(("or", "and", "nor", "of", "en", "noch"))
CLAUSE_BREAKS = frozenset(("maar", "but", "however", "echter", "wel", "whereas", "terwijl"))
LIST_MARKS = frozenset(" ,/&-")  # what stands between the words of a list, besides its conjunctions
LIST_FILLERS = frozenset(("ervaring", "kennis", "experience", "knowledge", "skills", "with", "met", "any", "enige"))
SENTENCE_END = re.compile(r"[.!?;]\s")
BULLETS = re.compile(r"^[\s\-*•·#>–—\d.)]*")


CUE_GROUPS = (NICE_CUES, NOT_NEGATING, NEGATIONS_BEFORE, NEGATIONS_AFTER)
CUES_BY_FIRST_WORD: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
for _group, _cues_of_group in enumerate(CUE_GROUPS):
    for _cue in _cues_of_group:
        CUES_BY_FIRST_WORD.setdefault(_cue[0], []).append((_group, _cue))


def _occurrences(words: list[str]) -> dict[tuple[tuple[str, ...], ...], list[tuple[int, int]]]:
    """Where the cues of each group stand in ``words``, as (first, last) word, in order; one pass over the words."""
    found: list[list[tuple[int, int]]] = [[] for _group in CUE_GROUPS]
    for index, word in enumerate(words):
        for group, cue in CUES_BY_FIRST_WORD.get(word, ()):
            if len(cue) == 1 or tuple(words[index : index + len(cue)]) == cue:
                found[group].append((index, index + len(cue) - 1))
    return dict(zip(CUE_GROUPS, found, strict=True))


class Layout:
    """The words of a vacancy with their line's section, sentence and clause; answers questions about a mention."""

    def __init__(self, text: str, found: list[tuple[str, int, int]] | None = None) -> None:
        """``found``: the words of ``text`` (skills.vacancies.text.words), when the caller has them already."""
        self.text = text
        found = list(words(text)) if found is None else found
        self.words = [word for word, _start, _end in found]
        self.starts = [start for _word, start, _end in found]
        self.ends = [end for _word, _start, end in found]
        self.sections = [Section.PLAIN] * len(found)
        self.sentences = [0] * len(found)
        self.clauses = [0] * len(found)
        self._read_sections()
        self._read_sentences()
        cues = _occurrences(self.words)
        self.nice_sentences = {
            self.sentences[first] for first, last in cues[NICE_CUES] if self.sentences[first] == self.sentences[last]
        }
        not_negating = {first for first, _last in cues[NOT_NEGATING]}
        self.negations_before = [(first, last) for first, last in cues[NEGATIONS_BEFORE] if first not in not_negating]
        self.negations_after = cues[NEGATIONS_AFTER]

    def _read_sections(self) -> None:
        current = Section.PLAIN
        index = 0
        offset = 0
        for line in self.text.splitlines(keepends=True):
            begin = index
            while index < len(self.words) and self.starts[index] < offset + len(line):
                index += 1
            offset += len(line)
            line_words = tuple(self.words[begin:index])
            if not line_words:
                continue
            kind, cue = self._heading(line_words)
            body = BULLETS.sub("", line).strip()
            after_colon = body.split(":", 1)[1].strip() if ":" in body else ""
            if kind is not None and after_colon and len(body) - len(after_colon) <= len(" ".join(cue)) + 3:
                self.sections[begin:index] = [kind] * (index - begin)  # "Pré: kennis van Kafka"
                continue
            if kind is not None and (len(line_words) <= HEADING_MAX_WORDS or body.endswith((":", "?"))):
                current = kind
            elif kind is None and body.endswith(":") and len(line_words) <= HEADING_MAX_WORDS and not after_colon:
                current = Section.PLAIN
            self.sections[begin:index] = [current] * (index - begin)

    @staticmethod
    def _heading(line_words: tuple[str, ...]) -> tuple[Section | None, tuple[str, ...]]:
        for kind, cue in HEADINGS_BY_FIRST_WORD.get(line_words[0], ()):
            if line_words[: len(cue)] == cue:
                return kind, cue
        return None, ()

    def _read_sentences(self) -> None:
        sentence = clause = 0
        for index in range(1, len(self.starts)):
            gap = self.text[self.ends[index - 1] : self.starts[index]]
            if gap != " " and ("\n" in gap or SENTENCE_END.search(gap + " ")):
                sentence += 1
                clause += 1
            elif "," in gap or self.words[index] in CLAUSE_BREAKS:
                clause += 1
            self.sentences[index] = sentence
            self.clauses[index] = clause

    def word_at(self, position: int) -> int:
        """The index of the word that holds character ``position``."""
        return max(bisect.bisect_right(self.starts, position) - 1, 0)

    def section(self, first: int) -> Section:
        return self.sections[first] if self.sections else Section.PLAIN

    def sentence_words(self, index: int) -> list[str]:
        """The words of the sentence that holds word ``index``."""
        sentence = self.sentences[index]
        return self.words[bisect.bisect_left(self.sentences, sentence) : bisect.bisect_right(self.sentences, sentence)]

    def _clause_span(self, first: int) -> tuple[int, int]:
        clause = self.clauses[first]
        return bisect.bisect_left(self.clauses, clause), bisect.bisect_right(self.clauses, clause)

    def has_nice_cue(self, first: int) -> bool:
        return self.sentences[first] in self.nice_sentences if self.sentences else False

    def is_negated(self, first: int, last: int) -> bool:
        """Whether the mention of words ``first``…``last`` is negated in its clause (see the module's rule)."""
        begin, end = self._clause_span(first)
        window = max(begin, first - WORDS_BEFORE - 1)
        stop = min(end, last + 1 + WORDS_AFTER)
        return self._any_between(self.negations_before, window, first) or self._any_between(
            self.negations_after, last + 1, stop
        )

    @staticmethod
    def _any_between(occurrences: list[tuple[int, int]], begin: int, end: int) -> bool:
        """Whether a cue lies wholly within words ``begin``…``end - 1``."""
        index = bisect.bisect_left(occurrences, (begin, -1))
        return any(last < end for _first, last in occurrences[index : index + 4] if _first < end)

    def joined(self, earlier_last: int, first: int) -> bool:
        """Whether the mention starting at word ``first`` follows the one ending at ``earlier_last`` in the same
        sentence with only commas, "or", "and", "of", "en"… between them: one list."""
        return (
            0 <= earlier_last < first
            and self.sentences[earlier_last] == self.sentences[first]
            and all(word in CONJUNCTIONS or word in LIST_FILLERS for word in self.words[earlier_last + 1 : first])
            and LIST_MARKS.issuperset(PHRASE_WORD.sub("", self.text[self.ends[earlier_last] : self.starts[first]]))
        )
