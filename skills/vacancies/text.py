"""Words of a vacancy as the matcher sees them: folded, split where Dutch glues them, stemmed in both languages.

The same steps run on the editors' phrases and on the vacancy, so a phrase matches whatever form the vacancy uses:

- **White space and accents** are read as typed in a box (:func:`as_read`): a "\r\n", a "\u2028" or another line
  break ends a line as "\n" does, a no-break space separates words as " " does, a soft hyphen or another character
  that shows nothing is not read, and a letter followed by combining accents is the one accented letter; every
  place read is mapped back to the text sent.
- **Words** are runs of letters and digits (``catalog.models.PHRASE_WORD``); everything else separates them, so
  "Spark-ervaring" is "spark" + "ervaring" and "CI/CD" is "ci" + "cd". Each keeps its place in the original text.
- **Folding**: lower case, accents dropped letter by letter ("pré" → "pre"), so a word keeps its length.
- **Compounds**: a word is cut in two where both halves are known — a word of some phrase, or a common Dutch
  compound part such as "ervaring", "kennis", "omgeving", or a known word with a Dutch ending ("georiënteerd|e")
  — with an optional linking "s" ("kwaliteitscontroles").
  "cloudplatform" becomes "cloud" + "platform" when a phrase says "cloud"; "Sparkling" stays whole, as "ling" is
  no known word, so a phrase never matches inside a longer unrelated word.
- **Stems**: every piece gets its English and its Dutch Snowball stem ("functions" → "function", "functies" →
  "functie"); a phrase matches when all its pieces' stems follow each other in one of the two languages.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache, partial
from itertools import accumulate, compress, count, repeat
from operator import is_, itemgetter
from typing import NamedTuple

import snowballstemmer

from catalog.models import PHRASE_WORD

MIN_PIECE = 3  # the shortest half of a split compound ("sql" + "kennis")
MAX_SPLITS = 3  # a word is cut into at most four pieces ("cloud" + "platform" + "ervaring")


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, separated by white space: long word lists read best as text."""
    return frozenset(text.split())


# Common second halves of Dutch compounds in vacancies: "Python" + "kennis", "Azure" + "omgeving".
COMPOUND_PARTS = word_set(
    """
    achtergrond applicatie applicaties architect architectuur beheer bouw certificaat certificaten certificering
    cluster clusters code controle controles developer developers diensten engineer engineers engineering ervaring
    expert experts kennis kwaliteit landschap migratie model modellen modellering monitoring omgeving omgevingen
    ontwerp ontwikkelaar ontwikkelaars ontwikkeling oplossing oplossingen optimalisatie pipeline pipelines platform
    platformen proces processen project projecten scripts services specialist stack straat taal talen team teams
    strategie technologie technologieen testen tests tool tooling tools toepassingen tuning vaardigheden vaardigheid
    werk borging bewaking regels problemen issues checks eisen afwijkingen fouten meldingen rapportages dashboards
    framework frameworks kosten jobs taken structuur laag validatie validaties wijzigingen evolutie drift
    performance planning opslag rechten verwerking
    """
)

_STEMMERS = {"en": snowballstemmer.stemmer("english"), "nl": snowballstemmer.stemmer("dutch")}


class Token(NamedTuple):
    """One piece of a word: its folded form, its stems, and where it stands in the original text."""

    folded: str
    start: int
    end: int
    stem_en: str
    stem_nl: str
    word: int  # the word it is a piece of, counted from 0: what the layout knows a mention's place by


