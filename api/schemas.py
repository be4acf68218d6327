"""Typed shapes of everything the API reads and writes; they are also what /api/openapi.json documents."""

from datetime import datetime
from typing import Annotated, Literal

from ninja import Field, Schema

from catalog.models import Tool
from skills.models import Level
from skills.vacancies.limits import VACANCY_MAX_CHARS

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = 1_000_000

ToolType = Literal[tuple(Tool.ToolType.values)]
# Ids beyond a 64-bit integer cannot exist, and some databases refuse to even compare with them.
ItemId = Annotated[int, Field(ge=1, le=2**63 - 1)]


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in one sentence.")
    errors: dict[str, list[str]] = Field(
        default_factory=dict, description="Messages per input field, when the input was not valid."
    )


# What any endpoint that needs a signed-in caller may answer besides its own results.
AUTH_ERRORS = {401: ErrorOut, 403: ErrorOut, 429: ErrorOut}


class PageParams(Schema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"How many items to return (1–{MAX_LIMIT}).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many items to skip.")


class PageOut(Schema):
    count: int = Field(description="How many items match in total.")
    limit: int
    offset: int


# Catalog ----------------------------------------------------------------------------------------


class CategoryOut(Schema):
    slug: str
    name: str
    kind: str
    kind_label: str
    description: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return str(obj.get_kind_display())


class ToolFilters(Schema):
    q: str | None = Field(None, description="Words to look for in name, summary, use or vacancy terms.")
    category: str | None = Field(None, description="Category slug.")
    type: ToolType | None = Field(None, description="Tool type as in the article's table.")
    keyword: str | None = Field(None, description="Slug of a vacancy term.")


class ToolOut(Schema):
    slug: str
    name: str
    category: str = Field(description="Category slug.")
    tool_type: ToolType
    tool_type_label: str
    summary: str
    is_optional: bool
    keywords: list[str] = Field(description="Vacancy terms linked to the tool.")
    website_url: str
    docs_url: str
    page_url: str = Field(description="The tool's page in the portal.")

    @staticmethod
    def resolve_category(obj) -> str:
        return obj.category.slug

    @staticmethod
    def resolve_tool_type_label(obj) -> str:
        return str(obj.get_tool_type_display())

    @staticmethod
    def resolve_keywords(obj) -> list[str]:
        return [keyword.name for keyword in obj.keywords.all()]

    @staticmethod
    def resolve_page_url(obj) -> str:
        return obj.get_absolute_url()


class ToolPage(PageOut):
    items: list[ToolOut]


class ToolRef(Schema):
    slug: str
    name: str


class ToolDetailOut(ToolOut):
    used_for: str
    in_vacancies: str
    when_to_pick: str
    typical_uses: list[str]
    strengths: list[str]
    pitfalls: list[str]
    seniority_signals: list[str]
    related_tools: list[ToolRef]
    skills: list[str] = Field(description="Slugs of the checklist skills this tool serves.")

    @staticmethod
    def resolve_typical_uses(obj) -> list[str]:
        return obj.typical_uses_list

    @staticmethod
    def resolve_strengths(obj) -> list[str]:
        return obj.strengths_list

    @staticmethod
    def resolve_pitfalls(obj) -> list[str]:
        return obj.pitfalls_list

    @staticmethod
    def resolve_seniority_signals(obj) -> list[str]:
        return obj.seniority_signals_list

    @staticmethod
    def resolve_related_tools(obj) -> list:
        return list(obj.related_tools.all())

    @staticmethod
    def resolve_skills(obj) -> list[str]:
        return [skill.slug for skill in obj.skills.all()]


class RecommendationOut(Schema):
    tool: ToolRef
    reason: str


class ChooserOptionOut(Schema):
    slug: str
    question: str
    explanation: str
    recommendations: list[RecommendationOut]

    @staticmethod
    def resolve_recommendations(obj) -> list:
        return list(obj.recommendations.all())


# Checklist and roles ----------------------------------------------------------------------------


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

    @staticmethod
    def resolve_items(obj) -> list:
        return list(obj.items.all())


class RequirementOut(Schema):
    item_id: int
    item: str
    skill: str = Field(description="Skill slug.")
    min_level: int
    weight: int
    is_must_have: bool

    @staticmethod
    def resolve_item(obj) -> str:
        return obj.item.name

    @staticmethod
    def resolve_skill(obj) -> str:
        return obj.item.skill.slug


class RoleOut(Schema):
    slug: str
    title: str
    summary: str
    is_senior: bool
    requirements: list[RequirementOut]

    @staticmethod
    def resolve_requirements(obj) -> list:
        return list(obj.requirements.all())


# The engineer's own data ------------------------------------------------------------------------


class AssessmentOut(Schema):
    item_id: int
    item: str
    skill: str = Field(description="Skill slug.")
    level: int
    level_label: str
    is_ticked: bool
    evidence_url: str
    note: str
    updated_at: datetime | None = Field(description="Empty when nothing was stored (level 0 on an unassessed item).")

    @staticmethod
    def resolve_item(obj) -> str:
        return obj.item.name

    @staticmethod
    def resolve_skill(obj) -> str:
        return obj.item.skill.slug

    @staticmethod
    def resolve_level_label(obj) -> str:
        return str(obj.get_level_display())


