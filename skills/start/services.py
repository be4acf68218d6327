"""The one-minute start (/skills/start/): choose a target role or none, rate each skill once, see the best fit
(:mod:`skills.start.selectors`).

Its writes go through the same services as the checklist: a skill's rating fills that skill's items not yet
assessed, as a first guess, through :func:`skills.services.assessments.save_assessments`.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from portal.cache.fragments import person_kind, touch
from skills.models import Assessment, ChecklistItem, EngineerProfile, Role, Skill
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import get_or_create_profile, set_target_role

Start = EngineerProfile.Start


def _profile_for_update(user: AbstractBaseUser) -> EngineerProfile:
    get_or_create_profile(user=user)
    return EngineerProfile.objects.select_for_update().get(user=user)


def _save_start(profile: EngineerProfile, *fields: str) -> None:
    profile.save(update_fields=[*fields, "updated_at"])
    touch(person_kind(profile.user_id))  # the checklist offers "Finish your start" until it is done


@transaction.atomic
def choose_start_role(*, user: AbstractBaseUser, role: Role | None) -> EngineerProfile:
    """Step 1: the role the engineer chose becomes their target (:func:`set_target_role`); ``None`` ("not sure yet")
    leaves it as it is. Either way the start moves on to step 2, unless it is done already."""
    if role is not None:
        set_target_role(user=user, role=role)
    profile = _profile_for_update(user)
    if profile.start != Start.DONE:
        profile.start = Start.ROLE
        _save_start(profile, "start")
    return profile


@transaction.atomic
def rate_skills_at_start(*, user: AbstractBaseUser, ratings: dict[Skill, int]) -> EngineerProfile:
    """Step 2: each rated skill's published items that are not assessed yet get that level; the start is done.

    Items the engineer assessed already keep their level: a first guess never overwrites a considered one.
    """
    profile = _profile_for_update(user)
    assessed = Assessment.objects.filter(user=user).values("item_id")
    items = ChecklistItem.objects.published().filter(skill__in=list(ratings)).exclude(pk__in=assessed)
    entries = [AssessmentInput(item=item, level=ratings[item.skill]) for item in items.select_related("skill")]
    if entries:
        save_assessments(user=user, entries=entries)
    profile.start = Start.DONE
    _save_start(profile, "start")
    return profile


@transaction.atomic
def skip_start(*, user: AbstractBaseUser) -> EngineerProfile:
    """ "Skip for now": the engineer is not sent to the start again, and can finish it from the checklist."""
    profile = _profile_for_update(user)
    if profile.start != Start.DONE:
        profile.start = Start.SKIPPED
        _save_start(profile, "start")
    return profile
