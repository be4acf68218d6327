"""How a vacancy is laid out: its sections, sentences and the cue words around a mention; the one object the rest
of the reader asks about a mention.

- **Sections** (skills.vacancies.headings): a heading opens a section that lasts until the next one. A mention in a
  "what we offer", "about us" ("About Voltwise", "Over Zekerzorg") or "what you will learn" ("Wat ga je leren?",
  "Jouw ontwikkeling") section describes the employer and the training it gives; it is not asked for.
- **Negation** (skills.vacancies.negation): a mention whose clause carries a negation or a hedge, a question or
  topic whose answer is negated, one a pronoun pointing back or a section of what is not needed says is not needed
  is not asked, whatever section it stands in, unless its sentence also calls it a plus ("not required, but a
  plus"): then it is nice to have.
- **Nice to have**: a mention in a nice-to-have section, or in a sentence with a cue such as "is een pré", "bij
  voorkeur", "is a plus", "preferably", "but not required". A cue does not reach past a "must" or a "but" ("SQL is
  a must, Docker is a plus"; but "Spark is geen vereiste, maar wel een plus"), and one in a sentence that refers
  back makes the question before it nice ("Know Docker? That's a plus."). So is a mention the sentence wishes for
  rather than demands, with no must in it: followed closely by the conditional ("Python would be handy", "Docker
  zou handig zijn"; not "You would be building Spark jobs"), guessed at ("You might also know Docker"), in a
  condition on the candidate ("Als je Docker kent, …", "Heb je Docker-ervaring, dan …"; not "als er één mislukt"),
  or before a contrast that denies a must ("Docker is mooi, maar geen eis"). Everything else a vacancy names is
  required.
- **Offered**: what a sentence offers as training is not asked ("we will train you in Airflow", "bij ons leer je
  werken met dbt"): at most seven words after the cue, in its clause, with no "must" or "but" between.

The words' sentences and clauses are read in skills.vacancies.sentences and the editors' cues matched in
skills.vacancies.cues; this module keeps the names the rest of the reader imports.
"""

import bisect

from skills.vacancies.clauses import MAIN
from skills.vacancies.cues import (
    ASKING_NOTHING,
    NEGATION,
    NEGATION_NEXT,
    NICE,
    NOT_NEGATING,
    OFFERED,
    Cues,
    Section,
    any_within,
)
from skills.vacancies.headings import Headings
from skills.vacancies.negation import RESTORING, NegationScope
from skills.vacancies.sentences import CONJUNCTIONS, CONTRASTS, LIST_FILLERS
from skills.vacancies.text import WordColumns, word_set

__all__ = ("ASKING_NOTHING", "CONJUNCTIONS", "LIST_FILLERS", "RESTORING", "Cues", "Layout", "Section")  # what the
# reader imports

FORWARD_NICE = frozenset(("bij", "preferably", "ideally", "idealiter", "liefst"))  # the first words of the
# nice cues that make only what follows them nice ("cloudomgevingen, bij voorkeur AWS")
MUSTS = word_set(
    "must essential mandatory need needed required necessary nodig vereist vereiste noodzakelijk verplicht eis"
)  # a nice or offer cue does not reach past these: "SQL is a must, Spark is a plus"…
CUE_CONTRASTS = CONTRASTS | word_set("although though")  # …nor these: "Docker is a plus, but SQL is a must"
NOT_A_MUST = frozenset(("not", "no", "geen", "niet", "isn", "aren"))  # "a plus, not a must" does not stop it
REFERRING = frozenset(("that", "this", "it", "dat", "dit", "het", "daarmee", "ermee", "therewith"))  # "Know Docker?
# That's a plus.", "Python gebruiken we voor tooling; ervaring daarmee is mooi meegenomen."
CONDITIONALS = word_set("would zou zouden")  # after what they are said of, a wish, not a demand: "Python would be
# handy", "Ervaring met Docker zou handig zijn"
CONDITIONAL_REACH = 5
HEDGES = word_set("maybe perhaps might possibly misschien wellicht mogelijk eventueel")  # "You might also know
# Docker", "Misschien heb je al met Docker gewerkt": a guess at the candidate, not a demand
KNOWING = word_set("know knows known worked used experience familiar kent ken kennen gewerkt gebruikt ervaring bekend")
IF_WORDS = word_set("if als mocht indien")  # a mention in a condition on the candidate is welcome, not demanded:
# "Als je Docker kent, is dat fijn"; so is one in a Dutch condition that opens with its verb: "Heb je
# Docker-ervaring, dan is dat mooi"
SECOND_PERSON = word_set("you je jij u")
THEN = word_set("dan then")
NOT_A_MUST_REACH = 3  # "…, maar geen eis", "…, but not mandatory": a contrast that denies a must
OFFER_REACH = 7  # the words after an offer cue it reaches: "We will train you in Airflow and dbt"


