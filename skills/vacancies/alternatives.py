"""What the team uses instead of what a vacancy says is not needed ("Airflow: zero required, we schedule our work
with Dagster"): the reader (skills.vacancies.reading) drops such a mention, which asks nothing and is not "not asked"
either; the negated skill is. Its own module: it weighs mentions against each other after the negation rule placed
them, where the layout's modules read one mention at a time."""

from skills.vacancies.handover import SECOND_PERSON
from skills.vacancies.layout import RESTORING, Layout
from skills.vacancies.phrasebook import ITEM, Phrasebook


def without_alternatives_in_use(
    placed: list[list], weakly_negated: set[int], book: Phrasebook, layout: Layout
) -> list[list]:
    """The placed mentions but those that name an alternative in use after a strong negation."""
    denied = [mention for mention in placed if mention[5] and mention[1] not in weakly_negated]
    return [mention for mention in placed if not _alternative_in_use(mention, denied, book, layout)]


def _alternative_in_use(mention: list, denied: list[list], book: Phrasebook, layout: Layout) -> bool:
    """Whether an item's mention names what the team uses instead of a skill the vacancy just said is not needed
    ("Airflow: not needed, we schedule our work with Dagster", "No Airflow. Our client schedules through Step
    Functions"): in the sentence of that negation or the next, and not said of the candidate ("je regelt managed
    identities"), it tells how the work is done without it, and asks nothing (nor is it "not asked")."""
    hit, _start, _end, first, _last, negated, _asks_nothing = mention
    if hit.kind != ITEM or negated:
        return False
    clause_start = layout.clause_span(first)[0]
    if layout.words[clause_start] in RESTORING or not SECOND_PERSON.isdisjoint(layout.words[clause_start:first]):
        return False
    skill, sentence = book.items[hit.target_id].skill_id, layout.sentences[first]
    return any(
        other[0].kind == ITEM
        and other[3] < first
        and sentence - 1 <= layout.sentences[other[3]] <= sentence
        and book.items[other[0].target_id].skill_id == skill
        for other in denied
    )
