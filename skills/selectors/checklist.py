"""The checklist page and one tick of it: rows with the engineer's levels and what the target role needs; and what
the checklist's items are called and which of them nothing teaches.

Plain data for templates in a fixed number of queries, scores from ``skills.scoring.compute_match``.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, QuerySet
from django.utils.translation import get_language

from catalog.selectors import public_tools
from portal.cache.fragments import versions
from skills.models import (
    TICKED_LEVEL,
    Assessment,
    ChecklistItem,
    EngineerProfile,
    Level,
    Resource,
    Role,
    RoleMatch,
    Skill,
)
from skills.scoring import RequirementSpec, compute_match
from skills.selectors.profiles import best_fit, own_profile, start_is_done
from skills.selectors.roles import requirement_specs_by_role
from skills.selectors.states import item_states

# The fragment-cache kind of what every engineer's pages show: the checklist, the roles, their requirements, and so
# every stored match (touched by their writes: skills.signals, skills.services.matches).
CHECKLIST_KIND = "checklist"
# (language, checklist token) → each item's name by id, as ``item_names`` remembers them.
_item_names: dict[tuple[str, str], dict[int, str]] = {}


@dataclass
class ChecklistRow:
    item: ChecklistItem
    level: int = Level.NONE  # also of an item never rated, which counts as 0 everywhere
    is_rated: bool = False  # the engineer chose a level for it (0 too): only its text on the checklist differs
    evidence_url: str = ""
    note: str = ""
    updated_at: datetime | None = None
    requirement: RequirementSpec | None = None  # what the target role asks of this item, if anything
    state: str = ""  # "learning now" or "for later", where the engineer marked it
    form: Any = None  # the view attaches the form that renders this row
    feedback: list = field(default_factory=list)  # and, after a plain form post, its outcome (portal.placed_messages)

    @property
    def is_ticked(self) -> bool:
        return self.level >= TICKED_LEVEL

    @property
    def needs_correction(self) -> bool:
        return self.form is not None and bool(self.form.errors)

    @property
    def level_label(self) -> str:
        return Level(self.level).label

    @property
    def is_below_target(self) -> bool:
        """The target role asks for a higher level than the engineer's."""
        return self.requirement is not None and self.level < self.requirement.min_level

    @property
    def meets_target(self) -> bool:
        """The target role asks for this item and the engineer's level reaches it."""
        return self.requirement is not None and self.level >= self.requirement.min_level


class ChecklistFilter:
    """Which rows the checklist shows (``?show=``); the values are the form's choices."""

    ALL = "all"
    UNRATED = "unrated"
    BELOW_TARGET = "below"

    @classmethod
    def keeps(cls, show: str, row: ChecklistRow) -> bool:
        if show == cls.UNRATED:
            return not row.is_rated
        if show == cls.BELOW_TARGET:
            return row.is_below_target
        return True


@dataclass
class SkillProgress:
    skill: Skill
    rows: list[ChecklistRow] = field(default_factory=list)
    ticked: int = 0  # over every item of the skill, also the rows a filter hides
    total: int = 0
    below_target: bool = False  # over every item of the skill too: the page under a filter and a tick say the same

    @property
    def is_below_target(self) -> bool:
        """Something in this skill is below the target role: the skill starts unfolded, marked."""
        return self.below_target

    @property
    def needs_correction(self) -> bool:
        """A row's submitted input was refused: the skill comes back unfolded, the others folded."""
        return any(row.needs_correction for row in self.rows)

    @property
    def says_what_was_saved(self) -> bool:
        """A row holds the outcome of a plain post: the skill comes back unfolded, where the post lands."""
        return any(row.feedback for row in self.rows)


@dataclass(frozen=True)
class ChecklistSummary:
    ticked: int
    total: int
    target_role: Role | None
    target_score: int | None
    best_fit: RoleMatch | None = None  # the best-fitting role while no target role is chosen


@dataclass
class Checklist:
    skills: list[SkillProgress]
    summary: ChecklistSummary
    show: str = ChecklistFilter.ALL
    hidden: int = 0  # rows the filter left out
    start_is_done: bool = False  # else the page offers "Finish your start"

    def find(self, item_id: int) -> tuple[SkillProgress, ChecklistRow]:
        """The skill block and row of one item; KeyError when the item is not on the checklist."""
        for block in self.skills:
            for row in block.rows:
                if row.item.pk == item_id:
                    return block, row
        raise KeyError(item_id)

    @property
    def rows(self) -> list[ChecklistRow]:
        return [row for block in self.skills for row in block.rows]

    @property
    def first_to_correct(self) -> ChecklistRow | None:
        """The first row, in page order, whose submitted input was refused: where the page's error links."""
        return next((row for row in self.rows if row.needs_correction), None)


