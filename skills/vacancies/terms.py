"""The terms editors keep (products, languages, formats, technical acronyms: VacancyCue of kind "term"), found in a
laid-out vacancy, and the ordinary words of either language and of job adverts that are never a term by their
shape alone. skills.vacancies.unknown names both kinds of unknown term; the phrasebook compiles the editors' terms
once per process.
"""

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

from skills.vacancies.layout import Layout
from skills.vacancies.text import word_set, words

# Capitalised words that any Dutch or English job advert may hold: they name no product.
ORDINARY = word_set(
    """
    data engineer engineers engineering developer developers analyst analysts scientist scientists analytics
    architect architecture senior junior medior lead principal staff head manager management team teams
    platform platforms product products business intelligence machine learning science software python
    sql we you our your wij je jij jouw ons onze the and or of en in op met voor de het een als bij
    dutch english nederlands engels nederlandse engelse german duits french frans european europese
    belgian belgisch belgische british britse irish ierse spanish spaans italian italiaans polish pools
    netherlands nederland holland belgium belgie europe europa eu amsterdam rotterdam utrecht den haag hague
    eindhoven groningen arnhem nijmegen leiden delft haarlem zwolle breda tilburg amersfoort apeldoorn enschede
    maastricht hilversum almere antwerpen antwerp brussel brussels gent ghent london berlin
    monday tuesday wednesday thursday friday maandag dinsdag woensdag donderdag vrijdag
    january february march april may june july august september october november december
    januari februari maart mei juni juli augustus oktober
    remote hybrid hybride office kantoor bonus pension pensioen holiday vakantie
    hbo wo mbo msc bsc phd cv fte api apis kpi kpis sla slas okr okrs faq hr ceo cto cfo it ict id ids
    dag dataframe dataframes gb tb mb kb pb cet cest utc gp
    bi ai ml gdpr avg b2b b2c saas eur nl uk us usa ok ux ui qa ci cd ms hq ii iii iv
    agile scrum kanban devops dataops mlops finops sre
    crm erp epd ecd wms hris cms pim vog wbso iso nen bio nis2 dora cao zzp kvk btw ns ov gps a1 a2 b1 b2 c1 c2 p50 p90 p95 p99
    one two three four five six seven eight nine ten een twee drie vier vijf zes zeven acht negen tien
    """
)
ENGLISH_AND_DUTCH_SMALL_WORDS = word_set(
    """
    a an as at be by do go he if is it me my no on so to up us am are was were has had have will can may must
    this that these those there their they them what when where which who why how with from into about after
    also but not all any each every more most some such only very well just then than both while during
    daar deze dit die dat wat wie waar wanneer hoe waarom omdat maar ook niet geen alle elke meer veel heel
    zijn is was waren hebt heeft hebben kan kunt kunnen wil wilt willen zal zult zullen moet moeten mag mogen
    naar van uit aan om tot door over onder tussen na voor bij zonder binnen buiten samen
    """
)
# Ordinary words of either language that products or acronyms are also named after: as a term, one counts only
# written with a capital ("Go", "Iceberg", "REST"), not in "go live", "rust" or "the rest of the team".
ALSO_ORDINARY = word_set(
    """
    go r c rust delta beam storm hive spring swift ruby dart julia arrow ray mode sigma hex soda mage fabric glue
    vault stitch oracle spanner iceberg snowflake looker druid pinot presto feast excel atlan segment census
    amplitude lambda aurora rest soap
    """
)
TERM_GAP = re.compile(r"[ \t]+")


def _needs_a_capital(written: str, folded: str) -> bool:
    """Whether a one-word term is also an ordinary word, so that it counts only written with a capital ("Go",
    "Iceberg", "REST"): a word of one or two letters or one of ALSO_ORDINARY."""
    if not written[:1].isupper():
        return False
    if len(written) > 1 and written.isupper():
        return folded in ALSO_ORDINARY
    return written[1:] == written[1:].lower() and (
        len(written) <= 2 or folded in ALSO_ORDINARY or folded in ENGLISH_AND_DUTCH_SMALL_WORDS
    )


