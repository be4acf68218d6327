"""The benchmarks' shapes: the engineer's standings and the market map, as the pages show them (k-anonymous)."""

from datetime import datetime

from ninja import Field, Schema


class StandingOut(Schema):
    cohort: str = Field(description="all, role (the same target role) or seniority (the same seniority).")
    shares: list[int] | None = Field(
        description="Percent of the cohort at levels 0–4; null when the cohort is too small to show."
    )
    band: int | None = Field(
        description="You are among the top N % (10 to 90, a multiple of 10); null when too few to show, at level 0 "
        "(not started), or when with_most is true."
    )
    with_most: bool = Field(
        description='More than 90 % of the cohort stand at your level or higher: the page says so ("nearly everyone '
        'counted stands at your level or higher") instead of a band (which would read "among the top 100 %").'
    )


class SubjectOut(Schema):
    name: str
    level: int = Field(
        description="Your level now (a skill's: the mean of its items, halves up); 0 also while not rated (see rated)."
    )
    rated: bool = Field(
        alias="is_rated",
        description="Whether you rated it (a skill: any of its items): false reads not yet rated, not 0.",
    )
    standings: list[StandingOut]


class SkillBenchmarkOut(Schema):
    skill: SubjectOut
    items: list[SubjectOut]


class BenchmarksOut(Schema):
    snapshot_at: datetime | None = Field(description="When the snapshot was built; null until the first one is.")
    min_cohort: int = Field(description="Nothing is published over fewer engineers than this.")
    skills: list[SkillBenchmarkOut]


class DemandOut(Schema):
    roles_required: int
    roles_nice: int
    searches_required: int | None = Field(description="null: fewer than min_cohort, too few to show.")
    searches_nice: int | None
    vacancies_required: int | None
    vacancies_nice: int | None


class MarketRowOut(Schema):
    name: str
    item_id: int | None
    tool_slug: str | None
    level_asked: int
    demand: DemandOut
    supply: int | None = Field(description="Percent of engineers who count in at or above the level asked.")


class MarketOut(Schema):
    snapshot_at: datetime | None
    min_cohort: int
    items: list[MarketRowOut] = Field(description="Scarcest first.")
    tools: list[MarketRowOut]
