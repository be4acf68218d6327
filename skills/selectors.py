"""Reads the skills pages share: plain data for templates, in a fixed number of queries.

Scores come from ``skills.scoring.compute_match`` on the current levels, the
same rule the services use for the stored matches, so a page and a stored
match can never disagree.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Prefetch, Q, QuerySet

from catalog.models import Tool
from catalog.selectors import public_tools
from skills.charts import LineChart, RadarChart, build_line_chart, build_radar
from skills.models import (
    TICKED_LEVEL,
    Assessment,
    AssessmentChange,
    ChecklistItem,
    EngineerProfile,
    Level,
    Resource,
    Role,
    RoleRequirement,
    Skill,
)
from skills.scoring import MUST_HAVE_FACTOR, MatchResult, RequirementSpec, compute_match
from skills.services import SavedAssessments, requirement_specs_by_role

HISTORY_CHART_POINTS = 200


def user_levels(*, user: AbstractBaseUser, item_ids: list[int] | None = None) -> dict[int, int]:
    """The user's level per checklist item id; unassessed items are absent (level 0)."""
    assessments = Assessment.objects.filter(user=user)
    if item_ids is not None:
        assessments = assessments.filter(item_id__in=item_ids)
    return dict(assessments.values_list("item_id", "level"))


def own_profile(*, user: AbstractBaseUser) -> EngineerProfile | None:
    return EngineerProfile.objects.filter(user=user).select_related("target_role").first()


# The checklist ---------------------------------------------------------------------------------


@dataclass
class ChecklistRow:
    item: ChecklistItem
    level: int = Level.NONE
    evidence_url: str = ""
    note: str = ""
    updated_at: datetime | None = None
    requirement: RequirementSpec | None = None  # what the target role asks of this item, if anything
    form: Any = None  # the view attaches the form that renders this row

    @property
    def is_ticked(self) -> bool:
        return self.level >= TICKED_LEVEL

    @property
    def is_rated(self) -> bool:
        return self.level > Level.NONE

    @property
    def is_below_target(self) -> bool:
        """The target role asks for a higher level than the engineer's."""
        return self.requirement is not None and self.level < self.requirement.min_level


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

    @property
    def is_below_target(self) -> bool:
        """Something in this skill is below the target role: the skill starts unfolded."""
        return any(row.is_below_target for row in self.rows)


@dataclass(frozen=True)
class ChecklistSummary:
    ticked: int
    total: int
    target_role: Role | None
    target_score: int | None


@dataclass
class Checklist:
    skills: list[SkillProgress]
    summary: ChecklistSummary
    show: str = ChecklistFilter.ALL
    hidden: int = 0  # rows the filter left out

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


