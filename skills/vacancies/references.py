"""Negated pronouns that point back at what was just named (skills.vacancies.negation reads them): "Airflow and dbt
are not used here, so you won't need them", "none of these", "…, dus die hoef je niet te kennen", "Our analysts love
pandas. It isn't part of this job." Its own module because a pronoun reaches across clauses and sentences, where the
negation rule reads one clause at a time.
"""

import bisect

from skills.vacancies.clauses import Clauses
from skills.vacancies.cues import Occurrences, any_within
from skills.vacancies.handover import REPLACING
from skills.vacancies.text import word_set

REFERENCE_AFTER = word_set(
    "need needed use used know known touch touched require expect run with meet see find"
)  # "you won't
# need them", "you will not work with it"
REFERENCES_AFTER = frozenset(("it", "them", "those", "these", "either", "that"))  # the objects of those verbs
OPENING_REFERENCES = frozenset(("die", "dat", "deze", "these", "those", "daar", "daarmee"))  # "…, dus die hoef je
# niet te kennen", "Daar doen we niets mee."
NEGATED_REFERENCES = frozenset(("het",))  # a pronoun, not an article, before its negation: "in jouw werk speelt het
# geen rol", "voor jou is het geen onderdeel van het werk"
DEMONSTRATIVES = frozenset(("that", "this"))  # open a clause that points back only before a general noun: "…;
# that part stays theirs" (not "so that no row is lost")
GENERAL_NOUNS = word_set("part parts work side bit task tasks job area piece layer stuff setup domain")
BARE_NEGATIONS = word_set("no not never isn aren wasn t don doesn won will do does")  # say what a thing is not
REFERENCE_OPENERS = frozenset(("dus", "want", "en", "maar", "so", "and", "but", "then", "dan"))
OPENED_REFERENCES = frozenset(("it",))  # only after an opener: "…, so it's not part of your job" ("It is not
# required to…" at the start of a sentence points at nothing)
JUDGING = word_set("decided found felt thought concluded agreed realised realized")  # "…, and decided it was
# overkill for us": a verdict on what was just named, whose negation is the verdict's
COPULAS = word_set("was is were are would be")
REFERENCE_TAIL = 3  # "you won't need them in this team"
QUANTIFIED_TAIL = 6  # after "none of", "neither of" the quantifier is the negation, whatever predicate follows: "None
# of that will be on your plate"
REFERENCE_NOT_FOLLOWED_BY = frozenset(("for", "to", "as", "when", "if", "voor", "om", "als"))  # "don't use it for X"
SUBJECT_REFERENCES = frozenset(
    ("it", "het", "they")
)  # first in a sentence, the subject that points back: "Our analysts
# love pandas. It isn't part of this job, though."; "Het is voor deze rol geen vereiste."; "… scikit-learn models; they
# were retired in 2025"
POINTING_BACK = REFERENCES_AFTER | OPENING_REFERENCES | NEGATED_REFERENCES | DEMONSTRATIVES | SUBJECT_REFERENCES
EXTRAPOSED = frozenset(("to", "that", "if", "whether", "om", "dat", "als"))  # "It is not required to travel": the
# subject is the clause that follows, not what was named before
FINITE_AFTER_HET = word_set("is was wordt werd hoeft hoort speelt komt staat zal zou kan mag moet blijft")  # "Het
# is…", a pronoun; "Het team…", an article
ADVERBS_BEFORE_NEGATION = word_set("dus ook echt nog zeker verder daarom eigenlijk helemaal overigens trouwens immers")
# "je komt het dus nergens meer tegen": the pronoun is still the one negated


