"""How a vacancy is laid out: its sections, sentences and the cue words around a mention.

- **Sections**: a line that starts with a heading cue ("Wat vragen wij?", "Requirements", "Pluspunten", "Nice to
  have", "Wat bieden wij", "About the role"…) starts a section that lasts until the next heading; a short line
  ending in ":" without a known cue starts a plain one. A line that starts with a cue and goes on after a colon
  ("Pré: kennis van Kafka") is of that kind by itself and leaves the section as it was. A company or offer
  section ends at a short title without a full stop after an empty line ("Who we are … \n\nYour work"), and a
  nice-to-have section at a paragraph of prose after its list.
- **Nice to have**: a mention in a nice-to-have section, or in a sentence with a cue such as "is een pré",
  "bij voorkeur", "is a plus", "preferably", "but not required". A mention in a "what we offer" section is not
  asked at all.
  Everything else a vacancy names is required.
- **Negation**: a mention is not asked for when it stands in a section of what is not needed ("What you don't
  need", "Wat je niet nodig hebt") before any colon of its line (what follows "Airflow:" explains), or its
  clause has "geen", "niet", "nooit", "no", "not", "don't"… at most seven words before it ("geen Spark-ervaring
  nodig", "no Airflow needed", "nog nooit met Airflow gewerkt?") or "niet" among its last two words, or "is not"
  as its last two, with no "and", "en"… in between ("met Airflow werken we niet", "cloud is welcome, Spark is
  not"; a colon ends that tail: "SQL is een must, Spark niet: …"), or "not required", "niet nodig", "hoeft niet",
  "isn't part of"… at most six words after it; idioms such as "geen moeite met" and "not only" do not negate.
  A negation that ended before a colon stops there ("Geen Scala nodig: wij werken in Python"), and a clause
  opened by "als de…", "wanneer", "omdat"… is one of its own ("je debugt pipelines als de output niet klopt").
  A line of a list that starts with a heading's words but ends as a sentence ("- Je hebt gewerkt met Google
  Cloud.") stays in its list's section.
  A mention joined to a negated one in a list (commas, "or", "and", "of", "en"…) is negated too ("no Spark or
  Airflow needed", "Spark, Airflow of Kafka is niet nodig"). A negated mention is not asked whatever section it
  stands in, unless its sentence also calls it a plus ("not required, but a plus"): then it is nice to have.
- **Company and offer**: what the "about us" ("About Voltwise", "Over Zekerzorg"), "what we offer" and "what you
  will learn" ("Wat ga je leren?", "Jouw ontwikkeling") sections name describes the employer and the training it
  gives; it is not asked for, nor is what a sentence offers as training ("we will train you in Airflow", "bij ons
  leer je werken met dbt"; at most seven words after the cue, in its clause).
- **Reach**: a negation after a mention that denies needing or using it reaches it ("Spark and Airflow are not used
  here", "Airflow isn't something you need"), but not across a relative clause ("DAGs that don't need restarts");
  one before it that denies needing reaches its whole clause ("You do not need any hands-on experience with
  Docker"); "nobody", "none", "nor", "niemand" negate; a question answered by a negation is negated ("Spark? Not
  needed."). A negated pronoun that points back ("so you won't need it", "none of these", "dus die hoef je niet te
  kennen") negates the last mention before it in its sentence or the sentence before on its line, and its list.
  A nice cue does not reach past a "must" or a "but" ("SQL is a must, Docker is a plus"; but "Spark is geen
  vereiste, maar wel een plus"), and one in a sentence that refers back makes the question before it nice
  ("Know Docker? That's a plus."). An unknown heading with a negation opens what is not needed ("What's not
  required:"); a list of what is nice to have or not needed ends at the prose after it, or at a sentence straight
  after it; a line that starts with a heading's words but goes on as a sentence ("About half of your time…") is
  not a heading, nor is an entry of a list ("- Over 5 years of Spark") unless it holds the heading alone ("- Nice
  to have:"). A bare company or offer cue ("About", "Over", "Working at", "Training") opens its section alone,
  before ":" or "?", with a few words that add to the title ("Salary and benefits") or a name ("About Acme",
  "Werken bij de Gemeente Utrecht"), never with digits or other words ("About 3 years with Spark").
"""

