"""Negation scope: which mentions a vacancy says it does not ask for. One rule, on clauses.

- **Clauses** (skills.vacancies.clauses): a sentence is cut at commas, colons, dashes, contrasts, conjunctions
  between two clauses and subordinate openers, never inside a mention nor between the names of a list ("Spark,
  Airflow or Kafka is not needed"; but "Python is een must en Airflow gebruiken we niet").
- **The rule.** A mention is not asked when its clause carries a negation or a hedge (the editors' negation cues:
  "no", "not", "never", "geen", "niet", "nooit", "hoeft", "hardly", "out of scope", "nauwelijks", "bijzaak"…),
  wherever it stands in the clause: "Spark plays no part here", "met Airflow werken we niet", "Kubernetes is hardly
  used". In a subordinate clause only a negation of needing, using, knowing or having counts ("if you have never
  used Spark"; not "als de output niet klopt", "make sure no column changes type"); a negated clause reaches the
  subordinate clauses that go on from it ("We verwachten niet dat je Spark kent"), and a relative clause that says
  its antecedent is not needed reaches back to it ("Airflow is a tool that is not used here"; not a mention right
  before it: "shuffles die niet nodig zijn" is a fault the job removes). A sentence opened by "whether", "of" and a
  subject is not asked when the clause after it is negated and names nothing ("Of je Airflow kent, speelt geen
  rol").
- **Weak negations.** A main clause's negation that denies no need ("you never let one hot key stall the run", "You
  don't write row-by-row loops") and "instead of", "without"… ("managed identities in plaats van wachtwoorden") may
  be part of what the sentence asks: when the same item is asked elsewhere in that sentence, it stays asked
  (skills.vacancies.reading). A "no", "geen" right before the mention denies the thing itself, never weakly
  ("Cloudervaring: geen Azure, wel Docker"), but before an item's generic word in a clause that denies no need it
  describes the state the job keeps, which is asked ("no credentials live in code"; skills.vacancies.reading).
- **Unless** the negation is part of a phrase that matched ("niet ingevulde velden", "zonder downtime": an item's
  concept, a requirement), of an idiom that asks (the editors' not-negating cues: "don't shy away from", "geen
  moeite met", "not only"), cancelled by "without"/"zonder" in its clause ("Nothing reaches production without
  passing the tests"), or a bare "not"/"geen" that a contrast right after it replaces ("geen luxe maar standaard").
  A contrast opens a clause of its own, so it restores what follows it ("geen Azure, wel AWS", "No Scala, but strong
  Python").
- **Structure, not phrases.** A subject and a negated auxiliary before an aside reach the verb after it ("We do not,
  at any point in this job, expect you to tune Spark") until a contrast; a topic first in its sentence is denied by
  a bare answer ("Spark, no.", "Airflow, ook niet.") or by the negated verb it is the fronted object of ("Airflow, on
  the other hand, you will not need."); a negated label that points ahead negates the names after its colon ("None
  of these are needed: Spark, Airflow", "Geen van beide is nodig: …"); a negated relative clause on "something",
  "iets" describes the subject it is said of ("Airflow is iets wat je hier nooit zult zien").
- "Instead of", "without", "zonder"… (the editors' cues of the next mention) negate only the mention right after
  them, and its list: "We use Dagster instead of Airflow", "without any Spark experience".
- A question, or a topic before a colon, a dash or an aside, is not asked when the clause right after it is negated:
  "Spark? Not needed.", "Do I need Spark? No.", "Airflow: niet nodig", "Airflow (not required)"; a negated label
  before a colon reaches what follows it when it is only a verdict or goes on into names ("Geen vereiste: Docker",
  "No big data tooling: Spark, Kafka").
- A negated pronoun that points back ("so you won't need it", "none of that", "dus die hoef je niet te kennen",
  "speelt het geen rol") negates the last mention before it in its sentence, the sentence before on its line or the
  question a line of answers follows, and that mention's list (skills.vacancies.reading); one followed by its
  negation describes what it points at ("Airflow, dat niet altijd meewerkt") unless it denies needing it. "It",
  "het" opening a sentence that names nothing point back too ("Our analysts love pandas. It isn't part of this
  job."), unless they stand for a clause ("It is not required to…", "Het is niet nodig om…") or "het" is an article
  ("Het team werkt niet…"); a pronoun reaches past a sentence that points back itself ("… op Databricks. Dat
  platform hebben we uitgezet; je komt het dus nergens meer tegen.").
- A mention in a section of what is not needed ("What you don't need", "Wat je niet nodig hebt") is not asked; one
  the company text or the offer names and negates ("… op Azure. Daar ga jij niet mee werken") is not asked either,
  unless the job asks for it elsewhere.

A nice-to-have cue in the sentence still wins ("not essential, but welcome": skills.vacancies.layout). Its own
module because these rules reach across words, sentences and sections in ways the other parts of the layout do not;
they read the clauses, the negation cues and where the mentions stand, and nothing reads them back but the layout
and the reader.
"""

