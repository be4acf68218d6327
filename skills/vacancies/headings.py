"""Which lines of a vacancy are headings, and the section each of its words stands in.

- A line that starts with a heading cue ("Wat vragen wij?", "Requirements", "Pluspunten", "Nice to have", "Wat
  bieden wij", "About the role"…) starts a section that lasts until the next heading; a short line ending in ":"
  without a known cue starts a plain one, or one of what is nice or not needed when a cue in it or the line after
  it says so ("What's not required:", "Not required, but a plus:"; a nice cue only when it opens that line, not
  deep in the first entry: "- Six years, ideally in payments"). A line that starts with a cue and goes on after
  a colon ("Pré: kennis van Kafka") is of that kind by itself and leaves the section as it was.
- A short negated title opened by "what", "wat", "things"… opens what is not needed above a paragraph too ("What
  you won't be doing\nWriting Airflow DAGs…"); in such a paragraph a sentence without a negation right after a
  negated one explains it and asks ("Airflow gebruiken we niet; onze jobs worden door AWS ingepland.").
- A line that starts with a heading's words but goes on as a sentence ("About half of your time…", "- Je hebt
  gewerkt met Google Cloud.") is not a heading, nor is an entry of a list ("- Over 5 years of Spark") unless it
  holds the heading alone ("- Nice to have:"). A bare company or offer cue ("About", "Over", "Working at",
  "Training") opens its section alone, before ":" or "?", with a few words that add to the title ("Salary and
  benefits") or a name ("About Acme", "Werken bij de Gemeente Utrecht"), never with digits or other words ("About
  3 years with Spark"): such short cues open requirement lines as often as headings.
- A company or offer section ends at a short title without a full stop after an empty line ("Who we are …
  \n\nYour work"), and a list of what is nice to have or not needed at the prose after it, or at a sentence
  straight after it ("- Docker\nJe werkt dagelijks met SQL."), unless the list goes on straight after that
  sentence, which was then an aside ("- dbt\nGeen ervaring met Spark nodig.\n- Docker").

Its own module because headings are read line by line, from the shape of a line (bullets, colons, capitals, empty
lines around it), where the rest of the layout reads words and clauses.
"""

import bisect
import re

from skills.vacancies.cues import ASKING_NOTHING, LIST_SECTIONS, Cues, Occurrences, Section, any_between
from skills.vacancies.sentences import Sentences

HEADING_MAX_WORDS = 8
BARE_CUE_WORDS = 2  # a company or offer cue this short also opens ordinary lines ("About 3 years", "Over window
# functions…", "Working at scale", "Training ML models"): it is a heading alone, before ":" or "?", or before a title
TITLE_AFTER_CUE = 2  # the words a title may add to a bare cue ("Salary and benefits", "We offer you", "About this
# company"); more must be a name ("Working at the Port of Rotterdam"), and more before a full stop make a sentence
FREE_RELATIVES = frozenset(("what", "wat", "things", "dingen", "zaken", "where", "waar", "which", "welke"))  # open a
# title that names a kind of thing rather than a thing: "What you won't be doing", "Wat je bij ons níet doet"
TITLE_OPENERS = frozenset(("and", "en", "this", "deze", "our", "onze", "the", "de", "het", "you", "jou", "je", "u"))
NAME_JOINERS = frozenset(("of", "the", "van", "de", "der", "den", "het", "and", "en"))  # "Port of Rotterdam"
TITLE_AFTER_PARAGRAPH_WORDS = 6
# An unknown heading opens a list of what is nice to have when a nice cue is in it or opens the line after it ("Not
# required, but a plus:", "Bonus\nIt would be great if you…"), not one deep in the first entry ("…, ideally in
# payments").
NICE_CUE_OPENS = 4
SENTENCE_MARKS = (".", "!", ",")  # a line that ends so is a sentence, not a heading
BULLETS = re.compile(r"^[\s\-*•·#>–—\d.)]*")
LIST_ENTRY = re.compile(r"^\s*(?:[-•·–—]|\*(?!\*)|\d{1,2}[.)]\s)")  # a bullet, dash or number; not "## " or "**"

Line = tuple[int, int, str]  # the first word, the word past the last, and the line's text


