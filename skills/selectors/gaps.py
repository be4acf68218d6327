"""Where an engineer stands against a role: the fits, the gaps with a learning path, and the skill radar.

Scores come from ``skills.scoring.compute_match`` on the current levels, the same rule the services use for the
stored matches, so a page and a stored match can never disagree.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, prefetch_related_objects

from catalog.models import Tool
from catalog.selectors import public_tools
from skills.charts import RadarChart, build_radar
from skills.models import (
    ChecklistItem,
    EngineerProfile,
    Level,
    Resource,
    Role,
    RoleRequirement,
    Skill,
)
from skills.scoring import MUST_HAVE_FACTOR, MatchResult, RequirementSpec, compute_match, fits_at_all, score_of
from skills.selectors.profiles import own_profile, user_levels
from skills.selectors.roles import requirement_specs_by_role
from skills.selectors.states import done_resource_ids, item_states


@dataclass(frozen=True)
class RoleFit:
    role: Role
    result: MatchResult
    is_target: bool


def role_fits(
    *, user: AbstractBaseUser, profile: EngineerProfile | None = None, levels: dict[int, int] | None = None
) -> list[RoleFit]:
    """Every published role with the user's match, best fit first; a ``profile`` or all the user's ``levels``
    (:func:`user_levels`) the caller holds are not read again."""
    roles = list(Role.objects.published())
    specs = requirement_specs_by_role(role_ids=[role.pk for role in roles])
    levels = user_levels(user=user) if levels is None else levels
    profile = profile or own_profile(user=user)
    target_id = profile.target_role_id if profile else None
    fits = [
        RoleFit(role=role, result=compute_match(specs.get(role.pk, []), levels), is_target=role.pk == target_id)
        for role in roles
    ]
    return sorted(fits, key=lambda fit: (not fit.is_target, -fit.result.score))


def fits_by_score(
    *, user: AbstractBaseUser, profile: EngineerProfile | None = None, levels: dict[int, int] | None = None
) -> list[RoleFit]:
    """Every published role with the user's match, best fit first whatever their target (ties: the roles' order):
    the role that fits best, named as such where no target is chosen."""
    fits = role_fits(user=user, profile=profile, levels=levels)
    return sorted(fits, key=lambda fit: (-fit.result.score, fit.role.order, fit.role.title))


def best_fit_of(fits: list[RoleFit]) -> RoleFit | None:
    """The first of ``fits_by_score``, if it fits at all."""
    return fits[0] if fits and fits_at_all(fits[0].result.score) else None


@dataclass(frozen=True)
class RequirementStatus:
    requirement: RoleRequirement
    level: int  # 0 also for an item never rated, which counts as 0 in every score
    is_rated: bool  # the engineer chose a level for the item (0 too): a never-rated one reads "not yet rated"
    tools: list[Tool]  # the skill's catalog tools
    resources: list[Resource] = field(default_factory=list)  # what teaches this item, in the editors' order
    state: str = ""  # "learning now" or "for later", where the engineer marked it (the role's own gaps page)
    done_resource_ids: frozenset[int] = frozenset()  # of ``resources``, those the engineer did
    feedback: tuple = ()  # after a plain post of its marks, what was saved (portal.placed_messages)

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
    points: int = 0  # what reaching its minimum would add to the score
    must_have_factor: int = MUST_HAVE_FACTOR


@dataclass(frozen=True)
class RoleGaps:
    role: Role | None  # None for requirements that are no role's, such as a vacancy's
    result: MatchResult
    met: list[RequirementStatus]
    missing: list[RequirementStatus]
    learning_path: list[RequirementStatus]
    example: ScoreExample | None = None

    @property
    def earned(self) -> float:
        return float(self.result.earned)

    def with_feedback(self, feedback: dict[str, list], *, place: Callable[[int], str]) -> "RoleGaps":
        """The same gaps with each learning path item carrying the messages for its place (``place(item id)``)."""
        path = [
            replace(status, feedback=tuple(feedback.get(place(status.item.pk), ()))) for status in self.learning_path
        ]
        return replace(self, learning_path=path)

    @property
    def missing_must_haves(self) -> list[RequirementStatus]:
        return [status for status in self.missing if status.is_must_have]

    @property
    def must_haves_total(self) -> int:
        return sum(1 for status in self.met + self.missing if status.is_must_have)


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


def role_gaps(
    *, user: AbstractBaseUser, role: Role, with_marks: bool = False, levels: dict[int, int] | None = None
) -> RoleGaps:
    """Where the user stands against one role: score, met, missing with the gap, and what to learn in which order;
    ``with_marks`` adds the user's own marks (for their own learning path, never for someone reading it). All the
    user's ``levels`` the caller holds are not read again."""
    requirements = list(RoleRequirement.objects.filter(role=role).select_related("item__skill"))
    prefetch_learning([requirement.item for requirement in requirements])
    if not with_marks:
        return requirement_gaps(user=user, requirements=requirements, role=role, levels=levels)
    return requirement_gaps(
        user=user,
        requirements=requirements,
        role=role,
        states=item_states(user=user),
        done=done_resource_ids(user=user),
        levels=levels,
    )


