"""The skills models, one module per sub-domain, imported here so every model is ``skills.models.X``."""

from skills.models.assessments import Assessment, AssessmentChange
from skills.models.benchmarks import BenchmarkCell, BenchmarkSnapshot, Cohort, MarketCell, Seniority
from skills.models.checklist import ChecklistItem, ChecklistItemQuerySet, Skill, SkillQuerySet
from skills.models.levels import TICKED_LEVEL, GrowthStage, Level
from skills.models.matches import RoleMatch, RoleMatchQuerySet
from skills.models.phrases import ItemPhrase, UnrecognisedTerm, UnrecognisedTermReader, VacancyCue
from skills.models.profiles import YEARS_EXPERIENCE_MAX, EngineerProfile, ProfileQuerySet, visible_to_recruiters_lookup
from skills.models.recomputes import RoleRecompute
from skills.models.resources import Resource, ResourceQuerySet
from skills.models.roles import Role, RoleQuerySet, RoleRequirement
from skills.models.saved_vacancies import SavedVacancy, SavedVacancyQuerySet
from skills.models.sharing import ShareLink, ShareLinkQuerySet, ShareLinkView
from skills.models.states import ItemState, ResourceDone
from skills.validators import http_url_validator

__all__ = [
    "TICKED_LEVEL",
    "YEARS_EXPERIENCE_MAX",
    "Assessment",
    "AssessmentChange",
    "BenchmarkCell",
    "BenchmarkSnapshot",
    "ChecklistItem",
    "ChecklistItemQuerySet",
    "Cohort",
    "EngineerProfile",
    "GrowthStage",
    "ItemPhrase",
    "ItemState",
    "Level",
    "MarketCell",
    "ProfileQuerySet",
    "Resource",
    "ResourceDone",
    "ResourceQuerySet",
    "Role",
    "RoleMatch",
    "RoleMatchQuerySet",
    "RoleQuerySet",
    "RoleRecompute",
    "RoleRequirement",
    "SavedVacancy",
    "SavedVacancyQuerySet",
    "Seniority",
    "ShareLink",
    "ShareLinkQuerySet",
    "ShareLinkView",
    "Skill",
    "SkillQuerySet",
    "UnrecognisedTerm",
    "UnrecognisedTermReader",
    "VacancyCue",
    "http_url_validator",
    "visible_to_recruiters_lookup",
]
