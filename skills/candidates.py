"""Reads for the recruiter pages: which candidates a recruiter may see, ranked and filtered.

Every recruiter query applies :func:`visible_lookup`, so a profile that is not
visible to recruiters can never be listed, exported or shown. The ranking also
reads the match's own copy of that choice (``RoleMatch.profile_visible``), so it
can walk one index without touching the profiles it skips.
"""

import hashlib
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.db.models.sql.compiler import SQLCompiler
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from portal.fragments import store, stored, versions
from skills.models import (
    TICKED_LEVEL,
    Assessment,
    ChecklistItem,
    EngineerProfile,
    Level,
    Role,
    RoleMatch,
    Shortlist,
    ShortlistEntry,
    Skill,
)
from skills.services import CHECKLIST_KIND

SORT_ORDERS: dict[str, tuple[str, ...]] = {
    "score": ("-score", "profile_id"),
    "experience": ("-profile__years_experience", "-score", "profile_id"),
    "updated": ("-profile__updated_at", "-score", "profile_id"),
}
DEFAULT_SORT = "score"


def visible_lookup(prefix: str = "") -> Q:
    """The one rule for what recruiters may see, usable across relations (prefix "profile__")."""
    return Q(**{f"{prefix}visibility": EngineerProfile.Visibility.RECRUITERS})


def visible_profiles() -> QuerySet[EngineerProfile]:
    """Profiles whose owner opted in to being seen by recruiters."""
    return EngineerProfile.objects.filter(visible_lookup())


def published_roles() -> QuerySet[Role]:
    return Role.objects.filter(published=True)


LOOKUP_SECONDS = 60 * 60


def _cached_list(name: str, kind: str, build: Callable[[], list]) -> list:
    key = f"skills:{name}:{versions(kind)}"
    found = stored(key)
    if found is None:
        found = build()
        store(key, found, LOOKUP_SECONDS)
    return list(found)  # a list of its own: the stored one is shared with other requests of this process


def published_role_list() -> list[Role]:
    """Published roles in menu order, from the cache until the checklist's version token moves.

    Every recruiter page needs them (the default role, the role in the query string),
    and roles change only when an editor saves one.
    """
    return _cached_list("published-roles", CHECKLIST_KIND, lambda: list(published_roles().order_by("order", "title")))


def checklist_items_by_pk() -> dict[int, ChecklistItem]:
    """Every checklist item by primary key, for the item filter; cached like the roles."""
    return dict(_cached_list("checklist-items", CHECKLIST_KIND, lambda: list(ChecklistItem.objects.in_bulk().items())))


def recruiter_shortlists(*, recruiter: AbstractBaseUser) -> list[Shortlist]:
    """The recruiter's own shortlists by name, cached until they create or delete one (see skills.shortlists)."""
    return _cached_list(
        f"shortlists:{recruiter.pk}", shortlists_kind(recruiter.pk), lambda: list(shortlists_for(recruiter=recruiter))
    )


def shortlists_kind(recruiter_id: int) -> str:
    """The fragment-cache kind of one recruiter's list of shortlists."""
    return f"shortlists:{recruiter_id}"


def default_role(roles: list[Role] | None = None) -> Role | None:
    """The role a recruiter ranks by when none is chosen: the first published senior role (of ``roles``, if given)."""
    roles = published_role_list() if roles is None else roles
    return next((role for role in roles if role.is_senior), roles[0] if roles else None)


@dataclass(frozen=True)
class CandidateFilters:
    """What a recruiter asked for on the candidate list; every field but role is optional."""

    role: Role
    min_score: int | None = None
    must_haves_met: bool = False
    item_ids: tuple[int, ...] = ()
    item_level: int = TICKED_LEVEL
    min_years: int | None = None
    location: str = ""
    open_to_work: bool = False
    updated_since: datetime | None = None
    sort: str = DEFAULT_SORT

    def count_cache_key(self) -> str:
        """One cache key per set of conditions; the sort order does not change how many match."""
        conditions = (
            self.role.pk,
            self.min_score,
            self.must_haves_met,
            self.item_ids,
            self.item_level if self.item_ids else None,
            self.min_years,
            self.location.casefold(),
            self.open_to_work,
            self.updated_since.isoformat() if self.updated_since else None,
        )
        digest = hashlib.sha256(repr(conditions).encode()).hexdigest()[:32]
        return f"skills:candidate-count:{digest}"