import bisect
import re
from enum import Enum

from catalog.models import PHRASE_WORD
from skills.vacancies.text import word_set, words


class Section(Enum):
    REQUIRED = "required"
    NICE = "nice"
    PLAIN = "plain"  # the role, the team, the tasks: what it names is asked for
    OFFER = "offer"  # what the employer offers: what it names is not asked for
    COMPANY = "company"  # who the employer is: what it names describes them, it is not asked for
    NOT_ASKED = "not-asked"  # "What you don't need": what it names is said not to be needed


ASKING_NOTHING = frozenset((Section.OFFER, Section.COMPANY))
LIST_SECTIONS = frozenset((Section.NICE, Section.NOT_ASKED))  # a paragraph of prose after its list ends it


HEADING_KINDS = {
    "required": Section.REQUIRED,
    "nice": Section.NICE,
    "plain": Section.PLAIN,
    "company": Section.COMPANY,
    "offer": Section.OFFER,
    "not-asked": Section.NOT_ASKED,
}  # skills.models.VacancyCue.Kind of a heading → the section it opens
NICE, NOT_NEGATING, NEGATION_BEFORE, NEGATION_AFTER = "nice-cue", "not-negating", "negation-before", "negation-after"
OFFERED = "offer-cue"
CUE_GROUPS = (NICE, NOT_NEGATING, NEGATION_BEFORE, NEGATION_AFTER, OFFERED)
HEADING_MAX_WORDS = 8
BARE_CUE_WORDS = 2  # a company or offer cue this short also opens ordinary lines ("About 3 years", "Over window
# functions…", "Working at scale", "Training ML models"): it is a heading alone, before ":" or "?", or before a title
TITLE_AFTER_CUE = 2  # the words a title may add to a bare cue ("Salary and benefits", "We offer you", "About this
# company"); more must be a name ("Working at the Port of Rotterdam"), and more before a full stop make a sentence
TITLE_OPENERS = frozenset(("and", "en", "this", "deze", "our", "onze", "the", "de", "het", "you", "jou", "je", "u"))
NAME_JOINERS = frozenset(("of", "the", "van", "de", "der", "den", "het", "and", "en"))  # "Port of Rotterdam"
TITLE_AFTER_PARAGRAPH_WORDS = 5
FALLBACK_LINES = 3  # an unknown heading takes the section of the first heading cue in this many lines after it


class Cues:
    """The editors' cues (skills.models.VacancyCue) as folded words, indexed by their first word."""

    def __init__(self, cues: list[tuple[str, str]]) -> None:
        """``cues``: (kind, text) pairs."""
        self.headings: dict[str, list[tuple[Section, tuple[str, ...]]]] = {}
        self.by_first_word: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for kind, text in cues:
            folded = tuple(word for word, _start, _end in words(text))
            if not folded:
                continue
            if kind in HEADING_KINDS:
                self.headings.setdefault(folded[0], []).append((HEADING_KINDS[kind], folded))
            elif kind in CUE_GROUPS:
                self.by_first_word.setdefault(folded[0], []).append((kind, folded))
        for found in (*self.headings.values(), *self.by_first_word.values()):
            found.sort(key=lambda entry: -len(entry[1]))  # the longest cue first

    def heading(self, line_words: tuple[str, ...]) -> tuple[Section | None, tuple[str, ...]]:
        """The section a line's first words open, and the cue."""
        for kind, cue in self.headings.get(line_words[0], ()) if line_words else ():
            if line_words[: len(cue)] == cue:
                return kind, cue
        return None, ()

    def occurrences(self, words: list[str]) -> dict[str, list[tuple[int, int]]]:
        """Where the cues of each group stand in ``words``, as (first, last) word, in order; one pass."""
        found: dict[str, list[tuple[int, int]]] = {group: [] for group in CUE_GROUPS}
        for index, word in enumerate(words):
            for group, cue in self.by_first_word.get(word, ()):
                if len(cue) == 1 or tuple(words[index : index + len(cue)]) == cue:
                    found[group].append((index, index + len(cue) - 1))
        return found


