"""Negation scope: which mentions a vacancy says it does not ask for.

- A mention is not asked for when it stands in a section of what is not needed ("What you don't need", "Wat je
  niet nodig hebt") before any colon of its line (what follows "Airflow:" explains), or its clause has "geen",
  "niet", "nooit", "no", "not", "don't"… at most seven words before it ("geen Spark-ervaring nodig", "no Airflow
  needed", "nog nooit met Airflow gewerkt?") or "niet" among its last two words, or "is not" as its last two, with
  no "and", "en"… in between ("met Airflow werken we niet", "cloud is welcome, Spark is not"; a colon ends that
  tail: "SQL is een must, Spark niet: …"), or "not required", "niet nodig", "hoeft niet", "isn't part of"… at
  most six words after it; idioms such as "geen moeite met" and "not only" do not negate. A negation that ended
  before a colon stops there ("Geen Scala nodig: wij werken in Python"), and a clause opened by "als de…",
  "wanneer", "omdat"… is one of its own ("je debugt pipelines als de output niet klopt").
- A negation after a mention that denies needing or using it reaches it ("Spark and Airflow are not used here",
  "Airflow isn't something you need"), but not across a relative clause ("DAGs that don't need restarts"); one
  before it that denies needing reaches its whole clause ("You do not need any hands-on experience with Docker");
  "nobody", "none", "nor", "niemand" negate; a question answered by a negation is negated ("Spark? Not needed.").
- A negated pronoun that points back ("so you won't need it", "none of these", "dus die hoef je niet te kennen")
  negates the last mention before it in its sentence or the sentence before on its line, and its list (the reader
  joins them: skills.vacancies.reading).

Its own module because these rules reach across words, sentences and sections in ways the other parts of the
layout do not; they read the sentence indexes and the negation cues, and nothing reads them back but the layout.
"""

import bisect

from skills.vacancies.cues import Occurrences, Section, any_between
from skills.vacancies.sentences import CONJUNCTIONS, LIST_FILLERS, Sentences
from skills.vacancies.text import word_set

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
POINTING_BACK = REFERENCES_AFTER | OPENING_REFERENCES
REFERENCE_OPENERS = frozenset(("dus", "want", "en", "maar", "so", "and", "but", "then", "dan"))
OPENED_REFERENCES = frozenset(("it",))  # only after an opener: "…, so it's not part of your job" ("It is not
# required to…" at the start of a sentence points at nothing)
REFERENCE_TAIL = 3  # "you won't need them in this team"
REFERENCE_NOT_FOLLOWED_BY = frozenset(("for", "to", "as", "when", "if", "voor", "om", "als"))  # "don't use it for X"
CLAUSE_TAIL = 2  # "met Airflow werken we niet": Dutch puts "niet" among the last words of the mention's clause
TAIL_NEGATIONS = frozenset(("niet", "nooit"))
TAIL_PAIRS = frozenset((("is", "not"), ("are", "not"), ("isn", "t"), ("aren", "t")))  # "…, Spark is not."


class NegationScope(Sentences):
    """Answers whether a mention is negated; the layout sets the negation cues and the sections it reads."""

    negations_before: Occurrences  # "geen", "no", "not"…, without the idioms that do not negate ("geen moeite met")
    negations_after: Occurrences  # "not required", "niet nodig"…
    sections: list[Section]

    def read_negated_references(self) -> list[int]:
        """The words that are a negated pronoun pointing back at what was just named, in order."""
        return [
            index
            for index in range(1, len(self.words))
            if self.words[index] in POINTING_BACK and self._negated_reference(index)
        ]

    def is_negated(self, first: int, last: int) -> bool:
        """Whether the mention of words ``first``…``last`` is negated in its clause or stands in a section of what
        is not needed (see the module's rule)."""
        if self.sections[first] is Section.NOT_ASKED:
            return True
        begin, end = self.clause_span(first)
        window = max(begin, first - WORDS_BEFORE - 1)
        stop = min(end, last + 1 + WORDS_AFTER)
        before = bisect.bisect_right(self.after_colons, first) - 1
        colon = self.after_colons[before] if before >= 0 else -1  # the first word after the last colon before it
        if colon > window and not NEGATION_ENDS.isdisjoint(self.words[window:colon]):
            window = colon  # "Geen Scala nodig: wij werken in Python": the negation ended before the colon
        negated_before = any_between(self.negations_before, window, first) or self._denied_before(
            max(begin, colon), first
        )
        if negated_before or any_between(self.negations_after, last + 1, stop):
            return True
        if self._denied_after(last, min(stop, self.next_colon(last, end))) or self._answered_no(last):
            return True
        # a Dutch tail ("Spark niet") ends at a colon too: "SQL is een must, Spark niet: onze volumes zijn klein"
        end = self.next_colon(last, end)
        stop = min(end, stop)
        tail = max(last + 1, end - CLAUSE_TAIL)
        return (
            not TAIL_NEGATIONS.isdisjoint(self.words[tail:stop])
            or (end - 2 > last and end <= stop and tuple(self.words[end - 2 : end]) in TAIL_PAIRS)
        ) and CONJUNCTIONS.isdisjoint(self.words[last + 1 : end])

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
        """Whether the pronoun at word ``index`` (one of POINTING_BACK, not the first word) points back at what was
        just named and is negated: "Airflow and dbt are not used here, so you won't need them", "none of these", "…,
        dus die hoef je niet te kennen"."""
        word = self.words[index]
        if word in OPENED_REFERENCES and self.words[index - 1] in REFERENCE_OPENERS:
            return self.is_negated(index, index)
        before = self.words[index - 1]
        if word in REFERENCES_AFTER and (
            before in REFERENCE_AFTER or (before == "of" and index > 1 and self.words[index - 2] in ("none", "neither"))
        ):
            tail = self.words[index + 1 : self.clause_span(index)[1]]
            if len(tail) > REFERENCE_TAIL or not REFERENCE_NOT_FOLLOWED_BY.isdisjoint(tail):
                return False
        elif word not in OPENING_REFERENCES or not (
            self.clauses[index - 1] != self.clauses[index] or before in REFERENCE_OPENERS or self.after_colon(index)
        ):
            return False
        return self.is_negated(index, index)

    def referred_sentences(self, index: int) -> tuple[int, ...]:
        """The sentences a pronoun at word ``index`` may point back into: its own, and the one before it on the
        same line ("Forget about Airflow; we don't use it")."""
        sentence = self.sentences[index]
        begin = bisect.bisect_left(self.sentences, sentence)
        if begin > 0 and "\n" not in self.text[self.ends[begin - 1] : self.starts[begin]]:
            return sentence, sentence - 1
        return (sentence,)