def candidate_matches(*, filters: CandidateFilters) -> QuerySet[RoleMatch]:
    """Visible candidates' stored matches with the role, filtered and ranked, with profile and user."""
    return ranked_matches(filters=filters).filter(visible_lookup("profile__")).select_related("profile__user")


def ranked_matches(*, filters: CandidateFilters) -> QuerySet[RoleMatch]:
    """The role's matches marked visible, filtered and ranked: what to page through.

    Unfiltered, it reads only the partial index on (role, -score, profile); profile
    conditions join the profile, and each checklist-item condition is an EXISTS on
    the (user, item) unique index. Rows to show must still pass :func:`visible_lookup`.
    """
    matches = RoleMatch.objects.filter(role=filters.role, profile_visible=True)
    if filters.min_score is not None:
        matches = matches.filter(score__gte=filters.min_score)
    if filters.must_haves_met:
        matches = matches.filter(must_haves_missing=0)
    for item_id in filters.item_ids:
        matches = matches.filter(
            Exists(
                Assessment.objects.filter(
                    user_id=OuterRef("profile__user_id"), item_id=item_id, level__gte=filters.item_level
                )
            )
        )
    if filters.min_years is not None:
        matches = matches.filter(profile__years_experience__gte=filters.min_years)
    if filters.location:
        matches = matches.filter(profile__location__icontains=filters.location)
    if filters.open_to_work:
        matches = matches.filter(profile__open_to_work=True)
    if filters.updated_since is not None:
        matches = matches.filter(profile__updated_at__gte=filters.updated_since)
    return matches.order_by(*SORT_ORDERS.get(filters.sort, SORT_ORDERS[DEFAULT_SORT]))


SKILL_BAR_HEIGHT = 28  # px: a full bar is level 4
SKILL_BAR_STEP = 14  # px per skill: a 10-px bar and a 4-px gap


@lru_cache(maxsize=256)
def _one_decimal(value: float, language: str | None) -> str:
    """``value`` with one decimal in the active language's notation; the language is part of the cache key."""
    return number_format(value, decimal_pos=1)


@dataclass(frozen=True)
class SkillLevel:
    """A candidate's average level on one skill, over all of the skill's items (unassessed = 0)."""

    skill: Skill
    average: float
    position: int  # place in growth order: where its bar stands in the compact chart
    name: str  # the skill's name in the active language, read once per page rather than once per row

    @cached_property
    def label(self) -> str:
        return _one_decimal(self.average, get_language())

    @property
    def bar_x(self) -> int:
        return self.position * SKILL_BAR_STEP

    @property
    def bar_height(self) -> int:
        return round(self.average * SKILL_BAR_HEIGHT / Level.TEACH)


def skills_with_item_counts() -> list[Skill]:
    return list(Skill.objects.annotate(item_count=Count("items")).order_by("growth_stage", "order", "name"))


def skill_levels_for_users(*, user_ids: Iterable[int], skills: list[Skill]) -> dict[int, list[SkillLevel]]:
    """Levels per skill for many users with one aggregate query (for a page of candidates)."""
    user_ids = list(user_ids)
    names = [str(skill.name) for skill in skills]
    totals: dict[int, dict[int, int]] = defaultdict(dict)
    if user_ids:
        rows = (
            Assessment.objects.filter(user_id__in=user_ids)
            .values("user_id", "item__skill_id")
            .annotate(total=Sum("level"))
            .order_by()
        )
        for row in rows:
            totals[row["user_id"]][row["item__skill_id"]] = row["total"]
    return {
        user_id: [
            SkillLevel(
                skill=skill,
                average=(totals[user_id].get(skill.pk, 0) / skill.item_count) if skill.item_count else 0.0,
                position=position,
                name=name,
            )
            for position, (skill, name) in enumerate(zip(skills, names, strict=True))
        ]
        for user_id in user_ids
    }


@dataclass
class SkillAssessments:
    """One skill with the candidate's assessed items under it, for the detail page."""

    skill: Skill
    assessments: list[Assessment] = field(default_factory=list)


