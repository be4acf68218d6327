"""A read vacancy's text as pieces to mark, each with the style of what the reading found there."""

from collections.abc import Iterable

from skills.vacancies.hits import PhraseHit

REQUIRED, NICE, NOT_ASKED, UNRECOGNISED = "required", "nice", "not-asked", "unrecognised"
HIGHLIGHT_STYLES = (REQUIRED, NICE, NOT_ASKED, UNRECOGNISED)  # the strongest first


def highlighted(text: str, marks: Iterable[tuple[PhraseHit, str]]) -> list[tuple[str, str]]:
    """``text`` cut into (piece, style) in order: a marked phrase's style ("required", "nice", "not-asked" or
    "unrecognised"), "" between them; overlapping phrases merge and keep the strongest style, so a template can
    mark them without nesting."""
    merged: list[list] = []
    for start, end, style in sorted((hit.start, hit.end, style) for hit, style in marks):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] = min(merged[-1][2], style, key=HIGHLIGHT_STYLES.index)
        else:
            merged.append([start, end, style])
    pieces = []
    position = 0
    for start, end, style in merged:
        if start > position:
            pieces.append((text[position:start], ""))
        pieces.append((text[start:end], style))
        position = end
    if position < len(text):
        pieces.append((text[position:], ""))
    return pieces
