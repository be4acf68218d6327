"""How the negation rule cuts a vacancy's sentences into clauses (skills.vacancies.negation reads them).

A sentence is cut at its commas, colons, dashes, contrasts ("but", "maar", "wel"), conjunctions between two clauses
("Python is een must en Airflow gebruiken we niet", "… and no Spark") and subordinate openers ("when the", "if
you", "als de", "omdat", "make sure"…, and "that", "which", "die", "dat"… inside a clause), but never inside a
mention, before examples ("such as dbt or Airflow", "zoals"), nor between the names of a list: two names (a
mention, a filler such as "experience with", a capitalised word) joined by a comma, "or", "and", "of", "en", "nor",
"noch"… stay in one clause ("Spark, Airflow or Kafka is not needed"), and so does a conjunction followed by a noun
that goes on the list ("You don't need a degree or any Spark experience").

A clause is main, subordinate (opened by a conjunction: "if you have never used Spark") or relative (opened by
"that", "die"… inside a clause: "Airflow DAGs that don't need restarts").
"""

import bisect

from skills.vacancies.cues import Occurrences
from skills.vacancies.sentences import CLAUSE_BREAKS, CONJUNCTIONS, CONTRASTS, LIST_FILLERS, Sentences
from skills.vacancies.text import word_set

NEEDING = word_set(
    """
    need needs needed require requires required requirement prerequisite necessary must expect expected ask asked
    look use used uses using touch touched know knows known knowing master mastered work worked working worry
    nodig vereist vereiste eis voorwaarde noodzakelijk hoeft hoef hoeven gebruiken gebruikt vragen gevraagd
    verwachten verwacht kennen kent ken weten weet beheersen beheerst werken werkt gewerkt zorgen
    have has had hebt heb hebben heeft experience ervaring part relevant onderdeel deel scope
    involve involves involved involving omvat omvatten
    """
)  # what a negation in a subordinate clause or after a pronoun must deny: "if you have never used Spark"
PASSIVE = word_set(
    "needed required necessary expected used asked nodig vereist noodzakelijk gebruikt gevraagd verwacht"
)
# a negation with one of these says that a thing is not needed or used: "a tool that is not used here"
PRONOUNS = word_set("i you we they he she je jij wij ze zij hij u men iemand niemand nobody")
SUBJECTS = PRONOUNS | word_set(
    "it the a an your our this that these those there de het een er jouw onze dit dat deze die"
)
PREDICATES = PRONOUNS | word_set(
    "it is are was were be zijn ben bent heeft hebt heb hebben has have will can do does don doesn wordt worden kun "
    "kunt kan moet mag zal must"
)  # a clause of its own beside a conjunction: "Python is een must en Airflow gebruiken we niet"
PUNCTUATION = frozenset(",:;.!?()—–")
GOALS = word_set("sure ensure ensures")  # always open one: "make sure those heavy keys do not slow down the
# job" asks for it
SUBORDINATE = GOALS | word_set(
    "when whenever if because why while before after until unless once nadat totdat zodra tenzij"
)  # open a subordinate clause before a subject: "when the output…", not "when building pipelines"
SUBORDINATE_BREAKS = CLAUSE_BREAKS - CONTRASTS - {"wel"}  # "wanneer", "omdat"…, and "als de…": Sentences
RELATIVES = word_set("that which who whom whose where die dat wat waar waarmee waarin waarbij waarop")  # open one
# inside a clause: "Airflow DAGs that don't need restarts", "Je controleert dat er geen dubbele rijen zijn"; one
# whose subject is not the relative ("a tool that we don't use") or that says it is not used reaches back
WHETHER = word_set("whether of")  # open a subordinate clause at the start of a sentence, before a subject: "Of je
# Airflow kent, speelt geen rol" (not "Spark of je eigen scheduler")
EXAMPLES = word_set("such like including zoals waaronder bijvoorbeeld")  # examples belong to what they illustrate
NOTED = word_set("note noted remember mind aware")  # "Note that pandas is missing from this list": what
# follows is said for itself, as a main clause, not of something before it
NOT_RELATIVE_AFTER = word_set(
    "of van with met about over in on for voor to at by from uit bij inside into within onto through across behind via"
)  # "none of that", "inside that database": after a preposition "that" points, it opens no clause
MAIN, SUBORDINATE_KIND, RELATIVE = "main", "subordinate", "relative"  # the kinds of clause
CUTTING = SUBORDINATE_BREAKS | SUBORDINATE | GOALS | EXAMPLES | CONJUNCTIONS | RELATIVES | CLAUSE_BREAKS | {"als"}
# the words that may cut a clause after a single space; any other word after one goes on with its clause


