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
  "Spark? Not needed.", "Do I need Spark? No.", "Airflow: niet nodig", "Airflow (not required)", or when the answer
  names nothing and ends on a pronoun's short verdict ("Pandas? Only finance touches it — you won't."); a negated label
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
- Hand-over and phase-out (skills.vacancies.handover): what another team handles, what lies outside the role or is
  retired or replaced is negated by the editors' cues ("handled by", "ligt bij het", "daar zorgt", "buiten je
  takenpakket", "wound down", "uitgezet", "replaced"); what takes over after "by", "door", "with" is asked ("cron is
  replaced by Airflow"), and so is a task of replacing ("Replacing pandas loops with NumPy", "Je vervangt…"). A
  negated clause opened by its verb after a comma denies its subject before it ("Alles wat met Python te maken
  heeft, ligt buiten je takenpakket").
- A mention in a section of what is not needed ("What you don't need", "Wat je niet nodig hebt") is not asked; one
  the company text or the offer names and negates ("… op Azure. Daar ga jij niet mee werken") is not asked either,
  unless the job asks for it elsewhere.

A nice-to-have cue in the sentence still wins ("not essential, but welcome": skills.vacancies.layout). Its own
module because these rules reach across words, sentences and sections in ways the other parts of the layout do not;
they read the clauses, the negation cues and where the mentions stand, and nothing reads them back but the layout
and the reader. The topics a clause denies (skills.vacancies.topics) and the pronouns that point back
(skills.vacancies.references) have modules of their own, read through this one.
"""

import bisect

from skills.vacancies.clauses import MAIN, NEEDING, PASSIVE, PRONOUNS, RELATIVE, WHETHER
from skills.vacancies.cues import Occurrences, Section
from skills.vacancies.handover import HandingOver
from skills.vacancies.parties import OtherParties
from skills.vacancies.references import PointingBack
from skills.vacancies.sentences import CONTRASTS, LIST_FILLERS
from skills.vacancies.text import word_set
from skills.vacancies.topics import DeniedTopics

OWN = word_set("your jouw")  # "Not needed: dbt. If your SQL is good you will pick it up": the candidate's own skill,
# which a section of what is not needed does not list

NEXT_FILLERS = LIST_FILLERS | NEEDING | word_set("a an een any prior previous hands on of van in eerdere ever ooit")
NEXT_FILLERS |= word_set("having hebben needing requiring to learn te hoeven leren")
# what may stand between "without", "zonder"… and the mention they negate: "without any hands-on Spark experience",
# "without needing Spark"
NEXT_REACH = 3
LACKING = word_set("without zonder")  # name what is lacking, which may be any noun ("without warning in the Spark
# job", "klanten zonder adres en dubbele rijen"): they reach a mention through fillers only, not loosely like
# "instead of managing our own Airflow"
REPLACEABLE = word_set("no not geen niet")  # the negations a contrast may replace: "not a luxury but standard"
DENYING_THE_THING = word_set("no geen")  # right before a mention, the negation denies the thing itself, never weakly:
# "Cloudervaring: geen Azure, wel Docker"
RESTORING = CONTRASTS | {"wel"}  # a clause opened by these restores what its sentence negated: "geen Azure, wel AWS"
REPLACED_REACH = 3  # from a negation to the contrast that replaces what it negates: "geen luxe maar standaard"
INDEFINITE_HEADS = word_set("something anything thing iets ding")  # a relative clause on these describes the
# subject they are said of: "Airflow is iets wat je hier nooit zult zien"
ABSENT = word_set("nowhere nergens")  # in a main clause, before the job or its stack, these say the thing is not
# there at all, as strongly as "not needed": "Spark is nowhere in this job", even beside "we looked at Databricks"
# in its sentence (not "wachtwoorden staan nergens in de code", the state the job keeps)
THE_JOB = word_set("job role position stack team work functie rol baan werk vacature opdracht")
ABSENT_REACH = 4  # "nowhere in this job", "nergens in jouw dagelijkse werk"
OPEN_NEGATION_WORDS = 4  # "We do not, at any point in this job, expect you to…": a subject and a negated auxiliary
# whose verb follows an aside


class NegationScope(DeniedTopics, PointingBack, HandingOver, OtherParties):
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
        for index in self.positions(NEEDING):
            needing[self.negation_clauses[index]] = True
        for index in self.positions(ABSENT):
            if self.clause_kinds[self.negation_clauses[index]] == MAIN and not THE_JOB.isdisjoint(
                self.words[index + 1 : index + 1 + ABSENT_REACH]
            ):
                needing[self.negation_clauses[index]] = True
        for index in self.positions(PASSIVE):
            passive[self.negation_clauses[index]] = True
        self._first_negations = [len(self.words)] * count
        self._negation_words = {index for first, last in self.negations for index in range(first, last + 1)}
        for first, last in reversed(self.negations):
            if (
                self.named.isdisjoint(range(first, last + 1))
                and not self.replacing_task(first, last)
                and not self.hands_to_a_product(last)
            ):
                # "niet ingevulde velden": part of the concept
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
            chained = subordinate and clause > 0 and self._denied[clause - 1] and self.goes_on(clause)
            whether = subordinate and self._whether_denied(clause)
            carried[clause] = clause > 0 and (
                carried[clause - 1] or (self._negated[clause - 1] and self._open_negation(clause - 1))
            )  # the cheap test first: most clauses carry no negation
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
        for clause in range(count):
            if self._negated[clause] and (self.verb_after_its_subject(clause) or self.job_not_for(clause)):
                for before in range(clause - 1, -1, -1):
                    self._denied[before] = True
                    self._weak[before] = self._weak[clause]
                    begin = self.clause_starts[before]
                    if begin == 0 or self.sentences[begin - 1] != self.sentences[begin]:
                        break
        self._negated_at: dict[int, bool] = {}  # per first word of a mention, once asked
        self._topics: dict[int, bool] = {}  # per clause, once asked
        self._verdicts: dict[int, bool] = {}
        self._parties: dict[int, int | None] = {}
        self._clause_facts = {}
        self._sentences_with_you = {}
        self._last_moved_to = {}
        self._named_words = sorted(self.named)
        self._negated_next = self._read_negated_next(spans)
        self.negated_references = self.read_negated_references()

    def _open_negation(self, clause: int) -> bool:
        """Whether ``clause`` is a subject and a negated auxiliary whose verb is still to come after an aside, naming
        nothing: "We do not, at any point in this job, expect you to tune Spark", "Wij verwachten niet, ook later
        niet, dat…"."""
        begin, end = self.clause_starts[clause], self.clause_end(clause)
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
        """Whether the mention of words ``first``…``last`` is not asked by the module's rule. Read once per first
        word, all the rule reads: an item and a tool on the same words, and the cues around a mention, ask again."""
        if first not in self._negated_at:
            self._negated_at[first] = self._read_negated(first)
        return self._negated_at[first]

    def _read_negated(self, first: int) -> bool:
        if self.sections[first] is Section.NOT_ASKED and (first == 0 or self.words[first - 1] not in OWN):
            return True
        clause = self.negation_clauses[first]
        return (
            (self._denied[clause] and not self._replaced(clause, first) and not self.substitutes(clause, first))
            or first in self._negated_next
            or self.topic_denied(clause)
            or self.verdict_before(clause)
            or self.theirs(clause, first)
            or self.moved_from(first)
        )

    def is_theirs(self, first: int) -> bool:
        """Whether the mention at word ``first`` names what another party uses, or what the team's finished move
        left: not asked, yet unlike a denial it leaves the job's own mention of the same thing asked ("The developers
        ship container images" beside "You know Docker"; "In 2023 the team switched from pandas to PySpark" beside
        "Strong pandas skills")."""
        return self.theirs(self.negation_clauses[first], first) or self.moved_from(first)

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
            and not self.topic_denied(clause)
            and not self.verdict_before(clause)
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
            and not self.topic_denied(clause)
            and not self.verdict_before(clause)
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
            and first < negation < len(self.words)  # a clause denied by one before it has no negation of its own
            and following < len(self.clause_starts)
            and self.sentences[self.clause_starts[following]] == self.sentences[first]
            and self.words[self.clause_starts[following]] in CONTRASTS
            and self.clause_starts[following] - negation <= REPLACED_REACH
            and self.words[negation] in REPLACEABLE
        )
