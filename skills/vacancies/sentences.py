"""The words of a vacancy with the sentence, the clause and the line's punctuation each belongs to.

- A sentence ends at a line break or at ".", "!", "?" or ";" before a space; a clause also at a comma, a contrast
  ("but", "maar"…) or a conjunction that opens a clause of its own ("wanneer", "omdat"…, and "als" before "de",
  "het", "je"…: "je debugt pipelines als de output niet klopt", not "als engineer").
- Mentions stand in one list when only commas, "or", "and", "of", "en"… and fillers ("experience with") lie
  between them in one sentence.

Every rule about where a cue reaches (headings, negation scope, nice and offer cues) asks these indexes, so they
are read once, in one pass over the gaps between the words.
"""

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, KeysView
from itertools import chain, compress, count

from catalog.models import PHRASE_WORD
from skills.vacancies.text import WordColumns, word_columns, word_set

SENTENCE_END = re.compile(r"[.!?;]\s")
CONTRASTS = word_set("but maar however echter whereas terwijl")  # open a clause; no nice or offer cue reaches past
CLAUSE_BREAKS = CONTRASTS | word_set("wel wanneer waarom omdat zodat voordat")  # "je debugt pipelines wanneer de
# output niet klopt": the conjunctions that open a clause of their own
CLAUSE_AFTER_ALS = frozenset(("de", "het", "er", "een", "je", "jij", "iets", "ze", "die", "dat"))  # "als de output…"
CONJUNCTIONS = frozenset(("or", "and", "nor", "of", "en", "noch"))
LIST_MARKS = frozenset(" ,/&-")  # what stands between the words of a list, besides its conjunctions
LIST_FILLERS = frozenset(("ervaring", "kennis", "experience", "knowledge", "skills", "with", "met", "any", "enige"))
OPENING = CLAUSE_BREAKS | {"als"}  # the words that may open a clause after a single space


class Sentences:
    """The words of a vacancy with their sentence and clause, and where colons and question marks stand."""

    def __init__(self, text: str, columns: WordColumns | None = None) -> None:
        """``columns``: the words of ``text`` (skills.vacancies.text.word_columns), when the caller has them already."""
        self.text = text
        columns = word_columns(text) if columns is None else columns
        self.words, self.starts, self.ends = columns.folded, columns.starts, columns.ends
        self.gaps = columns.gaps[:-1]  # what stands before each word: read by every rule about where a cue reaches
        self._places: defaultdict[str, list[int]] = defaultdict(list)  # a word → where it stands, in order
        for index, word in enumerate(self.words):
            self._places[word].append(index)
        self.marked = list(compress(count(), map(" ".__ne__, self.gaps)))  # the words after more than a single
        # space: only they (and the words that open a clause) may start a sentence or a clause
        self.sentences = [0] * len(self.words)
        self.clauses = [0] * len(self.words)
        self.after_colons: list[int] = []  # the words that follow a colon, in order
        self.questions: set[int] = set()  # the words a question mark follows
        self._read_sentences()

    @property
    def vocabulary(self) -> KeysView[str]:
        """The text's words, each once."""
        return self._places.keys()

    def places(self, word: str) -> list[int]:
        """Where the one word ``word`` stands, in order (do not change the list): :meth:`positions` of one word,
        without the set it makes to meet a vocabulary."""
        return self._places.get(word, [])

    def positions(self, vocabulary: Iterable[str]) -> list[int]:
        """Where the words of ``vocabulary`` stand, in order: each rule's cue words are looked up in one index of the
        text's words rather than found by a pass over all of them."""
        found = [self._places[word] for word in self._places.keys() & vocabulary]
        return sorted(chain.from_iterable(found)) if len(found) > 1 else list(chain.from_iterable(found))

    def _read_sentences(self) -> None:
        """Visits only the words that may start a sentence or a clause; those between keep the one before them."""
        sentence = clause = 0
        words, sentences, clauses = self.words, self.sentences, self.clauses
        opening = self.positions(OPENING)
        filled = 1  # the words before it have their sentence and clause
        for index in sorted(set(opening).union(self.marked) - {0}):
            sentences[filled:index] = [sentence] * (index - filled)
            clauses[filled:index] = [clause] * (index - filled)
            gap = self.gaps[index]
            if gap == " ":
                if words[index] in CLAUSE_BREAKS or self.als_clause(index):
                    clause += 1
            else:
                if ":" in gap:
                    self.after_colons.append(index)
                if "?" in gap:
                    self.questions.add(index - 1)
                if "\n" in gap or SENTENCE_END.search(gap + " "):
                    sentence += 1
                    clause += 1
                elif "," in gap or words[index] in CLAUSE_BREAKS or self.als_clause(index):
                    clause += 1
            sentences[index] = sentence
            clauses[index] = clause
            filled = index + 1
        sentences[filled:] = [sentence] * (len(words) - filled)
        clauses[filled:] = [clause] * (len(words) - filled)

    def als_clause(self, index: int) -> bool:
        """Whether word ``index`` is "als" opening a clause ("als de output niet klopt"), not "as" ("als engineer")."""
        return self.words[index] == "als" and index + 1 < len(self.words) and self.words[index + 1] in CLAUSE_AFTER_ALS

    def word_at(self, position: int) -> int:
        """The index of the word that holds character ``position``."""
        return max(bisect.bisect_right(self.starts, position) - 1, 0)

    def sentence_words(self, index: int) -> list[str]:
        """The words of the sentence that holds word ``index``."""
        sentence = self.sentences[index]
        return self.words[bisect.bisect_left(self.sentences, sentence) : bisect.bisect_right(self.sentences, sentence)]

    def clause_span(self, first: int) -> tuple[int, int]:
        """The first word of the clause that holds word ``first``, and the word past its last."""
        clause = self.clauses[first]
        return bisect.bisect_left(self.clauses, clause), bisect.bisect_right(self.clauses, clause)

    def after_colon(self, index: int) -> bool:
        """Whether word ``index`` is the first after a colon."""
        found = bisect.bisect_left(self.after_colons, index)
        return found < len(self.after_colons) and self.after_colons[found] == index

    def next_colon(self, last: int, end: int) -> int:
        """The first word after a colon that follows word ``last``, or ``end``."""
        colon = bisect.bisect_right(self.after_colons, last)
        return min(end, self.after_colons[colon]) if colon < len(self.after_colons) else end

    def joined(self, earlier_last: int, first: int) -> bool:
        """Whether the mention starting at word ``first`` follows the one ending at ``earlier_last`` in the same
        sentence with only commas, "or", "and", "of", "en"… between them: one list."""
        return (
            0 <= earlier_last < first
            and self.sentences[earlier_last] == self.sentences[first]
            and all(word in CONJUNCTIONS or word in LIST_FILLERS for word in self.words[earlier_last + 1 : first])
            and LIST_MARKS.issuperset(PHRASE_WORD.sub("", self.text[self.ends[earlier_last] : self.starts[first]]))
        )
