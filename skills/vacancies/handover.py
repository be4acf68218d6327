"""Who takes a thing over, and what a clause opened by its verb is about (skills.vacancies.negation reads them): "Our
cron jobs are replaced by Airflow" asks for Airflow, "Airflow is bij ons vervangen door Kubeflow" not for Airflow;
"Replacing slow pandas loops with NumPy" is a task that asks for both, and so is a replacement under way ("Client is
replacing a tangle of cron jobs with a proper pipeline"); "Alles wat met Python te maken heeft, ligt
buiten je takenpakket" denies its subject before the comma; a hand-over to a product ("clusters managed by
Databricks") negates nothing, only one to people or a team ("handled by our platform team"). Its own module because
these rules read a clause against the cue that negates it and the clauses before it, where the negation rule reads
one clause at a time.
"""

import bisect

from skills.vacancies.clauses import MAIN, PREDICATES, RELATIVE, Clauses
from skills.vacancies.cues import Occurrences
from skills.vacancies.text import word_set

REPLACED_BY = word_set("by door with met")  # after a verb of replacing, they name what takes over: "Airflow is
# replaced by Dagster", "We are replacing cron with Airflow"
SUBSTITUTES = REPLACED_BY | {"bij"}  # and after a hand-over cue they are part of, who takes over: "handled by our
# platform team", "ligt bij het platformteam" (not "vervangt bij ons Airflow")
REPLACING = word_set("replace replaces replaced replacing vervangen vervangt verving vervingen ingeruild")  # a task
# when the candidate does it ("Replacing slow pandas loops with NumPy", "Je vervangt trage loops…"), which asks for
# what it replaces; not when the team has done it ("Airflow is bij ons vervangen door Kubeflow")
ONGOING = word_set("replacing")  # "Client is replacing a tangle of cron jobs with a proper pipeline": the work the
PROGRESSIVE = word_set("is are re")  # job joins, which asks for what it replaces, unlike "has replaced", "replaced by"
PASSIVE_AUXILIARIES = word_set("is are was were be been being wordt worden werd werden zijn")  # "Airflow is replaced
# by …", "Airflow is bij ons vervangen door …": the subject is what is replaced
MOVES = word_set(
    "move moves moving moved migrate migrated migrating overgestapt afgestapt phase phases phased phasing retired "
    "dropped uitgefaseerd"
)  # a negation cue of a move the team made (its verb; not "off your plate", "het werk van"): what it moved to, after
# the cue, is asked ("We moved away from pandas to PySpark", "We have phased out pandas in favour of PySpark")
MOVED_TO = word_set("to naar")
IN_FAVOUR = {"of": word_set("favour favor"), "van": word_set("gunste")}  # "in favour of", "ten gunste van"
MOVED_FROM = word_set("from van")
MOVE_DONE = word_set("moved migrated switched verhuisd gemigreerd overgestapt overgegaan overgezet")  # a move the team
# has made: what it left, between "from", "van" and "to", "naar", is not asked ("Vorig jaar zijn we van Databricks naar
# Snowflake verhuisd"); not one under way ("we are migrating from…") nor the candidate's ("you will migrate…")
PRESENT_PASSIVE = word_set("is are being wordt worden gets get")  # "Modellen worden van pandas naar PySpark
# overgezet zodra ze groeien": what the job does again and again
MOVED = word_set("moved migrated")  # like a verb of replacing, a move is the candidate's task when said to them ("You
# have migrated away from Oracle before")
SECOND_PERSON = word_set("you your je jij jou jouw u")
AGENTS = word_set("by door bij with")  # a hand-over cue that ends so names who takes over after it, not what is
# handed over: "De nadruk ligt bij de Spark-jobs" asks for Spark
HANDING_OVER = REPLACING | AGENTS
AGENT_OPENERS = word_set("the our another other a an their het de onze ons een andere hun team teams")  # people or a
# team ("handled by our platform team", "beheerd door het platformteam"), not a product that runs it ("clusters
# managed by Databricks", "Airflow, beheerd door AWS")
SUBSTITUTE_FILLERS = word_set("a an the our their een de het onze ons hun new nieuwe")  # "replaced by the new Airflow"
FINITE_FIRST = word_set(
    "is zijn was waren valt vallen ligt liggen hoort horen speelt spelen komt komen blijft blijven staat staan wordt "
    "worden gaat gaan are were"
)  # a clause after a comma opened by its verb has its subject before it: "Alles wat met Python te maken heeft, ligt
# buiten je takenpakket", "Het rapportagedeel, de dbt-modellen…, valt buiten deze rol"


