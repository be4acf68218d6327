"""Negation scope: which mentions a vacancy says it does not ask for. One rule, on clauses.

- **Clauses.** A sentence is cut at its commas, colons, contrasts ("but", "maar", "wel"), conjunctions ("and",
  "en") and subordinate openers ("when", "if", "because", "als de", "omdat"…, and "that", "which", "die", "dat"…
  inside a clause), but never inside a mention nor between the names of a list: two names (a mention, a filler
  such as "experience with", a capitalised word) joined by a comma, "or", "and", "of", "en", "nor", "noch"… stay in
  one clause ("Spark, Airflow or Kafka is not needed"; but "Python is een must en Airflow gebruiken we niet").
- **The rule.** A mention is not asked when its clause carries a negation or a hedge (the editors' negation cues:
  "no", "not", "never", "without", "geen", "niet", "nooit", "hoeft", "hardly", "out of scope", "nauwelijks"…),
  wherever it stands in the clause: "Spark plays no part here", "met Airflow werken we niet", "Kubernetes is hardly
  used". In a subordinate clause only a negation of needing, using or knowing counts ("if you have never used
  Spark"; not "als de output niet klopt", "dat er geen dubbele bestellingen zijn"), and such a negation in a clause
  reaches the subordinate clauses that follow it ("We verwachten niet dat je Spark kent").
- **Unless** the negation is part of a phrase that matched ("niet ingevulde velden", "no row is lost": an item's
  concept, a requirement), or of an idiom that asks (the editors' not-negating cues: "don't shy away from",
  "geen moeite met", "not only"); a contrast opens a clause of its own, so it restores what follows it ("geen Azure,
  wel AWS", "No Scala, but strong Python").
- "Instead of", "in plaats van"… (the editors' cues of the next mention) negate only the mention right after them,
  and its list: "We use Dagster instead of Airflow".
- A topic of a colon or a question is not asked when the clause right after it is negated: "Spark? Not needed.",
  "Airflow: niet nodig", "Kubernetes? Daar doen we niets mee.".
- A negated pronoun that points back ("so you won't need it", "none of these", "dus die hoef je niet te kennen")
  negates the last mention before it in its sentence or the sentence before on its line, and that mention's list
  (the reader joins them: skills.vacancies.reading); one followed by its negation describes what it points at
  ("Airflow, dat niet altijd meewerkt") unless it denies needing it.
- A mention in a section of what is not needed ("What you don't need", "Wat je niet nodig hebt") is not asked.

A nice-to-have cue in the sentence still wins ("not essential, but welcome": skills.vacancies.layout). Its own
module because these rules reach across words, sentences and sections in ways the other parts of the layout do not;
they read the sentence indexes, the negation cues and where the mentions stand, and nothing reads them back but the
layout and the reader.
"""

import bisect

from skills.vacancies.cues import Occurrences, Section
from skills.vacancies.sentences import CLAUSE_BREAKS, CONJUNCTIONS, CONTRASTS, LIST_FILLERS, Sentences
from skills.vacancies.text import word_set

