"""The checklist, the roles, an engineer's levels, and how far an engineer meets a role.

A row about one checklist item shows it the same way everywhere (:class:`ItemNameOut`, :class:`ItemRowOut`), and so
does a level (:class:`LevelOut`) and a role (:class:`RoleRefOut`): requirements, assessments, gaps and the
recruiters' candidates (``api.schemas.candidates``) share them.
"""

from datetime import datetime

from ninja import Field, Schema
from pydantic import StrictInt

from api.schemas.catalog import ToolRef
from api.schemas.common import PageOut
from skills.models import Level
from skills.selectors.checklist import item_names

MISSING_MUST_HAVES = "Names of the must-have checklist items not met yet, in the answer's language."


class ItemNameOut(Schema):
    """One checklist item, by id and name, on a row that hangs on it (``obj.item``)."""

    item_id: int = Field(alias="item.pk")
    item: str = Field(alias="item.name")


class ItemRowOut(ItemNameOut):
    """One checklist item and the skill it belongs to."""

    skill: str = Field(alias="item.skill.slug", description="Skill slug.")


class LevelOut(Schema):
    level: int
    level_label: str = Field(alias="get_level_display")


class RoleRefOut(Schema):
    """The role a row is about (``obj.role``)."""

    role: str = Field(alias="role.slug", description="Role slug.")
    role_title: str = Field(alias="role.title")


class ChecklistItemOut(Schema):
    id: int
    slug: str
    name: str
    description: str
    is_senior: bool


class SkillOut(Schema):
    slug: str
    name: str
    description: str
    growth_stage: int
    items: list[ChecklistItemOut]


class RequirementOut(ItemRowOut):
    min_level: int
    weight: int
    is_must_have: bool


class RoleOut(Schema):
    slug: str
    title: str
    summary: str
    is_senior: bool
    requirements: list[RequirementOut]


# The engineer's own data ------------------------------------------------------------------------


class AssessmentOut(ItemRowOut, LevelOut):
    is_ticked: bool
    evidence_url: str
    note: str
    updated_at: datetime | None = Field(description="Empty for an item never rated.")


class AssessmentPage(PageOut):
    items: list[AssessmentOut]


class AssessmentIn(Schema):
    # The range is documented here but checked by the same form as the checklist page, for the same messages.
    # Strict: a JSON true, "2" or 2.0 is a client's mistake, not level 1 or 2.
    level: StrictInt = Field(
        description="0 none · 1 learning · 2 working · 3 strong · 4 can teach others.",
        json_schema_extra={"minimum": Level.NONE, "maximum": Level.TEACH},
    )
    evidence_url: str = Field("", description="A link that backs the level up (http or https).")
    note: str = Field("", description="A short note, at most 280 characters.")


class RoleResultOut(RoleRefOut):
    """A role and how far one engineer meets it, computed now (``obj.result``): shared by matches and gaps."""

    score: int = Field(alias="result.score", description="0–100.")
    requirements_met: int = Field(alias="result.requirements_met")
    requirements_total: int = Field(alias="result.requirements_total")


class MatchOut(RoleResultOut):
    is_target: bool
    missing_must_haves: list[str] = Field(description=MISSING_MUST_HAVES)

    @staticmethod
    def resolve_missing_must_haves(obj) -> list[str]:
        return item_names(obj.result.missing_must_have_ids)


class RequirementStatusOut(ItemRowOut):
    growth_stage: int = Field(alias="skill.growth_stage")
    min_level: int = Field(alias="requirement.min_level")
    level: int = Field(description="Your level; 0 also for an item you have not rated yet (see rated).")
    rated: bool = Field(alias="is_rated", description="Whether you rated the item: false reads not yet rated, not 0.")
    gap: int = Field(description="Levels short of the minimum.")
    is_must_have: bool
    tools: list[ToolRef] = Field(description="Catalog tools that help learn the skill.")


class GapsOut(RoleResultOut):
    met: list[RequirementStatusOut]
    missing: list[RequirementStatusOut]
    learning_path: list[RequirementStatusOut] = Field(description="What is missing, in the order to learn it.")
