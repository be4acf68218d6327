"""Writes with rules in them: assessments, profiles and the stored role matches.

Every write here replaces the fragment-cache token of what it changed (see
:mod:`portal.fragments`): ``person_kind(user_id)`` for one engineer's own data,
``CHECKLIST_KIND`` for what every engineer's pages show (checklist, roles,
requirements, and so every stored match).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, F, Max, Min, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal import jobs
from portal.fragments import forget_person, person_kind, touch
from portal.jobs import JobStatus
from skills.models import (
    TICKED_LEVEL,
    Assessment,
    AssessmentChange,
    ChecklistItem,
    EngineerProfile,
    Level,
    Role,
    RoleMatch,
    RoleRecompute,
    RoleRequirement,
)
from skills.scoring import RequirementSpec, compute_match

CHECKLIST_KIND = "checklist"


MATCH_FIELDS = ("score", "requirements_met", "requirements_total", "must_haves_missing", "missing_must_have_names")


def get_or_create_profile(*, user: AbstractBaseUser) -> EngineerProfile:
    """The user's profile; a new one gets its stored matches at once, so it can be ranked before any tick."""
    profile, created = EngineerProfile.objects.get_or_create(user=user)
    if created:
        recompute_matches(profile=profile)
    return profile


def requirement_specs_by_role(*, role_ids=None) -> dict[int, list[RequirementSpec]]:
    """All requirements as plain specs, grouped by role id, in one query."""
    requirements = RoleRequirement.objects.select_related("item")
    if role_ids is not None:
        requirements = requirements.filter(role_id__in=role_ids)
    specs: dict[int, list[RequirementSpec]] = defaultdict(list)
    for requirement in requirements.order_by("role_id", "id"):
        specs[requirement.role_id].append(
            RequirementSpec(
                item_id=requirement.item_id,
                # Stored names must not depend on the language of whoever triggered the recompute.
                item_name=requirement.item.name_en or requirement.item.name,
                min_level=requirement.min_level,
                weight=requirement.weight,
                is_must_have=requirement.is_must_have,
            )
        )
    return specs


