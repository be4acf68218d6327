"""Whose work a mention names (skills.vacancies.negation reads it): a clause whose subject is another party names
what they use, not what the job asks. Customers are always another party ("Onze klanten draaien dbt en Airflow");
so are a team or people of a role the vacancy's title does not name ("The data team next to you works with Spark"
in a Frontend Developer vacancy, "Our ML engineers deploy the models with FastAPI" in a Data Scientist's, "data
teams who run dbt" in an Account Executive's, "het platformteam beheert Databricks"). A team without a role ("Our
team works with Spark") or of the title's own role ("Our data engineers build on Databricks" in a Data Engineer
vacancy) is the one the candidate joins, and asks as any sentence does. A team named as another one is never the
candidate's, and a thing a relative clause gives to another party is theirs ("… by the warehouse's own scheduler,
which another team looks after"), unless the candidate works with it ("Je draait je modellen op Databricks, dat het
platformteam beheert").

Its own module because it reads a clause's subject against the vacancy's title, where the negation rule reads cues.
"""

from dataclasses import dataclass
from itertools import islice

from skills.vacancies.clauses import PREDICATES, RELATIVE, RELATIVES, Clauses
from skills.vacancies.handover import SECOND_PERSON
from skills.vacancies.text import word_set, words

OUTSIDERS = word_set("customers klanten")  # the product's customers; an agency's "client" is the employer, and
# "customer table", "klantdata" name data
ROLES = word_set(
    """
    engineers engineer analysts analyst analisten analist scientists scientist developers developer ontwikkelaars
    ontwikkelaar architects architect architecten specialists specialist specialisten consultants consultant
    """
)  # a head that names a role itself: "Our analysts use dbt" in a Data Engineer vacancy is another party
ROLE_WORDS = ROLES | word_set(
    """
    data ml machine learning ai analytics analytical bi business intelligence platform platforms infrastructure infra
    devops sre security backend frontend mobile web app product science research finance sales marketing support
    operations ops it cloud database dba qa test testing reporting integration integrations mlops engineering
    development architecture """
)  # the words that name a role in a party's name; "four", "senior" or "friendly" do not
PEOPLE = (
    OUTSIDERS | ROLES | word_set("team teams colleagues collega department afdeling squad squads group groups groep")
)
# the head of a subject that is a party ("collega's" is read as "collega" "s")
TEAM_SUFFIXES = ("team", "teams", "afdeling")  # Dutch compounds: "het platformteam", "de BI-afdeling"
DETERMINERS = word_set("the our their a an de het onze ons hun een other another andere")
NOT_MODIFIERS = (
    PREDICATES
    | RELATIVES
    | SECOND_PERSON
    | word_set("with met of van for voor to at by from in on bij uit about over and en or as als together samen s")
)  # words that are no part of a party's name: "Together with the data team you build…", "Of the teams, …"
THEIR_OWN = {"their": word_set("own"), "hun": word_set("eigen")}  # "Several aggregators forecast their own fleets
# with scikit-learn", "Theaters trekken met hun eigen Airflow…": what a third party does with its own things
MADE = word_set(
    "written built developed maintained owned run managed operated kept preprocessed processed prepared produced "
    "provided delivered created geschreven gebouwd ontwikkeld beheerd onderhouden gemaakt aangeleverd voorbewerkt "
    "geleverd verzorgd"
)  # "The API is written in FastAPI by the backend squad": what another party makes or keeps is theirs (not "used
# by", which says who reads what the job makes)
AGENT_WORDS = word_set("by door")
FIRST_PERSON = word_set("we our us wij ons onze")  # "We run their own Airflow for them": the job's work
OTHERS = word_set("another other andere ander")  # a team named as another one is never the candidate's
BESIDE = word_set("to naast beside besides around with met for voor alongside")  # "next to you": not the candidate
YOU_REACH = 3  # the words after a party's head where "you" makes the candidate part of it
SUBJECT_REACH = 4  # the words a party's subject may have before its head: "the data platform team"
TITLE_LINES = 3  # the first lines that may hold the title, each of a title's length
TITLE_MAX_WORDS = 8
SAME_ROLE_PREFIX = 5  # "engineering" and "engineer", "analytics" and "analyst" name one role


@dataclass(frozen=True)
class _ClauseFacts:
    """What a clause says of the party rules, by word index (``len(words)`` or -1 for none)."""

    last_made_by: int  # the last "by", "door" naming another party after a participle of making, in a clause opened
    # by its subject
    last_you: int  # the last "you" of the clause
    their_own: int  # the "own", "eigen" of its first "their own", "hun eigen"
    ours: int  # its first "we" or party of the candidate's own role
    you_in_sentence: bool


