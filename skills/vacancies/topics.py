"""Topics, questions and labels that the clause after them denies (skills.vacancies.negation reads them): "Spark? Not
needed.", "Spark, no.", "Airflow, on the other hand, you will not need.", "Airflow: niet nodig", "Geen vereiste:
Docker", "None of these are needed: Spark, Airflow". Its own module because these rules read a clause against its
neighbours and the gaps between them, where the negation rule reads one clause at a time.
"""

import bisect

from skills.vacancies.clauses import NEEDING, PRONOUNS, Clauses
from skills.vacancies.cues import any_within
from skills.vacancies.handover import SECOND_PERSON
from skills.vacancies.sentences import LIST_FILLERS
from skills.vacancies.text import word_set

VERDICT_ENDS = word_set("nodig needed required necessary vereist noodzakelijk")  # "Geen Scala nodig: …" has ended
VERDICT_WORDS = (
    NEEDING
    | LIST_FILLERS
    | word_set(
        "a an een for voor this deze de het the rol role job functie position positie here hier of van in prior eerdere "
        "is are zijn part onderdeel relevant following volgende tools tooling technologies technologieën frameworks"
    )
)  # a negated label of these negates what follows its colon ("Not needed for this role: Spark"), a negated
# comment of these what stands before it ("Spark-jobs bouwen – niet vereist voor deze functie")
QUESTIONS_IN_A_ROW = 3  # asked one after another, answered once: "Spark? Big data? Hier niet."
ANSWER_WORDS = 6  # a verdict, not a sentence of its own: "you won't", "we zijn er niet mee verdergegaan"
RESTORING_OPENERS = word_set("but maar and en so dus")
POINTING_INTO = word_set("er it them daar")  # the verdict points back at the question: "we zijn er niet mee…"
CONDITIONS = word_set("if als")  # "If you miss Spark, this is not the job for you"
NOT_FOR_YOU = word_set("for voor niets")  # "… not the job for you", "… niets voor jou"
A_JOB = word_set("job role place plek baan functie rol")  # "… is niet jouw plek"
ALSO = word_set("also either too at all ook evenmin helemaal")  # beside a bare negation: "Airflow, ook niet."


class DeniedTopics(Clauses):
    """What a negated clause denies before or after it; reads the per-clause negations that
    :meth:`skills.vacancies.negation.NegationScope.read_mentions` sets."""

    _negated: list[bool]
    _denies_needing: list[bool]
    _negation_words: set[int]
    _named_words: list[int]
    _topics: dict[int, bool]
    _verdicts: dict[int, bool]

    def in_denied_topic(self, index: int) -> bool:
        """Whether word ``index`` stands in a question or topic that the clause after it denies: a nice cue there
        does not count ("Is Spark een pré? Nee.")."""
        return self.topic_denied(self.negation_clauses[index])

    def topic_denied(self, clause: int) -> bool:
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
        if "?" in gap and not self._negated[following]:
            for _question in range(QUESTIONS_IN_A_ROW):  # "Spark? Big data? Hier niet.": one answer to both
                if following + 1 >= len(self.clause_starts) or "?" not in self.gaps[self.clause_end(following)]:
                    break
                following += 1
                if self._negated[following]:
                    return True
            return self._answer_ends_denied(following)  # "Pandas? Only the finance team touches it — you won't."
        if not self._negated[following]:
            return False
        if "?" in gap or (topic and self._bare_negation(following)):
            return True  # "Spark? Not needed.", "Spark, no.", "Airflow, ook niet."
        if not (self.labels(end) or "(" in gap) or "\n" in gap:
            return False
        verdict = range(end, self.clause_end(following))
        return self.named.isdisjoint(verdict) and (
            self._only_verdict(verdict) or all(self.in_list(index) for index in range(begin, end))
        )

    def job_not_for(self, clause: int) -> bool:
        """Whether ``clause`` ends a sentence opened by "if", "als" with a verdict on the job that names nothing: "If
        what you really miss is writing Spark jobs, this is not the job for you", "Als je Airflow zoekt, is dit niet
        je plek"."""
        start, end = self.clause_starts[clause], self.clause_end(clause)
        first = bisect.bisect_left(self.sentences, self.sentences[start])
        return (
            self.words[first] in CONDITIONS
            and first < start
            and (end == len(self.words) or self.sentences[end] != self.sentences[start])
            and self.named.isdisjoint(range(start, end))
            and any(
                (word in NOT_FOR_YOU and following in SECOND_PERSON) or (word in SECOND_PERSON and following in A_JOB)
                for word, following in zip(self.words[start : end - 1], self.words[start + 1 : end], strict=True)
            )
        )  # not "If you know Airflow, you will not need long to settle into the team"

    def _bare_negation(self, clause: int) -> bool:
        """Whether ``clause`` ends its sentence and holds nothing but negations and a word such as "also", "ook":
        an answer to the topic before it ("Spark, no.", "Airflow, ook niet.")."""
        end = self.clause_end(clause)
        words = range(self.clause_starts[clause], end)
        return (
            (end == len(self.words) or self.sentences[end] != self.sentences[end - 1])
            and any(index in self._negation_words for index in words)
            and all(index in self._negation_words or self.words[index] in ALSO for index in words)
        )

    def _answer_ends_denied(self, clause: int) -> bool:
        """Whether the answer that ``clause`` opens after a question ends its line on a short negated clause of a
        pronoun that gives the verdict, in a sentence that names nothing (nor does the answer, when that is all one
        sentence): "Pandas? Only the finance team touches it, for a monthly export — you won't.", "dbt? Hebben we een
        keer uitgeprobeerd, maar we zijn er niet mee verdergegaan.", "Do I need Airflow? Customers start our syncs
        from their own Airflow. You do not need it." (not "Spark? We use it daily, but not for streaming", "…, but
        we don't tune the clusters")."""
        start = self.clause_starts[clause]
        end = start + 1
        while end < len(self.words) and "\n" not in self.gaps[end] and "?" not in self.gaps[end]:
            end += 1  # the answer's line, up to the next question
        last = bisect.bisect_right(self.clause_starts, end - 1) - 1
        verdict = bisect.bisect_left(self.sentences, self.sentences[end - 1])  # the first word of its sentence
        if last == clause or not self._negated[last] or any_within(self._named_words, verdict, end):
            return False
        words = self.words[self.clause_starts[last] : end]
        if words and words[0] in RESTORING_OPENERS:
            words = words[1:]
        return (
            0 < len(words) <= ANSWER_WORDS
            and words[0] in PRONOUNS
            and (end - 1 in self._negation_words or words[-1] == "to" or not POINTING_INTO.isdisjoint(words))
        )  # "so you won't have to"

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

    def verdict_before(self, clause: int) -> bool:
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
        following = self.clause_end(clause)
        colon = ":" in self.gaps[end]
        names = all(self.in_list(index) for index in range(end, following))
        return (
            (colon and self._only_verdict(range(begin, end)))
            or (VERDICT_ENDS.isdisjoint(self.words[begin:end]) and names)
            or (
                colon and names and self._denies_needing[clause - 1] and self.named.isdisjoint(range(begin, end))
            )  # "None of these are needed: Spark, Airflow", "Geen van beide is nodig: Spark en Airflow"
        )