# A Token from its fields without the Python-level constructor a named tuple has: a long vacancy makes thousands.
new_token = partial(tuple.__new__, Token)
NOT_WHOLE = (None, None)  # the stems of a word not known to be one piece (Splitter.tokens_of)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    base = "".join(part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))
    return base if len(base) == 1 else char


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without accents, one character for one, so positions inside the word stay valid."""
    lowered = word.lower()
    if len(lowered) != len(word):  # a letter whose lower case is longer ("İ"): keep the word as it is
        lowered = word
    return "".join(_fold_char(char) if ord(char) > 127 else char for char in lowered)


@lru_cache(maxsize=200_000)
def stems(folded: str) -> tuple[str, str]:
    """The English and the Dutch stem; words of one or two letters are their own stem."""
    if len(folded) <= 2:
        return folded, folded
    return _STEMMERS["en"].stemWord(folded), _STEMMERS["nl"].stemWord(folded)


# Line breaks and spaces as the reader reads them, one character for one: every line break a "\n" (a "\r\n" is a
# space and a "\n"), every other space a " ", so a text sent with Windows line ends, line separators or no-break
# spaces ("5\u00a0years") reads as the same text typed in a box.
LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines() ends a line, besides "\n"
SPACES = "".join(char for char in map(chr, range(0x3001)) if char.isspace() and char not in f"\t\n {LINE_BREAKS}")
SPACES += "\u200b"  # a zero-width space
PLAIN = str.maketrans(LINE_BREAKS + SPACES, "\n" * len(LINE_BREAKS) + " " * len(SPACES))
NOT_PLAIN = re.compile(f"[{re.escape(LINE_BREAKS + SPACES)}]")  # searched in C: most texts have none


# Characters that show nothing in a text (a soft hyphen, joiners, direction marks, a byte order mark): a web page's
# "Data&shy;kwaliteit" is one word.
INVISIBLE = "\u00ad\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"  # soft hyphen, joiners, marks
INVISIBLE += "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # direction embeddings and isolates
INVISIBLE += "".join(map(chr, range(0xFE00, 0xFE10)))  # variation selectors: "Spark\ufe0f" as an emoji pasted it
HAS_INVISIBLE = re.compile(f"[{INVISIBLE}]")


class ReadText(NamedTuple):
    """A vacancy as the reader reads it (:func:`as_read`), and where each of its places stands in the text sent."""

    text: str
    places: list[int] | None  # place in ``text`` → place in the text sent, one more for the end; None: the same

    def place(self, offset: int) -> int:
        return offset if self.places is None else self.places[offset]


def as_read(text: str) -> ReadText:
    """``text`` with its line breaks and spaces as the reader reads them (see PLAIN), without the characters that
    show nothing (INVISIBLE: "Data\u00adkwaliteit" is one word), and each letter written with combining accents
    ("e" + "\u0301", as a Mac may paste it) as the one letter it is ("é"), so its word stays whole; an accent no
    letter holds ("n" + "\u0308") stays, and a phrase ending before it ends after it in the text sent."""
    plain = text.replace("\r\n", " \n").translate(PLAIN) if NOT_PLAIN.search(text) else text
    if not HAS_INVISIBLE.search(plain) and not any(map(unicodedata.combining, set(plain))):  # each character once
        return ReadText(plain, None)
    pieces, places, start = [], [], 0
    for end in range(1, len(plain) + 1):
        if end < len(plain) and unicodedata.combining(plain[end]):
            continue  # the letter's accents follow it
        letter = plain[start:end]
        composed = "" if letter[0] in INVISIBLE else unicodedata.normalize("NFC", letter)
        if len(composed) > len(letter):  # a letter NFC writes with more characters: kept as sent
            composed = letter
        pieces.append(composed)
        places.extend(end if unicodedata.combining(char) else start + at for at, char in enumerate(composed))
        start = end
    places.append(len(plain))
    return ReadText("".join(pieces), places)


WORD_OR_GAP = re.compile(f"({PHRASE_WORD.pattern})")  # split on it: the gaps and the words between, in turn


class WordColumns(NamedTuple):
    """The words of a text column by column, as the reader's layout keeps them, and what stands between them."""

    folded: list[str]
    starts: list[int]
    ends: list[int]
    gaps: list[str]  # what stands before each word, and last what stands after the last one


def word_columns(text: str) -> WordColumns:
    """Every word of ``text``, folded, with its start and end in ``text``. Found by splitting, which makes no match
    objects, and placed by summing the pieces' lengths, which loops in C: a long vacancy has thousands of words."""
    pieces = WORD_OR_GAP.split(text)  # a gap, a word, a gap… a gap
    places = list(accumulate(map(len, pieces), initial=0))  # where each piece starts
    return WordColumns(list(map(fold, pieces[1::2])), places[1:-1:2], places[2::2], pieces[::2])


def words(text: str) -> list[tuple[str, int, int]]:
    """Every word of ``text``, folded, with its start and end in ``text``."""
    columns = word_columns(text)
    return list(zip(columns.folded, columns.starts, columns.ends, strict=True))


def _known_piece(piece: str, known: frozenset[str]) -> bool:
    """A known word, a common compound part, or a known word with a Dutch ending ("georiënteerd|e")."""
    return (
        piece in known
        or piece in COMPOUND_PARTS
        or (piece[-1] in "es" and piece[:-1] in known)
        or (piece.endswith("en") and piece[:-2] in known)
    )


