"""The roles and what they require: plain specs for the score rule, the public role pages."""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from catalog.selectors import public_tools
from skills.models import (
    Role,
    RoleRequirement,
    Skill,
)
from skills.scoring import RequirementSpec


def requirement_specs_by_role(*, role_ids=None) -> dict[int, list[RequirementSpec]]:
    """The requirements of these roles (by default of every editors' role, see ``Role.objects.editorial()``) as
    plain specs, per role id, in one query; a role without requirements is there too, with none."""
    roles = Role.objects.editorial() if role_ids is None else Role.objects.filter(pk__in=role_ids)
    rows = roles.order_by("pk", "requirements__id").values_list(
        "pk",
        "requirements__item_id",
        "requirements__min_level",
        "requirements__weight",
        "requirements__is_must_have",
    )
    specs: dict[int, list[RequirementSpec]] = {}
    for role_id, item_id, min_level, weight, is_must_have in rows:
        role_specs = specs.setdefault(role_id, [])
        if item_id is not None:
            role_specs.append(
                RequirementSpec(
                    item_id=item_id,
                    min_level=min_level,
                    weight=weight,
                    is_must_have=is_must_have,
                )
            )
    return specs


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