class Headings(Sentences):
    """Reads the sections of a vacancy's lines; the layout sets the cues it reads them with."""

    cues: Cues
    nice_cue_words: list[int]  # the first words of the nice cues
    negations: Occurrences
    sections: list[Section]
    heading_words: set[int]  # the words of the lines that open a section

    def read_sections(self) -> None:
        """Sets ``sections`` and ``heading_words`` by the module's rules, line by line."""
        lines = []  # (first word, past the last word, the line) of every line with words
        line_starts = []  # where each of those lines starts in the text
        index = offset = 0
        for line in self.text.splitlines(keepends=True):
            begin = index
            index = bisect.bisect_left(self.starts, offset + len(line), index)
            if index > begin:
                lines.append((begin, index, line))
                line_starts.append(offset)
            offset += len(line)
        current = Section.PLAIN
        for number, (begin, end, line) in enumerate(lines):
            line_words = tuple(self.words[begin:end])
            kind, cue = self.cues.heading(line_words)
            body = BULLETS.sub("", line).strip()
            if current in LIST_SECTIONS and kind is None and self._prose_after_list(lines, line_starts, number):
                current = Section.PLAIN  # the list of what is nice to have, or not needed, has ended
            after_colon = body.split(":", 1)[1].strip() if ":" in body else ""
            if kind is not None and after_colon and self._label_of_its_line(kind, cue, body, after_colon):
                self.sections[begin:end] = [kind] * (end - begin)  # "Pré: kennis van Kafka"
                self.heading_words.update(range(begin, begin + len(cue)))
                continue
            if (
                kind is not None
                and LIST_ENTRY.match(line)
                and (len(cue) < end - begin or body.endswith(SENTENCE_MARKS))
            ):
                kind = None  # "- Over 5 years of Spark", "- Je hebt gewerkt met Google Cloud.": an entry of its list
            if (
                kind in ASKING_NOTHING
                and not body.endswith((":", "?"))
                and not self._title_after_cue(cue, begin, end, body)
            ):
                kind = None  # "About 5 years with Spark", "About half of your time goes to Airflow.": not a heading
            if kind is not None and (len(line_words) <= HEADING_MAX_WORDS or body.endswith((":", "?"))):
                current = kind
                self.heading_words.update(range(begin, end))
            elif kind is None and (
                self._unknown_heading(lines, number, body, after_colon)
                or (current in ASKING_NOTHING and self._title_after_paragraph(lines, line_starts, number, body))
                or self._negated_title(lines, number, body)
                or (
                    current in LIST_SECTIONS
                    and self._after_list_or_sentence(lines, number)
                    and self._title_after_paragraph(lines, line_starts, number, body)
                )
            ):
                self.heading_words.update(range(begin, end))
                # an unknown heading: a cue in the heading or opening the line after it says what it opens
                following, following_end = lines[number + 1][:2] if number + 1 < len(lines) else (end, end)
                opening = min(following + NICE_CUE_OPENS, following_end)  # not the heading of the line after it
                nice = self._nice_cue_within(begin, end) or self._nice_cue_within(following, opening)
                current = Section.NICE if nice else Section.PLAIN
                if not nice and not body.endswith("?") and self._negates_within(begin, end):
                    current = Section.NOT_ASKED  # "What's not required:", "No need to know:", "Wat niet hoeft:"
            if current is Section.NOT_ASKED and self._nice_cue_within(begin, end):
                current = Section.NICE  # "Not required, but a plus:"
            self.sections[begin:end] = [current] * (end - begin)
            if current is Section.NOT_ASKED and kind is None and not BULLETS.match(line).group().strip():
                self._explanations_asked(begin, end)
            if current is Section.NOT_ASKED and kind is None and after_colon:
                # "- Airflow: we orchestrate with Databricks Workflows": what follows the colon explains
                colon = line_starts[number] + line.index(":")
                explained = bisect.bisect_right(self.starts, colon, begin, end)
                self.sections[explained:end] = [Section.PLAIN] * (end - explained)

    def _explanations_asked(self, begin: int, end: int) -> None:
        """In a paragraph of what is not needed, a sentence without a negation right after one with it explains it
        and asks as any sentence would ("Airflow gebruiken we niet; onze jobs worden door AWS zelf ingepland."); the
        others stay not asked ("Writing Airflow DAGs or tuning Spark jobs.")."""
        negated_before = False
        while begin < end:
            sentence_end = min(bisect.bisect_right(self.sentences, self.sentences[begin]), end)
            negated = self._negates_within(begin, sentence_end)
            if negated_before and not negated:
                self.sections[begin:sentence_end] = [Section.PLAIN] * (sentence_end - begin)
            negated_before, begin = negated, sentence_end

    def _title_after_cue(self, cue: tuple[str, ...], begin: int, end: int, body: str) -> bool:
        """Whether the words of a company or offer heading's line after its cue still make a title: none, a few that
        add to it ("Wat bieden wij jou", "Salary and benefits"), or a name ("About Voltwise", "Over Groenrijk
        Online"); a bare cue with other words, or digits, opens a line of another kind ("Over 5 years…")."""
        first = begin + len(cue)
        if body.endswith((".", "!")) and end - first > TITLE_AFTER_CUE:
            return False
        if first == end or len(cue) > BARE_CUE_WORDS:
            return True
        if any(character.isdigit() for character in self.text[self.starts[first] : self.ends[end - 1]]):
            return False
        if end - first <= TITLE_AFTER_CUE and self.words[first] in TITLE_OPENERS:
            return True
        capitals = [self.text[self.starts[index]].isupper() for index in range(first, end)]
        return any(capitals) and all(
            capital or word in NAME_JOINERS for capital, word in zip(capitals, self.words[first:end], strict=True)
        )

    @staticmethod
    def _label_of_its_line(kind: Section, cue: tuple[str, ...], body: str, after_colon: str) -> bool:
        """Whether a line that starts with a heading cue and goes on after a colon is of that kind by itself: the cue
        and a few characters before the colon ("Pré: kennis van Kafka"), or any short label of what is not needed
        ("Niet nodig voor deze opdracht: Pandas of dbt.")."""
        label = body[: len(body) - len(after_colon)]
        if kind is Section.NOT_ASKED:
            return len(label.split()) <= HEADING_MAX_WORDS
        return len(label) <= len(" ".join(cue)) + 3

    def _after_empty_line(self, lines: list[Line], line_starts: list[int], number: int) -> bool:
        """Whether an empty line stands between line ``number`` and the line with words before it."""
        if number == 0:
            return False
        gap = self.text[line_starts[number - 1] + len(lines[number - 1][2]) : line_starts[number]]
        return bool(gap) and not gap.strip()

    def _prose_after_list(self, lines: list[Line], line_starts: list[int], number: int) -> bool:
        """Whether line ``number`` is a paragraph of prose that follows a list: after an empty line, or a sentence
        straight after it that is not indented as the rest of an entry ("- Docker\nJe werkt dagelijks met SQL.")."""
        line = lines[number][2]
        if BULLETS.match(line).group().strip() or not BULLETS.match(lines[number - 1][2]).group().strip():
            return False
        if self._after_empty_line(lines, line_starts, number):
            return True
        sentence = not line[:1].isspace() and line.strip().endswith((".", "!"))
        return sentence and not self._list_goes_on(lines, line_starts, number)

    def _list_goes_on(self, lines: list[Line], line_starts: list[int], number: int) -> bool:
        """Whether the list goes on straight after line ``number``: a sentence between its entries is an aside
        ("Pré:\n- dbt\nGeen ervaring met Spark nodig.\n- Docker"), not the prose that ends it."""
        following = number + 1
        return (
            following < len(lines)
            and bool(BULLETS.match(lines[following][2]).group().strip())
            and not self._after_empty_line(lines, line_starts, following)
        )

    @staticmethod
    def _after_list_or_sentence(lines: list[Line], number: int) -> bool:
        """Whether the line before line ``number`` is an entry of a list or ends as a sentence: a short title after
        it starts the next part ("- Docker\n\nOverige informatie\nStandplaats Apeldoorn.")."""
        previous = lines[number - 1][2] if number else ""
        return bool(BULLETS.match(previous).group().strip()) or previous.strip().endswith((".", "!"))

    def _nice_cue_within(self, begin: int, end: int) -> bool:
        """Whether a nice cue starts within words ``begin``…``end - 1``."""
        found = bisect.bisect_left(self.nice_cue_words, begin)
        return found < len(self.nice_cue_words) and self.nice_cue_words[found] < end

    def _negates_within(self, begin: int, end: int) -> bool:
        """Whether a negation cue stands wholly within words ``begin``…``end - 1``."""
        return any_between(self.negations, begin, end)

    def _title_after_paragraph(self, lines: list[Line], line_starts: list[int], number: int, body: str) -> bool:
        """A short line without a full stop, after an empty line, above more text: the title of the next part
        ("Who we are … \n\nYour job\nYou own the flows…"), which a company or offer section does not run on into."""
        begin, end, line = lines[number]
        if number + 1 >= len(lines) or end - begin > TITLE_AFTER_PARAGRAPH_WORDS:
            return False
        if body.endswith((*SENTENCE_MARKS, ":", ";", "?")) or BULLETS.match(line).group().strip():
            return False
        return self._after_empty_line(lines, line_starts, number)

    def _negated_title(self, lines: list[Line], number: int, body: str) -> bool:
        """A short line without a sentence's end, opened by "what", "wat", "things"… and negated, above more text:
        the title of what the job does not ask, whatever follows it, a list or a paragraph ("What you won't be
        doing\nWriting Airflow DAGs…", "Wat je bij ons níet doet\nAirflow-DAG's onderhouden…")."""
        begin, end, line = lines[number]
        return (
            number + 1 < len(lines)
            and end - begin <= HEADING_MAX_WORDS
            and self.words[begin] in FREE_RELATIVES
            and not LIST_ENTRY.match(line)
            and not body.endswith((*SENTENCE_MARKS, ";", "?"))
            and self._negates_within(begin, end)
        )

    @staticmethod
    def _unknown_heading(lines: list[Line], number: int, body: str, after_colon: str) -> bool:
        """A short line that ends in ":" or "?", or stands without a full stop above a bullet list."""
        begin, end, line = lines[number]
        if end - begin > HEADING_MAX_WORDS or after_colon or LIST_ENTRY.match(line):
            return False
        if body.endswith((":", "?")):
            return True
        next_line = lines[number + 1][2] if number + 1 < len(lines) else ""
        return (
            not body.endswith(SENTENCE_MARKS)
            and BULLETS.match(line).group().strip() == ""
            and BULLETS.match(next_line).group().strip() != ""
        )