def prefetch_learning(items: list[ChecklistItem]) -> None:
    """What the learning path shows of each item (its skill's public tools, its public resources), in two queries."""
    prefetch_related_objects(
        items,
        Prefetch("skill__tools", queryset=public_tools()),
        Prefetch("resources", queryset=Resource.objects.public().select_related("tool")),
    )


def requirement_gaps(
    *,
    user: AbstractBaseUser,
    requirements: list[RoleRequirement],
    role: Role | None = None,
    states: dict[int, str] | None = None,
    done: frozenset[int] = frozenset(),
    levels: dict[int, int] | None = None,
) -> RoleGaps:
    """Met, missing and the learning path for any requirements: a role's, or unsaved ones such as a vacancy's;
    with ``states`` and ``done`` each item carries the engineer's marks. Without ``levels`` (all the user's, as
    :func:`user_levels` gives them) those of the requirements' items are read.

    Their items come with the skill selected and the skill's tools and the item's resources prefetched.
    """
    states = states or {}
    if levels is None:
        levels = user_levels(user=user, item_ids=[requirement.item_id for requirement in requirements])
    statuses = [
        RequirementStatus(
            requirement=requirement,
            level=levels.get(requirement.item_id, Level.NONE),
            is_rated=requirement.item_id in levels,
            tools=list(requirement.item.skill.tools.all()),
            resources=list(requirement.item.resources.all()),
            state=states.get(requirement.item_id, ""),
            done_resource_ids=done,
        )
        for requirement in requirements
    ]
    specs = [
        RequirementSpec(
            item_id=requirement.item_id,
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
        example=_score_example(learning_path + [status for status in statuses if status.is_met], specs),
    )


def _score_example(statuses: list[RequirementStatus], specs: list[RequirementSpec]) -> ScoreExample | None:
    """The requirement that would move the score most if raised to its minimum, worked through the score rule: one
    the engineer already has a level on when there is one, so the example is about their own work; ties go to the
    first in ``statuses`` (the learning path's order). The first requirement when everything is met."""
    if not statuses:
        return None
    by_item = {spec.item_id: spec for spec in specs}
    counted = sum(spec.counts for spec in specs)
    earned = sum((by_item[status.item.pk].earned(status.level) for status in statuses), Fraction(0))

    def gain(status: RequirementStatus) -> Fraction:
        spec = by_item[status.item.pk]
        return spec.counts - spec.earned(status.level)

    missing = [status for status in statuses if not status.is_met]
    pool = [status for status in missing if status.level > 0] or missing
    status = max(pool, key=gain) if pool else statuses[0]
    spec = by_item[status.item.pk]
    points = score_of(earned + gain(status), counted) - score_of(earned, counted)
    return ScoreExample(status=status, counts=spec.counts, earned=float(spec.earned(status.level)), points=points)


@dataclass(frozen=True)
class RadarRow:
    skill: Skill
    level: Decimal
    required: Decimal | None
    is_rated: bool = True  # false when none of the averaged items is rated: said as such, not as 0.0


@dataclass(frozen=True)
class Radar:
    role: Role | None
    rows: list[RadarRow]
    chart: RadarChart


def average_level(*, total: int, count: int) -> Decimal:
    """A mean of levels as every page, the API and the export show it: one decimal, halves rounded up (1.65 is
    1.7), worked out exactly rather than through a float. The one home of this rule."""
    if not count:
        return Decimal("0.0")
    return (Decimal(total) / Decimal(count)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _mean(values: list[int]) -> Decimal:
    return average_level(total=sum(values), count=len(values))


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
                level=_mean([levels.get(item_id, 0) for item_id in item_ids]),
                required=_mean(list(required.values())) if required else None,
                is_rated=any(item_id in levels for item_id in item_ids),
            )
        )
    chart = build_radar(
        [row.skill.name for row in rows],
        [float(row.level) for row in rows],
        [float(row.required or 0) for row in rows] if role is not None else None,
        max_value=max(Level.values),
    )
    return Radar(role=role, rows=rows, chart=chart)