def candidate_assessments(*, profile: EngineerProfile) -> list[SkillAssessments]:
    """The candidate's assessed items grouped by skill in growth order, with evidence; one query."""
    grouped: dict[int, SkillAssessments] = {}
    assessments = (
        Assessment.objects.filter(user_id=profile.user_id, level__gt=Level.NONE)
        .select_related("item__skill")
        .order_by("item__skill__growth_stage", "item__skill__order", "item__skill__name", "item__order", "item__name")
    )
    for assessment in assessments:
        skill = assessment.item.skill
        grouped.setdefault(skill.pk, SkillAssessments(skill=skill)).assessments.append(assessment)
    return list(grouped.values())


def candidate_role_matches(*, profile: EngineerProfile) -> list[RoleMatch]:
    """The candidate's stored match with every published role, best first."""
    return list(
        RoleMatch.objects.filter(profile=profile, role__published=True)
        .select_related("role")
        .order_by("-score", "role__order", "role__title")
    )


def shortlists_for(*, recruiter: AbstractBaseUser) -> QuerySet[Shortlist]:
    """Only the recruiter's own shortlists; another recruiter's lists are never reachable."""
    return Shortlist.objects.filter(recruiter=recruiter)


def shortlists_with_counts(*, recruiter: AbstractBaseUser) -> QuerySet[Shortlist]:
    """The recruiter's shortlists, each counting only candidates who are still visible."""
    return shortlists_for(recruiter=recruiter).annotate(
        visible_count=Count("entries", filter=visible_lookup("entries__profile__"))
    )


def visible_entries(*, shortlist: Shortlist) -> QuerySet[ShortlistEntry]:
    """Entries of a shortlist whose candidate is still visible; hidden ones are kept, not shown."""
    return (
        shortlist.entries.filter(visible_lookup("profile__"))
        .select_related("profile__user", "profile__target_role")
        .order_by("-added_at", "-pk")
    )


def shortlist_memberships(*, recruiter: AbstractBaseUser, profile_ids: Iterable[int]) -> dict[int, set[int]]:
    """For each profile, the ids of the recruiter's shortlists it is on; one query for a page."""
    memberships: dict[int, set[int]] = defaultdict(set)
    rows = ShortlistEntry.objects.filter(shortlist__recruiter=recruiter, profile_id__in=list(profile_ids)).values_list(
        "profile_id", "shortlist_id"
    )
    for profile_id, shortlist_id in rows:
        memberships[profile_id].add(shortlist_id)
    return memberships


CANDIDATES_PER_PAGE = 25
CANDIDATE_COUNT_SECONDS = 30


class CandidatePaginator(Paginator):
    """Pages through the ranked candidates of ``filters``, each page in one query (:func:`page_rows`).

    Counting every visible match reads a role's whole index (80,000 entries at
    100,000 engineers), so the total comes from the cache and may lag by up to
    CANDIDATE_COUNT_SECONDS; the rows never do, and :meth:`settle` corrects the
    total whenever a page read from the front shows it to be wrong.

    Deep in a long list, a page in the back half is read from the end, the ranking
    reversed, so the last page costs what the first does instead of a walk past every
    row before it. While the total lags, such a page may be off by as many rows as the
    total is; a front page never is, so a short list always pages exactly.
    """

    read_from_end_after = 10_000  # rows above a page before reading from the end can pay off

    def __init__(self, filters: CandidateFilters, per_page: int):
        super().__init__(ranked_ids(filters=filters), per_page)
        self.filters = filters
        self.cache_key = filters.count_cache_key()

    @cached_property
    def count(self) -> int:
        total = cache.get(self.cache_key)
        if total is None:
            total = self.object_list.count()
            cache.set(self.cache_key, total, CANDIDATE_COUNT_SECONDS)
        return total

    def page(self, number) -> Page:
        """Always a full slice, even where a stale total would cut it short, so :meth:`settle` can see past it."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if self._reads_from_end(number):
            below = self.count - bottom - self.per_page  # rows ranked below this page; negative on a short last page
            rows = page_rows(self.filters, max(below, 0), below + self.per_page, from_end=True)
        else:
            rows = page_rows(self.filters, bottom, bottom + self.per_page)
        return self._get_page(rows, number, self)

    def _reads_from_end(self, number: int) -> bool:
        """Whether page ``number`` lies deep in the back half: far down, with fewer rows below it than above."""
        above = (number - 1) * self.per_page
        return above > self.read_from_end_after and self.count - above - self.per_page < above

    def _remember(self, total: int) -> None:
        if self.__dict__.get("count") == total:
            return
        self.__dict__["count"] = total
        self.__dict__.pop("num_pages", None)
        cache.set(self.cache_key, total, CANDIDATE_COUNT_SECONDS)

    def settle(self, page: Page) -> Page:
        """``page`` with its rows fetched; after a total that proved too high, the right page (one more query).

        A page with fewer rows than a full one tells the exact total; an empty page
        past the first means the total was too high.
        """
        rows = list(page.object_list)
        if not rows and page.number > 1:
            self._remember(self.object_list.count())
            page = self.get_page(page.number)
            rows = list(page.object_list)
        if len(rows) < self.per_page and not self._reads_from_end(page.number):
            self._remember((page.number - 1) * self.per_page + len(rows))
        page.object_list = rows
        return page


@dataclass(frozen=True)
class SkillChart:
    """A candidate's compact skill chart: SVG bars and the same levels as text for screen readers."""

    skill_levels: list[SkillLevel]

    @cached_property
    def bars(self) -> SafeString:
        """The bars as SVG markup.

        Built here rather than in a template loop: 25 rows × 8 skills of template
        lookups cost more than all of the page's queries together. Most bars repeat
        from row to row, so each distinct bar is formatted once.
        """
        return mark_safe(  # noqa: S308  # nosec B308 B703: every part is escaped by format_html in _skill_bar
            "".join(
                _skill_bar(level.bar_x, level.skill.growth_stage, level.bar_height, level.name, level.label)
                for level in self.skill_levels
            )
        )

    @property
    def width(self) -> int:
        return len(self.skill_levels) * SKILL_BAR_STEP

    @cached_property
    def summary(self) -> str:
        return "; ".join(f"{level.name} {level.label}" for level in self.skill_levels)