def _row(item: ChecklistItem, assessment: Assessment | None, requirement: RequirementSpec | None) -> ChecklistRow:
    if assessment is None:
        return ChecklistRow(item=item, requirement=requirement)
    return ChecklistRow(
        item=item,
        level=assessment.level,
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
    skills = Skill.objects.prefetch_related(
        Prefetch("items", queryset=ChecklistItem.objects.order_by("order", "name")),
        Prefetch("tools", queryset=public_tools()),
    )
    assessments = {assessment.item_id: assessment for assessment in Assessment.objects.filter(user=user)}
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
            block.total += 1
            block.ticked += row.is_ticked
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
    summary = ChecklistSummary(ticked=ticked, total=total, target_role=target_role, target_score=target_score)
    return Checklist(skills=blocks, summary=summary, show=show, hidden=hidden)


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
    if saved is not None:
        profile = saved.profile
        assessment = next(a for a in saved.assessments if a.item_id == item.pk)
        target_specs = saved.target_specs
        ticked = saved.ticked
    else:
        profile = own_profile(user=user)
        assessment = Assessment.objects.filter(user=user, item=item).first()
        role_id = profile.target_role_id if profile else None
        target_specs = requirement_specs_by_role(role_ids=[role_id]).get(role_id, []) if role_id else []
        ticked = Assessment.objects.filter(user=user, level__gte=TICKED_LEVEL).count()
    requirement = next((spec for spec in target_specs if spec.item_id == item.pk), None)
    counts = ChecklistItem.objects.aggregate(total=Count("id"), in_skill=Count("id", filter=Q(skill_id=item.skill_id)))
    skill_ticked = Assessment.objects.filter(user=user, item__skill_id=item.skill_id, level__gte=TICKED_LEVEL).count()
    row = _row(item, assessment if assessment is not None and assessment.pk else None, requirement)
    block = SkillProgress(skill=item.skill, rows=[row], ticked=skill_ticked, total=counts["in_skill"])
    target_role = profile.target_role if profile else None
    summary = ChecklistSummary(
        ticked=ticked,
        total=counts["total"],
        target_role=target_role,
        target_score=saved.target_score if saved is not None and target_role else None,
    )
    return ChecklistTick(row=row, block=block, summary=summary)


# Gaps per role ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleFit:
    role: Role
    result: MatchResult
    is_target: bool


def role_fits(*, user: AbstractBaseUser) -> list[RoleFit]:
    """Every published role with the user's match, best fit first."""
    roles = list(Role.objects.published())
    specs = requirement_specs_by_role(role_ids=[role.pk for role in roles])
    levels = user_levels(user=user)
    profile = own_profile(user=user)
    target_id = profile.target_role_id if profile else None
    fits = [
        RoleFit(role=role, result=compute_match(specs.get(role.pk, []), levels), is_target=role.pk == target_id)
        for role in roles
    ]
    return sorted(fits, key=lambda fit: (not fit.is_target, -fit.result.score))


@dataclass(frozen=True)
class RequirementStatus:
    requirement: RoleRequirement
    level: int
    tools: list[Tool]  # the skill's catalog tools
    resources: list[Resource] = field(default_factory=list)  # what teaches this item, in the editors' order

    @property
    def item(self) -> ChecklistItem:
        return self.requirement.item

    @property
    def skill(self) -> Skill:
        return self.requirement.item.skill

    @property
    def is_must_have(self) -> bool:
        return self.requirement.is_must_have

    @property
    def is_met(self) -> bool:
        return self.level >= self.requirement.min_level

    @property
    def gap(self) -> int:
        """How many levels short of the requirement's minimum."""
        return max(0, self.requirement.min_level - self.level)


@dataclass(frozen=True)
class ScoreExample:
    """One requirement worked through the score rule (skills.scoring), with the engineer's own level."""

    status: RequirementStatus
    counts: int
    earned: float
    must_have_factor: int = MUST_HAVE_FACTOR


@dataclass(frozen=True)
class RoleGaps:
    role: Role
    result: MatchResult
    met: list[RequirementStatus]
    missing: list[RequirementStatus]
    learning_path: list[RequirementStatus]
    example: ScoreExample | None = None

    @property
    def earned(self) -> float:
        return float(self.result.earned)

    @property
    def missing_must_haves(self) -> list[RequirementStatus]:
        return [status for status in self.missing if status.is_must_have]

    @property
    def must_haves_total(self) -> int:
        return sum(1 for status in self.met + self.missing if status.is_must_have)

    @property
    def missing_must_have_names(self) -> str:
        return ", ".join(status.item.name for status in self.missing_must_haves)


def learning_path_key(status: RequirementStatus) -> tuple:
    """Growth order first (SQL and Python before orchestration before scale); within a stage, must-haves first."""
    skill = status.skill
    return (
        skill.growth_stage,
        not status.is_must_have,
        skill.order,
        skill.name,
        status.item.order,
        status.item.name,
    )


def role_gaps(*, user: AbstractBaseUser, role: Role) -> RoleGaps:
    """Where the user stands against one role: score, met, missing with the gap, and what to learn in which order."""
    requirements = list(
        RoleRequirement.objects.filter(role=role)
        .select_related("item__skill")
        .prefetch_related(
            Prefetch("item__skill__tools", queryset=public_tools()),
            Prefetch("item__resources", queryset=Resource.objects.public().select_related("tool")),
        )
    )
    levels = user_levels(user=user, item_ids=[requirement.item_id for requirement in requirements])
    statuses = [
        RequirementStatus(
            requirement=requirement,
            level=levels.get(requirement.item_id, Level.NONE),
            tools=list(requirement.item.skill.tools.all()),
            resources=list(requirement.item.resources.all()),
        )
        for requirement in requirements
    ]
    specs = [
        RequirementSpec(
            item_id=requirement.item_id,
            item_name=requirement.item.name,
            min_level=requirement.min_level,
            weight=requirement.weight,
            is_must_have=requirement.is_must_have,
        )
        for requirement in requirements
    ]
    missing = [status for status in statuses if not status.is_met]
    learning_path = sorted(missing, key=learning_path_key)
    return RoleGaps(
        role=role,
        result=compute_match(specs, levels),
        met=[status for status in statuses if status.is_met],
        missing=missing,
        learning_path=learning_path,
        example=_score_example(learning_path[:1] or statuses[:1], specs),
    )


def _score_example(statuses: list[RequirementStatus], specs: list[RequirementSpec]) -> ScoreExample | None:
    """The first step of the learning path (else the first requirement), worked through the score rule."""
    if not statuses:
        return None
    status = statuses[0]
    spec = next(spec for spec in specs if spec.item_id == status.item.pk)
    return ScoreExample(status=status, counts=spec.counts, earned=float(spec.earned(status.level)))


@dataclass(frozen=True)
class RadarRow:
    skill: Skill
    level: float
    required: float | None


@dataclass(frozen=True)
class Radar:
    role: Role | None
    rows: list[RadarRow]
    chart: RadarChart


def _mean(values: list[int]) -> float:
    return sum(values) / len(values) if values else 0.0


def skill_radar(*, user: AbstractBaseUser, role: Role | None) -> Radar:
    """Level per skill against the role's required level per skill (both averages over items).

    Where the role asks for items of a skill, the user's level is the average
    over exactly those items, so meeting every requirement fills the shape.
    """
    skills = list(Skill.objects.all())
    items_by_skill: dict[int, list[int]] = defaultdict(list)
    for item_id, skill_id in ChecklistItem.objects.values_list("id", "skill_id"):
        items_by_skill[skill_id].append(item_id)
    levels = user_levels(user=user)
    required_by_skill: dict[int, dict[int, int]] = defaultdict(dict)
    if role is not None:
        for skill_id, item_id, min_level in RoleRequirement.objects.filter(role=role).values_list(
            "item__skill_id", "item_id", "min_level"
        ):
            required_by_skill[skill_id][item_id] = min_level
    rows = []
    for skill in skills:
        required = required_by_skill.get(skill.pk)
        item_ids = list(required) if required else items_by_skill[skill.pk]
        rows.append(
            RadarRow(
                skill=skill,
                level=round(_mean([levels.get(item_id, 0) for item_id in item_ids]), 1),
                required=round(_mean(list(required.values())), 1) if required else None,
            )
        )
    chart = build_radar(
        [row.skill.name for row in rows],
        [row.level for row in rows],
        [row.required or 0 for row in rows] if role is not None else None,
        max_value=max(Level.values),
    )
    return Radar(role=role, rows=rows, chart=chart)


# Progress ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgressCharts:
    ticked: LineChart | None
    score: LineChart | None
    total_items: int
    points: int


def progress_changes(*, user: AbstractBaseUser) -> QuerySet[AssessmentChange]:
    """Every change of the user's levels, newest first, ready to list."""
    return AssessmentChange.objects.filter(user=user).select_related("item__skill")


def progress_charts(*, user: AbstractBaseUser) -> ProgressCharts:
    """Ticked items and target-role match after each of the latest changes, oldest first."""
    latest = list(
        AssessmentChange.objects.filter(user=user)
        .order_by("-changed_at", "-id")
        .values_list("ticked_count", "target_score")[:HISTORY_CHART_POINTS]
    )
    latest.reverse()
    total_items = ChecklistItem.objects.count()
    ticked = [ticked_count for ticked_count, _score in latest]
    scores = [score for _ticked, score in latest if score is not None]
    return ProgressCharts(
        ticked=build_line_chart(ticked, y_max=max([total_items, *ticked])) if ticked else None,
        score=build_line_chart(scores, y_max=100) if scores else None,
        total_items=total_items,
        points=len(latest),
    )


# Public role pages ------------------------------------------------------------------------------


def published_roles() -> QuerySet[Role]:
    return Role.objects.published().annotate(
        requirement_count=Count("requirements"),
        must_have_count=Count("requirements", filter=Q(requirements__is_must_have=True)),
    )


@dataclass(frozen=True)
class SkillRequirements:
    skill: Skill
    requirements: list[RoleRequirement]


def role_requirements_by_skill(*, role: Role) -> list[SkillRequirements]:
    """A role's requirements grouped by skill, in growth order, with the catalog tools per skill."""
    grouped: dict[int, SkillRequirements] = {}
    requirements = (
        RoleRequirement.objects.filter(role=role)
        .select_related("item__skill")
        .prefetch_related(Prefetch("item__skill__tools", queryset=public_tools()))
        .order_by("item__skill__growth_stage", "item__skill__order", "item__skill__name", "item__order", "item__name")
    )
    for requirement in requirements:
        skill = requirement.item.skill
        grouped.setdefault(skill.pk, SkillRequirements(skill=skill, requirements=[])).requirements.append(requirement)
    return list(grouped.values())


# Learning resources -----------------------------------------------------------------------------


def required_items_without_resources() -> QuerySet[ChecklistItem]:
    """Items a published role requires that have nothing public to learn them with: dead ends in a learning path."""
    return (
        ChecklistItem.objects.filter(requirements__role__in=Role.objects.published())
        .exclude(pk__in=Resource.objects.public().values("item_id"))
        .distinct()
        .order_by("skill__name", "name")
    )
