"""A read vacancy's text as pieces to mark, each with the style of what the reading found there."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from skills.vacancies.reading import VacancyReading

REQUIRED, NICE, NOT_ASKED, UNRECOGNISED = "required", "nice", "not-asked", "unrecognised"
HIGHLIGHT_STYLES = (REQUIRED, NICE, NOT_ASKED, UNRECOGNISED)  # the strongest first


def highlighted(reading: "VacancyReading") -> list[tuple[str, str]]:
    """The text cut into (piece, style) in order: style "required", "nice", "not-asked" or "unrecognised" for a
    phrase the reading names, "" between them; overlapping phrases merge and keep the strongest style, so a
    template can mark them without nesting."""
    spans = []
    for asked in (*reading.items, *reading.tools):
        style = REQUIRED if asked.required else NICE
        spans += [(hit.start, hit.end, style) for hit in asked.phrases]
    for entry in (*reading.not_asked_items, *reading.not_asked_tools):
        spans += [(hit.start, hit.end, NOT_ASKED) for hit in entry.phrases]
    spans += [(hit.start, hit.end, NOT_ASKED) for hit in reading.not_asked_terms]  # "no Kafka needed"
    spans += [(hit.start, hit.end, UNRECOGNISED) for hit in reading.unrecognised]
    merged: list[list] = []
    for start, end, style in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] = min(merged[-1][2], style, key=HIGHLIGHT_STYLES.index)
        else:
            merged.append([start, end, style])
    pieces = []
    position = 0
    for start, end, style in merged:
        if start > position:
            pieces.append((reading.text[position:start], ""))
        pieces.append((reading.text[start:end], style))
        position = end
    if position < len(reading.text):
        pieces.append((reading.text[position:], ""))
    return pieces