WORDS_BEFORE = 7
WORDS_AFTER = 6
NEGATION_ENDS = frozenset(("nodig", "needed", "required", "necessary", "vereist", "noodzakelijk"))  # "geen X nodig"
NEEDING = NEGATION_ENDS | word_set(
    """
    need needs use used uses using require requires expect expected ask asked look touch touches touched
    gebruiken gebruikt vragen gevraagd verwachten verwacht
    """
)  # what a negation after a mention denies of it: "Spark and Airflow are not used here", "Spark is not something
# we look for", "Airflow isn't something you need"
NEEDING_REACH = 3  # words from the negation to the word of needing: "aren't things you need"
RELATIVES = frozenset(("that", "which", "who", "where", "die", "dat", "wat", "waar", "waarmee"))  # "Airflow DAGs
# that don't need restarts": the negation belongs to a clause of its own
REFERENCE_AFTER = frozenset(("need", "use", "know", "touch", "require", "expect", "run", "with"))  # "you won't
# need them", "you will not work with it"
REFERENCES_AFTER = frozenset(("it", "them", "those", "these", "either"))  # the objects of those verbs
OPENING_REFERENCES = frozenset(("die", "dat", "deze", "these", "those"))  # "…, dus die hoef je niet te kennen"
REFERENCE_OPENERS = frozenset(("dus", "want", "en", "maar", "so", "and", "but", "then", "dan"))
OPENED_REFERENCES = frozenset(("it",))  # only after an opener: "…, so it's not part of your job" ("It is not
# required to…" at the start of a sentence points at nothing)
REFERENCE_TAIL = 3  # "you won't need them in this team"
REFERENCE_NOT_FOLLOWED_BY = frozenset(("for", "to", "as", "when", "if", "voor", "om", "als"))  # "don't use it for X"
CLAUSE_TAIL = 2  # "met Airflow werken we niet": Dutch puts "niet" among the last words of the mention's clause
TAIL_NEGATIONS = frozenset(("niet", "nooit"))
TAIL_PAIRS = frozenset((("is", "not"), ("are", "not"), ("isn", "t"), ("aren", "t")))  # "…, Spark is not."
FORWARD_NICE = frozenset(("bij", "preferably", "ideally", "idealiter", "liefst"))  # the first words of the
# nice cues that make only what follows them nice ("cloudomgevingen, bij voorkeur AWS")
CONJUNCTIONS = frozenset(("or", "and", "nor", "of", "en", "noch"))
MUSTS = word_set(
    "must required essential mandatory necessary needed need vereist vereiste verplicht noodzakelijk nodig eis"
)  # a nice cue does not reach past these: "SQL is a must, Spark is a plus"…
CONTRASTS = frozenset(("but", "maar", "however", "echter", "whereas", "terwijl", "although", "though"))  # …nor these
NOT_A_MUST = frozenset(("not", "no", "geen", "niet", "isn", "aren"))  # "a plus, not a must" does not stop it
REFERRING = frozenset(("that", "this", "it", "dat", "dit", "het"))  # "Know Docker? That's a plus."
CLAUSE_BREAKS = frozenset(
    ("maar", "but", "however", "echter", "wel", "whereas", "terwijl", "wanneer", "waarom", "omdat", "zodat", "voordat")
)  # and the conjunctions that open a clause of their own: "je debugt pipelines wanneer de output niet klopt"
CLAUSE_AFTER_ALS = frozenset(("de", "het", "er", "een", "je", "jij", "iets", "ze", "die", "dat"))  # "als de output…"
LIST_MARKS = frozenset(" ,/&-")  # what stands between the words of a list, besides its conjunctions
LIST_FILLERS = frozenset(("ervaring", "kennis", "experience", "knowledge", "skills", "with", "met", "any", "enige"))
SENTENCE_END = re.compile(r"[.!?;]\s")
SENTENCE_MARKS = (".", "!", ",")  # a line that ends so is a sentence, not a heading
BULLETS = re.compile(r"^[\s\-*•·#>–—\d.)]*")
LIST_ENTRY = re.compile(r"^\s*(?:[-•·–—]|\*(?!\*)|\d{1,2}[.)]\s)")  # a bullet, dash or number; not "## " or "**"


