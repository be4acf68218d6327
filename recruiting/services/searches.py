"""A recruiter's saved vacancy searches, ranked through stored matches like a role.

Rules (one home each, here):

- a search is its owner's alone: every page reads it through :func:`recruiting.selectors.searches.own_searches` (anyone else gets a 404);
- its requirements are the ``RoleRequirement`` rows of a private role of kind "search", never published, so no
  engineer's page, role list or API lists it (``Role.objects.published()``) and no tick refreshes it
  (``Role.objects.editorial()``);
- ranking it is the role recompute job (:func:`skills.services.recomputes.request_role_recompute`), queued when it is saved
  and by "Rank again"; the candidate list then reads its stored matches, with visibility applied when it is read;
- a requirement the recruiter sets follows the vacancy rule of :mod:`skills.vacancies.fit`: a must-have
  weighs ``REQUIRED_WEIGHT``, a nice-to-have ``NICE_WEIGHT``;
- the owner may propose it to the editors: a proposal (``SearchProposal``) is a frozen copy of its title and
  requirements; the owner's later change of what it asks makes a new proposal that replaces it (proposing again
  unchanged, or with another note, keeps the one proposal), and an editor publishes a current proposal, as it was
  frozen, as an ordinary role in one step (:func:`recruiting.services.publishing.publish_proposal`).
"""

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from recruiting.models import SearchProposal, VacancySearch
from skills.models import YEARS_EXPERIENCE_MAX, ChecklistItem, Level, Role, RoleRecompute, RoleRequirement
from skills.scoring import RequirementSpec
from skills.services.recomputes import reclaim_stale_recomputes, request_role_recompute
from skills.vacancies.fit import NICE_WEIGHT, REQUIRED_WEIGHT, vacancy_requirements
from skills.vacancies.limits import validate_vacancy_text
from skills.vacancies.reading import VacancyReading, title_of
from skills.vacancies.requirements import Requirements

SEARCH_REQUIREMENTS_MAX = 60
TITLE_MAX_LENGTH = VacancySearch._meta.get_field("title").max_length
NOTE_MAX_LENGTH = VacancySearch._meta.get_field("proposal_note").max_length
LOCATION_MAX_LENGTH = VacancySearch._meta.get_field("location").max_length


@dataclass(frozen=True)
class Requirement:
    """One requirement of a search as the recruiter sets it: the weight follows from must-have or nice-to-have."""

    item: ChecklistItem
    min_level: int
    is_must_have: bool

    @property
    def weight(self) -> int:
        return REQUIRED_WEIGHT if self.is_must_have else NICE_WEIGHT


def requirements_from_specs(specs: Sequence[RequirementSpec]) -> list[Requirement]:
    """The vacancy rule's specs (``skills.vacancies.fit.vacancy_requirements``) as a search's requirements."""
    items = ChecklistItem.objects.in_bulk([spec.item_id for spec in specs])
    return [
        Requirement(item=items[spec.item_id], min_level=spec.min_level, is_must_have=spec.is_must_have)
        for spec in specs
        if spec.item_id in items
    ]


def _clean_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Give the search a title.")})
    if len(title) > TITLE_MAX_LENGTH:
        raise ValidationError(
            {"title": _("Keep the title to %(limit)d characters or fewer.") % {"limit": TITLE_MAX_LENGTH}}
        )
    return title


def _validate_requirements(requirements: Sequence[Requirement]) -> None:
    if len(requirements) > SEARCH_REQUIREMENTS_MAX:
        raise ValidationError(_("A search may have at most %(limit)d items.") % {"limit": SEARCH_REQUIREMENTS_MAX})
    items = [requirement.item.pk for requirement in requirements]
    if len(set(items)) != len(items):
        raise ValidationError(_("Each checklist item may appear once."))
    for requirement in requirements:
        if requirement.min_level not in Level.values or requirement.min_level < Level.LEARNING:
            raise ValidationError(_("Choose a needed level from 1 (learning) to 4 (can teach others)."))


