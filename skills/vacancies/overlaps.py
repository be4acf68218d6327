"""Where phrases overlap, which mentions count (the second step of skills.vacancies.reading): the longest wins,
separately for items and for tools: "window functions" is one mention of window functions, not also one of
functions; "Airflow" may name the Airflow DAGs item and the tool Airflow at once. An item's phrase inside a longer
phrase of a tool does not count ("Cloud" in "dbt Cloud"); a skill's name inside a longer phrase of another of its
items still names the skill ("SQL" in "slow SQL").
"""

from operator import attrgetter

from skills.vacancies.phrasebook import ITEM, TOOL, Found, Phrasebook


def longest_mentions(found: list[Found], book: Phrasebook) -> tuple[list[Found], list[Found]]:
    """The tools named and the items mentioned among the phrases ``found`` (in the phrasebook's order), by the
    module's rule, each in the order of the text."""
    tool_hits = [hit for hit in found if hit.kind == TOOL]
    tools_named = _longest(tool_hits)
    tool_spans = {(hit.first, hit.last) for hit in tool_hits}
    tool_at = {index: hit for hit in tools_named for index in range(hit.first, hit.last + 1)}
    item_hits = [hit for hit in found if hit.kind == ITEM]
    mentions = [
        hit
        for hit in _with_skill_names(_longest(item_hits), item_hits, book)
        if (hit.first, hit.last) in tool_spans or not _inside(hit, tool_at.get(hit.first))
    ]
    return tools_named, mentions


def _longest(found: list[Found]) -> list[Found]:
    """The longest of overlapping mentions (``found`` in the order of the text), the first on a tie; several targets
    on the same words all stay. The mentions of one token, most of them, come last and need no sorting."""
    kept: list[Found] = []
    taken: dict[int, tuple[int, int]] = {}  # token → the words of the mention that holds it
    for hit in sorted(
        (hit for hit in found if hit.first < hit.last), key=lambda hit: (hit.first - hit.last, hit.first)
    ):
        span = (hit.first, hit.last)
        if all(taken.get(index, span) == span for index in range(hit.first, hit.last + 1)):
            kept.append(hit)
            taken.update(dict.fromkeys(range(hit.first, hit.last + 1), span))
    kept += [hit for hit in found if hit.first == hit.last and hit.first not in taken]  # a token no longer one holds
    return sorted(kept, key=attrgetter("first", "last"))


def _with_skill_names(kept: list[Found], found: list[Found], book: Phrasebook) -> list[Found]:
    """``kept`` and the skill's name inside a longer phrase of another of its items: "SQL" in "slow SQL" names SQL
    as a whole, its first item, as well as query performance."""
    kept_hits = set(kept)
    if not (names := [hit for hit in found if hit.target_id in book.first_item_ids and hit not in kept_hits]):
        return kept
    holders: dict[int, list[Found]] = {}  # a token → the kept mentions over it
    for longer in kept:
        for index in range(longer.first, longer.last + 1):
            holders.setdefault(index, []).append(longer)
    named = [
        hit
        for hit in names
        if any(
            longer.first <= hit.first
            and hit.last <= longer.last
            and longer.target_id != hit.target_id
            and book.items[longer.target_id].skill_id == book.items[hit.target_id].skill_id
            for longer in holders.get(hit.first, ())
        )
    ]
    return sorted([*kept, *named], key=lambda hit: (hit.first, hit.last)) if named else kept


def _inside(hit: Found, tool: Found | None) -> bool:
    """Whether ``hit`` lies within the longer mention of ``tool``: "Cloud" in "dbt Cloud" names the tool, not the
    cloud item (but "Spark" in "Spark jobs" still names the item, as "Spark" is a phrase of the tool too)."""
    return (
        tool is not None
        and tool.first <= hit.first
        and hit.last <= tool.last
        and (tool.last - tool.first > hit.last - hit.first)
    )