NEEDING = word_set(
    """
    need needs needed require requires required requirement prerequisite necessary must expect expected ask asked
    look use used uses using touch touched know knows known knowing master mastered work worked working worry
    nodig vereist vereiste eis voorwaarde noodzakelijk hoeft hoef hoeven gebruiken gebruikt vragen gevraagd
    verwachten verwacht kennen kent ken weten weet beheersen beheerst werken werkt gewerkt zorgen
    """
)  # what a negation in a subordinate clause or after a pronoun must deny: "if you have never used Spark"
PASSIVE = word_set(
    "needed required necessary expected used asked nodig vereist noodzakelijk gebruikt gevraagd verwacht"
)
PRONOUNS = word_set("i you we they he she je jij wij ze zij hij u men iemand niemand nobody")
SUBJECTS = PRONOUNS | word_set(
    "it the a an your our this that these those there de het een er jouw onze dit dat deze die"
)
PREDICATES = (
    PRONOUNS
    | NEEDING
    | word_set(
        "is are was were be zijn ben bent heeft hebt heb hebben has have will can do does don doesn wordt worden kun kunt "
        "kan moet mag zal"
    )
)  # a clause of its own beside a conjunction: "Python is een must en Airflow gebruiken we niet"
PUNCTUATION = frozenset(",:;.!?()—–")
GOALS = word_set(
    "sure ensure ensures"
)  # always open one: "make sure those heavy keys do not slow down the job" asks for it
SUBORDINATE = GOALS | word_set(
    "when whenever if because why while before after until unless once nadat totdat zodra tenzij"
)  # open a subordinate clause before a subject: "when the output…", not "when building pipelines"
SUBORDINATE_BREAKS = CLAUSE_BREAKS - CONTRASTS - {"wel"}  # "wanneer", "omdat"…, and "als de…": Sentences
RELATIVES = word_set("that which who whom whose where die dat wat waar waarmee waarin waarbij waarop")  # open one
# inside a clause: "Airflow DAGs that don't need restarts", "Je controleert dat er geen dubbele rijen zijn"; one
# whose subject is not the relative ("a tool that we don't use") or that says it is not used reaches back
NEXT_FILLERS = LIST_FILLERS | word_set("a an een any prior previous hands on eerdere")  # "without any hands-on…"
MAIN, SUBORDINATE_KIND, RELATIVE = "main", "subordinate", "relative"  # the kinds of clause
NOT_RELATIVE_AFTER = word_set("of van with met about over in on for voor to at by from uit bij")  # "none of that"
SHORT_VERDICT = 4  # words of a negated clause after a colon that judge what stands before it: "…: niet nodig"
REFERENCE_AFTER = frozenset(("need", "use", "know", "touch", "require", "expect", "run", "with"))  # "you won't
# need them", "you will not work with it"
REFERENCES_AFTER = frozenset(("it", "them", "those", "these", "either", "that"))  # the objects of those verbs
OPENING_REFERENCES = frozenset(("die", "dat", "deze", "these", "those", "daar", "daarmee"))  # "…, dus die hoef je
# niet te kennen", "Daar doen we niets mee."
POINTING_BACK = REFERENCES_AFTER | OPENING_REFERENCES
REFERENCE_OPENERS = frozenset(("dus", "want", "en", "maar", "so", "and", "but", "then", "dan"))
OPENED_REFERENCES = frozenset(("it",))  # only after an opener: "…, so it's not part of your job" ("It is not
# required to…" at the start of a sentence points at nothing)
REFERENCE_TAIL = 3  # "you won't need them in this team"
REFERENCE_NOT_FOLLOWED_BY = frozenset(("for", "to", "as", "when", "if", "voor", "om", "als"))  # "don't use it for X"