class OtherParties(Clauses):
    """Reads a clause's subject; the negation rule asks :meth:`theirs` of a clause a mention stands in."""

    _title_words: tuple[str, ...] | None = None
    _title_roles: dict[str, bool] | None = None  # a role → whether the title names it, once asked
    _parties: dict[int, int | None]  # per clause, once asked: the head of a subject that is another party
    _clause_facts: dict[int, "_ClauseFacts"]  # per clause, once asked
    _sentences_with_you: dict[int, bool]  # per sentence, once asked

    def theirs(self, clause: int, first: int) -> bool:
        """Whether the mention at word ``first`` stands in ``clause`` after a subject that is another party: a main
        clause that opens with it ("Our ML engineers deploy…"; not "Support the data team…"), or a relative clause
        on it ("data teams who run dbt"). Read once per clause: a long list in one clause asks it of every name."""
        if clause not in self._parties:
            self._parties[clause] = self._other_subject(clause)
        head = self._parties[clause]
        return (
            (head is not None and head < first)
            or self._before_their_relative(clause, first)
            or self._with_their_own(clause, first)
            or self._made_by_another_party(clause, first)
        )

    def _made_by_another_party(self, clause: int, first: int) -> bool:
        """Whether the mention at word ``first`` is what another party makes or keeps, said in the passive: a
        participle of making or keeping, then the party after "by", "door" later in a clause that opens with its
        subject ("The…", "Our…", "De…"; not a duty "Review…", "You…") and names no "you" from the mention on: "The API
        you talk to is written in FastAPI by the backend squad next door" in a frontend vacancy (not "… by our
        data engineers" in a data engineer's, whose team the candidate joins)."""
        facts = self._facts(clause)
        return facts.last_made_by > first and facts.last_you < first

    def _with_their_own(self, clause: int, first: int) -> bool:
        """Whether the mention at word ``first`` follows "their own", "hun eigen" in a sentence that says nothing of
        "you", whose clause names no "we" nor a party of the candidate's own role before it: a third party doing its
        own work ("Several aggregators forecast their own fleets with scikit-learn and send us the results"; not "You
        help customers run their own Airflow", "We run their own Airflow for them", "The data team builds their own
        DAGs in Airflow, and you will be part of it", "Our data engineers own their own pipelines in Airflow" in a
        data engineer's vacancy)."""
        facts = self._facts(clause)
        return facts.their_own < first <= facts.ours and not facts.you_in_sentence

    def _facts(self, clause: int) -> "_ClauseFacts":
        """What the two rules above read of ``clause``, read once: a long list in one clause asks them of every
        name, and each reading walks the clause."""
        if clause not in self._clause_facts:
            self._clause_facts[clause] = self._read_facts(clause)
        return self._clause_facts[clause]

    def _read_facts(self, clause: int) -> "_ClauseFacts":
        begin, end = self.clause_starts[clause], self.clause_end(clause)
        last_made_by = last_you = -1
        their_own = ours = len(self.words)
        made = False
        for at in range(begin, end):
            word = self.words[at]
            if word in SECOND_PERSON:
                last_you = at
            made = made or word in MADE
            if made and word in AGENT_WORDS and self._subject_party(at + 1, end) is not None:
                last_made_by = at
            if their_own == len(self.words) and at > begin and word in THEIR_OWN.get(self.words[at - 1], ()):
                their_own = at
            if ours == len(self.words) and (word in FIRST_PERSON or (_is_party(word) and not self._other_party(at))):
                ours = at
        if self.words[begin] not in DETERMINERS:
            last_made_by = -1  # "You maintain dbt models built by…", "- Review dbt models written by analysts"
        sentence = self.sentences[begin]
        if sentence not in self._sentences_with_you:
            self._sentences_with_you[sentence] = self._says_you(begin)
        return _ClauseFacts(last_made_by, last_you, their_own, ours, self._sentences_with_you[sentence])

    def _says_you(self, at: int) -> bool:
        """Whether the sentence word ``at`` stands in names "you"."""
        start, end = at, at
        while start > 0 and self.sentences[start - 1] == self.sentences[at]:
            start -= 1
        while end < len(self.words) and self.sentences[end] == self.sentences[at]:
            end += 1
        return not SECOND_PERSON.isdisjoint(self.words[start:end])

    def _before_their_relative(self, clause: int, first: int) -> bool:
        """Whether the mention at word ``first`` ends its clause right before a relative clause whose subject is
        another party, which says the thing is theirs: "triggered by the warehouse's own scheduler, which another team
        looks after", "Het rapport draait op Databricks, dat het platformteam beheert"."""
        following = clause + 1
        if following >= len(self.clause_starts):
            return False
        start = self.clause_starts[following]
        if self.words[start] not in RELATIVES or "," not in self.gaps[start]:
            return False
        if self.sentences[start] != self.sentences[first] or not self.named.issuperset(range(first, start)):
            return False
        if not SECOND_PERSON.isdisjoint(self.words[self.clause_starts[clause] : first]):
            return False  # "Je draait je modellen op Databricks, dat het platformteam beheert": the job uses it
        return self._subject_party(start + 1, self.clause_end(following)) is not None

    def _other_subject(self, clause: int) -> int | None:
        """The head of ``clause``'s subject when that is another party, else None."""
        begin = self.clause_starts[clause]
        if self.clause_kinds[clause] == RELATIVE or self.words[begin] in RELATIVES:
            return begin - 1 if begin > 0 and self._other_party(begin - 1) else None
        return self._subject_party(begin, self.clause_end(clause))

    def _subject_party(self, begin: int, end: int) -> int | None:
        """The head of the subject that opens words ``begin``…``end`` when that is another party, else None."""
        if begin >= end or not (self.words[begin] in DETERMINERS or _is_party(self.words[begin])):
            return None  # "Help teams debug…", "Support the data team…": a task, not a subject
        for head in range(begin, min(begin + SUBJECT_REACH + 1, end)):
            word = self.words[head]
            if _is_party(word):
                other = self._other_party(head) and not self._joined_by_you(head) and not self._owner(head)
                return head if other else None
            if word in NOT_MODIFIERS or (head > begin and word in DETERMINERS):
                return None
        return None

    def _other_party(self, head: int) -> bool:
        """Whether the party whose head is word ``head`` is customers, or names a role the title does not."""
        word = self.words[head]
        if word in OUTSIDERS:
            return True
        if not _is_party(word):
            return False
        roles = [role for role in (_compound_role(word), word if word in ROLES else "") if role]
        index = head - 1
        while index >= 0 and head - index <= SUBJECT_REACH and self.sentences[index] == self.sentences[head]:
            before = self.words[index]
            if before in OTHERS:
                return True  # "another team looks after it": not the candidate's, whatever its role
            if before in DETERMINERS or before in NOT_MODIFIERS or "," in self.gaps[index + 1]:
                break
            if before in ROLE_WORDS:
                roles.append(before)
            index -= 1
        return any(not self._role_in_title(role) for role in roles)

    def _role_in_title(self, role: str) -> bool:
        """Whether the title names ``role`` (:func:`_same_role`), read once per role: every party of a long
        vacancy asks it again, each against every word of its title."""
        if self._title_roles is None:
            self._title_roles = {}
        if role not in self._title_roles:
            self._title_roles[role] = any(_same_role(role, title) for title in self._title())
        return self._title_roles[role]

    def _owner(self, head: int) -> bool:
        """ "The client's loading process": the party owns the subject, which may be the job's to change (a Dutch
        "collega's" is a plural)."""
        return head + 1 < len(self.words) and self.words[head + 1] == "s" and self.words[head] != "collega"

    def _joined_by_you(self, head: int) -> bool:
        """Whether the candidate is part of the party: "The data team and you …", "The platform team you join …",
        "Het platformteam waar je in komt …"; not "The data team next to you …"."""
        for index in range(head + 1, min(head + 1 + YOU_REACH, len(self.words))):
            if self.words[index] in SECOND_PERSON:
                return self.words[index - 1] not in BESIDE
        return False

    def _title(self) -> tuple[str, ...]:
        """The words of the vacancy's title: its first line, or the first that names a role ("Vacature", an
        employer's name, then the job)."""
        if self._title_words is None:
            title: list[str] = []
            for line in islice((line for line in self.text.splitlines() if line.strip()), TITLE_LINES):
                found = [word for word, _start, _end in words(line)]
                if title and len(found) > TITLE_MAX_WORDS:
                    break  # prose, not a title
                title += found
                if not ROLE_WORDS.isdisjoint(title):
                    break
            self._title_words = tuple(title)
        return self._title_words


def _is_party(word: str) -> bool:
    return word in PEOPLE or _compound_role(word) != ""


def _compound_role(word: str) -> str:
    """The role a Dutch compound names before its team: "platformteam" → "platform"."""
    for suffix in TEAM_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return ""


def _same_role(word: str, title: str) -> bool:
    """Whether two words name one role: the same word, or one stem in another form ("engineers", "engineering")."""
    shorter = min(len(word), len(title))
    common = next((at for at in range(shorter) if word[at] != title[at]), shorter)
    return word == title or (common >= SAME_ROLE_PREFIX and common >= 0.7 * shorter)
