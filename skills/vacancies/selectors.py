"""A vacancy on the engineer's side: its reading against their own levels, and the fits of the vacancies they keep.

The fit is the roles' score (``skills.scoring.compute_match``) over the requirements that
``skills.vacancies.fit.vacancy_requirements`` draws from a reading — the one rule for what a
vacancy needs — so a vacancy's score and a role's can be read side by side. Gaps and the
learning path come from the same selector as a role's (``skills.selectors.gaps.requirement_gaps``).
"""

from dataclasses import dataclass, field, replace

from django.contrib.auth.models import AbstractBaseUser

from catalog.models import Tool
from skills.models import ChecklistItem, RoleRequirement, SavedVacancy, Skill
from skills.models.saved_vacancies import MAX_SAVED_VACANCIES
from skills.scoring import MatchResult, compute_match
from skills.selectors.gaps import RequirementStatus, RoleGaps, prefetch_learning, requirement_gaps
from skills.selectors.profiles import user_levels
from skills.vacancies.fit import vacancy_requirements
from skills.vacancies.reading import ItemAsked, ToolAsked, VacancyReading

# The reading against the engineer's levels ------------------------------------------------------

FEW_ITEMS = 3  # a score over fewer items asked than this says little about the vacancy


@dataclass(frozen=True)
class ItemFit:
    """One item the vacancy asks for, with the engineer's level and the level the rule needs."""

    asked: ItemAsked
    status: RequirementStatus

    @property
    def item(self) -> ChecklistItem:
        return self.status.item

    @property
    def required(self) -> bool:
        return self.asked.required

    @property
    def level(self) -> int:
        return self.status.level

    @property
    def is_rated(self) -> bool:
        return self.status.is_rated

    @property
    def needed(self) -> int:
        return self.status.requirement.min_level

    @property
    def is_met(self) -> bool:
        return self.status.is_met

    @property
    def phrase_texts(self) -> list[str]:
        return self.asked.phrase_texts


@dataclass(frozen=True)
class SkillAsked:
    skill: Skill
    items: list[ItemFit]


@dataclass(frozen=True)
class VacancyFit:
    reading: VacancyReading
    skills: list[SkillAsked]  # in growth order, as the roles list them; items in the order the text names them
    tools: list[ToolAsked]  # the public ones asked for, in the order the text names them
    gaps: RoleGaps
    nice_tools: list[ToolAsked] = field(default_factory=list)  # those named only as nice to have

    @property
    def result(self) -> MatchResult:
        return self.gaps.result

    @property
    def seniority_label(self) -> str:
        return self.reading.seniority_label

    @property
    def language_label(self) -> str:
        return self.reading.language_label

    @property
    def unrecognised_asks(self) -> list[str]:
        return unrecognised_asks(reading=self.reading)

    @property
    def rests_on_few_items(self) -> bool:
        return rests_on_few_items(result=self.result, unrecognised=len(self.unrecognised_asks))


def unrecognised_asks(*, reading: VacancyReading) -> list[str]:
    """The tech terms the reading did not recognise, but for those the vacancy says are not needed."""
    not_needed = set(reading.not_asked_term_names)
    return [term for term in reading.unknown_tech_terms if term not in not_needed]


def rests_on_few_items(*, result: MatchResult, unrecognised: int) -> bool:
    """Whether a vacancy's score needs a warning beside it: it rests on fewer than FEW_ITEMS items, or on fewer items
    than the ``unrecognised`` tech terms it asks for. A frontend job ("React, TypeScript, Next.js; some Docker")
    would otherwise score 100 on Docker alone, unremarked."""
    counted = result.requirements_total
    return result.is_scored and (counted < FEW_ITEMS or unrecognised > counted)


