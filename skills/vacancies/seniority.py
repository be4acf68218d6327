"""The seniority a vacancy asks for and the language it is written in, from its words alone.

Seniority, the first rule that gives an answer:

1. **The title** (the first line, if it has at most twelve words) names a level: "junior", "starter", "trainee",
   "graduate" → junior; "medior", "mid-level", "intermediate" → medior; "senior", "lead", "principal", "staff",
   "ervaren", "experienced" → senior. A title with two levels ("Medior/Senior") asks for the lower one: a
   candidate at that level is invited.
2. **Years of experience** asked for ("5+ jaar ervaring", "at least 3 years", "3–5 years of experience"; a number
   in a sentence about experience in any form of its words ("experience", "engineering", "development",
   "ontwikkelaar"…), or with "+", "minimaal", "at least", or a range: "3–5 years in a data engineering role"),
   outside the "what we offer" section and not a part of years asked before it ("5 jaar ervaring, waarvan 2 met
   Spark"); "up to", "tot" before the number ask none ("Up to one year of experience"): the smallest number asked
   decides — 0–1 years junior, 2–4 medior, 5 or more senior.
3. **Level words in the text** (not "lead", "staff", "ervaren" or "experienced", which also describe colleagues or
   verbs): the level named most often, the lower one on a tie.
4. Otherwise ``unknown``.

Language: counted with words that exist in only one of the two languages ("het", "een", "wij" against "the",
"and", "you"): ``nl`` or ``en`` when one language has at least three quarters of them, ``mixed`` otherwise; a
text with fewer than three such words (a list of names) is of the one language it has any of, else ``mixed``.
"""

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from skills.vacancies.layout import ASKING_NOTHING, Layout
from skills.vacancies.text import fold, word_set

JUNIOR, MEDIOR, SENIOR, UNKNOWN = "junior", "medior", "senior", "unknown"
ORDER = (JUNIOR, MEDIOR, SENIOR)
TITLE_MAX_WORDS = 12

LEVEL_WORDS = {
    "junior": JUNIOR,
    "starter": JUNIOR,
    "starters": JUNIOR,
    "trainee": JUNIOR,
    "traineeship": JUNIOR,
    "graduate": JUNIOR,
    "afgestudeerd": JUNIOR,
    "afgestudeerde": JUNIOR,
    "medior": MEDIOR,
    "intermediate": MEDIOR,
    "senior": SENIOR,
    "principal": SENIOR,
}
TITLE_ONLY_WORDS = {"lead": SENIOR, "staff": SENIOR, "ervaren": SENIOR, "experienced": SENIOR}
TWO_WORD_LEVELS = {("mid", "level"): MEDIOR, ("entry", "level"): JUNIOR}
FIRST_OF_TWO_WORD_LEVELS = frozenset(first for first, _second in TWO_WORD_LEVELS)