def split_compound(word: str, known: frozenset[str], depth: int = 0) -> tuple[tuple[int, int], ...] | None:
    """Where ``word`` splits into known pieces, as (start, end) inside it, or None; the first piece as long as
    possible, each piece split again where it can be. A linking "s" between two pieces belongs to neither
    ("kwaliteit|s|controles")."""
    if depth >= MAX_SPLITS or len(word) < 2 * MIN_PIECE:
        return None
    for cut in range(len(word) - MIN_PIECE, MIN_PIECE - 1, -1):
        if word[:cut] not in known:
            continue
        for link in (0, 1) if word[cut] == "s" else (0,):
            rest = word[cut + link :]
            if len(rest) < MIN_PIECE:
                continue
            tail = split_compound(rest, known, depth + 1)
            if tail is None and not _known_piece(rest, known):
                continue
            head = split_compound(word[:cut], known, depth + 1) or ((0, cut),)
            return *head, *((cut + link + begin, cut + link + end) for begin, end in tail or ((0, len(rest)),))
    return None


class Splitter:
    """Cuts words into pieces with one phrasebook's known words; remembers its answers, as vacancies repeat words."""

    def __init__(self, known: Iterable[str]) -> None:
        self.known = frozenset(word for word in known if len(word) >= MIN_PIECE)
        # The longest word that could split: each cut may cut both halves again, down to MAX_SPLITS deep, into pieces
        # no longer than the longest known one with a Dutch ending, each with a linking "s".
        longest_piece = max(map(len, self.known | COMPOUND_PARTS), default=0) + len("en")
        self.longest_compound = 2**MAX_SPLITS * (longest_piece + len("s"))
        self._pieces: dict[str, tuple[tuple[int, int], ...]] = {}
        self._stems: dict[str, tuple[tuple[int, int, str, str, str], ...]] = {}
        self._whole_stems: dict[str, tuple[str, str]] = {}  # of those, the words of one piece: their two stems

    def pieces(self, word: str) -> tuple[tuple[int, int], ...]:
        """Where ``word`` splits. A word longer than any compound is one piece at once, and not remembered: trying
        every cut of a pasted run of thousands of letters took seconds, and each such run stayed in memory."""
        if len(word) > self.longest_compound:
            return ((0, len(word)),)
        found = self._pieces.get(word)
        if found is None:
            found = split_compound(word, self.known) or ((0, len(word)),)
            if len(self._pieces) < 100_000:
                self._pieces[word] = found
        return found

    def tokens(self, text: str) -> list[Token]:
        """The pieces of every word of ``text`` in order, with their stems and places in ``text``."""
        return self.tokens_of(word_columns(text))

    def tokens_of(self, columns: WordColumns) -> list[Token]:
        """The pieces of the words of :func:`word_columns`, with their stems and places in the text. Most words are
        one piece whose stems are remembered: their tokens are made in runs, in C; only the others, one by one."""
        folded, starts, ends = columns.folded, columns.starts, columns.ends
        stems_of = list(map(self._whole_stems.get, folded, repeat(NOT_WHOLE)))
        stems_en, stems_nl = list(map(itemgetter(0), stems_of)), list(map(itemgetter(1), stems_of))
        tokens: list[Token] = []
        done = 0  # the words before it have their tokens
        for index in [*compress(count(), map(is_, stems_of, repeat(NOT_WHOLE))), len(folded)]:
            run = slice(done, index)  # words of one piece
            tokens += map(
                new_token, zip(folded[run], starts[run], ends[run], stems_en[run], stems_nl[run], count(done))
            )
            if index < len(folded):
                start = starts[index]
                tokens += [
                    new_token((piece, start + begin, start + end, stem_en, stem_nl, index))
                    for begin, end, piece, stem_en, stem_nl in self._stemmed(folded[index])
                ]
            done = index + 1
        return tokens

    def _stemmed(self, word: str) -> tuple[tuple[int, int, str, str, str], ...]:
        found = self._stems.get(word)
        if found is None:
            found = tuple((begin, end, word[begin:end], *stems(word[begin:end])) for begin, end in self.pieces(word))
            if len(self._stems) < 100_000 and len(word) <= self.longest_compound:
                self._stems[word] = found
                if len(found) == 1 and found[0][:2] == (0, len(word)):
                    self._whole_stems[word] = found[0][3:]
        return found
