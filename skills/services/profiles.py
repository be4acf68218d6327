"""The engineer's own profile and account: created on first use, edited, deleted with everything of it."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from portal.cache.fragments import forget_person, person_kind, touch
from skills.models import (
    EngineerProfile,
    Role,
)
from skills.privacy.pseudonyms import own_name_parts, random_pseudonym
from skills.services.matches import recompute_matches
from skills.vacancies.services import forget_reader

# What the profile form saves besides the target role, which has its own home (:func:`set_target_role`).
PROFILE_FORM_FIELDS = (
    "headline",
    "years_experience",
    "location",
    "open_to_work",
    "visibility",
    "display_name",
    "identity",
    "counts_in_benchmarks",
    "evidence_public",
)


def get_or_create_profile(*, user: AbstractBaseUser) -> EngineerProfile:
    """The user's profile; a new one has no target role (only the engineer chooses one), a pseudonym that holds
    nothing of the account's name or email address, and its stored matches at once, so it can be ranked before
    any tick."""
    profile = EngineerProfile.objects.filter(user=user).first()
    if profile is None:
        pseudonym = random_pseudonym(avoiding=own_name_parts(user=user))
        profile, created = EngineerProfile.objects.get_or_create(user=user, defaults={"pseudonym": pseudonym})
        if created:
            recompute_matches(profile=profile)
    return profile


@transaction.atomic
def set_target_role(*, user: AbstractBaseUser, role: Role | None) -> EngineerProfile:
    """Make ``role`` the engineer's target role (``None``: no target) and change nothing else of theirs, not where
    their start stands: the one home of "make this my target role", wherever a page offers it, the profile form
    included. A changed target gets the engineer's stored matches written straight away."""
    get_or_create_profile(user=user)
    profile = EngineerProfile.objects.select_for_update().get(user=user)
    target_changed = profile.target_role_id != (role.pk if role else None)
    profile.target_role = role
    profile.save(update_fields=["target_role", "updated_at"])
    touch(person_kind(user.pk))
    if target_changed:
        recompute_matches(profile=profile)
    return profile


@transaction.atomic
def update_profile(
    *,
    user: AbstractBaseUser,
    headline: str,
    years_experience: int,
    location: str,
    target_role: Role | None,
    open_to_work: bool,
    visibility: str,
    display_name: str | None = None,
    identity: str | None = None,
    counts_in_benchmarks: bool | None = None,
    evidence_public: bool | None = None,
) -> EngineerProfile:
    """Save the engineer's own profile; the target role through :func:`set_target_role`, so a new one gets its
    stored matches straight away.

    ``display_name``, ``identity`` (name or pseudonym, what recruiters see), ``counts_in_benchmarks`` and
    ``evidence_public`` (evidence links to every recruiter) are kept as they are when left out.
    """
    profile = EngineerProfile.objects.select_for_update().filter(user=user).first() or get_or_create_profile(user=user)
    visibility_changed = profile.visibility != visibility
    profile.headline = headline.strip()
    profile.years_experience = years_experience
    profile.location = location.strip()
    profile.open_to_work = open_to_work
    profile.visibility = visibility
    if display_name is not None:
        profile.display_name = display_name.strip()
    if identity is not None:
        profile.identity = identity
    if counts_in_benchmarks is not None:  # the anonymous benchmarks: the next snapshot counts them in or out
        profile.counts_in_benchmarks = counts_in_benchmarks
    if evidence_public is not None:
        profile.evidence_public = evidence_public
    profile.full_clean()
    # The rest first: matches that a new target has written at once copy the visibility chosen with it.
    profile.save(update_fields=[*PROFILE_FORM_FIELDS, "updated_at"])
    touch(person_kind(user.pk))
    profile = set_target_role(user=user, role=target_role)
    if visibility_changed:
        profile.matches.update(profile_visible=profile.is_visible_to_recruiters)
    return profile


@transaction.atomic
def delete_account(*, user: AbstractBaseUser) -> None:
    """Remove the account and, through the cascades, every assessment, change, profile, match, saved vacancy and view
    of it.

    The marks it left on the vacancy terms it met go too (they are hashes, not keys of the account), and what the cache
    holds of it, now and again once the deletion commits.
    """
    user_id = user.pk
    user.delete()
    forget_reader(reader_id=user_id)
    forget_person(user_id)
    transaction.on_commit(lambda: forget_person(user_id))