EXPERIENCE_STEMS = (
    "ervar",
    "werkervar",
    "experien",
    "werkzaam",
    "engineer",
    "professional",
    "develop",
    "ontwikkel",
    "programm",
)  # how a word about experience begins, whatever its form: "Six years of data engineering", "Three years of
# backend development", "Over 5 years as a data engineer", "drie jaar als ontwikkelaar", "werkervaring"
UP_TO = (("up", "to"), ("at", "most"), ("tot",), ("maximaal",), ("hooguit",), ("max",))  # "Up to one year of
# experience": the fewest years asked are none
PART_OF_EARLIER = frozenset(("waarvan", "including", "whereof"))  # "5 jaar ervaring, waarvan 2 jaar met Spark"
NUMBER_WORDS = {
    **dict.fromkeys(("zero", "nul"), 0),
    **dict.fromkeys(("one", "een", "één"), 1),
    **dict.fromkeys(("two", "twee"), 2),
    **dict.fromkeys(("three", "drie"), 3),
    **dict.fromkeys(("four", "vier"), 4),
    **dict.fromkeys(("five", "vijf"), 5),
    **dict.fromkeys(("six", "zes"), 6),
    **dict.fromkeys(("seven", "zeven"), 7),
    **dict.fromkeys(("eight", "acht"), 8),
    **dict.fromkeys(("nine", "negen"), 9),
    **dict.fromkeys(("ten", "tien"), 10),
    **dict.fromkeys(("eleven", "elf"), 11),
    **dict.fromkeys(("twelve", "twaalf"), 12),
    **dict.fromkeys(("fifteen", "vijftien"), 15),
    **dict.fromkeys(("twenty", "twintig"), 20),
}
NUMBER = r"(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"
YEARS = re.compile(  # "5+ years", "3-5 jaar", "two to four years", "five or more years", "drie of meer jaar",
    # "between three and five years", "twee of drie jaar", "three-plus years", "two years or more"
    r"(?<![\d.,\w])(?P<low>" + NUMBER + r")\s*(?P<plus>\+|-?\s?plus\b|\s(?:or more|of meer)\s)?\s*"
    r"(?P<range>(?:-|–|tot|to|à|a|and|en|or|of)\s*"
    + NUMBER
    + r"\s*\+?\s*)?(?:jaar|jaren|years?|yrs)\b(?P<more>\s+(?:or more|or longer|of meer|of langer)\b)?",
    re.IGNORECASE,
)
ABOUT_YEARS = re.compile(r"\s+of\s+(?P<low>" + NUMBER + r")\b", re.IGNORECASE)  # "een jaar of drie": about three
# The first line that holds more than white space, up to where str.splitlines() would end it: the title.
FIRST_LINE = re.compile(r"\S[^\r\n\v\f\x1c-\x1e\x85\u2028\u2029]*")
AT_LEAST = frozenset(("minimaal", "minimum", "minstens", "least", "minste", "min"))  # "at least", "ten minste"
MOST_YEARS = 40

DUTCH_WORDS = word_set(
    "de het een en van je jij jou jouw wij ons onze met voor bij naar ook niet die dat er te om aan wat hoe zijn "
    "heb hebt heeft ben wordt worden kun kunt binnen over zoals maar nog geen wel dit deze als uit tot zal"
)
ENGLISH_WORDS = word_set(
    "the a and of to you your with for our are be that this will have has an at by from or who what how "
    "about can into such but also some it on as if when which they their would should"
)
LANGUAGE_SHARE = 0.75
LANGUAGE_MIN_WORDS = 3


def lowest(levels) -> str:
    return min(levels, key=ORDER.index)


def _levels_in(words: list[str], *, title: bool) -> list[str]:
    found = []
    for index, word in enumerate(words):
        if word in FIRST_OF_TWO_WORD_LEVELS and (pair := tuple(words[index : index + 2])) in TWO_WORD_LEVELS:
            found.append(TWO_WORD_LEVELS[pair])
        elif word in LEVEL_WORDS:
            found.append(LEVEL_WORDS[word])
        elif title and word in TITLE_ONLY_WORDS:
            found.append(TITLE_ONLY_WORDS[word])
    return found


# The words a match of YEARS may start (it starts a word, after no letter, digit, "." or ","): those of a digit or a
# number word, and any folded otherwise than the pattern ignores case, with a letter beyond a-z ("ıx") or left a
# capital ("fİve" folds to "fIve").
MAY_START_YEARS = re.compile("[0-9]|" + "|".join(sorted({fold(word) for word in NUMBER_WORDS})) + "|[a-z0-9]*[^a-z0-9]")


@lru_cache(maxsize=100_000)
def _may_start_years(word: str) -> bool:
    """Whether a match of YEARS may start with ``word``; remembered, as vacancies repeat words."""
    return MAY_START_YEARS.match(word) is not None


def _years_matches(text: str, layout: Layout) -> Iterator[re.Match[str]]:
    """The matches of YEARS in ``text``, as ``YEARS.finditer`` finds them, tried only where a word may start one:
    the pattern tried at every character of a long vacancy cost a tenth of its reading."""
    end = 0
    for index in layout.positions(filter(_may_start_years, layout.vocabulary)):
        if layout.starts[index] >= end and (match := YEARS.match(text, layout.starts[index])):
            end = match.end()
            yield match