def replace_requirements(*, role: Role, requirements: Iterable[Requirement | RoleRequirement]) -> None:
    """The role's requirements become ``requirements``, all of them at once (the caller's transaction): a search's
    as its recruiter sets them, a proposal's (unsaved rows) as it was frozen when an editor publishes it."""
    RoleRequirement.objects.filter(role=role).delete()
    RoleRequirement.objects.bulk_create(
        RoleRequirement(
            role=role,
            item=requirement.item,
            min_level=requirement.min_level,
            weight=requirement.weight,
            is_must_have=requirement.is_must_have,
        )
        for requirement in requirements
    )


def _require_owner(search: VacancySearch, owner: AbstractBaseUser) -> None:
    if search.owner_id != owner.pk:
        raise PermissionDenied(_("This search belongs to another recruiter."))


def _require_editable(search: VacancySearch) -> None:
    if search.is_published or not search.role.is_search:
        raise ValidationError(_("This search is now a role kept by the editors; it can no longer be changed here."))


@transaction.atomic
def create_search(
    *,
    owner: AbstractBaseUser,
    title: str,
    text: str = "",
    requirements: Sequence[Requirement],
    is_senior: bool = False,
    beyond_skills: Requirements | None = None,
) -> VacancySearch:
    """Save a search with its private role and requirements, and what the vacancy asks besides skills (languages,
    years, location); rank it with :func:`rank_search`."""
    title = _clean_title(title)
    try:
        validate_vacancy_text(text)
    except ValidationError as error:
        raise ValidationError({"text": error.messages}) from error
    _validate_requirements(requirements)
    with override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):  # the English title is the one every role has
        role = Role(
            title=title,
            slug=f"search-{secrets.token_hex(8)}",
            kind=Role.Kind.SEARCH,
            published=False,
            is_senior=is_senior,
        )
        role.full_clean()
        role.save()
    beyond_skills = beyond_skills or Requirements()
    search = VacancySearch(
        owner=owner,
        title=title,
        text=text,
        role=role,
        languages=list(beyond_skills.languages),
        # a number of years no profile can state asks for nothing a filter could use
        years_experience=beyond_skills.years if (beyond_skills.years or 0) <= YEARS_EXPERIENCE_MAX else None,
        location=(beyond_skills.location or "")[:LOCATION_MAX_LENGTH],
    )
    search.full_clean()
    search.save()
    replace_requirements(role=role, requirements=requirements)
    return search


@transaction.atomic
def update_search(
    *, owner: AbstractBaseUser, search: VacancySearch, title: str, requirements: Sequence[Requirement]
) -> VacancySearch:
    """Rename the search and replace its requirements; rank it again with :func:`rank_search`."""
    _require_owner(search, owner)
    search = VacancySearch.objects.select_for_update().select_related("role").get(pk=search.pk)
    _require_editable(search)
    title = _clean_title(title)
    _validate_requirements(requirements)
    search.title = title
    search.full_clean()
    search.save(update_fields=["title", "updated_at"])
    with override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        search.role.title = title
        search.role.save(update_fields=["title", "title_en", "updated_at"])
    replace_requirements(role=search.role, requirements=requirements)
    if search.is_proposed:
        _freeze_proposal(search, note=search.proposal_note)  # the editors review the search as it is now
    return search


def rank_search(*, owner: AbstractBaseUser, search: VacancySearch) -> RoleRecompute:
    """Queue the job that writes every engineer's match with the search; answers at once."""
    _require_owner(search, owner)
    _require_editable(search)  # a published role is recomputed by the editors' changes and every tick
    return request_role_recompute(role=search.role, requested_by=owner)


def _frozen_requirements(search: VacancySearch) -> list[dict]:
    """The search's requirements as a proposal keeps them, named as they are now."""
    return [
        {
            "item": requirement.item_id,
            "item_name": requirement.item.name,
            "skill_name": requirement.item.skill.name,
            "min_level": requirement.min_level,
            "weight": requirement.weight,
            "is_must_have": requirement.is_must_have,
        }
        for requirement in search.role.requirements.select_related("item__skill")
    ]