class PointingBack(Clauses):
    """Which negated pronouns point back, and at which mentions; reads the per-clause negations that
    :meth:`skills.vacancies.negation.NegationScope.read_mentions` sets."""

    negations: Occurrences
    _negated: list[bool]
    _denies_needing: list[bool]
    _first_negations: list[int]
    _named_words: list[int]
    negated_references: list[int]

    def negated_by_references(self, lasts: list[int]) -> list[int]:
        """Of the mentions ending at words ``lasts`` (in order), the positions a negated pronoun reaches: the last
        mention before it in the sentences it points back into, and that mention's list (the mentions of its
        clause): "We moved off Airflow and dbt, so you won't need them"."""
        reached: list[int] = []
        if not self.negated_references:
            return reached
        # The mentions by their last word, so each pronoun finds those of the sentences it points into by bisection
        # (those sentences follow each other), not by reading every mention of the text again.
        by_last = sorted(range(len(lasts)), key=lasts.__getitem__)
        sorted_lasts = [lasts[position] for position in by_last]
        for reference in self.negated_references:
            begin = bisect.bisect_left(self.sentences, min(self.referred_sentences(reference)))
            before = sorted(
                by_last[bisect.bisect_left(sorted_lasts, begin) : bisect.bisect_left(sorted_lasts, reference)]
            )
            if before:
                clause = self.negation_clauses[lasts[before[-1]]]
                reached += [position for position in before if self.negation_clauses[lasts[position]] == clause]
        return reached

    def read_negated_references(self) -> list[int]:
        """The words that are a negated pronoun pointing back at what was just named, in order."""
        return [index for index in self.positions(POINTING_BACK) if index and self._negated_reference(index)]

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
        following = self.words[index + 1] if index + 1 < len(self.words) else ""
        if word == "it" and self.words[index - 1] in JUDGING and following in COPULAS:
            return self._negated[clause]  # "We looked at Databricks and decided it was overkill"
        if word in OPENED_REFERENCES and self.words[index - 1] in REFERENCE_OPENERS:
            return self._denies_needing[clause]  # "…, so it's not part of your job"; not "fix the job so it no
            # longer depends on luck", which says what the fix does
        before = self.words[index - 1]
        lead = index - 1
        while lead > 1 and self.words[lead] in ADVERBS_BEFORE_NEGATION and self.words[lead] not in REFERENCE_OPENERS:
            lead -= 1  # "…, dus ook dat hoef je niet te kennen": the adverb stands between opener and pronoun
        quantified = before == "of" and index > 1 and self.words[index - 2] in ("none", "neither")
        if word in REFERENCES_AFTER and (before in REFERENCE_AFTER or quantified):
            tail = self.words[index + 1 : self.clause_span(index)[1]]
            reach = QUANTIFIED_TAIL if quantified else REFERENCE_TAIL  # "None of that will be on your plate"
            return len(tail) <= reach and REFERENCE_NOT_FOLLOWED_BY.isdisjoint(tail) and self._negated[clause]
        demonstrative = (
            word in DEMONSTRATIVES and index + 1 < len(self.words) and self.words[index + 1] in GENERAL_NOUNS
        )
        if not (word in OPENING_REFERENCES or demonstrative) or not (
            self.clauses[lead] != self.clauses[index]
            or self.words[lead] in REFERENCE_OPENERS
            or self.after_colon(index)
        ):
            return False
        opens = clause and self.clause_starts[clause] == index and self.same_sentence(clause)
        if opens and self.words[self.clause_starts[clause - 1]] == word:
            return False  # "je legt vast dat elk nummer uniek is, dat kortingen nooit hoger zijn": a second "dat"
        if demonstrative and not self._denies_needing[clause]:  # "that part stays theirs", not "that part is not easy"
            return self._negated[clause] and not self._bare_negation(clause)
        if negation_follows:  # "Airflow, dat niet altijd meewerkt": it describes what it points at, unless an opener
            # makes it the subject of a cue that says who has it ("Mooi, maar die horen bij de vacature voor …")
            cue_first, cue_last = self.negations[described]
            opened = (
                self.words[lead] in REFERENCE_OPENERS
                and not self._bare_negation(clause)
                and REPLACING.isdisjoint(
                    self.words[cue_first : cue_last + 1]
                )  # "en die vervangen de oude…": it takes over
            )
            return self._denies_needing[clause] or (opened and self._negated[clause])
        return self._negated[clause]

    def same_sentence(self, clause: int) -> bool:
        """Whether ``clause`` goes on the sentence of the clause before it."""
        start = self.clause_starts[clause]
        return self.sentences[start] == self.sentences[start - 1]

    def _bare_negation(self, clause: int) -> bool:
        """Whether the first negation of ``clause`` is a bare "not", "no"…, which says what a thing is not ("that part
        is not easy"), not who has it ("that part stays theirs")."""
        found = bisect.bisect_left(self.negations, (self._first_negations[clause], -1))
        if found == len(self.negations):
            return True
        first, last = self.negations[found]
        return BARE_NEGATIONS.issuperset(self.words[first : last + 1])

    def _subject_pointing_back(self, index: int) -> bool:
        """Whether the "it", "het" at word ``index`` opens its sentence as a subject that points back: its clause
        names nothing and its sentence has no clause it stands for ("It is not required to…", "Het is niet nodig om…"), and
        "het" is followed by its verb, not a noun ("Het is geen vereiste", not "Het team werkt niet met…")."""
        sentence = self.sentences[index]
        if self.sentences[index - 1] == sentence:
            return False
        end = bisect.bisect_right(self.sentences, sentence)
        clause_end = self.clause_end(self.negation_clauses[index])  # what the sentence goes on to name after its
        # clause is said beside it ("It was sunset last spring, once dbt's own scheduler could do it all")
        if not self.named.isdisjoint(range(index, clause_end)) or not EXTRAPOSED.isdisjoint(
            self.words[index + 1 : end]
        ):
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
