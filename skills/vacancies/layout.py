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
  A negated mention in a sentence that also calls it a plus ("not required, but a plus") is nice to have.
"""

import bisect
import re
from enum import Enum

from skills.vacancies.text import words


class Section(Enum):
    REQUIRED = "required"
    NICE = "nice"
    PLAIN = "plain"  # the role, the team, the tasks: what it names is asked for
    OFFER = "offer"  # what the employer offers: what it names is not asked for


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

NICE_CUES = _cues("""
    een pre\npluspunt\nplus\nnice to have\nbonus\npreferred\npreferably\nbij voorkeur\nideally\nidealiter
    mooi meegenomen\nstrekt tot aanbeveling\noptional\noptioneel\nan advantage\neen voordeel\nwould be nice
    would be great\nis welkom\nis welcome\nnice to know
""")
NEGATIONS_BEFORE = _cues("geen\nno\nnot\nniet\nhoeft\nhoef\ndon t\ndoesn t\ndo not\ndoes not\nhaven t\nno need")
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
CLAUSE_BREAKS = frozenset(("maar", "but", "however", "echter", "wel", "whereas", "terwijl"))
SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n")
BULLETS = re.compile(r"^[\s\-*•·#>–—\d.)]*")


def _starts_with(seq: tuple[str, ...], cues: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    return next((cue for cue in cues if seq[: len(cue)] == cue), None)


def _contains(seq: list[str], cue: tuple[str, ...], begin: int, end: int) -> bool:
    return any(tuple(seq[i : i + len(cue)]) == cue for i in range(max(begin, 0), min(end, len(seq)) - len(cue) + 1))


class Layout:
    """The words of a vacancy with their line's section, sentence and clause; answers questions about a mention."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = list(words(text))
        self.words = [word for word, _start, _end in found]
        self.starts = [start for _word, start, _end in found]
        self.sections = [Section.PLAIN] * len(found)
        self.sentences = [0] * len(found)
        self.clauses = [0] * len(found)
        self._read_sections()
        self._read_sentences()

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
        for kind, cues in HEADINGS.items():
            cue = _starts_with(line_words, cues)
            if cue:
                return kind, cue
        return None, ()

    def _read_sentences(self) -> None:
        ends = [match.start() for match in SENTENCE_END.finditer(self.text)]
        sentence = clause = 0
        previous_start = -1
        for index, start in enumerate(self.starts):
            passed = bisect.bisect_left(ends, start) - bisect.bisect_left(ends, previous_start + 1)
            if index and passed:
                sentence += 1
                clause += 1
            elif index and ("," in self.text[previous_start:start] or self.words[index] in CLAUSE_BREAKS):
                clause += 1
            self.sentences[index] = sentence
            self.clauses[index] = clause
            previous_start = start

    def word_at(self, position: int) -> int:
        """The index of the word that holds character ``position``."""
        return max(bisect.bisect_right(self.starts, position) - 1, 0)

    def section(self, first: int) -> Section:
        return self.sections[first] if self.sections else Section.PLAIN

    def _sentence_span(self, first: int) -> tuple[int, int]:
        sentence = self.sentences[first]
        begin = bisect.bisect_left(self.sentences, sentence)
        return begin, bisect.bisect_right(self.sentences, sentence)

    def _clause_span(self, first: int) -> tuple[int, int]:
        clause = self.clauses[first]
        return bisect.bisect_left(self.clauses, clause), bisect.bisect_right(self.clauses, clause)

    def has_nice_cue(self, first: int) -> bool:
        begin, end = self._sentence_span(first)
        return any(_contains(self.words, cue, begin, end) for cue in NICE_CUES)

    def is_negated(self, first: int, last: int) -> bool:
        """Whether the mention of words ``first``…``last`` is negated in its clause (see the module's rule)."""
        begin, end = self._clause_span(first)
        window = max(begin, first - WORDS_BEFORE - 1)
        for i in range(window, first):
            cue = _starts_with(tuple(self.words[i:first]), NEGATIONS_BEFORE)
            if cue and i + len(cue) <= first and not _starts_with(tuple(self.words[i : i + 2]), NOT_NEGATING):
                return True
        stop = min(end, last + 1 + WORDS_AFTER)
        return any(_contains(self.words, cue, last + 1, stop) for cue in NEGATIONS_AFTER)