def skill_charts_for_users(*, user_ids: Iterable[int]) -> dict[int, SkillChart]:
    """The compact skill chart of each user, in two queries whatever their number."""
    levels = skill_levels_for_users(user_ids=user_ids, skills=skills_with_item_counts())
    return {user_id: SkillChart(skill_levels=user_levels) for user_id, user_levels in levels.items()}


@dataclass(frozen=True)
class CandidateRow:
    """One ranked candidate as the list shows it, with the recruiter's shortlists it is on.

    Plain values from one query (``RANKING_VALUES``): building three model instances
    per row cost more than the query itself.
    """

    profile_id: int
    user_id: int
    score: int
    requirements_met: int
    requirements_total: int
    missing_must_have_names: list[str]
    updated_at: datetime
    headline: str
    years_experience: int
    location: str
    open_to_work: bool
    profile_updated_at: datetime
    first_name: str
    last_name: str
    email: str
    shortlist_ids: frozenset[int] = frozenset()

    @property
    def pk(self) -> int:
        """The profile's id, as the shortlist controls expect of a profile."""
        return self.profile_id

    @property
    def display_name(self) -> str:
        return display_name(self.first_name, self.last_name, self.email)


@lru_cache(maxsize=4096)
def _skill_bar(x: int, stage: int, height: int, name: str, label: str) -> SafeString:
    return format_html(
        '<rect class="skill-bar-track" x="{}" y="0" width="10" height="{}"></rect>'
        '<rect class="skill-bar-fill skill-bar-stage-{}" x="{}" y="0" width="10" height="{}">'
        "<title>{}: {} / 4</title></rect>",
        x,
        SKILL_BAR_HEIGHT,
        stage,
        x,
        height,
        name,
        label,
    )


# What a row of the list shows (skills/recruiter/partials/candidate_row.html), named as CandidateRow names it.
RANKING_FIELDS = (
    "profile_id",
    "score",
    "requirements_met",
    "requirements_total",
    "missing_must_have_names",
    "updated_at",
)
RANKING_VALUES = {
    "user_id": F("profile__user_id"),
    "headline": F("profile__headline"),
    "years_experience": F("profile__years_experience"),
    "location": F("profile__location"),
    "open_to_work": F("profile__open_to_work"),
    "profile_updated_at": F("profile__updated_at"),
    "first_name": F("profile__user__first_name"),
    "last_name": F("profile__user__last_name"),
    "email": F("profile__user__email"),
}


T = TypeVar("T")