import bisect

from skills.vacancies.clauses import MAIN, NEEDING, PASSIVE, PRONOUNS, RELATIVE, WHETHER, Clauses
from skills.vacancies.cues import Occurrences, Section, any_within
from skills.vacancies.sentences import CONTRASTS, LIST_FILLERS
from skills.vacancies.text import word_set

NEXT_FILLERS = LIST_FILLERS | NEEDING | word_set("a an een any prior previous hands on of van in eerdere ever ooit")
NEXT_FILLERS |= word_set("having hebben")
# what may stand between "without", "zonder"… and the mention they negate: "without any hands-on Spark experience"
NEXT_REACH = 3
LACKING = word_set("without zonder")  # name what is lacking, which may be any noun ("without warning in the Spark
# job", "klanten zonder adres en dubbele rijen"): they reach a mention through fillers only, not loosely like
# "instead of managing our own Airflow"
VERDICT_ENDS = word_set("nodig needed required necessary vereist noodzakelijk")  # "Geen Scala nodig: …" has ended
REPLACEABLE = word_set("no not geen niet")  # the negations a contrast may replace: "not a luxury but standard"
DENYING_THE_THING = word_set("no geen")  # right before a mention, the negation denies the thing itself, never weakly:
# "Cloudervaring: geen Azure, wel Docker"
RESTORING = CONTRASTS | {"wel"}  # a clause opened by these restores what its sentence negated: "geen Azure, wel AWS"
REPLACED_REACH = 3  # from a negation to the contrast that replaces what it negates: "geen luxe maar standaard"
VERDICT_WORDS = (
    NEEDING
    | LIST_FILLERS
    | word_set(
        "a an een for voor this deze de het the rol role job functie position positie here hier of van in prior eerdere "
        "is are zijn part onderdeel relevant following volgende tools tooling technologies technologieën frameworks"
    )
)  # a negated label of these negates what follows its colon ("Not needed for this role: Spark"), a negated
# comment of these what stands before it ("Spark-jobs bouwen – niet vereist voor deze functie")
REFERENCE_AFTER = word_set("need needed use used know known touch touched require expect run with")  # "you won't
# need them", "you will not work with it"
REFERENCES_AFTER = frozenset(("it", "them", "those", "these", "either", "that"))  # the objects of those verbs
OPENING_REFERENCES = frozenset(("die", "dat", "deze", "these", "those", "daar", "daarmee"))  # "…, dus die hoef je
# niet te kennen", "Daar doen we niets mee."
NEGATED_REFERENCES = frozenset(("het",))  # a pronoun, not an article, before its negation: "in jouw werk speelt het
# geen rol", "voor jou is het geen onderdeel van het werk"
POINTING_BACK = REFERENCES_AFTER | OPENING_REFERENCES | NEGATED_REFERENCES
REFERENCE_OPENERS = frozenset(("dus", "want", "en", "maar", "so", "and", "but", "then", "dan"))
OPENED_REFERENCES = frozenset(("it",))  # only after an opener: "…, so it's not part of your job" ("It is not
# required to…" at the start of a sentence points at nothing)
REFERENCE_TAIL = 3  # "you won't need them in this team"
REFERENCE_NOT_FOLLOWED_BY = frozenset(("for", "to", "as", "when", "if", "voor", "om", "als"))  # "don't use it for X"
SUBJECT_REFERENCES = frozenset(("it", "het"))  # first in a sentence, the subject that points back: "Our analysts
# love pandas. It isn't part of this job, though."; "Het is voor deze rol geen vereiste."
EXTRAPOSED = frozenset(("to", "that", "if", "whether", "om", "dat", "als"))  # "It is not required to travel": the
# subject is the clause that follows, not what was named before
FINITE_AFTER_HET = word_set("is was wordt werd hoeft hoort speelt komt staat zal zou kan mag moet blijft")  # "Het
# is…", a pronoun; "Het team…", an article
ADVERBS_BEFORE_NEGATION = word_set("dus ook echt nog zeker verder daarom eigenlijk helemaal overigens trouwens immers")
# "je komt het dus nergens meer tegen": the pronoun is still the one negated
INDEFINITE_HEADS = word_set("something anything thing iets ding")  # a relative clause on these describes the
# subject they are said of: "Airflow is iets wat je hier nooit zult zien"
ALSO = word_set("also either too at all ook evenmin helemaal")  # beside a bare negation: "Airflow, ook niet."
OPEN_NEGATION_WORDS = 4  # "We do not, at any point in this job, expect you to…": a subject and a negated auxiliary
# whose verb follows an aside


