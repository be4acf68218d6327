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
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.fragments import forget_person, person_kind, touch
from skills.models import (
    TICKED_LEVEL,
    Assessment,
    AssessmentChange,
    ChecklistItem,
    EngineerProfile,
    Level,
    Role,
    RoleMatch,
)
from skills.scoring import RequirementSpec, compute_match

CHECKLIST_KIND = "checklist"


MATCH_FIELDS = ("score", "requirements_met", "requirements_total", "must_haves_missing", "missing_must_have_names")


def get_or_create_profile(*, user: AbstractBaseUser) -> EngineerProfile:
    """The user's profile; a new one has no target role (only the engineer chooses one) and gets its stored
    matches at once, so it can be ranked before any tick."""
    profile = EngineerProfile.objects.filter(user=user).first()
    if profile is None:
        profile, created = EngineerProfile.objects.get_or_create(user=user)
        if created:
            recompute_matches(profile=profile)
    return profile


def requirement_specs_by_role(*, role_ids=None) -> dict[int, list[RequirementSpec]]:
    """The requirements of these roles (by default of every editors' role, see ``Role.objects.editorial()``) as
    plain specs, per role id, in one query; a role without requirements is there too, with none."""
    roles = Role.objects.editorial() if role_ids is None else Role.objects.filter(pk__in=role_ids)
    rows = roles.order_by("pk", "requirements__id").values_list(
        "pk",
        "requirements__item_id",
        # Stored names must not depend on the language of whoever triggered the recompute.
        "requirements__item__name_en",
        "requirements__item__name",
        "requirements__min_level",
        "requirements__weight",
        "requirements__is_must_have",
    )
    specs: dict[int, list[RequirementSpec]] = {}
    for role_id, item_id, name_en, name, min_level, weight, is_must_have in rows:
        role_specs = specs.setdefault(role_id, [])
        if item_id is not None:
            role_specs.append(
                RequirementSpec(
                    item_id=item_id,
                    item_name=name_en or name,
                    min_level=min_level,
                    weight=weight,
                    is_must_have=is_must_have,
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
    profiles = EngineerProfile.objects.order_by("pk").values_list("pk", "user_id", "visibility")
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


@dataclass(frozen=True)
class SavedAssessments:
    """What :func:`record_assessments` stored, with what the pages show next to it, so none of it is read again."""

    assessments: list[Assessment]
    profile: EngineerProfile  # with its target role
    ticked: int  # the user's ticked items after the save
    target_specs: list[RequirementSpec]  # the target role's requirements; empty without a target role
    matches: dict[int, RoleMatch]  # per role id, when a level changed; empty otherwise
    levels: dict[int, int]  # every level of the user after the save, per item id

    @property
    def target_score(self) -> int | None:
        """The match with the target role after the save: the one computed with the matches, else the stored one."""
        role_id = self.profile.target_role_id
        if role_id is None:
            return None
        if role_id in self.matches:
            return self.matches[role_id].score
        return RoleMatch.objects.filter(profile=self.profile, role_id=role_id).values_list("score", flat=True).first()


@transaction.atomic
def save_assessments(*, user: AbstractBaseUser, entries: Sequence[AssessmentInput]) -> list[Assessment]:
    """Set several levels at once: all or nothing, one history row per changed level, one match refresh.

    Entries equal to what is stored are left alone, and an empty entry for an
    unassessed item stores nothing; the query count does not grow with the entries.
    """
    return record_assessments(user=user, entries=entries).assessments


@transaction.atomic
def record_assessments(*, user: AbstractBaseUser, entries: Sequence[AssessmentInput]) -> SavedAssessments:
    """:func:`save_assessments`, returning the stored matches and counts too.

    Each match is computed once: the match of every role with the final levels
    is stored and its target-role score is also the last history row's; only
    the intermediate history rows of a multi-item save compute their own score.
    """
    entries = [
        AssessmentInput(item=e.item, level=e.level, evidence_url=e.evidence_url.strip(), note=e.note.strip())
        for e in entries
    ]
    for entry in entries:
        validate_assessment_input(level=entry.level, evidence_url=entry.evidence_url, note=entry.note)
    profile = EngineerProfile.objects.select_for_update(of=("self",)).select_related("target_role").filter(
        user=user
    ).first() or get_or_create_profile(user=user)
    stored = {assessment.item_id: assessment for assessment in Assessment.objects.filter(user=user)}
    levels = {item_id: assessment.level for item_id, assessment in stored.items()}
    all_specs = requirement_specs_by_role()
    target_specs = all_specs.get(profile.target_role_id, []) if profile.target_role_id else []
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
            if changes and profile.target_role_id:  # the previous change is intermediate: score it now
                changes[-1].target_score = compute_match(target_specs, levels).score
            levels[entry.item.pk] = entry.level
            changes.append(
                AssessmentChange(
                    user=user,
                    item=entry.item,
                    old_level=old_level,
                    new_level=entry.level,
                    ticked_count=ticked,
                    target_score=None,
                    changed_at=now,
                )
            )
    Assessment.objects.bulk_create(to_create.values())
    Assessment.objects.bulk_update(to_update.values(), fields=("level", "evidence_url", "note", "updated_at"))
    if (to_create or to_update) and not changes:  # a changed level is touched with the matches below
        touch(person_kind(user.pk))
    matches: dict[int, RoleMatch] = {}
    if changes:
        matches = recompute_matches(profile=profile, levels=levels, specs=all_specs)
        if profile.target_role_id in matches:
            changes[-1].target_score = matches[profile.target_role_id].score
        AssessmentChange.objects.bulk_create(changes)
        profile.save(update_fields=["updated_at"])
    return SavedAssessments(
        assessments=results, profile=profile, ticked=ticked, target_specs=target_specs, matches=matches, levels=levels
    )


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
    """Remove the account and, through the cascades, every assessment, change, profile, match, saved vacancy and view
    of it.

    What the cache holds of the account goes too, now and again once the deletion commits.
    """
    user_id = user.pk
    user.delete()
    forget_person(user_id)
    transaction.on_commit(lambda: forget_person(user_id))
