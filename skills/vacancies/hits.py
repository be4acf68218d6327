"""A phrase the reading matched, and what an item or tool asked was found as."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PhraseHit:
    """One matched phrase: exactly ``text[start:end]`` of the vacancy."""

    text: str
    start: int
    end: int


class FoundAs:
    """What an item or tool asked was found as: the words of its ``phrases``."""

    phrases: tuple[PhraseHit, ...]

    @property
    def phrase_texts(self) -> list[str]:
        """The words that matched, each once (ignoring case), in the order of the text."""
        seen: dict[str, str] = {}
        for hit in self.phrases:
            seen.setdefault(hit.text.casefold(), hit.text)
        return list(seen.values())
