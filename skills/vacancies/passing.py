"""Tools named in passing: a vacancy that names a tool only in its prose about the company, the team or the product
("We serve our models through a FastAPI service", "De dbt-modellen zijn van collega Sanne en haar team") tells the
reader what is around the job, not what the job asks of them. Such a tool is shown apart, as named, not as asked.

A mention asks when it stands in a list entry (or a line that ends without a full stop), in a section of what is required or nice to have, where the text
calls it a plus, or in a sentence that speaks to the candidate or of what they bring ("you", "ervaring", "kennis",
"must"). A tool asks when one of its mentions does.

Measured when the rule was written (2026-12-07): in the sets tuned on, 18 of the 25 tools read as asked that the
labels do not ask for were named in passing, and 9 of the 331 asked ones; in the seven blind sets, read once to
check the rule, 18 of 30, and 6 of 305. Items are not judged so: a task the text describes in the third person
("the pipelines are scheduled nightly") is still the job's.
"""

import bisect
import re
from collections.abc import Iterable

from skills.vacancies.headings import LIST_ENTRY
from skills.vacancies.hits import PhraseHit
from skills.vacancies.layout import Layout, Section
from skills.vacancies.phrasebook import TOOL
from skills.vacancies.text import word_set

ASKING = word_set(
    """
    you your yours je jij jou jouw u uw candidate kandidaat
    experience experienced ervaring ervaren kennis knowledge know familiar bekend skill skills vaardig vaardigheid
    vaardigheden proficient proficiency expert expertise must required vereist pre plus bonus nice mooi leuk
    welcome welkom ability able comfortable hands strong sterk sterke solid goed goede
    """
)  # as the reader folds them: "pré" reads "pre", "hands-on" "hands on"
ASKING_SECTIONS = (Section.REQUIRED, Section.NICE)
LIST_MARK_CHARS = 8  # LIST_ENTRY reads no further into a line
SENTENCE_ENDS = (".", "!", "?", ";", ":")


class AskingPlaces:
    """Answers whether a mention asks, reading each sentence and line once however many mentions it holds."""

    def __init__(self, layout: Layout, text: str) -> None:
        self.layout = layout
        self.text = text
        self._line_starts: list[int] | None = None
        self._sentences: dict[int, bool] = {}

    def asks_at(self, first: int) -> bool:
        """Whether the mention whose first word is ``first`` stands where the text asks (see the module)."""
        layout = self.layout
        if layout.section(first) in ASKING_SECTIONS:
            return True
        sentence = layout.sentences[first]
        if sentence not in self._sentences:
            self._sentences[sentence] = not ASKING.isdisjoint(layout.sentence_words(first))
        return self._sentences[sentence] or self._in_a_list(layout.starts[first])

    def _in_a_list(self, offset: int) -> bool:
        """Whether the line at ``offset`` is an entry of a list: marked as one, or a line that ends without a
        sentence's full stop ("About 5 years with Spark" under "Requirements:")."""
        if self._line_starts is None:
            self._line_starts = [0, *(match.end() for match in re.finditer("\n", self.text)), len(self.text) + 1]
        line = bisect.bisect_right(self._line_starts, offset) - 1
        start, end = self._line_starts[line], self._line_starts[line + 1] - 1
        if LIST_ENTRY.match(self.text[start : start + LIST_MARK_CHARS]):
            return True
        return not self.text[start:end].rstrip().endswith(SENTENCE_ENDS)


def take_tools_in_passing(
    asked: dict[tuple[str, int], dict], *, layout: Layout, text: str, nice_phrases: Iterable[PhraseHit]
) -> dict[tuple[str, int], list[PhraseHit]]:
    """Take the tools named in passing out of ``asked`` (the reader's mentions asked, by kind and id) and return their
    phrases. A text that asks nowhere in so many words (a line of tools, one task) asks all it names: none is taken."""
    places, nice = AskingPlaces(layout, text), set(nice_phrases)
    asking = {  # whether one of its mentions stands where the text asks
        key: any(phrase in nice or places.asks_at(layout.word_at(phrase.start)) for phrase in entry["phrases"])
        for key, entry in asked.items()
    }
    if not any(asking.values()):
        return {}
    return {key: asked.pop(key)["phrases"] for key, asks in asking.items() if key[0] == TOOL and not asks}