def _match_row(
    *, profile_id: int, role_id: int, specs: list[RequirementSpec], levels: dict[int, int], visible: bool
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
        missing_must_have_names=list(result.missing_must_haves),
        updated_at=timezone.now(),
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


def recompute_matches(*, profile: EngineerProfile) -> dict[int, RoleMatch]:
    """Store this profile's match with every role; a fixed number of queries."""
    levels = dict(Assessment.objects.filter(user_id=profile.user_id).values_list("item_id", "level"))
    specs = requirement_specs_by_role()
    rows = [
        _match_row(
            profile_id=profile.pk,
            role_id=role_id,
            specs=specs.get(role_id, []),
            levels=levels,
            visible=profile.is_visible_to_recruiters,
        )
        for role_id in Role.objects.values_list("id", flat=True)
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
    profiles = EngineerProfile.objects.order_by("pk").values_list("pk", "user_id", "visibility")
    if up_to_pk is not None:
        profiles = profiles.filter(pk__lte=up_to_pk)
    touch(CHECKLIST_KIND)  # every engineer's stored match changes; their pages all vary on this token
    count = 0
    last_pk = after_pk
    while True:
        batch = list(profiles.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            touch(CHECKLIST_KIND)  # pages drawn while the batches were written are not read again
            return count
        levels_by_user: dict[int, dict[int, int]] = defaultdict(dict)
        for user_id, item_id, level in Assessment.objects.filter(
            user_id__in=[user_id for _pk, user_id, _visibility in batch], item_id__in=item_ids
        ).values_list("user_id", "item_id", "level"):
            levels_by_user[user_id][item_id] = level
        rows = [
            _match_row(
                profile_id=pk,
                role_id=role.pk,
                specs=specs,
                levels=levels_by_user[user_id],
                visible=EngineerProfile(visibility=visibility).is_visible_to_recruiters,
            )
            for pk, user_id, visibility in batch
        ]
        with transaction.atomic():
            _store_matches(rows, with_visibility=False)
            _copy_visibility(role=role, profile_ids=[pk for pk, _user_id, _visibility in batch])
            if after_store is not None:
                after_store(len(batch))
        count += len(batch)
        last_pk = batch[-1][0]


def _copy_visibility(*, role: Role, profile_ids: list[int]) -> None:
    """The matches' copy of the visibility as the profiles are now, not as the batch read them a moment ago.

    An engineer who opts in or out while a role is recomputed keeps their choice either way: their own
    update of the copy waits for these rows, or this statement reads their committed profile.
    """
    visible = EngineerProfile.objects.visible_to_recruiters().filter(pk=OuterRef("profile_id"))
    RoleMatch.objects.filter(role=role, profile_id__in=profile_ids).update(profile_visible=Exists(visible))


def validate_assessment_input(*, level: int, evidence_url: str, note: str) -> None:
    """The rules every entry point shares; raises ValidationError with clear messages."""
    probe = Assessment(level=level, evidence_url=evidence_url, note=note)
    if level not in Level.values:
        raise ValidationError({"level": _("Choose a level from 0 (none) to 4 (can teach others).")})
    probe.clean_fields(exclude=["user", "item"])


@dataclass(frozen=True)
class AssessmentInput:
    """What an engineer entered for one checklist item."""

    item: ChecklistItem
    level: int
    evidence_url: str = ""
    note: str = ""


@transaction.atomic
def save_assessments(*, user: AbstractBaseUser, entries: Sequence[AssessmentInput]) -> list[Assessment]:
    """Set several levels at once: all or nothing, one history row per changed level, one match refresh.

    Entries equal to what is stored are left alone, and an empty entry for an
    unassessed item stores nothing; the query count does not grow with the entries.
    """
    entries = [
        AssessmentInput(item=e.item, level=e.level, evidence_url=e.evidence_url.strip(), note=e.note.strip())
        for e in entries
    ]
    for entry in entries:
        validate_assessment_input(level=entry.level, evidence_url=entry.evidence_url, note=entry.note)
    profile = EngineerProfile.objects.select_for_update().filter(user=user).first() or get_or_create_profile(user=user)
    stored = {assessment.item_id: assessment for assessment in Assessment.objects.filter(user=user)}
    levels = {item_id: assessment.level for item_id, assessment in stored.items()}
    target_specs = (
        requirement_specs_by_role(role_ids=[profile.target_role_id]).get(profile.target_role_id, [])
        if profile.target_role_id
        else None
    )
    ticked = sum(1 for level in levels.values() if level >= TICKED_LEVEL)
    now = timezone.now()
    to_create: dict[int, Assessment] = {}
    to_update: dict[int, Assessment] = {}
    changes = []
    results = []
    for entry in entries:
        assessment = stored.get(entry.item.pk) or Assessment(user=user, item=entry.item)
        stored[entry.item.pk] = assessment
        results.append(assessment)
        old_level = assessment.level
        if (entry.level, entry.evidence_url, entry.note) == (old_level, assessment.evidence_url, assessment.note):
            continue
        assessment.level = entry.level
        assessment.evidence_url = entry.evidence_url
        assessment.note = entry.note
        assessment.updated_at = now
        (to_update if assessment.pk else to_create)[entry.item.pk] = assessment
        if old_level != entry.level:
            ticked += (entry.level >= TICKED_LEVEL) - (old_level >= TICKED_LEVEL)
            levels[entry.item.pk] = entry.level
            changes.append(
                AssessmentChange(
                    user=user,
                    item=entry.item,
                    old_level=old_level,
                    new_level=entry.level,
                    ticked_count=ticked,
                    target_score=compute_match(target_specs, levels).score if target_specs is not None else None,
                    changed_at=now,
                )
            )
    Assessment.objects.bulk_create(to_create.values())
    Assessment.objects.bulk_update(to_update.values(), fields=("level", "evidence_url", "note", "updated_at"))
    if to_create or to_update:
        touch(person_kind(user.pk))
    if changes:
        recompute_matches(profile=profile)
        AssessmentChange.objects.bulk_create(changes)
        profile.save(update_fields=["updated_at"])
    return results


def set_assessment(
    *, user: AbstractBaseUser, item: ChecklistItem, level: int, evidence_url: str = "", note: str = ""
) -> Assessment:
    """Set the user's level on one item, keep the history and refresh the stored matches."""
    entry = AssessmentInput(item=item, level=level, evidence_url=evidence_url, note=note)
    return save_assessments(user=user, entries=[entry])[0]


def recompute_matches_for_roles(*, role_ids: Iterable[int]) -> None:
    """Refresh the stored matches of these roles, e.g. after checklist items they required were deleted."""
    for role in Role.objects.filter(pk__in=set(role_ids)):
        recompute_role_matches(role=role)


REASON_REPLACED = gettext_noop("A newer change to the role started a fresh recompute.")


def request_role_recompute(*, role: Role, requested_by: AbstractBaseUser | None = None) -> RoleRecompute:
    """Queue the recompute of every engineer's match with this role; answers at once.

    A recompute that is still waiting will read the requirements as they are when it starts, so it is reused;
    a running one is replaced (each of its chunks stops at its next batch).
    """
    with transaction.atomic():
        Role.objects.select_for_update().filter(pk=role.pk).exists()  # one request per role at a time
        waiting = RoleRecompute.objects.filter(role=role, status=JobStatus.QUEUED).order_by("-created_at").first()
        if waiting is not None:
            return waiting
        # A batch being written holds this row until it commits, so it lands before this replacement does.
        RoleRecompute.objects.filter(role=role, status=JobStatus.RUNNING).update(
            status=JobStatus.FAILED, finished_at=timezone.now(), error=REASON_REPLACED
        )
        recompute = RoleRecompute.objects.create(role=role, requested_by=requested_by)
        result = start_role_recompute(recompute.pk, recompute.attempt)
        RoleRecompute.objects.filter(pk=recompute.pk).update(task_id=str(result.id))
    recompute.refresh_from_db()
    return recompute


def request_role_recomputes(*, role_ids: Iterable[int], requested_by: AbstractBaseUser | None = None) -> int:
    """One recompute job per role; how many were asked for."""
    roles = list(Role.objects.filter(pk__in=set(role_ids)))
    for role in roles:
        request_role_recompute(role=role, requested_by=requested_by)
    return len(roles)


RECOMPUTE_CHUNK_PROFILES = 10_000  # one task's share of a role recompute; several workers take chunks side by side


def profile_chunks(*, size: int | None = None) -> list[tuple[int, int | None]]:
    """Contiguous profile-pk ranges ``(after_pk, up_to_pk)`` of about ``size`` profiles each, from one query.

    The last range is open, so profiles created meanwhile are not left out.
    """
    size = size or RECOMPUTE_CHUNK_PROFILES
    span = EngineerProfile.objects.aggregate(count=Count("pk"), first=Min("pk"), last=Max("pk"))
    if not span["count"]:
        return [(0, None)]
    chunks = -(-span["count"] // size)  # rounded up, as is the width
    width = -(-(span["last"] - span["first"] + 1) // chunks)
    after = [span["first"] - 1 + width * number for number in range(chunks)]
    return [(pk, pk + width) for pk in after[:-1]] + [(after[-1], None)]


def start_role_recompute(recompute_id: int, attempt: int, *, delay=None):
    """Queue one task per chunk of profiles for this attempt, counting from zero; the first chunk's task."""
    from skills.tasks import recompute_role

    chunks = profile_chunks()
    jobs.runs(RoleRecompute, pk=recompute_id, attempt=attempt).update(
        matches_total=EngineerProfile.objects.count(), matches_written=0, chunks_total=len(chunks), chunks_done=0
    )
    results = [
        jobs.enqueue(
            recompute_role,
            recompute_id=recompute_id,
            attempt=attempt,
            after_pk=after_pk,
            up_to_pk=up_to_pk,
            delay=delay,
        )
        for after_pk, up_to_pk in chunks
    ]
    return results[0]


def run_role_recompute(*, recompute_id: int, attempt: int, after_pk: int = 0, up_to_pk: int | None = None) -> None:
    """The job, one chunk of it: write the matches of the profiles in the range in batches, with progress."""
    jobs.run_job(
        RoleRecompute,
        pk=recompute_id,
        attempt=attempt,
        work=lambda: _recompute_chunk(
            RoleRecompute.objects.select_related("role").get(pk=recompute_id), attempt, after_pk, up_to_pk
        ),
        start=start_role_recompute,
        shared=True,
    )


def _recompute_chunk(recompute: RoleRecompute, attempt: int, after_pk: int, up_to_pk: int | None) -> None:
    mine = jobs.runs(RoleRecompute, pk=recompute.pk, attempt=attempt).filter(status=JobStatus.RUNNING)

    def after_store(written: int) -> None:
        if not mine.update(heartbeat_at=timezone.now(), matches_written=F("matches_written") + written):
            raise jobs.Superseded  # replaced by a newer change, or given up on as stale: this batch is rolled back

    recompute_role_matches(role=recompute.role, after_pk=after_pk, up_to_pk=up_to_pk, after_store=after_store)
    if not mine.update(heartbeat_at=timezone.now(), chunks_done=F("chunks_done") + 1):
        raise jobs.Superseded
    now = timezone.now()
    mine.filter(chunks_done=F("chunks_total")).update(status=JobStatus.DONE, finished_at=now, heartbeat_at=now)


def reclaim_stale_recomputes() -> int:
    """A recompute whose chunks all went silent (a worker died holding one) starts again as a new attempt."""
    return jobs.reclaim_stale(RoleRecompute.objects.all(), start=start_role_recompute)


@transaction.atomic
def update_profile(
    *,
    user: AbstractBaseUser,
    headline: str,
    years_experience: int,
    location: str,
    target_role: Role | None,
    open_to_work: bool,
    visibility: str,
    display_name: str | None = None,
    identity: str | None = None,
) -> EngineerProfile:
    """Save the engineer's own profile; a new target role gets its stored match straight away.

    ``display_name`` and ``identity`` (name or pseudonym, what recruiters see) are kept as they are when left out.
    """
    profile = EngineerProfile.objects.select_for_update().filter(user=user).first() or get_or_create_profile(user=user)
    target_changed = profile.target_role_id != (target_role.pk if target_role else None)
    visibility_changed = profile.visibility != visibility
    profile.headline = headline.strip()
    profile.years_experience = years_experience
    profile.location = location.strip()
    profile.target_role = target_role
    profile.open_to_work = open_to_work
    profile.visibility = visibility
    if display_name is not None:
        profile.display_name = display_name.strip()
    if identity is not None:
        profile.identity = identity
    profile.full_clean()
    profile.save()
    touch(person_kind(user.pk))
    if target_changed:
        recompute_matches(profile=profile)
    elif visibility_changed:
        profile.matches.update(profile_visible=profile.is_visible_to_recruiters)
    return profile


@transaction.atomic
def delete_account(*, user: AbstractBaseUser) -> None:
    """Remove the account and, through the cascades, every assessment, change, profile, match and view of it.

    What the cache holds of the account goes too, now and again once the deletion commits.
    """
    user_id = user.pk
    user.delete()
    forget_person(user_id)
    transaction.on_commit(lambda: forget_person(user_id))
