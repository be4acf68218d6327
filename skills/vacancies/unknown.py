"""The tech-looking terms of a vacancy that the phrasebook does not know, so a reader can tell "not asked" from
"not understood".

First the **terms editors keep** (skills.models.VacancyCue of kind "term": products, languages, formats, technical
acronyms): each is named wherever it stands, whatever its case, glued to a Dutch word ("Kafka-topics"), in a list or
first in a sentence, and whole when it holds a known word ("Azure Data Factory", "SQL Server"); not when the
phrasebook knows all of its words ("Spark SQL"). A term written with one capital that is also an ordinary word
("Go", "R", "Iceberg") counts only where the vacancy writes it with a capital.

Then a word that looks like tech because it is written as a product is, not as an ordinary word of either language:

- **CamelCase** or a capital after its first letter ("BigQuery", "dbtCloud"), or **letters with digits** ("S3",
  "EC2", "GA4");
- an **acronym** of two to eight capitals ("SSIS", "ADF"), besides the common ones of any job advert ("HBO",
  "API", "KPI", "CRM", "AVG", "DAG"…), and no ordinal number ("13th", "13e");
- a **capitalised word inside a sentence** ("Pulsar", "Kinesis") that stands in a list beside a term or a known
  word ("Kafka, Pulsar or Kinesis", "Snowflake with Hevo"), after "such as" or "zoals", after what a candidate has
  worked with or knows ("Ervaring met Zorblax Streamhub", "wel kennis van Kubernetes en Zorblax") or what the job
  uses ("We gebruiken Quarkflow"), or alone on a bullet: not the sentence's or a line's first word, not on a line
  of one sentence written in title case (a title or a heading), not a common word of either language or of job
  adverts ("Data", "Engineer", "Amsterdam", "Dutch", "Belgian"), and not written in lower case elsewhere in the
  text. A capitalised word on its own ("in Venlo", "team Klantdata") is more often a place, a company or a
  department than a product.

Words the phrasebook found are known; neighbouring unknown capitalised words are one term ("Power BI",
"Data Factory"). Only terms outside the company and offer sections count, and none of these shapes that the title or
the company section also holds: the employer's name and its own product's ("ZorgNet", "ZorgLink").
"""

import bisect
import re
from collections.abc import Callable
from functools import cache
from itertools import compress, repeat
from operator import is_

from skills.vacancies.layout import ASKING_NOTHING, CONJUNCTIONS, LIST_FILLERS, Layout, Section
from skills.vacancies.terms import ENGLISH_AND_DUTCH_SMALL_WORDS, ORDINARY, TechTerms
from skills.vacancies.text import fold

CAMEL_OR_DIGITS = re.compile(r"^(?:[A-Za-z]+[a-z][A-Z][A-Za-z0-9]*|[A-Za-z]+\d+[A-Za-z0-9]*|\d+[A-Za-z]+[A-Za-z0-9]*)$")
ACRONYM = re.compile(r"^[A-Z]{2,8}s?$")
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|e|de|ste)$")  # "13th month", "13e maand": a number, not a product
CAPITALISED = re.compile(r"^[A-Z][a-z]{2,}$")
TITLE_CASE_SHARE = 0.6
TITLE_MAX_WORDS = 14
MOST_TERMS = 50  # per reading
LONG_NUMBER = re.compile(r"\d{5,}")  # a person's number, not a product's (may_name_a_person)

CAPITAL_OR_DIGIT = re.compile(r"[A-Z\d][^\W_]*")  # from a word's first capital or digit to its end: one match for
# each word that has one, found without looking back at every character
BULLET_MARKS = frozenset("-*•·–—>")
BULLET_OR_BREAK = re.compile(r"[\n:•·\-*–—(\"“]")
LINE_BREAK = re.compile("\n")


def _line_breaks(text: str) -> list[int]:
    """Where each line break of ``text`` stands, found once: looked for again from each word, a long line would be
    scanned once per word on it."""
    return [match.start() for match in LINE_BREAK.finditer(text)]