class HandingOver(Clauses):
    """Replacement, hand-over and a subject before its verb; reads the per-clause negations that
    :meth:`skills.vacancies.negation.NegationScope.read_mentions` sets."""

    negations: Occurrences
    _last_moved_to: dict[int, int]  # per clause, once asked: see _read_move
    _negated: list[bool]
    _denies_needing: list[bool]
    _first_negations: list[int]

    def substitutes(self, clause: int, first: int) -> bool:
        """Whether the mention at word ``first`` follows "by", "with", "door"… after its clause's negation, when that is
        a verb of replacing or handing over, or is the subject of an active verb of replacing: what takes over is asked
        ("Our cron jobs are replaced by Airflow", "We vervangen de cronjobs door Airflow", "Spark replaced our Hadoop
        jobs"), unlike what it replaces, and so is where a move went ("moved away from pandas to PySpark"); a needing
        denied reaches the rest all the same."""
        before = first - 1
        while before > 0 and self.words[before] in SUBSTITUTE_FILLERS:
            before -= 1
        negation = self._first_negations[clause]
        found = bisect.bisect_left(self.negations, (negation, -1))
        if found == len(self.negations):
            return False
        cue_first, cue_last = self.negations[found]
        if first > cue_last and self._moved_to(before, self.words[cue_first : cue_last + 1]):
            return True
        if self._denies_needing[clause]:
            return False
        if first < cue_first:  # "Spark replaced Hadoop", "Dagster vervangt Airflow": the subject of an active verb
            cue = self.words[cue_first : cue_last + 1]
            return not REPLACING.isdisjoint(cue) and PASSIVE_AUXILIARIES.isdisjoint(self.words[first:cue_first])
        if self.words[before] not in SUBSTITUTES or not negation < before:
            return False
        cue = self.words[cue_first : cue_last + 1]
        if not REPLACING.isdisjoint(cue):
            return self.words[before] in REPLACED_BY
        return cue_first <= before <= cue_last and not HANDING_OVER.isdisjoint(cue)

    def _moved_to(self, before: int, cue: list[str]) -> bool:
        """Whether the word ``before`` a mention after the negation cue ``cue`` names where the move the cue speaks of
        went ("to", "naar", "in favour of"): the destination is what is used now."""
        word = self.words[before]
        if MOVES.isdisjoint(cue):
            return False
        if self.words[before - 1] in IN_FAVOUR.get(word, ()):
            return True
        return word in MOVED_TO

    def moved_from(self, first: int) -> bool:
        """Whether the mention at word ``first`` is what a move the team made left behind: right after "from", "van"
        in a clause with a finished move (no present passive) and a "to", "naar" after the mention, said of no "you"
        ("We moved from pandas to PySpark", "zijn we van Databricks naar Snowflake verhuisd"). It asks nothing there,
        as another party's tool does: only the mention left, so a clause that goes on to the tools used now asks for
        them ("We migrated from on-premise servers to the cloud and now run everything on Airflow"), and the same
        tool asked elsewhere stays asked."""
        clause = self.negation_clauses[first]
        if clause not in self._last_moved_to:
            self._last_moved_to[clause] = self._read_move(clause)
        begin = self.clause_starts[clause]
        if first == begin or self._last_moved_to[clause] <= first:
            return False
        before = first - 1
        while before > begin and self.words[before] in SUBSTITUTE_FILLERS:
            before -= 1
        return self.words[before] in MOVED_FROM

    def _read_move(self, clause: int) -> int:
        """The last "to", "naar" of ``clause`` when it tells a finished move said of no "you" (else -1): read once
        per clause, as a long list in one clause asks it of every name."""
        begin, end = self.clause_starts[clause], self.clause_end(clause)
        words = self.words[begin:end]
        if MOVE_DONE.isdisjoint(words) or not SECOND_PERSON.isdisjoint(words):
            return -1
        if not PRESENT_PASSIVE.isdisjoint(words):
            return -1  # "Data is moved from pandas to PySpark in each step": the work, not a move that is done
        return max((begin + at for at, word in enumerate(words) if word in MOVED_TO), default=-1)

    def verb_after_its_subject(self, clause: int) -> bool:
        """Whether ``clause`` opens after a comma with its finite verb, naming nothing, and the clauses before it in
        its sentence are its subject: a main clause with no verb or pronoun of its own, and relative clauses ("Alles
        wat met Python te maken heeft, ligt buiten je takenpakket"; not "Als je Spark kent, is dat mooi")."""
        start, end = self.clause_starts[clause], self.clause_end(clause)
        if clause == 0 or "," not in self.gaps[start] or self.words[start] not in FINITE_FIRST:
            return False
        if not self.named.isdisjoint(range(start, end)) or self.sentences[start - 1] != self.sentences[start]:
            return False
        before = clause - 1
        while True:
            begin = self.clause_starts[before]
            kind = self.clause_kinds[before]
            if kind != RELATIVE and (
                kind != MAIN or not PREDICATES.isdisjoint(self.words[begin : self.clause_end(before)])
            ):
                return False
            if before == 0 or self.sentences[begin - 1] != self.sentences[begin]:
                return kind == MAIN
            before -= 1

    def hands_to_a_product(self, last: int) -> bool:
        """Whether the negation cue ending at word ``last`` ends in "by", "door" and is followed by a product rather
        than a team: a product that runs a thing does not take it off the candidate's hands."""
        following = last + 1
        return self.words[last] in AGENTS and following < len(self.words) and self.words[following] not in AGENT_OPENERS

    def replacing_task(self, first: int, last: int) -> bool:
        """Whether the negation cue of words ``first``…``last`` is a verb of replacing in a task of the candidate's:
        said to "you", "je"…, or opening its clause ("Replacing slow pandas loops with NumPy code"); or a move said to
        them ("You have migrated away from Oracle before"), not the team's ("we migrated away from")."""
        clause = self.negation_clauses[first]
        begin, end = self.clause_starts[clause], self.clause_end(clause)
        cue = self.words[first : last + 1]
        said_to_you = not SECOND_PERSON.isdisjoint(self.words[begin:end])
        if not MOVED.isdisjoint(cue):
            return said_to_you and "we" not in cue
        return not REPLACING.isdisjoint(cue) and (
            first == begin
            or said_to_you
            or (self.words[first] in ONGOING and first > begin and self.words[first - 1] in PROGRESSIVE)
        )
