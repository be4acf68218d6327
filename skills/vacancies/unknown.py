"""The tech-looking terms of a vacancy that the phrasebook does not know, so a reader can tell "not asked" from
"not understood".

A word looks like tech when it is written as a product is, not as an ordinary word of either language:

- **CamelCase** or a capital after its first letter ("BigQuery", "dbtCloud"), or **letters with digits** ("S3",
  "EC2", "GA4");
- an **acronym** of two to eight capitals ("SSIS", "ADF"), besides the common ones of any job advert ("HBO",
  "ETL", "API", "KPI"…);
- a **capitalised word inside a sentence** ("Snowflake", "Kafka", "Terraform"): not the sentence's or a line's
  first word, not on a line written in title case (a title or a heading), not a common word of either language or
  of job adverts ("Data", "Engineer", "Amsterdam", "Dutch"), and not written in lower case elsewhere in the text.

Words the phrasebook found are known; neighbouring unknown capitalised words are one term ("Power BI",
"Data Factory"). Only terms outside the company and offer sections count.
"""

import bisect
import re

from skills.vacancies.layout import ASKING_NOTHING, Layout
from skills.vacancies.text import word_set

CAMEL_OR_DIGITS = re.compile(r"^(?:[A-Za-z]+[a-z][A-Z][A-Za-z0-9]*|[A-Za-z]+\d+[A-Za-z0-9]*|\d+[A-Za-z]+[A-Za-z0-9]*)$")
ACRONYM = re.compile(r"^[A-Z]{2,8}s?$")
CAPITALISED = re.compile(r"^[A-Z][a-z]{2,}$")
TITLE_CASE_SHARE = 0.6
TITLE_MAX_WORDS = 14
MOST_TERMS = 50  # per reading

# Capitalised words that any Dutch or English job advert may hold: they name no product.
ORDINARY = word_set(
    """
    data engineer engineers engineering developer developers analyst analysts scientist scientists analytics
    architect architecture senior junior medior lead principal staff head manager management team teams
    platform platforms product products business intelligence machine learning science software python
    sql we you our your wij je jij jouw ons onze the and or of en in op met voor de het een als bij
    dutch english nederlands engels nederlandse engelse german duits french frans european europese
    netherlands nederland holland belgium belgie europe europa eu amsterdam rotterdam utrecht den haag hague
    eindhoven groningen arnhem nijmegen leiden delft haarlem zwolle breda tilburg amersfoort apeldoorn enschede
    maastricht hilversum almere antwerpen antwerp brussel brussels gent ghent london berlin
    monday tuesday wednesday thursday friday maandag dinsdag woensdag donderdag vrijdag
    january february march april may june july august september october november december
    januari februari maart mei juni juli augustus oktober
    remote hybrid hybride office kantoor bonus pension pensioen holiday vakantie
    hbo wo mbo msc bsc phd cv fte etl elt api apis rest kpi kpis sla slas okr okrs faq hr ceo cto cfo it ict
    bi ai ml gdpr avg b2b b2c saas eur nl uk us usa ok ux ui qa ci cd ms hq
    agile scrum kanban devops dataops mlops finops
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
CAPITAL_OR_DIGIT = re.compile(r"(?<![^\W_])[^\W_]*?[A-Z\d][^\W_]*")
WRITTEN_WORD = re.compile(r"(?<![^\W_])[a-z][^\W_]*")
BULLET_MARKS = frozenset("-*•·–—>")
BULLET_OR_BREAK = re.compile(r"[\n:•·\-*–—(\"“]")


def _title_case_line(layout: Layout, position: int, cache: dict[int, bool]) -> bool:
    """Whether the line holding character ``position`` is written in title case: a title or a heading names no
    product of its own."""
    text = layout.text
    begin = text.rfind("\n", 0, position) + 1
    if begin not in cache:
        end = text.find("\n", position)
        first = bisect.bisect_left(layout.starts, begin)
        last = bisect.bisect_left(layout.starts, end if end >= 0 else len(text))
        capitals = sum(text[layout.starts[word]].isupper() for word in range(first, last))
        bullet = text[begin : begin + 2].lstrip()[:1] in BULLET_MARKS
        cache[begin] = (
            not bullet and 1 < last - first <= TITLE_MAX_WORDS and capitals >= TITLE_CASE_SHARE * (last - first)
        )
    return cache[begin]


LIST_AFTER = re.compile(r"[ \t]*(?:$|\n|[,/&;)])|\s+(?:and|or|en|of)\s|-(?:ervaring|kennis|experience|knowledge)\b")


def _listed(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` stands for itself: one entry of a list (the end of a line, a comma or
    "and" follows) or glued to "-ervaring", "-kennis" ("Snowflake-ervaring is een pré")."""
    return LIST_AFTER.match(text, end) is not None


def unknown_terms(layout: Layout, known_words: set[int]) -> list[tuple[str, int, int]]:
    """Every unknown tech-looking term of the laid-out vacancy as (text, start, end), in order (see the module)."""
    text, starts, ends = layout.text, layout.starts, layout.ends
    titles: dict[int, bool] = {}
    as_written = set(WRITTEN_WORD.findall(text))  # a capitalised word also written in lower case is ordinary
    runs: list[tuple[list[int], bool, list[str]]] = []  # a term's words, whether one is tech by its shape, the others
    run: list[int] = []  # the unknown capitalised words of the term being read
    shaped_run = False
    unusual: list[str] = []  # its capitalised words that are no ordinary words of a job advert

    def close() -> None:
        nonlocal run, shaped_run, unusual
        if run:
            runs.append((run, shaped_run, unusual))
        run, shaped_run, unusual = [], False, []

    for match in CAPITAL_OR_DIGIT.finditer(text):  # only words with a capital or a digit can look like tech
        index = bisect.bisect_left(starts, match.start())
        if index >= len(starts) or starts[index] != match.start():
            continue
        if run and index != run[-1] + 1:
            close()
        word = layout.words[index]
        original = text[starts[index] : ends[index]]
        acronym = ACRONYM.match(original) is not None
        ordinary = word in ORDINARY or word.rstrip("s") in ORDINARY
        shaped = CAMEL_OR_DIGITS.match(original) is not None or (acronym and not ordinary)
        capitalised = CAPITALISED.match(original) is not None
        candidate = (
            index not in known_words
            and layout.section(index) not in ASKING_NOTHING
            and (shaped or index not in layout.heading_words)
            and (
                shaped
                or acronym
                or (
                    capitalised
                    and word not in ENGLISH_AND_DUTCH_SMALL_WORDS
                    and not _title_case_line(layout, starts[index], titles)
                )
            )
        )
        joined = run and text[ends[run[-1]] : starts[index]] == " "
        if not candidate or (not joined and run):
            close()
        if not candidate:
            continue
        first_of_sentence = index == 0 or (
            layout.sentences[index] != layout.sentences[index - 1]
            or BULLET_OR_BREAK.search(text[ends[index - 1] : starts[index]]) is not None
        )
        if first_of_sentence and not shaped and not run and not _listed(text, ends[index]):
            continue  # a capital any sentence starts with, unless the word stands for itself ("- Snowflake")
        run.append(index)
        shaped_run = shaped_run or shaped
        if capitalised and not ordinary:
            unusual.append(word)
    close()
    terms = [
        (text[starts[run[0]] : ends[run[-1]]], starts[run[0]], ends[run[-1]])
        for run, shaped_run, unusual in runs
        if shaped_run or not all(word in as_written for word in unusual)
    ]
    return terms[:MOST_TERMS]
