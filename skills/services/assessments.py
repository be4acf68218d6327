"""An engineer's levels on checklist items: :func:`save_assessments` is the one way to write them.

The checklist page (htmx and plain form), the start, the API and the demo all call it, so every level keeps its
history row and refreshes the stored matches the same way.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.cache.fragments import person_kind, touch
from skills.models import (
    TICKED_LEVEL,
    Assessment,
    AssessmentChange,
    ChecklistItem,
    EngineerProfile,
    Level,
    RoleMatch,
)
from skills.selectors.checklist import SavedAssessments
from skills.selectors.roles import requirement_specs_by_role
from skills.services.matches import recompute_matches
from skills.services.profiles import get_or_create_profile


def validate_assessment_input(*, level: int, evidence_url: str, note: str) -> None:
    """The rules every entry point shares; raises ValidationError with clear messages."""
    probe = Assessment(level=level, evidence_url=evidence_url, note=note)
    if level not in Level.values:
        raise ValidationError({"level": _("Choose a level from 0 (none) to 4 (can teach others).")})
    probe.clean_fields(exclude=["user", "item"])


@dataclass(frozen=True)
class AssessmentInput:
    """What an engineer entered for one checklist item; ``None`` keeps the stored evidence or note (a level changed
    on its own, as the checklist saves it the moment it changes)."""

    item: ChecklistItem
    level: int
    evidence_url: str | None = ""
    note: str | None = ""


@transaction.atomic
def save_assessments(*, user: AbstractBaseUser, entries: Sequence[AssessmentInput]) -> SavedAssessments:
    """Set one or several levels: all or nothing, one history row per changed level, one match refresh; returns
    what was stored with what the pages show next to it.

    Entries equal to what is stored are left alone; a first entry is always stored, level 0 too, so that an item
    rated "none" reads apart from one never rated. The query count does not grow with the entries. Each match is computed once, with the final levels. Every history row
    of one save carries the ticked count and target-role score after the whole save: the engineer never had the
    in-between states an arbitrary order of the items would make up (the one-minute start sets twenty at once).
    """
    entries = [
        AssessmentInput(
            item=e.item,
            level=e.level,
            evidence_url=None if e.evidence_url is None else e.evidence_url.strip(),
            note=None if e.note is None else e.note.strip(),
        )
        for e in entries
    ]
    for entry in entries:  # a kept value was checked when it was stored
        validate_assessment_input(level=entry.level, evidence_url=entry.evidence_url or "", note=entry.note or "")
    profile = EngineerProfile.objects.select_for_update(of=("self",)).select_related("target_role").filter(
        user=user
    ).first() or get_or_create_profile(user=user)
    stored = {assessment.item_id: assessment for assessment in Assessment.objects.filter(user=user)}
    levels = {item_id: assessment.level for item_id, assessment in stored.items()}
    # The requirements are read once this profile's matches are ours: a role's recompute writing them waits for
    # this save, or this save for it and then reads the requirements it wrote, never older ones after it.
    RoleMatch.objects.lock_for_tick(profile=profile)
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
        evidence_url = assessment.evidence_url if entry.evidence_url is None else entry.evidence_url
        note = assessment.note if entry.note is None else entry.note
        if assessment.pk and (entry.level, evidence_url, note) == (old_level, assessment.evidence_url, assessment.note):
            continue
        assessment.level = entry.level
        assessment.evidence_url = evidence_url
        assessment.note = note
        assessment.updated_at = now
        (to_update if assessment.pk else to_create)[entry.item.pk] = assessment
        if old_level != entry.level or not assessment.pk:  # a first rating is a change, also to 0
            ticked += (entry.level >= TICKED_LEVEL) - (old_level >= TICKED_LEVEL)
            levels[entry.item.pk] = entry.level
            changes.append(
                AssessmentChange(
                    user=user,
                    item=entry.item,
                    old_level=old_level if assessment.pk else None,  # it had no level, not 0
                    new_level=entry.level,
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
        target = matches.get(profile.target_role_id)
        for change in changes:
            change.ticked_count, change.target_score = ticked, target.score if target else None
        AssessmentChange.objects.bulk_create(changes)
        profile.save(update_fields=["updated_at"])
    return SavedAssessments(
        assessments=results,
        profile=profile,
        ticked=ticked,
        target_specs=target_specs,
        matches=matches,
        levels=levels,
        changed=bool(to_create or to_update),
        changed_items=frozenset(to_create) | frozenset(to_update),
    )