def _title_case_line(layout: Layout, position: int, breaks: list[int], cache: dict[int, bool]) -> bool:
    """Whether the line holding character ``position`` is written in title case: a title or a heading names no
    product of its own. A line of more than one sentence is neither ("No Airflow needed. You know Snowflake and
    Zorblax.": short words give it many capitals)."""
    text = layout.text
    number = bisect.bisect_left(breaks, position)  # the line's number, from 0
    begin = breaks[number - 1] + 1 if number else 0
    if begin not in cache:
        end = breaks[number] if number < len(breaks) else len(text)
        first = bisect.bisect_left(layout.starts, begin)
        last = bisect.bisect_left(layout.starts, end)
        bullet = text[begin : begin + 2].lstrip()[:1] in BULLET_MARKS
        cache[begin] = (
            not bullet
            and 1 < last - first <= TITLE_MAX_WORDS
            and sum(text[layout.starts[word]].isupper() for word in range(first, last))
            >= TITLE_CASE_SHARE * (last - first)
            and layout.sentences[first] == layout.sentences[last - 1]
        )  # the capitals counted only on a line short enough to be a title
    return cache[begin]


LIST_AFTER = re.compile(r"[ \t]*(?:$|\n|[,/&;)])|\s+(?:and|or|en|of)\s|-(?:ervaring|kennis|experience|knowledge)\b")


