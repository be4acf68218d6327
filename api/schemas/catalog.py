"""The catalog's tools, categories and the tool chooser."""

from typing import Literal

from ninja import Field, Schema

from api.schemas.common import PageOut
from catalog.models import Tool

ToolType = Literal[tuple(Tool.ToolType.values)]


class CategoryOut(Schema):
    slug: str
    name: str
    kind: str
    kind_label: str = Field(alias="get_kind_display")
    description: str


class ToolFilters(Schema):
    q: str | None = Field(None, description="Words to look for in name, summary, use or vacancy terms.")
    category: str | None = Field(None, description="Category slug.")
    type: ToolType | None = Field(None, description="Tool type as in the article's table.")
    keyword: str | None = Field(None, description="Slug of a vacancy term.")


class ToolOut(Schema):
    slug: str
    name: str
    category: str = Field(alias="category.slug", description="Category slug.")
    tool_type: ToolType
    tool_type_label: str = Field(alias="get_tool_type_display")
    summary: str
    is_optional: bool
    keywords: list[str] = Field(description="Vacancy terms linked to the tool.")
    website_url: str
    docs_url: str
    page_url: str = Field(alias="get_absolute_url", description="The tool's page in the portal.")

    @staticmethod
    def resolve_keywords(obj) -> list[str]:
        return [keyword.name for keyword in obj.keywords.all()]


class ToolPage(PageOut):
    items: list[ToolOut]


class ToolRef(Schema):
    slug: str
    name: str


class ToolDetailOut(ToolOut):
    used_for: str
    in_vacancies: str
    when_to_pick: str
    typical_uses: list[str] = Field(alias="typical_uses_list")
    strengths: list[str] = Field(alias="strengths_list")
    pitfalls: list[str] = Field(alias="pitfalls_list")
    seniority_signals: list[str] = Field(alias="seniority_signals_list")
    related_tools: list[ToolRef]
    skills: list[str] = Field(description="Slugs of the checklist skills this tool serves.")

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