class NegationScope(Sentences):
    """Answers whether a mention is negated; the layout sets the negation cues and the sections it reads, the reader
    where the mentions stand (``read_mentions``)."""

    negations: Occurrences  # "no", "niet", "hardly"…, without the idioms that do not negate ("geen moeite met")
    negations_next: Occurrences  # "instead of", "in plaats van"
    sections: list[Section]

    def read_mentions(self, spans: list[tuple[int, int]]) -> None:
        """Reads the clauses and their negations, given the (first, last) words of every mention: the reader calls
        it once it knows where they stand, before it asks ``is_negated``."""
        spans = sorted(set(spans))
        self._named = {index for first, last in spans for index in range(first, last + 1)}
        self._read_clauses({index for first, last in spans for index in range(first + 1, last + 1)})
        count = len(self._clause_starts)
        self._negated = [False] * count  # per clause: it carries a negation
        needing, passive = [False] * count, [False] * count
        for index, word in enumerate(self.words):
            needing[self.negation_clauses[index]] |= word in NEEDING
            passive[self.negation_clauses[index]] |= word in PASSIVE
        self._first_negations = [len(self.words)] * count
        for first, last in reversed(self.negations):
            if self._named.isdisjoint(range(first, last + 1)):  # "niet ingevulde velden": part of the concept
                self._negated[self.negation_clauses[first]] = True
                self._first_negations[self.negation_clauses[first]] = first
        self._denies_needing = [self._negated[clause] and needing[clause] for clause in range(count)]
        self._denied = [False] * count  # per clause: what it names is not asked
        for clause in range(count):
            subordinate = self._kinds[clause] != MAIN
            self._denied[clause] = (self._denies_needing if subordinate else self._negated)[clause] or (
                subordinate and self._goes_on(clause) and (self._denies_needing[clause - 1] or self._denied[clause - 1])
            )  # "We verwachten niet dat je Spark kent"
            start = self._clause_starts[clause]
            if (
                self._kinds[clause] == RELATIVE
                and self._denies_needing[clause]
                and self._goes_on(clause)
                and (passive[clause] or self.words[start + 1] in PRONOUNS)
            ):
                self._denied[clause - 1] = True  # "Airflow is a tool that is not used here", "… die we niet gebruiken"
        self._negated_next = self._read_negated_next(spans)
        self.negated_references = self.read_negated_references()

    def _read_clauses(self, inside: set[int]) -> None:
        """Cuts the sentences into clauses by the module's rule: ``negation_clauses`` (word → clause),
        ``_clause_starts`` and ``_kinds`` (MAIN, SUBORDINATE or RELATIVE) per clause."""
        self.negation_clauses = [0] * len(self.words)
        self._clause_starts: list[int] = []
        self._kinds: list[str] = []
        for index in range(len(self.words)):
            kind = None
            if index == 0 or self.sentences[index] != self.sentences[index - 1]:
                kind = SUBORDINATE_KIND if self._opens_subordinate(index) else MAIN
            elif index not in inside:
                kind = self._cut(index, self._clause_starts[-1])
            if kind is not None:
                self._clause_starts.append(index)
                self._kinds.append(kind)
            self.negation_clauses[index] = len(self._clause_starts) - 1

    def _cut(self, index: int, begin: int) -> str | None:
        """The kind of clause word ``index`` opens inside a sentence whose clause began at word ``begin``, or None."""
        word = self.words[index]
        if self._opens_subordinate(index):
            return SUBORDINATE_KIND
        gap = self.text[self.ends[index - 1] : self.starts[index]]
        if ":" in gap or "—" in gap or "–" in gap or " - " in gap:
            return MAIN  # "Spark and Airflow belong to the data team — none of that is your concern"
        if word in CONJUNCTIONS or ("," in gap and word not in CLAUSE_BREAKS):
            following = index + 1 if word in CONJUNCTIONS else index
            listed = following < len(self.words) and self.sentences[following] == self.sentences[index]
            if listed and self._in_list(index - 1) and self._in_list(following):
                return None  # "Spark, Airflow or Kafka is not needed"
            if "," not in gap and not (
                PREDICATES.intersection(self.words[begin:index]) and self._predicate(index + 1, self._end(index))
            ):
                return None  # "Kennis van Spark en streaming is niet vereist", "You don't need a degree or Spark"
            return MAIN  # "Python is een must en Airflow gebruiken we niet"
        if self.clauses[index] != self.clauses[index - 1]:
            return MAIN
        return RELATIVE if word in RELATIVES and self.words[index - 1] not in NOT_RELATIVE_AFTER else None

    def _opens_subordinate(self, index: int) -> bool:
        word = self.words[index]
        if word in SUBORDINATE_BREAKS or word in GOALS or self._als_clause(index):
            return True
        return word in SUBORDINATE and index + 1 < len(self.words) and self.words[index + 1] in SUBJECTS

    def _predicate(self, begin: int, end: int) -> bool:
        """Whether words ``begin``…``end - 1`` after a conjunction hold a subject, a verb of needing or being, or a
        negation: a clause of their own ("… en Airflow gebruiken we niet", "… and no Spark"), not a noun that
        goes on the list ("no degree or Spark experience")."""
        found = bisect.bisect_left(self.negations, (begin, -1))
        negation = found < len(self.negations) and self.negations[found][0] < end
        return negation or not PREDICATES.isdisjoint(self.words[begin:end])

    def _end(self, index: int) -> int:
        """The word past what follows the conjunction at word ``index`` up to the next punctuation or conjunction."""
        end = index + 1
        while (
            end < len(self.words)
            and self.sentences[end] == self.sentences[index]
            and self.words[end] not in CONJUNCTIONS
            and not PUNCTUATION.intersection(self.text[self.ends[end - 1] : self.starts[end]])
        ):
            end += 1
        return end

    def _goes_on(self, clause: int) -> bool:
        """Whether ``clause`` follows the clause before it in its sentence with no comma or colon between."""
        start = self._clause_starts[clause]
        return (
            clause > 0
            and self.sentences[start - 1] == self.sentences[start]
            and not {",", ":"} & set(self.text[self.ends[start - 1] : self.starts[start]])
        )

    def _in_list(self, index: int) -> bool:
        """Whether word ``index`` may stand in a list: a mention's, a filler ("experience with"), a conjunction or
        a name."""
        word = self.words[index]
        return word not in CONTRASTS and (
            index in self._named
            or word in LIST_FILLERS
            or word in CONJUNCTIONS
            or self.text[self.starts[index]].isupper()
        )

    def _read_negated_next(self, spans: list[tuple[int, int]]) -> set[int]:
        """The first words of the mentions right after "instead of", "without", "zonder"… (fillers between: "without
        any Spark experience"; not "zonder waarschuwing een veld hernoemt"), and of their lists."""
        firsts = [first for first, _last in spans]
        negated = set()
        for _first, last in self.negations_next:
            found = bisect.bisect_right(firsts, last)
            if found == len(firsts) or not NEXT_FILLERS.issuperset(self.words[last + 1 : firsts[found]]):
                continue
            while found < len(firsts):
                negated.add(firsts[found])
                following = bisect.bisect_right(firsts, spans[found][1])
                if following == len(firsts) or not self.joined(spans[found][1], firsts[following]):
                    break
                found = following
        return negated

    def is_negated(self, first: int, last: int) -> bool:
        """Whether the mention of words ``first``…``last`` is not asked by the module's rule."""
        if self.sections[first] is Section.NOT_ASKED:
            return True
        clause = self.negation_clauses[first]
        return (
            (self._denied[clause] and not self._replaced(clause, first))
            or first in self._negated_next
            or self._topic_denied(clause)
        )

    def _replaced(self, clause: int, first: int) -> bool:
        """Whether the negation of ``clause`` stands after word ``first`` and denies no need, and a contrast follows
        it: the negation belongs to what the contrast replaces ("Type hints zijn geen luxe maar standaard"), not to
        what stands before it (but "Spark is not needed, but Python is")."""
        following = clause + 1
        return (
            not self._denies_needing[clause]
            and first < self._first_negations[clause]
            and following < len(self._clause_starts)
            and self.sentences[self._clause_starts[following]] == self.sentences[first]
            and self.words[self._clause_starts[following]] in CONTRASTS
        )

    def _topic_denied(self, clause: int) -> bool:
        """Whether ``clause`` is a question, or a topic before a colon on its line, and the clause after it is
        negated: "Spark? Not needed.", "Do I need Spark? No.", "Airflow: niet nodig"; a topic of names and fillers
        only ("Spark experience: we don't use it"), or any before a short verdict ("Bouwen van Spark-jobs: niet
        nodig")."""
        following = clause + 1
        if following >= len(self._clause_starts) or not self._negated[following]:
            return False
        begin, end = self._clause_starts[clause], self._clause_starts[following]
        gap = self.text[self.ends[end - 1] : self.starts[end]]
        if "?" in gap:
            return True
        if ":" not in gap or "\n" in gap:
            return False
        after = following + 1
        verdict = (self._clause_starts[after] if after < len(self._clause_starts) else len(self.words)) - end
        return verdict <= SHORT_VERDICT or all(self._in_list(index) for index in range(begin, end))

    def read_negated_references(self) -> list[int]:
        """The words that are a negated pronoun pointing back at what was just named, in order."""
        return [
            index
            for index in range(1, len(self.words))
            if self.words[index] in POINTING_BACK and self._negated_reference(index)
        ]

    def _negated_reference(self, index: int) -> bool:
        """Whether the pronoun at word ``index`` (one of POINTING_BACK, not the first word) points back at what was
        just named and is negated: "Airflow and dbt are not used here, so you won't need them", "none of these", "…,
        dus die hoef je niet te kennen"."""
        word = self.words[index]
        clause = self.negation_clauses[index]
        if word in OPENED_REFERENCES and self.words[index - 1] in REFERENCE_OPENERS:
            return self._negated[clause]
        before = self.words[index - 1]
        if word in REFERENCES_AFTER and (
            before in REFERENCE_AFTER or (before == "of" and index > 1 and self.words[index - 2] in ("none", "neither"))
        ):
            tail = self.words[index + 1 : self.clause_span(index)[1]]
            return len(tail) <= REFERENCE_TAIL and REFERENCE_NOT_FOLLOWED_BY.isdisjoint(tail) and self._negated[clause]
        if word not in OPENING_REFERENCES or not (
            self.clauses[index - 1] != self.clauses[index] or before in REFERENCE_OPENERS or self.after_colon(index)
        ):
            return False
        described = bisect.bisect_left(self.negations, (index + 1, -1))  # "Airflow, dat niet altijd meewerkt"
        if described < len(self.negations) and self.negations[described][0] == index + 1:
            return self._denies_needing[clause]
        return self._negated[clause]

    def referred_sentences(self, index: int) -> tuple[int, ...]:
        """The sentences a pronoun at word ``index`` may point back into: its own, and the one before it on the
        same line ("Forget about Airflow; we don't use it")."""
        sentence = self.sentences[index]
        begin = bisect.bisect_left(self.sentences, sentence)
        if begin > 0 and "\n" not in self.text[self.ends[begin - 1] : self.starts[begin]]:
            return sentence, sentence - 1
        return (sentence,)