class TechTerm(NamedTuple):
    folded: tuple[str, ...]  # its words as the vacancy's are folded
    prefix: str  # what stands before its first word (".NET")
    gaps: tuple[str, ...]  # what stands between its words ("Node.js", "Pub/Sub", "Kafka Streams")
    suffix: str  # what stands after its last word ("C#", "C++")
    capital: bool  # also an ordinary word: counts only written with a capital ("Go", "Iceberg")
    capitals: bool  # and one written in capitals counts only written so ("REST", not "Rest assured")


class TechTerms:
    """The editors' terms (products, languages, formats, acronyms) as folded words, indexed by their first word."""

    def __init__(self, terms: Iterable[str]) -> None:
        self.by_first_word: dict[str, list[TechTerm]] = {}
        for term in terms:
            term = term.strip()
            found = list(words(term))
            if not found:
                continue
            folded = tuple(word for word, _start, _end in found)
            written = term[found[0][1] : found[0][2]]
            self.by_first_word.setdefault(folded[0], []).append(
                TechTerm(
                    folded=folded,
                    prefix=term[: found[0][1]],
                    gaps=tuple(term[end:start] for (_w, _s, end), (_v, start, _e) in pairwise(found)),
                    suffix=term[found[-1][2] :],
                    capital=len(folded) == 1 and _needs_a_capital(written, folded[0]),
                    capitals=len(folded) == 1 and len(written) > 1 and written.isupper() and folded[0] in ALSO_ORDINARY,
                )
            )
        for found_terms in self.by_first_word.values():
            found_terms.sort(key=lambda entry: -len(entry.folded))  # the longest term first

    def knows(self, term: str) -> bool:
        """Whether editors keep this very term (as written in a vacancy, any case)."""
        folded = tuple(word for word, _start, _end in words(term))
        return any(entry.folded == folded for entry in self.by_first_word.get(folded[:1][0] if folded else "", ()))

    def find(self, layout: Layout) -> list[tuple[int, int, int, int]]:
        """Where the terms stand in the laid-out vacancy, as (first word, last word, start, end): a term's characters
        may reach beyond its words (".NET", "C#"); the longest term at each place."""
        text, starts, ends, all_words = layout.text, layout.starts, layout.ends, layout.words
        first_words = self.by_first_word
        found: list[tuple[int, int, int, int]] = []
        for index in layout.positions(first_words.keys()):
            if found and index <= found[-1][1]:
                continue  # inside the term before
            term = self._term_at(index, text, starts, ends, all_words)
            if term is not None:
                found.append((index, *term))
        return found

    def _term_at(
        self, index: int, text: str, starts: list[int], ends: list[int], all_words: list[str]
    ) -> tuple[int, int, int] | None:
        """The last word, the start and the end of the longest term starting at word ``index``."""
        for term in self.by_first_word.get(all_words[index], ()):
            last = index + len(term.folded) - 1
            if (
                tuple(all_words[index : last + 1]) != term.folded
                or (term.capital and not text[starts[index]].isupper())
                or (term.capitals and not text[starts[index] : ends[last]].isupper())
            ):
                continue
            start, end = starts[index] - len(term.prefix), ends[last] + len(term.suffix)
            if (term.prefix and text[max(0, start) : starts[index]] != term.prefix) or (
                term.suffix and text[ends[last] : end] != term.suffix
            ):
                continue  # ".NET", not "net"; "C#", not "C"
            if all(
                text[ends[at - 1] : starts[at]] == gap
                or (gap == " " and TERM_GAP.fullmatch(text[ends[at - 1] : starts[at]]))
                for at, gap in zip(range(index + 1, last + 1), term.gaps, strict=True)
            ):
                return last, start, end
        return None
