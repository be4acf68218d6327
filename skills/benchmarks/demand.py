"""What the market asks for, counted by who asks: each published role, recruiter's search or saved vacancy of an
engineer who counts in is one asker, counted once per item or tool it asks for (not once per requirement), as a
must-have when any of its items there is one. Read by the snapshot builder (``skills.benchmarks.services``)."""

from collections import defaultdict
from collections.abc import Callable, Iterable

from skills.models import EngineerProfile, RoleRequirement, SavedVacancy

Asks = dict[int, dict[int, bool]]  # per asker (a role, a search, a saved vacancy): each item it asks, must-have?


def role_asks(roles) -> Asks:
    """What each of these roles (or searches) asks: its items, must-have or nice-to-have."""
    asks: Asks = defaultdict(dict)
    for role_id, item_id, must_have in RoleRequirement.objects.filter(role__in=roles).values_list(
        "role_id", "item_id", "is_must_have"
    ):
        asks[role_id][item_id] = must_have
    return asks


def askers_per_subject(asks: Asks, subjects_of: Callable[[int], Iterable[int]]) -> dict[tuple[int, bool], int]:
    """How many askers ask for each subject (an item, or a tool through the items of its skills), must-have or
    not: each asker counted once per subject, as a must-have when any of its items there is one."""
    demand: dict[tuple[int, bool], int] = defaultdict(int)
    for items in asks.values():
        strongest: dict[int, bool] = {}
        for item_id, must_have in items.items():
            for subject in subjects_of(item_id):
                strongest[subject] = strongest.get(subject, False) or must_have
        for subject, must_have in strongest.items():
            demand[(subject, must_have)] += 1
    return demand


def vacancy_asks() -> Asks:
    """Items asked by the saved vacancies of engineers who count in (their words are read once, when saved); an
    item a vacancy asks both ways is required."""
    asks: Asks = defaultdict(dict)
    owners = EngineerProfile.objects.filter(counts_in_benchmarks=True, user__is_active=True).values("user_id")
    vacancies = SavedVacancy.objects.filter(owner__in=owners).values_list("pk", "items_asked")
    for vacancy_id, asked in vacancies.iterator():
        for entry in asked or ():
            if "item" in entry:
                item_id = entry["item"]
                asks[vacancy_id][item_id] = asks[vacancy_id].get(item_id, False) or bool(entry.get("required"))
    return asks


def demand_fields(counted: dict[str, dict[tuple[int, bool], int]], *, subject: int) -> dict[str, int]:
    """A market cell's demand fields (``roles_required``, ``roles_nice``, ``searches_required``…) for ``subject``
    from :func:`askers_per_subject` per kind of asker."""
    return {
        f"{kind}_{field}": counts.get((subject, must_have), 0)
        for kind, counts in counted.items()
        for field, must_have in (("required", True), ("nice", False))
    }