def vacancy_fit(*, user: AbstractBaseUser, reading: VacancyReading) -> VacancyFit:
    """How the user's levels meet what ``reading`` asks for: per item, as a score, and what to learn in which order.

    Items and tools are read afresh (the reading's own are the phrasebook's, shared by the whole process and not
    to be added to); a fixed number of queries however much the vacancy asks.
    """
    items = ChecklistItem.objects.select_related("skill").in_bulk([asked.item.pk for asked in reading.items])
    prefetch_learning(list(items.values()))
    requirements = [
        RoleRequirement(
            item=items[spec.item_id], min_level=spec.min_level, weight=spec.weight, is_must_have=spec.is_must_have
        )
        for spec in vacancy_requirements(reading=reading)
        if spec.item_id in items  # an item deleted since the phrasebook was built asks for nothing
    ]
    gaps = requirement_gaps(user=user, requirements=requirements)
    statuses = {status.item.pk: status for status in (*gaps.met, *gaps.missing)}
    skills = []
    for _skill, asked_items in reading.items_by_skill():
        fits = [
            ItemFit(asked=asked, status=statuses[asked.item.pk]) for asked in asked_items if asked.item.pk in statuses
        ]
        if fits:  # the skill as read afresh, like its items
            skills.append(SkillAsked(skill=fits[0].status.skill, items=fits))
    public_tools = Tool.objects.public().in_bulk([asked.tool.pk for asked in reading.tools])
    tools = [
        replace(asked, tool=public_tools[asked.tool.pk]) for asked in reading.tools if asked.tool.pk in public_tools
    ]
    nice_tools = [asked for asked in tools if not asked.required]
    tools = [asked for asked in tools if asked.required]
    return VacancyFit(reading=reading, skills=skills, tools=tools, nice_tools=nice_tools, gaps=gaps)


# Saved vacancies ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedVacancyFit:
    vacancy: SavedVacancy
    result: MatchResult

    @property
    def rests_on_few_items(self) -> bool:
        """As on the vacancy's own page, from what its reading counted when it was saved."""
        return rests_on_few_items(result=self.result, unrecognised=self.vacancy.unrecognised_asks)


def saved_vacancy_fits(*, user: AbstractBaseUser) -> list[SavedVacancyFit]:
    """The user's saved vacancies, newest first, each scored by the rule against the current levels.

    Scored from what each reading asked for when it was saved, so the page reads no text again: three queries
    however many there are.
    """
    vacancies = list(SavedVacancy.objects.owned_by(user)[:MAX_SAVED_VACANCIES])
    item_ids = {entry["item"] for vacancy in vacancies for entry in vacancy.items_asked}
    items = ChecklistItem.objects.select_related("skill").in_bulk(item_ids) if item_ids else {}
    levels = user_levels(user=user, item_ids=list(items)) if items else {}
    return [
        SavedVacancyFit(
            vacancy=vacancy,
            result=compute_match(vacancy_requirements(reading=_stored_reading(vacancy, items)), levels),
        )
        for vacancy in vacancies
    ]


def _stored_reading(vacancy: SavedVacancy, items: dict[int, ChecklistItem]) -> VacancyReading:
    """What the vacancy's reading asked for when it was saved; items deleted since then are left out."""
    asked = tuple(
        ItemAsked(item=items[entry["item"]], required=entry["required"], phrases=())
        for entry in vacancy.items_asked
        if entry["item"] in items
    )
    return VacancyReading(text="", language=vacancy.language, seniority=vacancy.seniority, items=asked, tools=())


def saved_copy(*, owner: AbstractBaseUser, text: str) -> SavedVacancy | None:
    """The owner's saved vacancy with this text (white space aside), if they saved it already: a vacancy is kept
    once, and the reading page links to the copy instead of offering to save it again. At most
    MAX_SAVED_VACANCIES rows are compared."""
    wanted = " ".join(text.split())
    return next(
        (vacancy for vacancy in SavedVacancy.objects.owned_by(owner) if " ".join(vacancy.text.split()) == wanted),
        None,
    )
