"""The stored role matches (``RoleMatch``): an engineer's after a tick, a role's after its requirements change.

Every write here replaces the fragment-cache token of what it changed (see :mod:`portal.cache.fragments`):
``person_kind(user_id)`` for one engineer's own data, ``CHECKLIST_KIND`` for what every engineer's pages show
(checklist, roles, requirements, and so every stored match).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef
from django.utils import timezone

from portal.cache.fragments import person_kind, touch
from skills.models import (
    Assessment,
    EngineerProfile,
    Role,
    RoleMatch,
)
from skills.models.profiles import visible_to_recruiters_lookup
from skills.scoring import RequirementSpec, compute_match
from skills.selectors.checklist import CHECKLIST_KIND
from skills.selectors.roles import requirement_specs_by_role

MATCH_FIELDS = ("score", "requirements_met", "requirements_total", "must_haves_missing", "missing_must_have_ids")


def _match_row(
    *,
    profile_id: int,
    role_id: int,
    specs: list[RequirementSpec],
    levels: dict[int, int],
    visible: bool,
    at: datetime | None = None,
) -> RoleMatch:
    result = compute_match(specs, levels)
    return RoleMatch(
        profile_id=profile_id,
        role_id=role_id,
        profile_visible=visible,
        score=result.score,
        requirements_met=result.requirements_met,
        requirements_total=result.requirements_total,
        must_haves_missing=result.must_haves_missing,
        missing_must_have_ids=list(result.missing_must_have_ids),
        updated_at=at or timezone.now(),
    )


def _store_matches(rows: list[RoleMatch], *, with_visibility: bool = True) -> None:
    """Insert or update the matches; ``with_visibility=False`` leaves the copy of existing rows to the services that
    change visibility (a long role-wide run must not undo an engineer's choice made meanwhile)."""
    RoleMatch.objects.bulk_create(
        rows,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=("profile", "role"),
        update_fields=(*MATCH_FIELDS, *(("profile_visible",) if with_visibility else ()), "updated_at"),
    )


def recompute_matches(
    *,
    profile: EngineerProfile,
    levels: dict[int, int] | None = None,
    specs: dict[int, list[RequirementSpec]] | None = None,
) -> dict[int, RoleMatch]:
    """Store this profile's match with every editors' role (the engineer's tick); a fixed number of queries.

    Recruiters' vacancy searches are left out: their matches are written when a recruiter ranks one, so a tick
    does not grow with them. A caller that already holds the profile's current ``levels`` or every editors' role's
    ``specs`` (:func:`requirement_specs_by_role`, roles without requirements included) passes them on, so nothing is
    read twice.
    """
    if levels is None:
        levels = dict(Assessment.objects.filter(user_id=profile.user_id).values_list("item_id", "level"))
    if specs is None:
        specs = requirement_specs_by_role()
    rows = [
        _match_row(
            profile_id=profile.pk,
            role_id=role_id,
            specs=role_specs,
            levels=levels,
            visible=profile.is_visible_to_recruiters,
        )
        for role_id, role_specs in specs.items()
    ]
    _store_matches(rows)
    touch(person_kind(profile.user_id))
    return {row.role_id: row for row in rows}


def recompute_role_matches(
    *,
    role: Role,
    batch_size: int = 2000,
    after_pk: int = 0,
    up_to_pk: int | None = None,
    after_store: Callable[[int], None] | None = None,
) -> int:
    """Store the match with one role of every profile (or of those with ``after_pk < pk <= up_to_pk``), after the
    role's requirements changed; how many were written.

    Batch by batch, each in its own transaction: a recruiter sees old values until the new ones of a batch are
    written, never a half-empty ranking. ``after_store(matches_in_this_batch)`` runs inside each batch's
    transaction, after its rows are written; an exception from it rolls that batch back and stops the run.
    """
    specs = requirement_specs_by_role(role_ids=[role.pk]).get(role.pk, [])
    item_ids = [spec.item_id for spec in specs]
    visible = ExpressionWrapper(visible_to_recruiters_lookup(), output_field=BooleanField())
    profiles = EngineerProfile.objects.order_by("pk").annotate(visible=visible).values_list("pk", "user_id", "visible")
    if up_to_pk is not None:
        profiles = profiles.filter(pk__lte=up_to_pk)
    # Every engineer's stored match changes and their pages all vary on this token; no engineer's page shows a
    # recruiter's search, whose ranking varies on the matches' own times.
    shown_to_engineers = not role.is_search
    if shown_to_engineers:
        touch(CHECKLIST_KIND)
    count = 0
    last_pk = after_pk
    while True:
        batch = list(profiles.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            if shown_to_engineers:
                touch(CHECKLIST_KIND)  # pages drawn while the batches were written are not read again
            return count
        user_ids = [user_id for _pk, user_id, _visibility in batch]
        read = _levels_by_user(user_ids=user_ids, item_ids=item_ids)
        with transaction.atomic():
            _store_matches(_role_rows(role=role, specs=specs, batch=batch, levels_by_user=read), with_visibility=False)
            # A tick that committed after the levels were read was just overwritten with older ones: read again now
            # that these rows are locked, and write those that moved. A tick still to come waits for the rows and
            # then writes its own, newer match.
            current = _levels_by_user(user_ids=user_ids, item_ids=item_ids)
            moved = [
                (pk, user_id, visible) for pk, user_id, visible in batch if current.get(user_id) != read.get(user_id)
            ]
            if moved:
                rows = _role_rows(role=role, specs=specs, batch=moved, levels_by_user=current)
                _store_matches(rows, with_visibility=False)
            _copy_visibility(role=role, profile_ids=[pk for pk, _user_id, _visibility in batch])
            if after_store is not None:
                after_store(len(batch))
        count += len(batch)
        last_pk = batch[-1][0]


def _levels_by_user(*, user_ids: list[int], item_ids: list[int]) -> dict[int, dict[int, int]]:
    levels: dict[int, dict[int, int]] = defaultdict(dict)
    for user_id, item_id, level in Assessment.objects.filter(user_id__in=user_ids, item_id__in=item_ids).values_list(
        "user_id", "item_id", "level"
    ):
        levels[user_id][item_id] = level
    return levels


def _role_rows(
    *, role: Role, specs: list[RequirementSpec], batch: list[tuple[int, int, bool]], levels_by_user: dict
) -> list[RoleMatch]:
    at = timezone.now()
    return [
        _match_row(
            profile_id=pk, role_id=role.pk, specs=specs, levels=levels_by_user.get(user_id, {}), visible=visible, at=at
        )
        for pk, user_id, visible in batch
    ]


def _copy_visibility(*, role: Role, profile_ids: list[int]) -> None:
    """The matches' copy of the visibility as the profiles are now, not as the batch read them a moment ago.

    An engineer who opts in or out while a role is recomputed keeps their choice either way: their own
    update of the copy waits for these rows, or this statement reads their committed profile.
    """
    visible = Exists(EngineerProfile.objects.visible_to_recruiters().filter(pk=OuterRef("profile_id")))
    matches = RoleMatch.objects.filter(role=role, profile_id__in=profile_ids)
    # Only the copies that differ are written: rewriting every row would double the run's writes.
    matches.filter(profile_visible=True).exclude(visible).update(profile_visible=False)
    matches.filter(visible, profile_visible=False).update(profile_visible=True)


def recompute_matches_for_roles(*, role_ids: Iterable[int]) -> None:
    """Refresh the stored matches of these roles, e.g. after checklist items they required were deleted."""
    for role in Role.objects.filter(pk__in=set(role_ids)):
        recompute_role_matches(role=role)