def _number(word: str) -> int | None:
    """The number a match's word names, or None: ignoring case, the pattern also takes look-alike letters for
    a number word ("ſix", "fıve"), which name none."""
    lowered = word.lower()
    if lowered in NUMBER_WORDS:
        return NUMBER_WORDS[lowered]
    return int(lowered) if lowered.isdecimal() else None


def years_asked(text: str, layout: Layout) -> list[int]:
    years = []
    sentences: dict[int, tuple[bool, int]] = {}  # each sentence with years, read once: a long one may hold many
    for match in _years_matches(text, layout):
        index = layout.word_at(match.start())
        if not layout.words or layout.section(index) in ASKING_NOTHING:
            continue
        word = match.group("low").lower()
        low = _number(word)
        about = ABOUT_YEARS.match(text, match.end()) if word in ("een", "één") and not match.group("range") else None
        if about and (about_low := _number(about.group("low"))) is not None:
            low = about_low
        else:
            about = None
        if low is None:
            continue
        if any(tuple(layout.words[index - len(words) : index]) == words for words in UP_TO if index >= len(words)):
            low = 0
        sentence = layout.sentences[index]
        if sentence not in sentences:
            sentences[sentence] = _read_sentence(layout, sentence)
        about_experience, parts_after = sentences[sentence]
        if parts_after < index:
            continue  # a part of years asked before them in its sentence
        at_least = not AT_LEAST.isdisjoint(layout.words[max(index - 3, 0) : index])
        if low <= MOST_YEARS and (
            about_experience or at_least or match.group("plus") or match.group("range") or match.group("more") or about
        ):
            years.append(low)
    return years


def _read_sentence(layout: Layout, sentence: int) -> tuple[bool, int]:
    """Whether sentence number ``sentence`` speaks of experience, and the word after which years in it are a part
    of years asked before them ("5 jaar ervaring, waarvan 2 jaar met Spark", "six years, of which two in a lead
    role"); past its end when there is none."""
    start = bisect.bisect_left(layout.sentences, sentence)
    end = bisect.bisect_right(layout.sentences, sentence, start)
    words = layout.words[start:end]
    parts_after = next(
        (
            start + position + (word == "of")
            for position, word in enumerate(words)
            if word in PART_OF_EARLIER or (word == "of" and words[position + 1 : position + 2] == ["which"])
        ),
        end,
    )
    return any(word.startswith(EXPERIENCE_STEMS) for word in words), parts_after


def seniority_of(text: str, layout: Layout, *, years: list[int]) -> str:
    """The seniority a vacancy asks for, by the module's rule; ``years``: :func:`years_asked` of the same vacancy,
    which the reader has found already."""
    if first_line := FIRST_LINE.search(text):
        title = layout.words[: bisect.bisect_left(layout.starts, first_line.end())]
        if len(title) <= TITLE_MAX_WORDS and (levels := _levels_in(title, title=True)):
            return lowest(levels)
    if years:
        fewest = min(years)
        return JUNIOR if fewest <= 1 else MEDIOR if fewest <= 4 else SENIOR
    counts = Counter(_levels_in(layout.words, title=False))
    if counts:
        most = max(counts.values())
        return lowest(level for level, count in counts.items() if count == most)
    return UNKNOWN


def language_of(layout: Layout) -> str:
    """``nl``, ``en`` or ``mixed``, by the module's rule."""
    dutch, english = len(layout.positions(DUTCH_WORDS)), len(layout.positions(ENGLISH_WORDS))
    total = dutch + english
    if total < LANGUAGE_MIN_WORDS:  # a list of names: one word of one language, and none of the other, will do
        return "nl" if dutch and not english else "en" if english and not dutch else "mixed"
    if dutch >= LANGUAGE_SHARE * total:
        return "nl"
    if english >= LANGUAGE_SHARE * total:
        return "en"
    return "mixed"