class NegationScope(Clauses):
    """Answers whether a mention is negated; the layout sets the negation cues and the sections it reads, the reader
    where the mentions stand (``read_mentions``)."""

    negations: Occurrences  # "no", "niet", "hardly"…, without the idioms that do not negate ("geen moeite met")
    negations_next: Occurrences  # "instead of", "in plaats van"
    sections: list[Section]

    def read_mentions(self, spans: list[tuple[int, int]]) -> None:
        """Reads the clauses and their negations, given the (first, last) words of every mention: the reader calls
        it once it knows where they stand, before it asks ``is_negated``."""
        spans = sorted(set(spans))
        self.read_clauses(spans)
        count = len(self.clause_starts)
        self._negated = [False] * count  # per clause: it carries a negation
        needing, passive = [False] * count, [False] * count
        for index in [index for index, word in enumerate(self.words) if word in NEEDING]:
            needing[self.negation_clauses[index]] = True
        for index in [index for index, word in enumerate(self.words) if word in PASSIVE]:
            passive[self.negation_clauses[index]] = True
        self._first_negations = [len(self.words)] * count
        self._negation_words = {index for first, last in self.negations for index in range(first, last + 1)}
        for first, last in reversed(self.negations):
            if self.named.isdisjoint(range(first, last + 1)):  # "niet ingevulde velden": part of the concept
                self._negated[self.negation_clauses[first]] = True
                self._first_negations[self.negation_clauses[first]] = first
        self._double = {self.negation_clauses[first] for first, _last in self.negations_next} & {
            clause for clause in range(count) if self._negated[clause]
        }  # "Nothing reaches production without passing the checks", "geen artikel zonder prijs": it asks
        for clause in self._double:
            self._negated[clause] = False
        self._denies_needing = [self._negated[clause] and needing[clause] for clause in range(count)]
        self._denied = [False] * count  # per clause: what it names is not asked
        self._weak = [False] * count  # per clause: denied only by a main clause's negation that denies no need
        carried = [False] * count  # per clause: a negated auxiliary before an aside reaches it
        for clause in range(count):
            subordinate = self.clause_kinds[clause] != MAIN
            own = (self._denies_needing if subordinate else self._negated)[clause]
            chained = subordinate and self.goes_on(clause) and self._denied[clause - 1]
            whether = subordinate and self._whether_denied(clause)
            carried[clause] = clause > 0 and (carried[clause - 1] or self._open_negation(clause - 1))
            carried[clause] = carried[clause] and self._same_sentence_unrestored(clause)
            if carried[clause] and not self._negated[clause]:
                self._first_negations[clause] = self._first_negations[clause - 1]
            self._denied[clause] = own or chained or whether or carried[clause]  # "We verwachten niet dat je Spark
            # kent", "It doesn't matter if you know Spark", "We do not, at any point, expect you to tune Spark"
            self._weak[clause] = (
                not self._denies_needing[clause]
                and not whether
                and not carried[clause]
                and (own or self._weak[clause - 1])
            )
            start = self.clause_starts[clause]
            if (
                self.clause_kinds[clause] == RELATIVE
                and (
                    self._denies_needing[clause]
                    or (self._negated[clause] and self.words[start - 1] in INDEFINITE_HEADS)
                )
                and self.goes_on(clause)
                and ((passive[clause] and start - 1 not in self.named) or self.words[start + 1] in PRONOUNS)
            ):  # not "shuffles die niet nodig zijn": what it says of a mention right before it is a fault to fix
                self._denied[clause - 1] = True  # "Airflow is a tool that is not used here", "… die we niet gebruiken"
                self._weak[clause - 1] = False
        self._topics: dict[int, bool] = {}  # per clause, once asked
        self._verdicts: dict[int, bool] = {}
        self._named_words = sorted(self.named)
        self._negated_next = self._read_negated_next(spans)
        self.negated_references = self.read_negated_references()

    def _clause_end(self, clause: int) -> int:
        return self.clause_starts[clause + 1] if clause + 1 < len(self.clause_starts) else len(self.words)

    def _open_negation(self, clause: int) -> bool:
        """Whether ``clause`` is a subject and a negated auxiliary whose verb is still to come after an aside, naming
        nothing: "We do not, at any point in this job, expect you to tune Spark", "Wij verwachten niet, ook later
        niet, dat…"."""
        begin, end = self.clause_starts[clause], self._clause_end(clause)
        return (
            end - begin <= OPEN_NEGATION_WORDS
            and self.words[begin] in PRONOUNS
            and self._negated[clause]
            and end - 1 in self._negation_words
            and self.named.isdisjoint(range(begin, end))
        )

    def _same_sentence_unrestored(self, clause: int) -> bool:
        """Whether ``clause`` goes on the sentence of the clause before it and opens with no contrast."""
        start = self.clause_starts[clause]
        return self.sentences[start] == self.sentences[start - 1] and self.words[start] not in RESTORING

    def _whether_denied(self, clause: int) -> bool:
        """Whether ``clause`` opens its sentence with "whether", "of"… and the clause after it says, naming nothing,
        that it does not matter: "Of je Airflow kent, speelt geen rol", "Whether you know Spark, it does not
        matter"."""
        start, following = self.clause_starts[clause], clause + 1
        if self.words[start] not in WHETHER or following >= len(self.clause_starts) or not self._negated[following]:
            return False
        begin = self.clause_starts[following]
        end = self.clause_starts[following + 1] if following + 1 < len(self.clause_starts) else len(self.words)
        return self.sentences[begin] == self.sentences[start] and self.named.isdisjoint(range(begin, end))

    def _read_negated_next(self, spans: list[tuple[int, int]]) -> set[int]:
        """The first words of the mentions right after "instead of", "without", "zonder"… in their clause, and of
        their lists: at most three words after "instead of"… in a main clause ("instead of managing our own Airflow"),
        or into the clause that "without", "zonder"… open ("zonder dat je Airflow kent"), or after fillers and words of
        needing only ("without any hands-on Spark experience", "without ever having used Spark"; not "als een
        leverancier zonder waarschuwing een veld hernoemt", "without warning in the Spark job")."""
        firsts = [first for first, _last in spans]
        negated = set()
        for cue_first, last in self.negations_next:
            if self.negation_clauses[last] in self._double or not self.named.isdisjoint(range(cue_first, last + 1)):
                continue  # a double negation asks; "zonder downtime" is a phrase
            found = bisect.bisect_right(firsts, last)
            cue_clause = self.negation_clauses[last]
            clauses = {cue_clause, self.negation_clauses[min(last + 1, len(self.words) - 1)]}
            if found == len(firsts) or self.negation_clauses[firsts[found]] not in clauses:
                continue  # its own clause, or the one it opens: "zonder dat je Spark kent"
            between = self.words[last + 1 : firsts[found]]
            loose = (
                len(between) <= NEXT_REACH
                and self.clause_kinds[cue_clause] == MAIN
                and (self.words[last] not in LACKING or self.negation_clauses[firsts[found]] != cue_clause)
            )  # "zonder dat je Airflow kent": "without" reaches loosely into the clause it opens
            if not (loose or NEXT_FILLERS.issuperset(between)):
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
            or self._verdict_before(clause)
        )

    def is_weakly_negated(self, first: int, last: int) -> bool:
        """Whether the mention of words ``first``…``last`` is negated only by its main clause's negation that denies
        no need, or by "instead of", "without"…: a negation that may be part of what its sentence asks for ("you
        never let one hot key stall the run", "managed identities in plaats van wachtwoorden"), unlike "Spark is not
        needed", "Spark? No.", a section of what is not needed."""
        clause = self.negation_clauses[first]
        return (
            self.is_negated(first, last)
            and self.sections[first] is not Section.NOT_ASKED
            and (first == 0 or self.words[first - 1] not in DENYING_THE_THING)
            and not (self._denied[clause] and not self._weak[clause] and not self._replaced(clause, first))
            and not self._topic_denied(clause)
            and not self._verdict_before(clause)
        )

    def denies_a_state(self, first: int) -> bool:
        """Whether the mention at word ``first`` is negated only by a "no", "geen" right before it, in a clause that
        denies no need, outside a section of what is not needed: for a generic word of an item's concept that
        describes the state the job keeps ("no credentials live in code", "geen wachtwoorden in de repository"), not
        what it does not need (a skill's or a tool's name: "No Spark in our stack")."""
        clause = self.negation_clauses[first]
        return (
            first > 0
            and self.words[first - 1] in DENYING_THE_THING
            and self._first_negations[clause] == first - 1
            and not self._denies_needing[clause]
            and self.sections[first] is not Section.NOT_ASKED
            and not self._topic_denied(clause)
            and not self._verdict_before(clause)
        )

    def _replaced(self, clause: int, first: int) -> bool:
        """Whether the negation of ``clause`` is a bare "not", "geen"… after word ``first`` that denies no need, and a
        contrast follows it within two words: the negation belongs to what the contrast replaces ("Type hints zijn
        geen luxe maar standaard"), not to what stands before it (but "Spark is not needed, but Python is", "Spark is
        not part of the stack, but…", "Spark is out of scope, but…")."""
        following = clause + 1
        negation = self._first_negations[clause]
        return (
            not self._denies_needing[clause]
            and first < negation
            and following < len(self.clause_starts)
            and self.sentences[self.clause_starts[following]] == self.sentences[first]
            and self.words[self.clause_starts[following]] in CONTRASTS
            and self.clause_starts[following] - negation <= REPLACED_REACH
            and self.words[negation] in REPLACEABLE
        )

    def in_denied_topic(self, index: int) -> bool:
        """Whether word ``index`` stands in a question or topic that the clause after it denies: a nice cue there
        does not count ("Is Spark een pré? Nee.")."""
        return self._topic_denied(self.negation_clauses[index])

    def _topic_denied(self, clause: int) -> bool:
        """:meth:`_read_topic_denied`, read once per clause: every mention of a long list asks it."""
        if clause not in self._topics:
            self._topics[clause] = self._read_topic_denied(clause)
        return self._topics[clause]

    def _read_topic_denied(self, clause: int) -> bool:
        """Whether ``clause`` is a question, or a topic before a colon, a dash or an aside on its line, and the clause
        after it is negated: "Spark? Not needed.", "Do I need Spark? No.", "Airflow: niet nodig", "Kafka – not
        required", "Airflow (not required)"; after a topic of names and fillers only ("Spark experience: we don't use
        it") or before a verdict ("Spark-jobs bouwen: niet nodig voor deze rol"), that names nothing itself (not
        "Python (no Spark or Scala needed)")."""
        following = clause + 1
        if following >= len(self.clause_starts):
            return False
        begin, end = self.clause_starts[clause], self.clause_starts[following]
        gap = self.gaps[end]
        topic = "," in gap and all(self.in_list(index) for index in range(begin, end))
        if topic and (begin == 0 or self.sentences[begin - 1] != self.sentences[begin]) and self._gap_denied(following):
            return True  # "Airflow, on the other hand, you will not need."
        if not self._negated[following]:
            return False
        if "?" in gap or (topic and self._bare_negation(following)):
            return True  # "Spark? Not needed.", "Spark, no.", "Airflow, ook niet."
        if not (self.labels(end) or "(" in gap) or "\n" in gap:
            return False
        after = following + 1
        verdict = range(end, self.clause_starts[after] if after < len(self.clause_starts) else len(self.words))
        return self.named.isdisjoint(verdict) and (
            self._only_verdict(verdict) or all(self.in_list(index) for index in range(begin, end))
        )

    def _bare_negation(self, clause: int) -> bool:
        """Whether ``clause`` ends its sentence and holds nothing but negations and a word such as "also", "ook":
        an answer to the topic before it ("Spark, no.", "Airflow, ook niet.")."""
        end = self._clause_end(clause)
        words = range(self.clause_starts[clause], end)
        return (
            (end == len(self.words) or self.sentences[end] != self.sentences[end - 1])
            and any(index in self._negation_words for index in words)
            and all(index in self._negation_words or self.words[index] in ALSO for index in words)
        )

    def _gap_denied(self, clause: int) -> bool:
        """Whether the sentence goes on from ``clause`` through asides that name nothing to a last clause that denies
        needing and ends on its verb, whose object is the topic before them ("Airflow, on the other hand, you will
        not need.", "Airflow, daarentegen, hoef je niet te kennen.", "Airflow, eerlijk gezegd, gebruiken we niet.")."""
        start = self.clause_starts[clause]
        end = bisect.bisect_right(self.sentences, self.sentences[start])
        last = bisect.bisect_right(self.clause_starts, end - 1) - 1
        return (
            self._denies_needing[last]
            and (self.words[end - 1] in NEEDING or end - 1 in self._negation_words)
            and not any_within(self._named_words, start, end)
        )

    def _only_verdict(self, words: range) -> bool:
        """Whether ``words`` hold nothing but negations and words of a verdict: "not needed for this role"."""
        return all(index in self._negation_words or self.words[index] in VERDICT_WORDS for index in words)

    def _verdict_before(self, clause: int) -> bool:
        """:meth:`_read_verdict_before`, read once per clause: every mention of a long list asks it."""
        if clause not in self._verdicts:
            self._verdicts[clause] = self._read_verdict_before(clause)
        return self._verdicts[clause]

    def _read_verdict_before(self, clause: int) -> bool:
        """Whether ``clause`` follows a negated label of a colon on its line that holds nothing but the verdict
        ("Geen vereiste: Docker", "Not needed for this role: Spark"), or a negated label of a colon or a dash whose
        negation goes on into the names after it ("No big data tooling: Spark, Kafka", "Geen streaming – Kafka,
        Flink"; not "Geen Scala nodig: wij werken in Python", "Irrelevant here — your tools are SQL")."""
        if clause == 0 or not self._negated[clause - 1]:
            return False
        begin, end = self.clause_starts[clause - 1], self.clause_starts[clause]
        if not self.labels(end) or self.sentences[begin] != self.sentences[end]:
            return False
        following = self.clause_starts[clause + 1] if clause + 1 < len(self.clause_starts) else len(self.words)
        colon = ":" in self.gaps[end]
        names = all(self.in_list(index) for index in range(end, following))
        return (
            (colon and self._only_verdict(range(begin, end)))
            or (VERDICT_ENDS.isdisjoint(self.words[begin:end]) and names)
            or (
                colon and names and self._denies_needing[clause - 1] and self.named.isdisjoint(range(begin, end))
            )  # "None of these are needed: Spark, Airflow", "Geen van beide is nodig: Spark en Airflow"
        )

    def negated_by_references(self, lasts: list[int]) -> list[int]:
        """Of the mentions ending at words ``lasts`` (in order), the positions a negated pronoun reaches: the last
        mention before it in the sentences it points back into, and that mention's list (the mentions of its
        clause): "We moved off Airflow and dbt, so you won't need them"."""
        reached = []
        for reference in self.negated_references:
            sentences = self.referred_sentences(reference)
            before = [
                position
                for position, last in enumerate(lasts)
                if last < reference and self.sentences[last] in sentences
            ]
            if before:
                clause = self.negation_clauses[lasts[before[-1]]]
                reached += [position for position in before if self.negation_clauses[lasts[position]] == clause]
        return reached

    def read_negated_references(self) -> list[int]:
        """The words that are a negated pronoun pointing back at what was just named, in order."""
        return [
            index
            for index, word in enumerate(self.words)
            if index and word in POINTING_BACK and self._negated_reference(index)
        ]

    def _negated_reference(self, index: int) -> bool:
        """Whether the pronoun at word ``index`` (one of POINTING_BACK, not the first word) points back at what was
        just named and is negated: "Airflow and dbt are not used here, so you won't need them", "none of these", "…,
        dus die hoef je niet te kennen"."""
        word = self.words[index]
        clause = self.negation_clauses[index]
        described = bisect.bisect_left(self.negations, (index + 1, -1))
        negation_follows = described < len(self.negations) and self.negations[described][0] == index + 1
        if word in SUBJECT_REFERENCES and self._subject_pointing_back(index):
            return self._negated[clause]
        if word in NEGATED_REFERENCES:
            adverbs = index + 1
            while adverbs < index + 3 and adverbs < len(self.words) and self.words[adverbs] in ADVERBS_BEFORE_NEGATION:
                adverbs += 1  # "je komt het dus nergens meer tegen"
            described = bisect.bisect_left(self.negations, (adverbs, -1))
            negated_next = described < len(self.negations) and self.negations[described][0] == adverbs
            return negated_next and self._negated[clause]
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
        if negation_follows:  # "Airflow, dat niet altijd meewerkt": it describes what it points at
            return self._denies_needing[clause]
        return self._negated[clause]

    def _subject_pointing_back(self, index: int) -> bool:
        """Whether the "it", "het" at word ``index`` opens its sentence as a subject that points back: its sentence
        names nothing and has no clause it stands for ("It is not required to…", "Het is niet nodig om…"), and
        "het" is followed by its verb, not a noun ("Het is geen vereiste", not "Het team werkt niet met…")."""
        sentence = self.sentences[index]
        if self.sentences[index - 1] == sentence:
            return False
        end = bisect.bisect_right(self.sentences, sentence)
        if not self.named.isdisjoint(range(index, end)) or not EXTRAPOSED.isdisjoint(self.words[index + 1 : end]):
            return False
        return self.words[index] != "het" or (index + 1 < end and self.words[index + 1] in FINITE_AFTER_HET)

    def referred_sentences(self, index: int) -> tuple[int, ...]:
        """The sentences a pronoun at word ``index`` may point back into: its own, the one before it on its line
        ("Forget about Airflow; we don't use it"), and a question on the line right before those ("En Docker?\n
        Die beheert onze ICT-dienstverlener. Daar hoef je je niet mee bezig te houden.")."""
        referred = [self.sentences[index]]
        begin = bisect.bisect_left(self.sentences, referred[-1])
        while begin > 0:
            gap = self.gaps[begin]
            if "\n" in gap and (gap.count("\n") > 1 or "?" not in gap):
                break
            if "\n" not in gap and len(referred) > 1 and (len(referred) > 2 or not self._points_back_itself(begin)):
                break  # one sentence back, or two past one that points back itself
            referred.append(self.sentences[begin - 1])
            if "\n" in gap:
                break
            begin = bisect.bisect_left(self.sentences, referred[-1])
        return tuple(referred)

    def _points_back_itself(self, begin: int) -> bool:
        """Whether the sentence that starts at word ``begin`` names nothing and opens with a word that points back,
        so a pronoun after it points past it ("Vroeger draaiden we op Databricks. Dat platform hebben we uitgezet; je
        komt het nergens meer tegen.")."""
        end = bisect.bisect_right(self.sentences, self.sentences[begin])
        return self.words[begin] in POINTING_BACK and not any_within(self._named_words, begin, end)
