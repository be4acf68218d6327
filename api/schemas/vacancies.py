"""A vacancy read for the checklist items, tools and requirements it asks for."""

from typing import Literal

from ninja import Field, Schema

from skills.vacancies.limits import VACANCY_MAX_CHARS


class VacancyIn(Schema):
    text: str = Field(
        description=f"The vacancy as plain text, Dutch, English or both; at most {VACANCY_MAX_CHARS:,} characters."
    )


class PhraseHitOut(Schema):
    text: str = Field(description="The words of the vacancy that matched: exactly text[start:end].")
    start: int = Field(
        description=(
            "Offset of the first character in the vacancy text as sent, in Unicode code points: after an emoji or"
            " another character beyond U+FFFF it is one less than a JavaScript string index, which counts UTF-16"
            " code units (Array.from(text) counts code points)."
        )
    )
    end: int = Field(description="Offset just past the last character, in code points as start.")


class ItemNotAskedOut(Schema):
    skill: str = Field(alias="item.skill.slug", description="Skill slug.")
    item: str = Field(alias="item.slug", description="Checklist item slug.")
    phrases: list[PhraseHitOut]


class ItemAskedOut(ItemNotAskedOut):
    required: bool = Field(description="False when the vacancy calls it nice to have.")


class ToolAskedOut(Schema):
    tool: str = Field(alias="tool.slug", description="Tool slug.")
    phrases: list[PhraseHitOut]


class NotAskedOut(Schema):
    items: list[ItemNotAskedOut] = Field(description="Checklist items the vacancy says are not needed.")
    tools: list[ToolAskedOut] = Field(description="Catalog tools the vacancy says are not needed.")
    terms: list[PhraseHitOut] = Field(
        description="Terms of unrecognised that the vacancy says are not needed (“no Kafka experience needed”)."
    )


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
    not_asked: NotAskedOut = Field(
        description="Items, tools and unknown terms the vacancy names but says are not needed."
    )
    unrecognised: list[PhraseHitOut] = Field(
        description="Tech-looking terms the reader does not know, and generic words read without their context."
    )
    requirements: RequirementsOut = Field(description="What the vacancy asks besides skills.")

    @staticmethod
    def resolve_not_asked(obj) -> dict:
        return {"items": obj.not_asked_items, "tools": obj.not_asked_tools, "terms": obj.not_asked_terms}
