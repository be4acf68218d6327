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