class _BuiltQueries(threading.local):
    """Ranking queries built in this thread, by filters and slice, the least recently used dropped first.

    Building a ranking query costs more than running it, and a query is a pure function of
    its filters, so there is nothing to expire. Each thread keeps its own: a compiled query
    holds its thread's database connection, and querysets copied with ``.all()`` share
    their subquery.
    """

    size = 512

    def __init__(self):
        self.queries: OrderedDict[tuple, object] = OrderedDict()

    def get(self, key: tuple, build: Callable[[], T]) -> T:
        query = self.queries.get(key)
        if query is None:
            query = self.queries[key] = build()
            if len(self.queries) > self.size:
                self.queries.popitem(last=False)
        else:
            self.queries.move_to_end(key)
        return query


@dataclass(frozen=True)
class CompiledValues:
    """A ``values()`` query compiled to SQL once, then run as often as asked.

    Django compiles a queryset anew on every run; for a page of the ranking that took
    longer than the database did. The rows get the same conversions Django applies
    (JSON, and on SQLite dates and booleans), through the compiler's own converters.
    """

    sql: str
    params: tuple
    names: tuple[str, ...]
    compiler: SQLCompiler
    converters: dict

    @classmethod
    def of(cls, queryset: QuerySet) -> "CompiledValues":
        query = queryset.query
        compiler = query.get_compiler(queryset.db)
        sql, params = compiler.as_sql()
        converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])
        names = (*query.extra_select, *query.values_select, *query.annotation_select)
        return cls(sql, tuple(params), names, compiler, converters)

    def run(self) -> list[dict]:
        with self.compiler.connection.cursor() as cursor:
            cursor.execute(self.sql, self.params)
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        return [dict(zip(self.names, row, strict=True)) for row in rows]


_built_queries = _BuiltQueries()


def _page_rows_query(filters: CandidateFilters, start: int, stop: int, from_end: bool) -> QuerySet:
    ranked = ranked_ids(filters=filters)
    return (
        RoleMatch.objects.filter(
            visible_lookup("profile__"),
            role=filters.role,
            profile_id__in=(ranked.reverse() if from_end else ranked)[start:stop],
        )
        .order_by(*SORT_ORDERS.get(filters.sort, SORT_ORDERS[DEFAULT_SORT]))
        .values(*RANKING_FIELDS, **RANKING_VALUES)
    )


def ranked_ids(*, filters: CandidateFilters) -> QuerySet:
    """The profile ids of the ranking, in order: one index read when unfiltered."""
    return _built_queries.get(
        ("ids", filters), lambda: ranked_matches(filters=filters).values_list("profile_id", flat=True)
    ).all()


def page_rows(filters: CandidateFilters, start: int, stop: int, *, from_end: bool = False) -> list[dict]:
    """The rows ranked ``start`` to ``stop`` (counted from the end when ``from_end``), as a list row shows them.

    Only the page's own ids are joined to profile and user, not every row ranked above them.
    """
    compiled = _built_queries.get(
        ("rows", filters, start, stop, from_end),
        lambda: CompiledValues.of(_page_rows_query(filters, start, stop, from_end)),
    )
    return compiled.run()


@dataclass(frozen=True)
class CandidatePage:
    page: Page
    rows: list[CandidateRow]
    shortlists: list[Shortlist]


def candidate_page(*, filters: CandidateFilters, page_number: str | None, recruiter: AbstractBaseUser) -> CandidatePage:
    """One page of ranked candidates in a fixed number of queries, whatever the page size or total.

    A page number that is not a number gives the first page, one past the end the last.
    The skill charts are left to :mod:`skills.candidate_rows`, which draws them only for rows not cached.
    """
    paginator = CandidatePaginator(filters, CANDIDATES_PER_PAGE)
    page = paginator.settle(paginator.get_page(page_number))
    ranked = page.object_list
    shortlists = recruiter_shortlists(recruiter=recruiter)
    memberships = (
        shortlist_memberships(recruiter=recruiter, profile_ids=[values["profile_id"] for values in ranked])
        if shortlists
        else {}
    )
    rows = [
        CandidateRow(**values, shortlist_ids=frozenset(memberships.get(values["profile_id"], ()))) for values in ranked
    ]
    return CandidatePage(page=page, rows=rows, shortlists=shortlists)


def display_name(first_name: str, last_name: str, email: str) -> str:
    """A candidate's name as recruiters see it: the full name, else the e-mail address."""
    return f"{first_name} {last_name}".strip() or email


def candidate_display_name(user: AbstractBaseUser) -> str:
    return display_name(user.first_name, user.last_name, user.email)