def _listed(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` stands for itself: one entry of a list (the end of a line, a comma or
    "and" follows) or glued to "-ervaring", "-kennis" ("Snowflake-ervaring is een pré")."""
    return LIST_AFTER.match(text, end) is not None


LIST_MARKS = frozenset(",/&")


def _separated(layout: Layout, earlier: int, later: int) -> bool:
    """Whether words ``earlier`` and ``later`` are two entries of one list: a comma, a slash, a conjunction or "with"
    between them ("Snowflake with Hevo"), not just a space ("Databricks Workflows" is one name); "of" alone does not
    separate the first word of a sentence ("Knowledge of Django")."""
    if not layout.joined(earlier, later):
        return False
    between = layout.words[earlier + 1 : later]
    if not LIST_MARKS.isdisjoint(layout.text[layout.ends[earlier] : layout.starts[later]]):
        return True
    first_of_sentence = earlier == 0 or layout.sentences[earlier] != layout.sentences[earlier - 1]
    return bool(between) and not (between == ["of"] and first_of_sentence)


# Words after which a vacancy names a product: examples of what it names ("a vector database such as Qdrant"), what
# a candidate has worked with or knows ("Ervaring met Zorblax Streamhub", "knowledge of Kubernetes and Zorblax") and
# what the job uses ("We gebruiken Quarkflow", "using Quarkflow"); not whom it works with ("you work with Product
# Owners and Marketing", "je werkt met Finance").
EXAMPLES_FOLLOW = frozenset(
    (
        *(("such", "as"), ("like",), ("including",), ("e", "g"), ("zoals",), ("bijvoorbeeld",), ("bv",)),
        *(("waaronder",), ("experience", "with"), ("knowledge", "of"), ("familiar", "with"), ("familiarity", "with")),
        *(("worked", "with"), ("proficient", "in"), ("ervaring", "met"), ("kennis", "van"), ("bekend", "met")),
        *(("gewerkt", "met"), ("we", "use"), ("we", "gebruiken"), ("wij", "gebruiken"), ("using",)),
    )
)


LIST_WORDS = CONJUNCTIONS | LIST_FILLERS  # what may stand between two entries of a list besides its marks
EXAMPLES_LAST_WORDS = frozenset(words[-1] for words in EXAMPLES_FOLLOW)


def _list_neighbours(layout: Layout, run: list[int]) -> tuple[int, int]:
    """The words that may stand beside the words ``run`` as other entries of one list, past at most three
    conjunctions or fillers ("Kafka, Pulsar or Kinesis"): one before and one after, either past the text's words."""
    first, last = run[0], run[-1]
    before = first - 1
    while before >= 0 and first - before <= 3 and layout.words[before] in LIST_WORDS:
        before -= 1
    after = last + 1
    while after < len(layout.words) and after - last <= 3 and layout.words[after] in LIST_WORDS:
        after += 1
    return before, after


def _an_example_or_alone_on_a_bullet(layout: Layout, run: list[int]) -> bool:
    """Whether the words ``run`` follow "such as" or "experience with" ("a vector store such as Zilvra", "- Ervaring
    met Zorblax Streamhub") or stand alone on a bullet ("- Grafana")."""
    first, last = run[0], run[-1]
    if (
        first
        and layout.words[first - 1] in EXAMPLES_LAST_WORDS
        and any(
            tuple(layout.words[max(0, first - size) : first]) in EXAMPLES_FOLLOW
            and layout.sentences[first - size] == layout.sentences[first]
            for size in (1, 2)
            if first >= size
        )
    ):
        return True
    text, starts, ends = layout.text, layout.starts, layout.ends
    if (first and "\n" not in text[ends[first - 1] : starts[first]]) or (
        last + 1 < len(starts) and "\n" not in text[ends[last] : starts[last + 1]]
    ):
        return False  # another word shares the line: only this test reads the line, so a long one is read once
    begin, end = text.rfind("\n", 0, starts[first]) + 1, text.find("\n", ends[last])
    line = text[begin : end if end >= 0 else len(text)]
    return line.lstrip()[:1] in BULLET_MARKS and line.strip(" \t-*•·–—>.,;") == text[starts[first] : ends[last]]


def _in_lists_of_tech(layout: Layout, plain: list[list[int]], tech: set[int]) -> list[list[int]]:
    """Of the runs of plain capitalised words ``plain``, those in a list beside a term, a known word or another such
    run, after "such as", or alone on a bullet: "Kafka, Pulsar or Kinesis" names Kinesis through Pulsar. Each run's
    neighbours are found once and the news spreads along the list, so a long list costs no more than its length."""
    run_holding = {index: number for number, run in enumerate(plain) for index in run}
    beside: list[list[tuple[int, int, int]]] = [[] for _ in plain]  # (a run beside this one, the words between)
    spreading: list[int] = []  # the runs found listed whose neighbours have not yet heard
    for number, run in enumerate(plain):
        before, after = _list_neighbours(layout, run)
        if (
            (before in tech and _separated(layout, before, run[0]))
            or (after in tech and _separated(layout, run[-1], after))
            or _an_example_or_alone_on_a_bullet(layout, run)
        ):
            spreading.append(number)
        if before in run_holding:
            beside[run_holding[before]].append((number, before, run[0]))
        if after in run_holding:
            beside[run_holding[after]].append((number, run[-1], after))
    listed = set(spreading)
    while spreading:
        for number, earlier, later in beside[spreading.pop()]:
            if number not in listed and _separated(layout, earlier, later):
                listed.add(number)
                spreading.append(number)
    return [plain[number] for number in sorted(listed)]


def _employers_words(layout: Layout) -> set[str]:
    """The words of the vacancy's title (a short first line with more below it) and of its company section: a name
    found there is the employer's or its own product's ("Data Engineer bij ZorgNet Oost", "Ons eigen platform
    ZorgLink"), wherever it stands."""
    text = layout.text
    title_end = text.find("\n", len(text) - len(text.lstrip()))
    title = bisect.bisect_left(layout.starts, title_end) if title_end >= 0 else 0
    if title > TITLE_MAX_WORDS:
        title = 0
    names = set(layout.words[:title])
    if Section.COMPANY in layout.sections:
        names.update(compress(layout.words, map(is_, layout.sections, repeat(Section.COMPANY))))
    return names


def _written_in_lower_case(layout: Layout) -> Callable[[str], bool]:
    """Whether a folded word is also written exactly so in the text, starting with a-z ("kafka" beside "Kafka"): found
    among the places of its folded form, each word at most once and only when asked, where cutting every word of the
    text out of it to compare cost a thirtieth of a reading."""
    text, starts, ends = layout.text, layout.starts, layout.ends

    @cache
    def written(word: str) -> bool:
        places = layout.places(fold(word)) if "a" <= word[0] <= "z" else ()
        return any(text[starts[index] : ends[index]] == word for index in places)

    return written


def unknown_terms(layout: Layout, known_words: set[int], terms: TechTerms | None = None) -> list[tuple[str, int, int]]:
    """Every unknown tech-looking term of the laid-out vacancy as (text, start, end), in order (see the module)."""
    text, starts, ends = layout.text, layout.starts, layout.ends
    named: list[tuple[int, int]] = []  # (start, end) of each term named
    taken: set[int] = set()  # the words of the editors' terms, named or known
    for first, last, start, end in terms.find(layout) if terms else ():
        span = range(first, last + 1)
        taken.update(span)
        if not all(index in known_words for index in span) and layout.section(first) not in ASKING_NOTHING:
            named.append((start, end))
    titles: dict[int, bool] = {}
    breaks = _line_breaks(text)
    written_in_lower_case = _written_in_lower_case(layout)  # a capitalised word also written so is ordinary
    runs: list[tuple[list[int], bool, list[str]]] = []  # a term's words, whether one is tech by its shape, the others
    run: list[int] = []  # the unknown capitalised words of the term being read
    shaped_run = False
    unusual: list[str] = []  # its capitalised words that are no ordinary words of a job advert
    tech = known_words | taken  # words a plain capitalised word may stand in a list with

    def close() -> None:
        nonlocal run, shaped_run, unusual
        if run:
            runs.append((run, shaped_run, unusual))
        run, shaped_run, unusual = [], False, []

    sections, gaps, words, sentences = layout.sections, layout.gaps, layout.words, layout.sentences
    heading_words, bisect_right = layout.heading_words, bisect.bisect_right
    acronym_shape, camel_or_digits, capitalised_shape = ACRONYM.match, CAMEL_OR_DIGITS.match, CAPITALISED.match
    for match in CAPITAL_OR_DIGIT.finditer(text):  # only words with a capital or a digit can look like tech
        index = bisect_right(starts, match.start()) - 1
        if run and index != run[-1] + 1:
            close()
        if index in known_words or index in taken or sections[index] in ASKING_NOTHING:
            if run:
                close()  # known, or where nothing is asked: no candidate, whatever its shape
            continue
        word = words[index]
        original = text[starts[index] : ends[index]]
        acronym = acronym_shape(original) is not None
        ordinary = word in ORDINARY or word.rstrip("s") in ORDINARY or ORDINAL.match(word) is not None
        shaped = (acronym or camel_or_digits(original) is not None) and not ordinary
        capitalised = capitalised_shape(original) is not None
        candidate = (shaped or index not in heading_words) and (
            shaped
            or acronym
            or (
                capitalised
                and word not in ENGLISH_AND_DUTCH_SMALL_WORDS
                and not _title_case_line(layout, starts[index], breaks, titles)
            )
        )
        if not candidate:
            if run:
                close()
            continue
        if run and gaps[index] != " ":
            close()  # the run ends at the word before
        if shaped:
            tech.add(index)
        first_of_sentence = index == 0 or (
            sentences[index] != sentences[index - 1] or BULLET_OR_BREAK.search(gaps[index]) is not None
        )
        if first_of_sentence and not shaped and not run and not _listed(text, ends[index]):
            continue  # a capital any sentence starts with, unless the word stands for itself ("- Snowflake")
        run.append(index)
        shaped_run = shaped_run or shaped
        if capitalised and not ordinary:
            unusual.append(word)
    close()
    if runs:
        employers = _employers_words(layout)
        runs = [entry for entry in runs if layout.words[entry[0][0]] not in employers]
    plain = [
        run
        for run, shaped_run, unusual in runs
        if not shaped_run and not all(written_in_lower_case(word) for word in unusual)
    ]
    named += [(starts[run[0]], ends[run[-1]]) for run, shaped_run, _unusual in runs if shaped_run]
    named += [(starts[run[0]], ends[run[-1]]) for run in _in_lists_of_tech(layout, plain, tech)]
    return [(text[start:end], start, end) for start, end in sorted(named)][:MOST_TERMS]


def said_not_needed(layout: Layout, start: int, end: int) -> bool:
    """Whether the unknown term at ``start``…``end`` stands where a known tool would be read as not asked ("No Kafka
    experience needed"): the page then says so, instead of leaving it among what it could not read."""
    first, last = layout.word_at(start), layout.word_at(end - 1)
    return layout.is_negated(first, last) and not layout.has_nice_cue(first)


def may_name_a_person(term: str, terms: TechTerms | None) -> bool:
    """Whether a term may name or identify a person: such a term is shown to its reader and never passed on to
    editors. Two or more plain capitalised words ("Petra Jansen") may be a name, unless editors keep the term ("Unity
    Catalog"); a run of five or more digits ("BSN123456789", "Tel0612345678") is an ID, a citizen service number or
    a phone number far more often than a product's version ("EC2", "GA4", "S3"), whoever keeps the term."""
    if LONG_NUMBER.search(term):
        return True
    written = term.split()
    shaped = len(written) > 1 and all(word[:1].isupper() and word[1:].islower() for word in written)
    return shaped and not (terms and terms.knows(term))