class Layout:
    """The words of a vacancy with their line's section, sentence and clause; answers questions about a mention."""

    def __init__(self, text: str, cues: Cues, found: list[tuple[str, int, int]] | None = None) -> None:
        """``found``: the words of ``text`` (skills.vacancies.text.words), when the caller has them already."""
        self.text = text
        self.cues = cues
        found = list(words(text)) if found is None else found
        self.words = [word for word, _start, _end in found]
        self.starts = [start for _word, start, _end in found]
        self.ends = [end for _word, _start, end in found]
        self.sections = [Section.PLAIN] * len(found)
        self.heading_words: set[int] = set()  # the words of the lines that open a section
        self.sentences = [0] * len(found)
        self.clauses = [0] * len(found)
        self.after_colons: list[int] = []  # the words that follow a colon, in order
        self.questions: set[int] = set()  # the words a question mark follows
        self._read_sentences()
        found_cues = cues.occurrences(self.words)
        self.nice_sentences = {
            self.sentences[first] for first, last in found_cues[NICE] if self.sentences[first] == self.sentences[last]
        }
        self.nice_cues = found_cues[NICE]
        self.nice_cue_words = [first for first, _last in found_cues[NICE]]
        self.forward_nice_cues = {first for first in self.nice_cue_words if self.words[first] in FORWARD_NICE}
        not_negating = {first for first, _last in found_cues[NOT_NEGATING]}
        self.negations_before = [
            (first, last) for first, last in found_cues[NEGATION_BEFORE] if first not in not_negating
        ]
        self.negations_after = found_cues[NEGATION_AFTER]
        self.offer_cues = found_cues[OFFERED]
        self.offer_sentences = {self.sentences[first] for first, _last in self.offer_cues}
        self._musts = [  # where a must stands ("must", not "not a must"), in order
            index
            for index, word in enumerate(self.words)
            if word in MUSTS and NOT_A_MUST.isdisjoint(self.words[max(0, index - 2) : index])
        ]
        self._contrasts = [index for index, word in enumerate(self.words) if word in CONTRASTS]  # "but", "maar"…
        self._read_sections()
        self.negated_references = [
            index
            for index, word in enumerate(self.words)
            if (word in REFERENCES_AFTER or word in OPENING_REFERENCES) and self._negated_reference(index)
        ]
        self.nice_questions = {self._question_answered(first) for first, _last in self.nice_cues} - {None}

    def _read_sections(self) -> None:
        lines = []  # (first word, past the last word, the line) of every line with words
        line_starts = []  # where each of those lines starts in the text
        index = offset = 0
        for line in self.text.splitlines(keepends=True):
            begin = index
            while index < len(self.words) and self.starts[index] < offset + len(line):
                index += 1
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
                or (
                    current in LIST_SECTIONS
                    and self._after_list_or_sentence(lines, number)
                    and self._title_after_paragraph(lines, line_starts, number, body)
                )
            ):
                self.heading_words.update(range(begin, end))
                # an unknown heading: the nearest cue in the heading or the line after it says what it opens
                following = lines[number + 1][1] if number + 1 < len(lines) else end
                nice = any(begin <= first < following for first in self.nice_cue_words)
                current = Section.NICE if nice else Section.PLAIN
                if not nice and not body.endswith("?") and self._negates_within(begin, end):
                    current = Section.NOT_ASKED  # "What's not required:", "No need to know:", "Wat niet hoeft:"
            if current is Section.NOT_ASKED and any(begin <= first < end for first in self.nice_cue_words):
                current = Section.NICE  # "Not required, but a plus:"
            self.sections[begin:end] = [current] * (end - begin)
            if current is Section.NOT_ASKED and kind is None and after_colon:
                # "- Airflow: we orchestrate with Databricks Workflows": what follows the colon explains
                colon = line_starts[number] + line.index(":")
                explained = bisect.bisect_right(self.starts, colon, begin, end)
                self.sections[explained:end] = [Section.PLAIN] * (end - explained)

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

    def _after_empty_line(self, lines: list[tuple[int, int, str]], line_starts: list[int], number: int) -> bool:
        """Whether an empty line stands between line ``number`` and the line with words before it."""
        if number == 0:
            return False
        gap = self.text[line_starts[number - 1] + len(lines[number - 1][2]) : line_starts[number]]
        return bool(gap) and not gap.strip()

    def _prose_after_list(self, lines: list[tuple[int, int, str]], line_starts: list[int], number: int) -> bool:
        """Whether line ``number`` is a paragraph of prose that follows a list: after an empty line, or a sentence
        straight after it that is not indented as the rest of an entry ("- Docker\nJe werkt dagelijks met SQL.")."""
        line = lines[number][2]
        if BULLETS.match(line).group().strip() or not BULLETS.match(lines[number - 1][2]).group().strip():
            return False
        sentence = not line[:1].isspace() and line.strip().endswith((".", "!"))
        return sentence or self._after_empty_line(lines, line_starts, number)

    @staticmethod
    def _after_list_or_sentence(lines: list[tuple[int, int, str]], number: int) -> bool:
        """Whether the line before line ``number`` is an entry of a list or ends as a sentence: a short title after
        it starts the next part ("- Docker\n\nOverige informatie\nStandplaats Apeldoorn.")."""
        previous = lines[number - 1][2] if number else ""
        return bool(BULLETS.match(previous).group().strip()) or previous.strip().endswith((".", "!"))

    def _negates_within(self, begin: int, end: int) -> bool:
        """Whether a negation cue stands wholly within words ``begin``…``end - 1``."""
        return self._any_between(self.negations_before, begin, end) or self._any_between(
            self.negations_after, begin, end
        )

    def _title_after_paragraph(
        self, lines: list[tuple[int, int, str]], line_starts: list[int], number: int, body: str
    ) -> bool:
        """A short line without a full stop, after an empty line, above more text: the title of the next part
        ("Who we are … \n\nYour job\nYou own the flows…"), which a company or offer section does not run on into."""
        begin, end, line = lines[number]
        if number + 1 >= len(lines) or end - begin > TITLE_AFTER_PARAGRAPH_WORDS:
            return False
        if body.endswith((*SENTENCE_MARKS, ":", ";", "?")) or BULLETS.match(line).group().strip():
            return False
        return self._after_empty_line(lines, line_starts, number)

    @staticmethod
    def _unknown_heading(lines: list[tuple[int, int, str]], number: int, body: str, after_colon: str) -> bool:
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

    def _read_sentences(self) -> None:
        sentence = clause = 0
        for index in range(1, len(self.starts)):
            gap = self.text[self.ends[index - 1] : self.starts[index]]
            if ":" in gap:
                self.after_colons.append(index)
            if "?" in gap:
                self.questions.add(index - 1)
            if gap != " " and ("\n" in gap or SENTENCE_END.search(gap + " ")):
                sentence += 1
                clause += 1
            elif "," in gap or self.words[index] in CLAUSE_BREAKS or self._als_clause(index):
                clause += 1
            self.sentences[index] = sentence
            self.clauses[index] = clause

    def _als_clause(self, index: int) -> bool:
        """Whether word ``index`` is "als" opening a clause ("als de output niet klopt"), not "as" ("als engineer")."""
        return self.words[index] == "als" and index + 1 < len(self.words) and self.words[index + 1] in CLAUSE_AFTER_ALS

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
        """Whether the sentence of word ``first`` calls what it names a plus, or answers its question so ("Know
        Docker? That's a plus."). A cue does not reach past a "must" or a "but" ("SQL is a must, Spark is a plus",
        "Docker is a plus, but SQL is a must"), nor back from a later clause to a mention its clause negates ("Cloud
        experience is welcome, Spark is not"); "bij voorkeur", "preferably"… only reach what follows them
        ("cloudomgevingen, bij voorkeur AWS")."""
        if not self.sentences:
            return False
        sentence = self.sentences[first]
        if sentence in self.nice_questions:
            return True
        if sentence not in self.nice_sentences:
            return False
        begin = bisect.bisect_left(self.nice_cues, (bisect.bisect_left(self.sentences, sentence), -1))
        end = bisect.bisect_left(self.nice_cues, (bisect.bisect_right(self.sentences, sentence), -1))
        for cue, cue_last in self.nice_cues[begin:end]:
            if cue > first and cue in self.forward_nice_cues:
                continue
            if self._stops_a_plus(*((first + 1, cue) if cue > first else (cue_last + 1, first)), mention=first):
                continue
            if cue < first and self.clauses[cue] < self.clauses[first] and self.is_negated(first, first):
                continue
            return True
        return False

    def is_offered(self, first: int) -> bool:
        """Whether an offer cue stands at most seven words before word ``first`` in its clause, with no "must" or
        "but" between: "We will train you in Airflow and dbt", "In de eerste maand leer je werken met Airflow"."""
        if self.sentences[first] not in self.offer_sentences:
            return False
        begin = bisect.bisect_left(self.offer_cues, (bisect.bisect_left(self.sentences, self.sentences[first]), -1))
        return any(
            cue_last < first
            and first - cue_last <= WORDS_BEFORE
            and self.clauses[cue_last] == self.clauses[first]
            and not self._stops_a_plus(cue_last + 1, first, mention=first)
            for _cue, cue_last in self.offer_cues[begin : bisect.bisect_left(self.offer_cues, (first, -1))]
        )

    def _stops_a_plus(self, begin: int, end: int, *, mention: int) -> bool:
        """Whether words ``begin``…``end - 1`` hold a "must" (not "not a must") or a "but" (unless the mention is
        negated: "Spark is geen vereiste, maar wel een plus")."""
        if bisect.bisect_left(self._musts, begin) < bisect.bisect_left(self._musts, end):
            return True
        contrasts = bisect.bisect_left(self._contrasts, begin) < bisect.bisect_left(self._contrasts, end)
        return contrasts and not self.is_negated(mention, mention)

    def _question_answered(self, cue: int) -> int | None:
        """The sentence before the nice cue at word ``cue`` when it is a question on the same line that the cue's
        sentence refers back to ("Heb je met Docker gewerkt? Dan is dat een pluspunt."), else None."""
        sentence = self.sentences[cue]
        begin = bisect.bisect_left(self.sentences, sentence)
        if begin == 0 or REFERRING.isdisjoint(self.words[begin:cue]):
            return None
        gap = self.text[self.ends[begin - 1] : self.starts[begin]]
        return sentence - 1 if "?" in gap and "\n" not in gap else None

    def is_negated(self, first: int, last: int) -> bool:
        """Whether the mention of words ``first``…``last`` is negated in its clause or stands in a section of what
        is not needed (see the module's rule)."""
        if self.section(first) is Section.NOT_ASKED:
            return True
        begin, end = self._clause_span(first)
        window = max(begin, first - WORDS_BEFORE - 1)
        stop = min(end, last + 1 + WORDS_AFTER)
        before = bisect.bisect_right(self.after_colons, first) - 1
        colon = self.after_colons[before] if before >= 0 else -1  # the first word after the last colon before it
        if colon > window and not NEGATION_ENDS.isdisjoint(self.words[window:colon]):
            window = colon  # "Geen Scala nodig: wij werken in Python": the negation ended before the colon
        negated_before = self._any_between(self.negations_before, window, first) or self._denied_before(
            max(begin, colon), first
        )
        if negated_before or self._any_between(self.negations_after, last + 1, stop):
            return True
        if self._denied_after(last, min(stop, self._next_colon(last, end))) or self._answered_no(last):
            return True
        # a Dutch tail ("Spark niet") ends at a colon too: "SQL is een must, Spark niet: onze volumes zijn klein"
        colon = bisect.bisect_right(self.after_colons, last)
        end = min(end, self.after_colons[colon]) if colon < len(self.after_colons) else end
        stop = min(end, stop)
        tail = max(last + 1, end - CLAUSE_TAIL)
        return (
            not TAIL_NEGATIONS.isdisjoint(self.words[tail:stop])
            or (end - 2 > last and end <= stop and tuple(self.words[end - 2 : end]) in TAIL_PAIRS)
        ) and CONJUNCTIONS.isdisjoint(self.words[last + 1 : end])

    def _next_colon(self, last: int, end: int) -> int:
        """The first word after a colon that follows word ``last``, or ``end``."""
        colon = bisect.bisect_right(self.after_colons, last)
        return min(end, self.after_colons[colon]) if colon < len(self.after_colons) else end

    def _denied_after(self, last: int, stop: int) -> bool:
        """Whether a negation after word ``last`` (before ``stop``) is followed closely by a word of needing or using:
        "Spark and Airflow are not used here", "Airflow isn't something you need"; not across a relative clause
        ("Airflow DAGs that don't need restarts")."""
        index = bisect.bisect_right(self.negations_before, (last, len(self.words)))
        for cue_first, cue_last in self.negations_before[index:]:
            if cue_first >= stop:
                break
            if not RELATIVES.isdisjoint(self.words[last + 1 : cue_first]):
                return False
            if not NEEDING.isdisjoint(self.words[cue_last + 1 : min(stop, cue_last + 1 + NEEDING_REACH)]):
                return True
        return False

    def _denied_before(self, begin: int, first: int) -> bool:
        """Whether a negation of needing stands anywhere in words ``begin``…``first - 1`` of the clause: "You do not
        need to have any hands-on experience with Docker"."""
        index = bisect.bisect_left(self.negations_before, (begin, -1))
        for cue_first, cue_last in self.negations_before[index:]:
            if cue_first >= first:
                return False
            if not NEEDING.isdisjoint(self.words[cue_last + 1 : min(first, cue_last + 1 + NEEDING_REACH)]):
                return True
        return False

    def _answered_no(self, last: int) -> bool:
        """Whether the mention ending at word ``last`` is a question answered by a negation: "Spark? Not needed."."""
        if last in self.questions:
            question = last
        elif last + 1 in self.questions and self.words[last + 1] in LIST_FILLERS:
            question = last + 1  # "Spark experience? Not required."
        else:
            return False
        found = bisect.bisect_left(self.negations_after, (question + 1, -1))
        return found < len(self.negations_after) and self.negations_after[found][0] == question + 1

    def _negated_reference(self, index: int) -> bool:
        """Whether word ``index`` is a pronoun that points back at what was just named and is negated: "Airflow and
        dbt are not used here, so you won't need them", "none of these", "…, dus die hoef je niet te kennen"."""
        word = self.words[index]
        if index == 0 or (word not in REFERENCES_AFTER and word not in OPENING_REFERENCES):
            return False
        if word in OPENED_REFERENCES and self.words[index - 1] in REFERENCE_OPENERS:
            return self.is_negated(index, index)
        before = self.words[index - 1]
        if word in REFERENCES_AFTER and (
            before in REFERENCE_AFTER or (before == "of" and index > 1 and self.words[index - 2] in ("none", "neither"))
        ):
            tail = self.words[index + 1 : self._clause_span(index)[1]]
            if len(tail) > REFERENCE_TAIL or not REFERENCE_NOT_FOLLOWED_BY.isdisjoint(tail):
                return False
        elif word not in OPENING_REFERENCES or not (
            self.clauses[index - 1] != self.clauses[index] or before in REFERENCE_OPENERS or self._after_colon(index)
        ):
            return False
        return self.is_negated(index, index)

    def _after_colon(self, index: int) -> bool:
        found = bisect.bisect_left(self.after_colons, index)
        return found < len(self.after_colons) and self.after_colons[found] == index

    def referred_sentences(self, index: int) -> tuple[int, ...]:
        """The sentences a pronoun at word ``index`` may point back into: its own, and the one before it on the
        same line ("Forget about Airflow; we don't use it")."""
        sentence = self.sentences[index]
        begin = bisect.bisect_left(self.sentences, sentence)
        if begin > 0 and "\n" not in self.text[self.ends[begin - 1] : self.starts[begin]]:
            return sentence, sentence - 1
        return (sentence,)

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
