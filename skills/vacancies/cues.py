"""The editors' vacancy cues (skills.models.VacancyCue) as the reader matches them: the sections a heading opens and
the groups of words (nice to have, negations, offers) found around a mention.

Kept apart from the layout so that the phrasebook can build them once per change of the cues, and every part of the
layout (headings, negation scope, nice and offer cues) reads the same occurrences.
"""

import bisect
from enum import Enum
from typing import TypeVar

from skills.vacancies.text import words


class Section(Enum):
    REQUIRED = "required"
    NICE = "nice"
    PLAIN = "plain"  # the role, the team, the tasks: what it names is asked for
    OFFER = "offer"  # what the employer offers: what it names is not asked for
    COMPANY = "company"  # who the employer is: what it names describes them, it is not asked for
    NOT_ASKED = "not-asked"  # "What you don't need": what it names is said not to be needed


# Tuples, not sets: a member is found by identity, while a set would hash it by its name in Python on every look-up.
ASKING_NOTHING = (Section.OFFER, Section.COMPANY)
LIST_SECTIONS = (Section.NICE, Section.NOT_ASKED)  # a paragraph of prose after its list ends it

HEADING_KINDS = {
    "required": Section.REQUIRED,
    "nice": Section.NICE,
    "plain": Section.PLAIN,
    "company": Section.COMPANY,
    "offer": Section.OFFER,
    "not-asked": Section.NOT_ASKED,
}  # skills.models.VacancyCue.Kind of a heading → the section it opens
NICE, NOT_NEGATING, NEGATION, NEGATION_NEXT = "nice-cue", "not-negating", "negation", "negation-next"
OFFERED = "offer-cue"
CUE_GROUPS = (NICE, NOT_NEGATING, NEGATION, NEGATION_NEXT, OFFERED)

Occurrences = list[tuple[int, int]]  # where the cues of one group stand: (first, last) word, in order
Kind = TypeVar("Kind")
ByLength = list[tuple[int, dict[tuple[str, ...], list[tuple[Kind, tuple[str, ...]]]]]]  # the cues of one first word:
# per length, the longest first, their words → (kind, words) in the editors' order


class Cues:
    """The editors' cues (skills.models.VacancyCue) as folded words, indexed by their first word, then by their words
    per length: each place of a vacancy looks up a few lengths rather than compares every cue with the same first
    word ("niet", "wat" open dozens)."""

    def __init__(self, cues: list[tuple[str, str]]) -> None:
        """``cues``: (kind, text) pairs."""
        self.headings: dict[str, ByLength[Section]] = {}
        self.by_first_word: dict[str, ByLength[str]] = {}
        for kind, text in cues:
            folded = tuple(word for word, _start, _end in words(text))
            if not folded:
                continue
            if kind in HEADING_KINDS:
                _add(self.headings, HEADING_KINDS[kind], folded)
            elif kind in CUE_GROUPS:
                _add(self.by_first_word, kind, folded)
        for by_length in (*self.headings.values(), *self.by_first_word.values()):
            by_length.sort(key=lambda entry: -entry[0])  # the longest cue first

    def heading(self, line_words: tuple[str, ...]) -> tuple[Section | None, tuple[str, ...]]:
        """The section a line's first words open, and the cue."""
        for length, cues in self.headings.get(line_words[0], ()) if line_words else ():
            if found := cues.get(line_words[:length]):
                return found[0]
        return None, ()

    def occurrences(self, words: list[str], firsts: list[int]) -> dict[str, Occurrences]:
        """Where the cues of each group stand in ``words``, as (first, last) word, in order, given where the first
        words of cues stand (``firsts``, in order)."""
        found: dict[str, Occurrences] = {group: [] for group in CUE_GROUPS}
        by_first_word = self.by_first_word
        for index in firsts:
            for length, cues in by_first_word[words[index]]:
                for group, _cue in cues.get(tuple(words[index : index + length]), ()):
                    found[group].append((index, index + length - 1))
        return found


def _add(index: dict[str, ByLength[Kind]], kind: Kind, folded: tuple[str, ...]) -> None:
    """Files the cue of words ``folded`` under its first word and its length."""
    by_length = index.setdefault(folded[0], [])
    cues = next((cues for length, cues in by_length if length == len(folded)), None)
    if cues is None:
        cues = {}
        by_length.append((len(folded), cues))
    cues.setdefault(folded, []).append((kind, folded))


def any_within(positions: list[int], begin: int, end: int) -> bool:
    """Whether a word of ``positions`` (in order) stands within words ``begin``…``end - 1``: by bisection, so a rule
    that asks it once per mention reads a long sentence in time that grows with it."""
    found = bisect.bisect_left(positions, begin)
    return found < len(positions) and positions[found] < end


def any_between(occurrences: Occurrences, begin: int, end: int) -> bool:
    """Whether a cue lies wholly within words ``begin``…``end - 1``."""
    index = bisect.bisect_left(occurrences, (begin, -1))
    return any(last < end for _first, last in occurrences[index : index + 4] if _first < end)