@dataclass(frozen=True)
class SavedAssessments:
    """What :func:`skills.services.assessments.save_assessments` stored, with what the pages show next to it, so
    none of it is read again."""

    assessments: list[Assessment]
    profile: EngineerProfile  # with its target role
    ticked: int  # the user's ticked items after the save
    target_specs: list[RequirementSpec]  # the target role's requirements; empty without a target role
    matches: dict[int, RoleMatch]  # per role id, when a level changed; empty otherwise
    levels: dict[int, int]  # every level of the user after the save, per item id
    changed: bool = True  # whether anything entered differed from what was stored
    changed_items: frozenset[int] = frozenset()  # the ids of the items whose entry differed from what was stored

    @property
    def target_score(self) -> int | None:
        """The match with the target role after the save: the one computed with the matches, else the stored one."""
        role_id = self.profile.target_role_id
        if role_id is None:
            return None
        if role_id in self.matches:
            return self.matches[role_id].score
        return RoleMatch.objects.filter(profile=self.profile, role_id=role_id).values_list("score", flat=True).first()


def _row(item: ChecklistItem, assessment: Assessment | None, requirement: RequirementSpec | None) -> ChecklistRow:
    if assessment is None:
        return ChecklistRow(item=item, requirement=requirement)
    return ChecklistRow(
        item=item,
        level=assessment.level,
        is_rated=True,
        evidence_url=assessment.evidence_url,
        note=assessment.note,
        updated_at=assessment.updated_at,
        requirement=requirement,
    )


def checklist(*, user: AbstractBaseUser, show: str = ChecklistFilter.ALL) -> Checklist:
    """The checklist in growth order with the user's own entries, what the target role asks, and the summary.

    ``show`` keeps only the unrated rows or those below the target role; skills
    left without a row are left out, the counts stay those of the whole checklist.
    """
    skills = Skill.objects.published().prefetch_related(
        Prefetch("items", queryset=ChecklistItem.objects.published().order_by("order", "name")),
        Prefetch("tools", queryset=public_tools()),
    )
    assessments = {assessment.item_id: assessment for assessment in Assessment.objects.filter(user=user)}
    states = item_states(user=user)
    profile = own_profile(user=user)
    target_role = profile.target_role if profile else None
    target_specs = requirement_specs_by_role(role_ids=[target_role.pk]).get(target_role.pk, []) if target_role else []
    required = {spec.item_id: spec for spec in target_specs}
    blocks = []
    ticked = total = hidden = 0
    for skill in skills:
        block = SkillProgress(skill=skill)
        for item in skill.items.all():
            item.skill = skill
            row = _row(item, assessments.get(item.pk), required.get(item.pk))
            row.state = states.get(item.pk, "")
            block.total += 1
            block.ticked += row.is_ticked
            block.below_target = block.below_target or row.is_below_target
            if ChecklistFilter.keeps(show, row):
                block.rows.append(row)
            else:
                hidden += 1
        ticked += block.ticked
        total += block.total
        if block.rows or show == ChecklistFilter.ALL:
            blocks.append(block)
    target_score = None
    if target_role is not None:
        levels = {item_id: assessment.level for item_id, assessment in assessments.items()}
        target_score = compute_match(target_specs, levels).score
    summary = ChecklistSummary(
        ticked=ticked,
        total=total,
        target_role=target_role,
        target_score=target_score,
        best_fit=None if target_role is not None else best_fit(profile=profile),
    )
    return Checklist(
        skills=blocks,
        summary=summary,
        show=show,
        hidden=hidden,
        start_is_done=start_is_done(profile=profile, has_levels=bool(assessments)),
    )


@dataclass(frozen=True)
class ChecklistTick:
    """What one tick's response shows: its row, its skill's progress and the summary."""

    row: ChecklistRow
    block: SkillProgress
    summary: ChecklistSummary


