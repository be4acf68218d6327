"""What the team uses instead of what a vacancy says is not needed ("Airflow: zero required, we schedule our work
with Dagster"): the reader (skills.vacancies.reading) drops such a mention, which asks nothing and is not "not asked"
either; the negated skill is. Its own module: it weighs mentions against each other after the negation rule placed
them, where the layout's modules read one mention at a time."""

from skills.vacancies.handover import SECOND_PERSON
from skills.vacancies.layout import RESTORING, Layout
from skills.vacancies.phrasebook import ITEM, Phrasebook

ALTERNATIVE_REACH = 2  # the sentences after the negation that may name what is used instead: two, on its line, past
# a verdict of its own ("Airflow? Long gone. We orchestrate with Dagster now.")


def without_alternatives_in_use(
    placed: list[list], weakly_negated: set[int], book: Phrasebook, layout: Layout
) -> list[list]:
    """The placed mentions but those that name an alternative in use after a strong negation; in one pass, however
    many mentions and negations a text holds."""
    first_denied: dict[tuple[int, int], int] = {}  # (sentence, skill) → the first word of its first strong negation
    skills: dict[int, int] = {}  # an item → its skill, looked up once: a list of thousands names the same again
    for hit, start, _end, first, _last, negated, _asks_nothing in placed:
        if negated and hit.kind == ITEM and start not in weakly_negated:
            if hit.target_id not in skills:
                skills[hit.target_id] = book.items[hit.target_id].skill_id
            first_denied.setdefault((layout.sentences[first], skills[hit.target_id]), first)
    if not first_denied:
        return placed
    return [  # only an item's mention that is not negated may be one
        mention
        for mention in placed
        if mention[5] or mention[0].kind != ITEM or not _alternative_in_use(mention, first_denied, book, layout)
    ]


def _alternative_in_use(mention: list, first_denied: dict, book: Phrasebook, layout: Layout) -> bool:
    """Whether an item's mention names what the team uses instead of a skill the vacancy just said is not needed
    ("Airflow: not needed, we schedule our work with Dagster", "No Airflow. Our client schedules through Step
    Functions"): after that negation, in its sentence, the next or the one after on its line, and not said of the candidate ("je regelt managed
    identities"), it tells how the work is done without it, and asks nothing (nor is it "not asked")."""
    hit, _start, _end, first, _last, negated, _asks_nothing = mention
    if hit.kind != ITEM or negated:
        return False
    skill, sentence = book.items[hit.target_id].skill_id, layout.sentences[first]
    before = first_denied.get((sentence, skill), first) < first or (sentence - 1, skill) in first_denied
    if not before and (sentence - ALTERNATIVE_REACH, skill) in first_denied:
        negation = first_denied[sentence - ALTERNATIVE_REACH, skill]
        before = all("\n" not in gap for gap in layout.gaps[negation + 1 : first + 1])  # on its line only, not under
        # the next heading ("About us\nWe don't use Azure yet.\n\nRequirements\n- Azure experience")
    if not before:
        return False
    clause_start = layout.clause_span(first)[0]
    return layout.words[clause_start] not in RESTORING and SECOND_PERSON.isdisjoint(layout.words[clause_start:first])
