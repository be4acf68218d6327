"""Reads for the candidate pages: the roles to rank by, candidates ranked by their stored match, their profiles.

Every candidate read starts from ``EngineerProfile.objects.visible_to_recruiters()``
or ``RoleMatch.objects.visible_to_recruiters()``, so a private profile can never be
listed, exported or shown.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import SimpleLazyObject

from recruiting.models import Shortlist
from recruiting.selectors.contacts import reveal_for
from recruiting.selectors.shortlists import shortlist_memberships, shortlists_for
from recruiting.selectors.skill_charts import SkillChart, skill_charts_for_users, skills_with_item_counts
from skills.models import Assessment, EngineerProfile, Level, Role, RoleMatch, Skill
from skills.privacy.identity import CandidateIdentity, with_evidence_as_shown
from skills.selectors.gaps import average_level, role_gaps, skill_radar

SORT_ORDERS: dict[str, tuple[str, ...]] = {
    "score": ("-score", "profile_id"),
    "experience": ("-profile__years_experience", "-score", "profile_id"),
    "updated": ("-profile__updated_at", "-score", "profile_id"),
}


DEFAULT_SORT = "score"
CANDIDATES_PER_PAGE = 25
CANDIDATE_COUNT_SECONDS = 30


def recruiter_roles() -> QuerySet[Role]:
    return Role.objects.published().order_by("order", "title")


def roles_for_recruiter(*, recruiter: AbstractBaseUser | None) -> QuerySet[Role]:
    """What a recruiter may rank by: the published roles, then their own vacancy searches (never another
    recruiter's); the published roles alone without a recruiter."""
    if recruiter is None:
        return recruiter_roles()
    own = Role.objects.searches().filter(vacancy_search__owner=recruiter)
    return (Role.objects.published() | own).order_by("kind", "order", "title")


def default_role() -> Role | None:
    """The role a recruiter ranks by when none is chosen: the first published senior role, else the first one."""
    roles = recruiter_roles()
    return roles.filter(is_senior=True).first() or roles.first()


def chosen_role(*, form, profile: EngineerProfile) -> Role | None:
    """The role a candidate's card compares with: ?role= when valid (a ``CandidateRoleForm``), else the candidate's
    own published target role, else the default role."""
    return form.asked_role or profile.published_target_role or default_role()


def ranking_base() -> QuerySet[RoleMatch]:
    """What the candidate filters narrow down: visible candidates' stored matches, best first."""
    return RoleMatch.objects.visible_to_recruiters().order_by(*SORT_ORDERS[DEFAULT_SORT])


def visible_candidates() -> QuerySet[EngineerProfile]:
    return EngineerProfile.objects.visible_to_recruiters()


class RankingPaginator(Paginator):
    """Pages through the best ``settings.BROWSABLE_CANDIDATES`` of a ranking, each page in one query that joins only its own
    rows to profile and user.

    Counting every visible match would read a role's whole index (800,000 entries at a million engineers), so the
    total is counted only up to one past the browsable part: above it the list says "more than 1,000" and narrower
    filters reach the rest, as a recruiter would look anyway. The count comes from the cache and may lag by up to
    CANDIDATE_COUNT_SECONDS; the rows never do.
    """

    def __init__(
        self,
        ranking: QuerySet[RoleMatch],
        *,
        role: Role,
        sort: str,
        count_key: str,
        counted: QuerySet[RoleMatch] | None = None,
        per_page: int = CANDIDATES_PER_PAGE,
    ):
        self.counted = ranking if counted is None else counted
        self.role = role
        self.sort = sort
        self.ordering = SORT_ORDERS.get(sort, SORT_ORDERS[DEFAULT_SORT])
        self.count_key = count_key
        super().__init__(ranking.order_by(*self.ordering), per_page)

    @cached_property
    def counted_up_to_more(self) -> int:
        """The ranking's size, counted no further than one past the browsable part."""
        total = cache.get(self.count_key)
        if total is None:
            total = self.counted.order_by()[: settings.BROWSABLE_CANDIDATES + 1].count()
            cache.set(self.count_key, total, CANDIDATE_COUNT_SECONDS)
        return total

    @property
    def count(self) -> int:
        return min(self.counted_up_to_more, settings.BROWSABLE_CANDIDATES)

    @property
    def has_more(self) -> bool:
        """Whether the ranking goes on past the browsable part ("more than 1,000 candidates")."""
        return self.counted_up_to_more > settings.BROWSABLE_CANDIDATES

    def page(self, number, *, recounted: bool = False) -> Page:
        number = self.validate_number(number)
        above = (number - 1) * self.per_page
        rows = list(self._rows(self.object_list.values("profile_id")[above : above + self.per_page]))
        if not rows and number > 1 and not recounted:
            fresh = self._recounted()
            return fresh.page(min(number, fresh.num_pages), recounted=True)  # the cached total was too high
        return Page(rows, number, self)

    def _recounted(self) -> "RankingPaginator":
        """The same ranking with its total counted afresh (and cached again)."""
        cache.delete(self.count_key)
        return RankingPaginator(
            self.object_list,
            role=self.role,
            sort=self.sort,
            count_key=self.count_key,
            counted=self.counted,
            per_page=self.per_page,
        )

    def _rows(self, profile_ids: QuerySet) -> QuerySet[RoleMatch]:
        """The matches of the page's own profiles, in the ranking's order, with profile and user."""
        return (
            RoleMatch.objects.visible_to_recruiters()
            .filter(role=self.role, profile_id__in=profile_ids)
            .select_related("profile__user")
            .order_by(*self.ordering)
        )


@dataclass
class SkillAssessments:
    """One skill with the candidate's assessed items under it, for the detail page."""

    skill: Skill
    item_count: int  # of the skill, assessed or not: the average counts an unassessed item as level 0
    assessments: list[Assessment] = field(default_factory=list)

    @property
    def average(self) -> Decimal:
        """The same number as the candidate list's chart and the shared profile (skills.selectors.average_level)."""
        return average_level(total=sum(assessment.level for assessment in self.assessments), count=self.item_count)


def candidate_assessments(*, profile: EngineerProfile) -> list[SkillAssessments]:
    """The candidate's assessed items grouped by skill in growth order; two queries. Their evidence links only as
    the reader may see them (``profile.shows_evidence``: set ``identity_revealed`` first, as ``reveal_for`` does)."""
    item_counts = {skill.pk: skill.item_count for skill in skills_with_item_counts()}
    grouped: dict[int, SkillAssessments] = {}
    assessments = (
        Assessment.objects.filter(user_id=profile.user_id, level__gt=Level.NONE)
        .select_related("item__skill")
        .order_by("item__skill__growth_stage", "item__skill__order", "item__skill__name", "item__order", "item__name")
    )
    for assessment in with_evidence_as_shown(assessments, shown=profile.shows_evidence):
        skill = assessment.item.skill
        group = grouped.setdefault(skill.pk, SkillAssessments(skill=skill, item_count=item_counts.get(skill.pk, 0)))
        group.assessments.append(assessment)
    return list(grouped.values())


def candidate_role_matches(*, profile: EngineerProfile) -> list[RoleMatch]:
    """The candidate's stored match with every published role, best first."""
    return list(
        RoleMatch.objects.filter(profile=profile, role__in=Role.objects.published())
        .select_related("role")
        .order_by("-score", "role__order", "role__title")
    )


def candidate_card(*, profile: EngineerProfile, role: Role | None) -> dict:
    """What the candidate card shows (``recruiting/partials/candidate_card.html``), for the recruiter's page and the
    engineer's preview alike. Lazy: the card's body is a cached fragment, read only when it is drawn again."""
    return {
        "profile": profile,
        "role": role,
        "role_matches": SimpleLazyObject(lambda: candidate_role_matches(profile=profile)),
        "skill_assessments": SimpleLazyObject(lambda: candidate_assessments(profile=profile)),
        "radar": SimpleLazyObject(lambda: skill_radar(user=profile.user, role=role)) if role else None,
        "gaps": SimpleLazyObject(lambda: role_gaps(user=profile.user, role=role)) if role else None,
    }


@dataclass(frozen=True)
class CandidateRow:
    """One ranked candidate as the list shows it, with the recruiter's shortlists it is on."""

    match: RoleMatch
    profile: EngineerProfile
    identity: CandidateIdentity  # the profile's shown identity for this recruiter, worked out once per row
    shortlist_ids: frozenset[int]
    charts: Mapping[int, SkillChart]  # the page's, read only when its block is drawn
    feedback: tuple = ()  # after a plain post of its shortlist widget, what happened (portal.placed_messages)

    @property
    def chart(self) -> SkillChart:
        return self.charts[self.profile.user_id]


@dataclass
class CandidatePage:
    """A page of the ranking with what its cached block varies on."""

    page: Page
    rows: list[CandidateRow]
    shortlists: list[Shortlist]

    @property
    def user_ids(self) -> list[int]:
        return [row.profile.user_id for row in self.rows]

    @property
    def cache_vary(self) -> tuple:
        """What the rendered block shows besides the people's own data: the rows, the total and the shortlists."""
        return (
            self.page.number,
            self.page.paginator.counted_up_to_more,
            [(row.profile.pk, row.match.updated_at, row.identity, sorted(row.shortlist_ids)) for row in self.rows],
            [(shortlist.pk, shortlist.name) for shortlist in self.shortlists],
        )


def candidate_page(
    *,
    ranking: QuerySet[RoleMatch],
    role: Role,
    sort: str,
    count_key: str,
    page_number: str | None,
    recruiter: AbstractBaseUser,
    counted: QuerySet[RoleMatch] | None = None,
) -> CandidatePage:
    """One page of ranked candidates in a fixed number of queries, whatever the page size or total.

    A page number that is not a number gives the first page, one past the end the last.
    """
    page = RankingPaginator(ranking, role=role, sort=sort, count_key=count_key, counted=counted).get_page(page_number)
    shortlists = list(shortlists_for(recruiter=recruiter))
    matches = list(page.object_list)
    reveal_for(recruiter=recruiter, profiles=[match.profile for match in matches])
    memberships = (
        shortlist_memberships(recruiter=recruiter, profile_ids=[match.profile_id for match in matches])
        if shortlists
        else {}
    )
    user_ids = [match.profile.user_id for match in matches]
    charts = SimpleLazyObject(lambda: skill_charts_for_users(user_ids=user_ids))
    rows = [
        CandidateRow(
            match=match,
            profile=match.profile,
            identity=match.profile.shown_identity,
            shortlist_ids=frozenset(memberships.get(match.profile_id, ())),
            charts=charts,
        )
        for match in matches
    ]
    return CandidatePage(page=page, rows=rows, shortlists=shortlists)