def checklist_tick(*, user: AbstractBaseUser, item: ChecklistItem, saved: SavedAssessments | None) -> ChecklistTick:
    """One item's row with its skill's progress and the summary, in a fixed number of queries.

    After a save, ``saved`` holds the stored assessment, the profile, the ticked
    count, the target role's requirements and its freshly computed match, so
    nothing of it is read or computed again; without one (input that was not
    saved) the row is read as stored.
    """
    # Counted over the items the checklist page shows: a retired (unpublished) item the engineer rated counts on
    # neither, so a tick never changes "16 of 28" into "17 of 29".
    skill_of_item = dict(ChecklistItem.objects.published().values_list("id", "skill_id"))
    if saved is not None:
        profile = saved.profile
        assessment = next(a for a in saved.assessments if a.item_id == item.pk)
        target_specs = saved.target_specs
        levels = saved.levels  # the save read every level already
    else:
        profile = own_profile(user=user)
        assessment = Assessment.objects.filter(user=user, item=item).first()
        role_id = profile.target_role_id if profile else None
        target_specs = requirement_specs_by_role(role_ids=[role_id]).get(role_id, []) if role_id else []
        levels = dict(
            Assessment.objects.filter(user=user, item_id__in=list(skill_of_item)).values_list("item_id", "level")
        )
    requirement = next((spec for spec in target_specs if spec.item_id == item.pk), None)
    in_skill = {item_id for item_id, skill_id in skill_of_item.items() if skill_id == item.skill_id}
    ticked = sum(1 for item_id in skill_of_item if levels.get(item_id, 0) >= TICKED_LEVEL)
    row = _row(item, assessment if assessment is not None and assessment.pk else None, requirement)
    block = SkillProgress(
        skill=item.skill,
        rows=[row],
        ticked=sum(1 for item_id in in_skill if levels.get(item_id, 0) >= TICKED_LEVEL),
        total=len(in_skill),
        below_target=any(
            levels.get(spec.item_id, 0) < spec.min_level for spec in target_specs if spec.item_id in in_skill
        ),
    )
    target_role = profile.target_role if profile else None
    summary = ChecklistSummary(
        ticked=ticked,
        total=len(skill_of_item),
        target_role=target_role,
        target_score=saved.target_score if saved is not None and target_role else None,
        best_fit=None if target_role is not None else best_fit(profile=profile),
    )
    return ChecklistTick(row=row, block=block, summary=summary)


def required_items_without_resources() -> QuerySet[ChecklistItem]:
    """Items a published role requires that have nothing public to learn them with: dead ends in a learning path."""
    return (
        ChecklistItem.objects.filter(requirements__role__in=Role.objects.published())
        .exclude(pk__in=Resource.objects.public().values("item_id"))
        .distinct()
        .order_by("skill__name", "name")
    )


def item_names_in(*, language: str) -> dict[int, str]:
    """Each checklist item's name in ``language`` by id, English where no translation is kept, read now: how items
    kept by id (a stored match's missing must-haves) are named for their reader."""
    codes = [code for code, _name in settings.LANGUAGES]
    column = codes.index(language if language in codes else settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    default = codes.index(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    rows = ChecklistItem.objects.values_list("pk", *(f"name_{code}" for code in codes))
    return {pk: names[column] or names[default] for pk, *names in rows}


def item_names(item_ids: Iterable[int] | None, *, names: Mapping[int, str] | None = None) -> list[str]:
    """The names of these checklist items in the active language, in their order: the one way a stored list of items
    is worded for its reader. An item deleted since goes unnamed. ``names``: what ``item_names_in`` gave, for a
    caller that names many lists in one language (an export); without it the names are read once per process and
    language until an editor changes the checklist."""
    item_ids = list(item_ids or ())
    if not item_ids:
        return []
    if names is None:
        names = _remembered_item_names(get_language() or settings.LANGUAGE_CODE)
    return [names[pk] for pk in item_ids if pk in names]


def _remembered_item_names(language: str) -> dict[int, str]:
    """Safe beside other threads of the process: the keys are copied before they are looked through (list() of a
    dict is one step), and the names returned are this call's own, whatever another thread drops meanwhile."""
    key = (language, versions(CHECKLIST_KIND))
    names = _item_names.get(key)
    if names is None:
        for old in [old for old in list(_item_names) if old[1] != key[1]]:
            _item_names.pop(old, None)
        names = _item_names[key] = item_names_in(language=language)
    return names
