"""A phrase the reading matched, and what an item or tool asked was found as."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PhraseHit:
    """One matched phrase: exactly ``text[start:end]`` of the vacancy."""

    text: str
    start: int
    end: int

    @property
    def name(self) -> str:
        """The text as a term is named and counted: its spaces folded, so that "GROUP BY" written with a no-break
        space is one term with "GROUP BY" (the text itself stays as sent, to match its offsets)."""
        return " ".join(self.text.split())


class FoundAs:
    """What an item or tool asked was found as: the words of its ``phrases``."""

    phrases: tuple[PhraseHit, ...]
    pairs: tuple[tuple[PhraseHit, PhraseHit], ...] = ()  # of ``phrases``, those found as a pair: (earlier, later)

    @property
    def phrase_texts(self) -> list[str]:
        """The words that matched, each once (ignoring case), in the order of the text; a pair's two parts as one
        ("crash … restarted"), since neither alone names the item."""
        later_parts: dict[PhraseHit, list[PhraseHit]] = {}
        for earlier, later in self.pairs:
            later_parts.setdefault(earlier, []).append(later)
        in_pairs = {hit for pair in self.pairs for hit in pair}
        seen: dict[str, str] = {}
        for hit in self.phrases:
            if hit in later_parts:
                texts = [f"{hit.text} … {later.text}" for later in later_parts[hit]]
            else:
                texts = [] if hit in in_pairs else [hit.text]
            for text in texts:
                seen.setdefault(text.casefold(), text)
        return list(seen.values())