class Layout(NegationScope, Headings):
    """The words of a vacancy with their line's section, sentence and clause; answers questions about a mention."""

    def __init__(self, text: str, cues: Cues, columns: WordColumns | None = None) -> None:
        """``columns``: the words of ``text`` (skills.vacancies.text.word_columns), when the caller has them already."""
        super().__init__(text, columns)
        self.cues = cues
        self.sections = [Section.PLAIN] * len(self.words)
        self.heading_words = set()
        found_cues = cues.occurrences(self.words, self.positions(cues.by_first_word.keys()))
        idioms = {index for first, last in found_cues[NOT_NEGATING] for index in range(first, last + 1)}
        denied = [span for span in found_cues[NEGATION] if span[1] > span[0]]  # "not even as a plus": the plus too
        self.nice_cues = [  # without those in an idiom that asks ("not optional", "niet optioneel") or in a negation
            (first, last)
            for first, last in found_cues[NICE]
            if idioms.isdisjoint(range(first, last + 1))
            and not any(start <= first and last <= end for start, end in denied)
        ]
        self.nice_sentences = {
            self.sentences[first] for first, last in self.nice_cues if self.sentences[first] == self.sentences[last]
        }
        self.nice_cue_words = [first for first, _last in self.nice_cues]
        self._nice_cue_span = max((last - first for first, last in self.nice_cues), default=0)
        self.forward_nice_cues = {first for first in self.nice_cue_words if self.words[first] in FORWARD_NICE}
        self.negations = [  # without those in an idiom that asks: "don't shy away from", "geen moeite met"
            (first, last) for first, last in found_cues[NEGATION] if idioms.isdisjoint(range(first, last + 1))
        ]
        self.negations_next = found_cues[NEGATION_NEXT]
        self.offer_cues = found_cues[OFFERED]
        self.offer_sentences = {self.sentences[first] for first, _last in self.offer_cues}
        self._offer_reach = OFFER_REACH + max((last - first for first, last in self.offer_cues), default=0)  # the
        # words before a mention where an offer cue that reaches it may start
        self._musts = [  # where a must stands ("must", not "not a must"), in order
            index for index in self.positions(MUSTS) if NOT_A_MUST.isdisjoint(self.words[max(0, index - 2) : index])
        ]
        self._contrasts = self.positions(CUE_CONTRASTS)  # "but", "maar"…
        self._conditionals = self.positions(CONDITIONALS)
        self._hedges = self.positions(HEDGES)
        self._knowing = self.positions(KNOWING)
        self._wishing_sentences = {  # the sentences where a wish may stand: the rest need not be read for one
            self.sentences[index]
            for positions in (self._conditionals, self._hedges, self._contrasts, self.positions(IF_WORDS | THEN))
            for index in positions
        }
        self.read_sections()
        self.nice_questions = {self._question_answered(first) for first, _last in self.nice_cues} - {None}

    def section(self, first: int) -> Section:
        """The section word ``first`` stands in."""
        return self.sections[first] if self.sections else Section.PLAIN

    def has_nice_cue(self, first: int) -> bool:
        """Whether the sentence of word ``first`` calls what it names a plus, or answers its question so ("Know
        Docker? That's a plus."). A cue does not reach past a "must" or a "but" ("SQL is a must, Spark is a plus",
        "Docker is a plus, but SQL is a must"), nor back from a later clause to a mention its clause negates ("Cloud
        experience is welcome, Spark is not"); "bij voorkeur", "preferably"… only reach what follows them
        ("cloudomgevingen, bij voorkeur AWS")."""
        if not self.sentences:
            return False
        sentence = self.sentences[first]
        if sentence in self.nice_questions or self._wished(first):
            return True
        if sentence not in self.nice_sentences:
            return False
        begin, end = self._nice_cues_in_reach(first, sentence)
        for cue, cue_last in self.nice_cues[begin:end]:
            if (cue > first and cue in self.forward_nice_cues) or self.in_denied_topic(cue):
                continue
            if self._stops_a_cue(*((first + 1, cue) if cue > first else (cue_last + 1, first)), mention=first):
                continue
            if cue < first and self.clauses[cue] < self.clauses[first] and self.is_negated(first, first):
                continue
            return True
        return False

    def _nice_cues_in_reach(self, first: int, sentence: int) -> tuple[int, int]:
        """Where the nice cues of ``sentence`` that may reach word ``first`` begin and end in ``nice_cues``: none past
        the nearest "must" on either side of it (nor "but", unless it is negated), nor one in an earlier clause when
        it is negated. A sentence of many musts and pluses was read once per mention over all its cues."""
        sentence_begin = bisect.bisect_left(self.sentences, sentence)
        sentence_end = bisect.bisect_right(self.sentences, sentence)
        negated = self.is_negated(first, first)
        stops = (self._musts,) if negated else (self._musts, self._contrasts)
        after = [words[found] for words in stops if (found := bisect.bisect_left(words, first + 1)) < len(words)]
        before = [words[found - 1] for words in stops if (found := bisect.bisect_left(words, first)) > 0]
        low = max(sentence_begin, max(before, default=sentence_begin) - self._nice_cue_span)  # a cue ends after it
        if negated:
            low = max(low, self.clause_span(first)[0])
        high = min(sentence_end, min(after, default=sentence_end) + 1)
        return bisect.bisect_left(self.nice_cues, (low, -1)), bisect.bisect_left(self.nice_cues, (high, -1))

    def _wished(self, first: int) -> bool:
        """Whether the sentence of word ``first`` wishes for it rather than demands it, with no must and no negation
        of the mention: a "would", "zou" closely after it in its clause ("Python would be handy", "Kennis van Docker
        zou handig zijn"; not "Spark would be essential", "You would be building Spark jobs"), a guess at what the
        candidate knows in its clause ("You might also know Docker", "Misschien heb je al met Docker gewerkt"), a
        condition on the candidate it stands in ("Als je Docker kent, is dat fijn", "Heb je Docker-ervaring, dan is
        dat mooi"; not "als er één mislukt"), or a contrast right after it that denies a must ("Docker is mooi, maar
        geen eis"). Each test finds its words by bisection, so a sentence of thousands of mentions reads in time
        that grows with it."""
        sentence = self.sentences[first]
        if sentence not in self._wishing_sentences:
            return False
        begin = bisect.bisect_left(self.sentences, sentence)
        end = bisect.bisect_right(self.sentences, sentence)
        if self._not_a_must_after(first, end):
            return True
        if any_within(self._musts, begin, end) or self.is_negated(first, first):
            return False
        clause_begin, clause_end = self.clause_span(first)
        if any_within(self._conditionals, first + 1, min(clause_end, first + CONDITIONAL_REACH + 1)):
            return True
        if any_within(self._hedges, clause_begin, clause_end) and any_within(self._knowing, clause_begin, clause_end):
            return True  # a guess at what the candidate knows, not at the tasks: "Tasks might include Spark jobs"
        clause = self.negation_clauses[first]
        condition = self.clause_starts[clause]
        if self.clause_kinds[clause] != MAIN and self.words[condition] in IF_WORDS and condition + 1 < end:
            return self.words[condition + 1] in SECOND_PERSON  # a condition on the candidate, not an event
        following = bisect.bisect_right(self.clause_starts, first)
        return (
            begin + 1 < end
            and self.words[begin + 1] in SECOND_PERSON
            and following < len(self.clause_starts)
            and self.clause_starts[following] < end
            and self.words[self.clause_starts[following]] in THEN
        )

    def _not_a_must_after(self, first: int, end: int) -> bool:
        """Whether the first contrast after word ``first`` in its sentence denies a must, with no must before it:
        "Docker is mooi, maar geen eis", "Airflow is handy but not mandatory"."""
        found = bisect.bisect_right(self._contrasts, first)
        if found == len(self._contrasts) or self._contrasts[found] >= end:
            return False
        contrast = self._contrasts[found]
        denial = self.words[contrast + 1 : contrast + 1 + NOT_A_MUST_REACH]
        return (
            not any_within(self._musts, first + 1, contrast)
            and bool(denial)
            and denial[0] in NOT_A_MUST
            and not MUSTS.isdisjoint(denial)
        )

    def is_offered(self, first: int) -> bool:
        """Whether an offer cue stands at most seven words before word ``first`` in its clause, with no "must" or
        "but" between: "We will train you in Airflow and dbt", "In de eerste maand leer je werken met Airflow"."""
        if self.sentences[first] not in self.offer_sentences:
            return False
        sentence_begin = bisect.bisect_left(self.sentences, self.sentences[first])
        begin = bisect.bisect_left(self.offer_cues, (max(sentence_begin, first - self._offer_reach), -1))  # not every
        # cue of a long sentence: one further back ends too far away
        return any(
            cue_last < first
            and first - cue_last <= OFFER_REACH
            and self.clauses[cue_last] == self.clauses[first]
            and not self._stops_a_cue(cue_last + 1, first, mention=first)
            for _cue, cue_last in self.offer_cues[begin : bisect.bisect_left(self.offer_cues, (first, -1))]
        )

    def _stops_a_cue(self, begin: int, end: int, *, mention: int) -> bool:
        """Whether words ``begin``…``end - 1`` hold a "must" (not "not a must") or a "but" (unless the mention is
        negated: "Spark is geen vereiste, maar wel een plus")."""
        if bisect.bisect_left(self._musts, begin) < bisect.bisect_left(self._musts, end):
            return True
        contrasts = bisect.bisect_left(self._contrasts, begin) < bisect.bisect_left(self._contrasts, end)
        return contrasts and not self.is_negated(mention, mention)

    def _question_answered(self, cue: int) -> int | None:
        """The sentence before the nice cue at word ``cue`` when it is a question, or a clause before a semicolon, on
        the same line that the cue's sentence refers back to ("Heb je met Docker gewerkt? Dan is dat een pluspunt.",
        "Python gebruiken we voor tooling; ervaring daarmee is mooi meegenomen."), else None."""
        sentence = self.sentences[cue]
        begin = bisect.bisect_left(self.sentences, sentence)
        if begin == 0 or REFERRING.isdisjoint(self.words[begin:cue]):
            return None
        gap = self.gaps[begin]
        if "\n" in gap or ("?" not in gap and (";" not in gap or self._names_a_product(begin, cue))):
            return None  # "…; it is the core of the job and Docker is a plus" is said of Docker
        return sentence - 1

    def _names_a_product(self, begin: int, end: int) -> bool:
        """Whether a word within words ``begin``…``end - 1`` other than the first is written with a capital."""
        return any(self.text[self.starts[index]].isupper() for index in range(begin + 1, end))