class Clauses(Sentences):
    """The clauses the negation rule reads, once the reader knows where its mentions stand."""

    negations: Occurrences  # set by the layout: a clause holding one is a clause of its own beside a conjunction

    def read_clauses(self, spans: list[tuple[int, int]]) -> None:
        """Cuts the sentences into clauses by the module's rule, given the (first, last) words of every mention:
        ``negation_clauses`` (word → clause), ``clause_starts`` and ``clause_kinds`` per clause."""
        self.named = {index for first, last in spans for index in range(first, last + 1)}
        inside = {index for first, last in spans for index in range(first + 1, last + 1)}
        self.negation_clauses = [0] * len(self.words)
        self.clause_starts: list[int] = []
        self.clause_kinds: list[str] = []
        words, sentences, negation_clauses = self.words, self.sentences, self.negation_clauses
        # Only a word after more than a single space (a new sentence too) or one of CUTTING may open a clause.
        may_open = set(self.positions(CUTTING)).union(self.marked)
        filled = 0  # the words before it have their clause
        for index in sorted(may_open | {0}) if words else ():
            kind = None
            if index == 0 or sentences[index] != sentences[index - 1]:
                kind = SUBORDINATE_KIND if self._opens_subordinate(index) else MAIN
            elif index not in inside:
                kind = self._cut(index, self.clause_starts[-1])
            if kind is not None:
                negation_clauses[filled:index] = [len(self.clause_starts) - 1] * (index - filled)
                filled = index
                self.clause_starts.append(index)
                self.clause_kinds.append(kind)
        negation_clauses[filled:] = [len(self.clause_starts) - 1] * (len(words) - filled)

    def _cut(self, index: int, begin: int) -> str | None:
        """The kind of clause word ``index`` opens inside a sentence whose clause began at word ``begin``, or None."""
        word = self.words[index]
        if self._opens_subordinate(index):
            return SUBORDINATE_KIND
        gap = self.gaps[index]
        if self.labels(index) or ("(" in gap and self._closing_aside(index)):
            return MAIN  # "Spark and Airflow belong to the data team — none of that is your concern"
        if word in EXAMPLES:
            return None  # "any of the data team's tooling, such as dbt or Airflow"
        if word in CONJUNCTIONS or ("," in gap and word not in CLAUSE_BREAKS):
            following = index + 1 if word in CONJUNCTIONS else index
            listed = following < len(self.words) and self.sentences[following] == self.sentences[index]
            if listed and self.in_list(index - 1) and self.in_list(following):
                return None  # "Spark, Airflow or Kafka is not needed"
            if "," not in gap and not (
                PREDICATES.intersection(self.words[begin:index]) and self._own_subject(index + 1, self._end(index))
            ):
                return None  # "Kennis van Spark en streaming is niet vereist", "You don't need a degree or Spark"
            return MAIN  # "Python is een must en Airflow gebruiken we niet"
        if self.clauses[index] != self.clauses[index - 1]:
            return MAIN
        if word in RELATIVES and self.words[index - 1] in NOTED:
            return MAIN
        return RELATIVE if word in RELATIVES and self.words[index - 1] not in NOT_RELATIVE_AFTER else None

    def labels(self, index: int) -> bool:
        """Whether a colon or a dash stands before word ``index``: what stands before it labels what follows."""
        gap = self.gaps[index]
        return ":" in gap or "—" in gap or "–" in gap or " - " in gap

    def _closing_aside(self, index: int) -> bool:
        """Whether the parenthesis before word ``index`` holds a negation and closes at the end of its sentence: a
        comment of its own ("3+ years of Python (no Spark needed)."), not examples ("No big data tools (Spark,
        Kafka).") nor an aside inside its clause ("Cloud (Azure/AWS) is not needed")."""
        closing = self.text.find(")", self.starts[index])
        line_end = self.text.find("\n", self.starts[index])
        rest = self.text[closing + 1 : len(self.text) if line_end < 0 else line_end] if closing >= 0 else "x"
        found = bisect.bisect_left(self.negations, (index, -1))
        negated = found < len(self.negations) and self.starts[self.negations[found][0]] < closing
        return negated and not rest.strip(" .,;!?")

    def _opens_subordinate(self, index: int) -> bool:
        word = self.words[index]
        if word in SUBORDINATE_BREAKS or word in GOALS or self.als_clause(index):
            return True
        if word in WHETHER and (index == 0 or self.sentences[index] != self.sentences[index - 1]):
            return index + 1 < len(self.words) and self.words[index + 1] in SUBJECTS
        return word in SUBORDINATE and index + 1 < len(self.words) and self.words[index + 1] in SUBJECTS

    def _own_subject(self, begin: int, end: int) -> bool:
        """Whether words ``begin``…``end - 1`` after a conjunction hold a subject or a negation of their own: a
        clause of their own ("… en Airflow gebruiken we niet", "… and no Spark"), not a noun or a verb that goes on
        with the clause before ("no degree or Spark experience", "You don't need to know Python or have used
        Airflow")."""
        found = bisect.bisect_left(self.negations, (begin, -1))
        negation = found < len(self.negations) and self.negations[found][0] < end
        return negation or not PRONOUNS.isdisjoint(self.words[begin:end])

    def _end(self, index: int) -> int:
        """The word past what follows the conjunction at word ``index`` up to the next punctuation or conjunction."""
        end = index + 1
        while (
            end < len(self.words)
            and self.sentences[end] == self.sentences[index]
            and self.words[end] not in CONJUNCTIONS
            and not PUNCTUATION.intersection(self.gaps[end])
        ):
            end += 1
        return end

    def clause_end(self, clause: int) -> int:
        """The word past the last of ``clause``."""
        return self.clause_starts[clause + 1] if clause + 1 < len(self.clause_starts) else len(self.words)

    def clause_starts_between(self, first: int, end: int) -> list[int]:
        """The first words of the clauses that open after word ``first`` and before word ``end``."""
        return self.clause_starts[
            bisect.bisect_right(self.clause_starts, first) : bisect.bisect_left(self.clause_starts, end)
        ]

    def goes_on(self, clause: int) -> bool:
        """Whether ``clause`` follows the clause before it in its sentence with no comma or colon between."""
        start = self.clause_starts[clause]
        return (
            clause > 0 and self.sentences[start - 1] == self.sentences[start] and not {",", ":"} & set(self.gaps[start])
        )

    def in_list(self, index: int) -> bool:
        """Whether word ``index`` may stand in a list: a mention's, a filler ("experience with"), a conjunction or
        a name."""
        word = self.words[index]
        return word not in CONTRASTS and (
            index in self.named
            or word in LIST_FILLERS
            or word in CONJUNCTIONS
            or self.text[self.starts[index]].isupper()
        )