class AssessmentPage(PageOut):
    items: list[AssessmentOut]


class AssessmentIn(Schema):
    # The range is documented here but checked by the same form as the checklist page, for the same messages.
    level: int = Field(
        description="0 none · 1 learning · 2 working · 3 strong · 4 can teach others.",
        json_schema_extra={"minimum": Level.NONE, "maximum": Level.TEACH},
    )
    evidence_url: str = Field("", description="A link that backs the level up (http or https).")
    note: str = Field("", description="A short note, at most 280 characters.")


class RoleResultOut(Schema):
    """A role and how far one engineer meets it: shared by matches and gaps."""

    role: str = Field(description="Role slug.")
    role_title: str
    score: int = Field(description="0–100.")
    requirements_met: int
    requirements_total: int

    @staticmethod
    def resolve_role(obj) -> str:
        return obj.role.slug

    @staticmethod
    def resolve_role_title(obj) -> str:
        return obj.role.title

    @staticmethod
    def resolve_score(obj) -> int:
        return obj.result.score

    @staticmethod
    def resolve_requirements_met(obj) -> int:
        return obj.result.requirements_met

    @staticmethod
    def resolve_requirements_total(obj) -> int:
        return obj.result.requirements_total


class MatchOut(RoleResultOut):
    is_target: bool
    missing_must_haves: list[str]

    @staticmethod
    def resolve_missing_must_haves(obj) -> list[str]:
        return list(obj.result.missing_must_haves)


class RequirementStatusOut(Schema):
    item_id: int
    item: str
    skill: str = Field(description="Skill slug.")
    growth_stage: int
    min_level: int
    level: int
    gap: int = Field(description="Levels short of the minimum.")
    is_must_have: bool
    tools: list[ToolRef] = Field(description="Catalog tools that help learn the skill.")

    @staticmethod
    def resolve_item_id(obj) -> int:
        return obj.item.pk

    @staticmethod
    def resolve_item(obj) -> str:
        return obj.item.name

    @staticmethod
    def resolve_skill(obj) -> str:
        return obj.skill.slug

    @staticmethod
    def resolve_growth_stage(obj) -> int:
        return obj.skill.growth_stage

    @staticmethod
    def resolve_min_level(obj) -> int:
        return obj.requirement.min_level


class GapsOut(RoleResultOut):
    met: list[RequirementStatusOut]
    missing: list[RequirementStatusOut]
    learning_path: list[RequirementStatusOut] = Field(description="What is missing, in the order to learn it.")


# Vacancies ----------------------------------------------------------------------------------------


class VacancyIn(Schema):
    text: str = Field(
        description=f"The vacancy as plain text, Dutch, English or both; at most {VACANCY_MAX_CHARS:,} characters."
    )


class PhraseHitOut(Schema):
    text: str = Field(description="The words of the vacancy that matched: exactly text[start:end].")
    start: int = Field(description="Offset of the first character in the vacancy text.")
    end: int = Field(description="Offset just past the last character.")


class ItemNotAskedOut(Schema):
    skill: str = Field(description="Skill slug.")
    item: str = Field(description="Checklist item slug.")
    phrases: list[PhraseHitOut]

    @staticmethod
    def resolve_skill(obj) -> str:
        return obj.item.skill.slug

    @staticmethod
    def resolve_item(obj) -> str:
        return obj.item.slug


class ItemAskedOut(ItemNotAskedOut):
    required: bool = Field(description="False when the vacancy calls it nice to have.")


class ToolAskedOut(Schema):
    tool: str = Field(description="Tool slug.")
    phrases: list[PhraseHitOut]

    @staticmethod
    def resolve_tool(obj) -> str:
        return obj.tool.slug


class NotAskedOut(Schema):
    items: list[ItemNotAskedOut] = Field(description="Checklist items the vacancy says are not needed.")
    tools: list[ToolAskedOut] = Field(description="Catalog tools the vacancy says are not needed.")


class RequirementsOut(Schema):
    languages: list[str] = Field(description="Codes of the languages a candidate must speak or write (nl, en, de, fr).")
    years: int | None = Field(description="The fewest years of experience asked, if any.")
    location: str | None = Field(description="Where the job is, as the vacancy writes it, if it says.")


class VacancyReadingOut(Schema):
    language: Literal["nl", "en", "mixed"] = Field(description="The language the vacancy is written in.")
    seniority: Literal["junior", "medior", "senior", "unknown"]
    items: list[ItemAskedOut] = Field(
        description="Checklist items asked for, in order of first mention; never one of not_asked."
    )
    tools: list[ToolAskedOut] = Field(
        description="Catalog tools asked for, in order of first mention; never one of not_asked."
    )
    not_asked: NotAskedOut = Field(description="Items and tools the vacancy names but says are not needed.")
    unrecognised: list[PhraseHitOut] = Field(
        description="Tech-looking terms the reader does not know, and generic words read without their context."
    )
    requirements: RequirementsOut = Field(description="What the vacancy asks besides skills.")

    @staticmethod
    def resolve_not_asked(obj) -> dict:
        return {"items": obj.not_asked_items, "tools": obj.not_asked_tools}
