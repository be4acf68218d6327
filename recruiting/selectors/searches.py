"""Reads of vacancy searches: a recruiter's own (anyone else's is never reached), how far a ranking is, what a
pasted vacancy asks, and the proposals the editors see.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from portal.jobs.lifecycle import JobStatus, reason_of_failure
from portal.jobs.workers import JobWait, job_wait
from recruiting.models import SearchProposal, VacancySearch
from skills.models import ChecklistItem, Role, RoleRecompute
from skills.vacancies.fit import vacancy_requirements
from skills.vacancies.reading import ItemAsked, VacancyReading, read_vacancy


def own_searches(*, owner: AbstractBaseUser) -> QuerySet[VacancySearch]:
    """The recruiter's own searches, newest first: the only way any page reaches a search."""
    return VacancySearch.objects.filter(owner=owner).select_related("role")


def search_of_role(*, role: Role, owner: AbstractBaseUser) -> VacancySearch | None:
    """The owner's search behind ``role``, if it is one of theirs."""
    return own_searches(owner=owner).filter(role=role).first()


@dataclass(frozen=True)
class SearchRanking:
    """How far the search's candidates are ranked: the run under way (if any) and when the last one finished."""

    current: RoleRecompute | None
    last_finished_at: datetime | None
    last_failure: str
    wait: JobWait | None  # while a run is under way: a retry's countdown, or no worker checking in

    @property
    def is_running(self) -> bool:
        return self.current is not None

    @property
    def is_ranked(self) -> bool:
        return self.last_finished_at is not None


def search_ranking(*, search: VacancySearch) -> SearchRanking:
    """The ranking's state in two queries (a run whose worker died is queued again before: ``requeue_stale_ranking``)."""
    recomputes = RoleRecompute.objects.filter(role_id=search.role_id)
    latest = list(recomputes.order_by("-created_at")[:1])
    finished = (
        recomputes.filter(status=JobStatus.DONE).order_by("-finished_at").values_list("finished_at", flat=True).first()
    )
    current = latest[0] if latest and not latest[0].is_finished else None
    failed = latest[0] if latest and latest[0].status == JobStatus.FAILED else None
    failure = reason_of_failure(RoleRecompute, failed.error) if failed else ""
    wait = job_wait(job=current) if current is not None else None
    return SearchRanking(current=current, last_finished_at=finished, last_failure=failure, wait=wait)


@dataclass(frozen=True)
class ItemRead:
    """One item the vacancy asks for, with the level the vacancy rule gives it and the phrases that said so."""

    asked: ItemAsked
    min_level: int

    @property
    def item(self) -> ChecklistItem:
        return self.asked.item


@dataclass(frozen=True)
class SkillRead:
    skill_name: str
    items: list[ItemRead]


def items_by_skill(*, reading: VacancyReading) -> list[SkillRead]:
    """The items a reading found, grouped by skill in growth order, each with the level the search will need."""
    levels = {spec.item_id: spec.min_level for spec in vacancy_requirements(reading=reading)}
    return [
        SkillRead(
            skill_name=skill.name, items=[ItemRead(asked=asked, min_level=levels[asked.item.pk]) for asked in items]
        )
        for skill, items in reading.items_by_skill()
    ]


def proposals() -> QuerySet[SearchProposal]:
    """What editors see of recruiters' searches: the copies proposed to them, never a search itself, nor who proposed it."""
    return SearchProposal.objects.select_related("search__role", "replaces", "replaced_by")


def waiting_proposal_count() -> int:
    """How many proposals wait for an editor (current, not published): a count, never who proposed them."""
    return SearchProposal.objects.waiting().count()


def publish_titles(*, proposal: SearchProposal) -> dict[str, str]:
    """The publish form's first title: the proposal's, in the field of the language its vacancy is written in (a
    Dutch vacancy's title is no English title)."""
    language = read_vacancy(text=proposal.search.text).language if proposal.search.text else ""
    return {"title_nl" if language == "nl" else "title_en": proposal.title}