def _what_is_asked(title: str, is_senior: bool, requirements: list[dict]) -> tuple:
    """What an editor reviews of a proposal: its title, seniority and requirements (in any order; an item renamed
    since still asks the same)."""
    asked = sorted((row["item"], row["min_level"], row["weight"], row["is_must_have"]) for row in requirements)
    return title, is_senior, asked


def _freeze_proposal(search: VacancySearch, *, note: str) -> SearchProposal:
    """The search as it is now, frozen for the editors. While the current proposal asks the same (title, seniority
    and requirements) it stays, with the note written into it: proposing twice (a double submit) or changing the
    note alone gives the editors no copy to review again. Otherwise a new proposal replaces it, and the editors see
    it changed. The caller holds the search's lock and refuses a published search (``_require_editable``)."""
    requirements = _frozen_requirements(search)
    asked_now = _what_is_asked(search.title, search.role.is_senior, requirements)
    current = search.proposals.current().select_for_update().first()
    if current is not None and _what_is_asked(current.title, current.is_senior, current.requirements) == asked_now:
        if current.note != note:
            current.note = note
            current.full_clean()
            current.save(update_fields=["note"])
        return current
    now = timezone.now()
    if current is not None:
        current.replaced_at = now
        current.save(update_fields=["replaced_at"])
    proposal = SearchProposal(
        search=search,
        title=search.title,
        is_senior=search.role.is_senior,
        requirements=requirements,
        note=note,
        proposed_at=now,
        replaces=current,
    )
    proposal.full_clean()
    proposal.save()
    return proposal


@transaction.atomic
def propose_search(*, owner: AbstractBaseUser, search: VacancySearch, note: str = "") -> VacancySearch:
    """Offer the search, as it is now, to the editors as a new role; proposing again updates the note of the
    current proposal, or replaces it where the search asks something else since (:func:`_freeze_proposal`)."""
    _require_owner(search, owner)
    search = VacancySearch.objects.select_for_update().select_related("role").get(pk=search.pk)
    _require_editable(search)
    note = note.strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError(
            {"proposal_note": _("Keep the note to %(limit)d characters or fewer.") % {"limit": NOTE_MAX_LENGTH}}
        )
    search.proposed_at = search.proposed_at or timezone.now()
    search.proposal_note = note
    search.full_clean()
    search.save(update_fields=["proposed_at", "proposal_note", "updated_at"])
    _freeze_proposal(search, note=note)
    return search


@transaction.atomic
def delete_search(*, owner: AbstractBaseUser, search: VacancySearch) -> None:
    """Delete the search with its private role, requirements and stored matches; a published role stays."""
    _require_owner(search, owner)
    search.delete()  # its private role goes too (recruiting.signals)


def delete_search_role(*, search: VacancySearch) -> None:
    """After a search is deleted (with its owner's account, say): its private role and stored matches go too."""
    Role.objects.searches().filter(pk=search.role_id).delete()


def save_reading(*, owner: AbstractBaseUser, title: str, reading: VacancyReading) -> VacancySearch:
    """Save a read vacancy as a search whose requirements are the vacancy rule's (skills.vacancies.fit), and rank
    it."""
    search = create_search(
        owner=owner,
        title=title or title_of(reading.text, max_chars=TITLE_MAX_LENGTH),
        text=reading.text,
        requirements=requirements_from_specs(vacancy_requirements(reading=reading)),
        is_senior=reading.seniority == "senior",
        beyond_skills=reading.requirements,
    )
    rank_search(owner=owner, search=search)
    return search


def requeue_stale_ranking(*, search: VacancySearch) -> None:
    """Queue again a ranking whose worker died, before its state is shown: the page never waits on a dead run."""
    reclaim_stale_recomputes(RoleRecompute.objects.filter(role_id=search.role_id))
