"""What the recruiter endpoints read and answer: candidate filters, ranked candidates and one candidate."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from api.schemas.checklist import MISSING_MUST_HAVES, ItemNameOut, LevelOut, RoleRefOut
from api.schemas.common import ItemId, PageOut
from skills.selectors.checklist import item_names

CandidateSort = Literal["score", "experience", "updated"]


class CandidateFiltersIn(Schema):
    # Bounds are documented here and checked by the candidate list's own form, for the same messages.
    role: str | None = Field(None, description="Slug of the published role to rank by; the default role if left out.")
    min_score: int | None = Field(None, json_schema_extra={"minimum": 0, "maximum": 100})
    must_haves_met: bool = False
    items: list[ItemId] = Field(
        default_factory=list,
        description="Checklist item ids the candidate must have (at most 10).",
        json_schema_extra={"maxItems": 10},
    )
    item_level: int | None = Field(
        None,
        description="Minimum level on each of those items (default 2).",
        json_schema_extra={"minimum": 1, "maximum": 4},
    )
    min_years: int | None = Field(None, json_schema_extra={"minimum": 0, "maximum": 60})
    location: str | None = Field(None, json_schema_extra={"maxLength": 100})
    open_to_work: bool = False
    updated_since: date | None = None
    sort: CandidateSort | None = None


class StoredScoreOut(Schema):
    """How far a candidate meets a role, as stored by the last recompute (a ``RoleMatch``)."""

    score: int
    requirements_met: int
    requirements_total: int
    missing_must_haves: list[str] = Field(description=MISSING_MUST_HAVES)

    @staticmethod
    def resolve_missing_must_haves(obj) -> list[str]:
        return item_names(obj.missing_must_have_ids)


class CandidateProfileOut(Schema):
    """Who the candidate is, as far as this recruiter may see."""

    name: str = Field(
        description="The candidate's pseudonym, or their name if they chose to show it or accepted "
        "your contact request."
    )
    email: str | None = Field(description="Only after the candidate accepted your contact request.")
    headline: str
    location: str
    years_experience: int
    open_to_work: bool
    updated_at: datetime


class CandidateOut(StoredScoreOut, CandidateProfileOut):
    """One row of the ranked list: a candidate's match with the role (``obj.profile`` is the candidate)."""

    id: int = Field(alias="profile_id", description="Profile id, for the detail endpoint.")
    # The profile's own fields, read through the match.
    headline: str = Field(alias="profile.headline")
    location: str = Field(alias="profile.location")
    years_experience: int = Field(alias="profile.years_experience")
    open_to_work: bool = Field(alias="profile.open_to_work")
    updated_at: datetime = Field(alias="profile.updated_at")

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.profile.identity_for(revealed=getattr(obj, "identity_revealed", False)).name

    @staticmethod
    def resolve_email(obj) -> str | None:
        return obj.profile.identity_for(revealed=getattr(obj, "identity_revealed", False)).email or None


class CandidatePage(PageOut):
    role: str = Field(description="Slug of the role the list is ranked by.")
    items: list[CandidateOut]


class StoredMatchOut(RoleRefOut, StoredScoreOut):
    pass


class CandidateItemOut(ItemNameOut, LevelOut):
    evidence_url: str


class CandidateSkillOut(Schema):
    skill: str = Field(alias="skill.slug", description="Skill slug.")
    skill_name: str = Field(alias="skill.name")
    average_level: float = Field(
        alias="average",
        description="Average level over all of the skill's checklist items (unassessed = 0), one decimal, "
        "as the portal's pages show it.",
    )
    items: list[CandidateItemOut] = Field(alias="assessments")


class CandidateDetailOut(CandidateProfileOut):
    id: int
    identity_revealed: bool = Field(description="Whether the candidate accepted your contact request.")
    target_role: str | None = Field(description="Slug of the candidate's published target role, if any.")
    matches: list[StoredMatchOut]
    skills: list[CandidateSkillOut]
