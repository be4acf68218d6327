"""Writes for a recruiter's shortlists with private notes, and the audit of the profiles they open.

The services keep the rules of the data: a recruiter's lists are their own, and only a candidate visible to
recruiters can be listed, noted or viewed.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from recruiting.models import ContactRequest, ProfileView, Shortlist, ShortlistEntry, Stage, StageChange
from recruiting.selectors.candidates import roles_for_recruiter
from recruiting.selectors.contacts import latest_request
from recruiting.selectors.recruiters import has_named_themselves
from recruiting.services.outreach import count_outreach_later
from recruiting.services.recruiters import UnnamedRecruiter
from skills.models import EngineerProfile, Role

NOTE_MAX_LENGTH = ShortlistEntry._meta.get_field("note").max_length


def _require_visible(profile: EngineerProfile) -> None:
    if not profile.is_visible_to_recruiters:
        raise ValidationError(_("This candidate is not visible to recruiters."))


def require_owner(shortlist: Shortlist, recruiter: AbstractBaseUser) -> None:
    """A recruiter's shortlists are their own: anyone else is refused."""
    if shortlist.recruiter_id != recruiter.pk:
        raise PermissionDenied(_("This shortlist belongs to another recruiter."))


def _require_role_for(recruiter: AbstractBaseUser, role: Role | None) -> None:
    if role is not None and not roles_for_recruiter(recruiter=recruiter).filter(pk=role.pk).exists():
        raise ValidationError({"role": _("Choose a published role or one of your own vacancy searches.")})


@transaction.atomic
def create_shortlist(*, recruiter: AbstractBaseUser, name: str, role: Role | None = None) -> Shortlist:
    """A new named shortlist, for a role if given; names are unique per recruiter."""
    name = name.strip()
    if Shortlist.objects.filter(recruiter=recruiter, name=name).exists():
        raise ValidationError({"name": _("You already have a shortlist called “%(name)s”.") % {"name": name}})
    _require_role_for(recruiter, role)
    shortlist = Shortlist(recruiter=recruiter, name=name, role=role)
    shortlist.full_clean()
    shortlist.save()
    return shortlist


@transaction.atomic
def set_shortlist_role(*, recruiter: AbstractBaseUser, shortlist: Shortlist, role: Role | None) -> Shortlist:
    """The role the shortlist is for: its scores and the overview's rows follow it."""
    require_owner(shortlist, recruiter)
    _require_role_for(recruiter, role)
    shortlist.role = role
    shortlist.save(update_fields=["role"])
    count_outreach_later(recruiter_id=recruiter.pk)
    return shortlist


@transaction.atomic
def move_to_stage(*, recruiter: AbstractBaseUser, entry: ShortlistEntry, stage: str) -> ShortlistEntry:
    """Move a shortlisted, visible candidate to ``stage``, with an audit row (from, to, by whom, when); moving to
    the stage it is in changes nothing."""
    require_owner(entry.shortlist, recruiter)
    _require_visible(entry.profile)
    if stage not in Stage.values:
        raise ValidationError({"stage": _("Choose one of the stages.")})
    entry = ShortlistEntry.objects.select_for_update().select_related("shortlist", "profile").get(pk=entry.pk)
    if entry.stage == stage:
        return entry
    now = timezone.now()
    StageChange.objects.create(
        entry=entry, from_stage=entry.stage, to_stage=stage, changed_by=recruiter, changed_at=now
    )
    entry.stage, entry.stage_changed_at = stage, now
    entry.save(update_fields=["stage", "stage_changed_at"])
    return entry


def stage_reached_by(contact_request: ContactRequest | None) -> str:
    """The stage a recruiter's contact request has brought its candidate to: "accepted" while it is accepted,
    "contacted" once sent (and after a decline, a lapse or a withdrawn acceptance: they were contacted), "to
    contact" without a request. Entries follow it as the request moves, and a candidate shortlisted later starts
    there."""
    if contact_request is None:
        return Stage.TO_CONTACT
    if contact_request.status == ContactRequest.Status.ACCEPTED:
        return Stage.ACCEPTED
    return Stage.CONTACTED


def follow_contact(*, contact_request: ContactRequest) -> None:
    """Move the recruiter's entries of the request's candidate forward to :func:`stage_reached_by` the request
    (sent: contacted; accepted: accepted), with the same audit as a move by hand: only from an earlier stage, so
    never back and never out of "not a fit" (the last). Runs inside the contact request's transaction."""
    stage = stage_reached_by(contact_request)
    earlier = Stage.values[: Stage.values.index(stage)]
    _move_entries(
        recruiter=contact_request.recruiter, profile=contact_request.profile, from_stages=earlier, to_stage=stage
    )


def follow_withdrawal(*, contact_request: ContactRequest) -> None:
    """Take the recruiter's entries of the candidate that stand at "accepted" back to where the withdrawn request
    leaves them ("contacted") once the engineer withdrew the acceptance: the stage no longer holds. Later stages
    are the recruiter's own moves and stay."""
    _move_entries(
        recruiter=contact_request.recruiter,
        profile=contact_request.profile,
        from_stages=[Stage.ACCEPTED],
        to_stage=stage_reached_by(contact_request),
    )


def _move_entries(
    *, recruiter: AbstractBaseUser, profile: EngineerProfile, from_stages: list[str], to_stage: str
) -> None:
    entries = list(
        ShortlistEntry.objects.select_for_update().filter(
            shortlist__recruiter=recruiter, profile=profile, stage__in=from_stages
        )
    )
    now = timezone.now()
    StageChange.objects.bulk_create(
        StageChange(entry=entry, from_stage=entry.stage, to_stage=to_stage, changed_by=recruiter, changed_at=now)
        for entry in entries
    )
    ShortlistEntry.objects.filter(pk__in=[entry.pk for entry in entries]).update(stage=to_stage, stage_changed_at=now)


@transaction.atomic
def delete_shortlist(*, recruiter: AbstractBaseUser, shortlist: Shortlist) -> None:
    """Remove a shortlist with its entries and notes."""
    require_owner(shortlist, recruiter)
    shortlist.delete()
    if shortlist.role_id:
        count_outreach_later(recruiter_id=recruiter.pk)


@transaction.atomic
def add_to_shortlist(*, recruiter: AbstractBaseUser, shortlist: Shortlist, profile: EngineerProfile) -> ShortlistEntry:
    """Put a visible candidate on the recruiter's shortlist, at the stage the recruiter's latest contact request
    with them reached (:func:`stage_reached_by`); adding twice keeps one entry."""
    require_owner(shortlist, recruiter)
    _require_visible(profile)
    stage = stage_reached_by(latest_request(recruiter=recruiter, profile=profile))
    entry, created = ShortlistEntry.objects.get_or_create(
        shortlist=shortlist, profile=profile, defaults={"stage": stage}
    )
    if created and shortlist.role_id:
        count_outreach_later(recruiter_id=recruiter.pk)
    return entry


@transaction.atomic
def remove_from_shortlist(*, recruiter: AbstractBaseUser, shortlist: Shortlist, profile: EngineerProfile) -> bool:
    """Take a candidate off the shortlist (with the note); False when they were not on it."""
    require_owner(shortlist, recruiter)
    deleted, _by_model = ShortlistEntry.objects.filter(shortlist=shortlist, profile=profile).delete()
    if deleted and shortlist.role_id:
        count_outreach_later(recruiter_id=recruiter.pk)
    return bool(deleted)


@transaction.atomic
def set_shortlist_note(
    *, recruiter: AbstractBaseUser, shortlist: Shortlist, profile: EngineerProfile, note: str
) -> ShortlistEntry:
    """Replace the recruiter's private note on one shortlisted, visible candidate."""
    require_owner(shortlist, recruiter)
    _require_visible(profile)
    note = note.strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError(
            {"note": _("Keep the note to %(limit)d characters or fewer.") % {"limit": NOTE_MAX_LENGTH}}
        )
    entry = ShortlistEntry.objects.select_for_update().get(shortlist=shortlist, profile=profile)
    entry.note = note
    entry.full_clean(exclude=["shortlist", "profile"])
    entry.save(update_fields=["note"])
    return entry


def record_profile_view(*, recruiter: AbstractBaseUser, profile: EngineerProfile) -> None:
    """Keep the audit row the engineer sees: which recruiter opened their profile, and when.
    A recruiter's views on one day (the portal's time zone) are one view, dated at the latest: reloading the page
    is not another visit, so "who viewed my profile" counts the days a recruiter came, not their reloads.
    A recruiter who has not named themselves is refused (UnnamedRecruiter) before anything is kept: the engineer
    sees each viewer by the name and company they gave."""
    _require_visible(profile)
    if not has_named_themselves(recruiter=recruiter):
        raise UnnamedRecruiter
    now = timezone.now()
    # An update first: a reload costs one query, on the primary (a replica may not have the day's view yet).
    same_day = ProfileView.objects.filter(recruiter=recruiter, profile=profile, viewed_at__date=timezone.localdate(now))
    if same_day.update(viewed_at=now):
        return
    # The day's first view. A request that opened the profile at the same moment may store it first: the database
    # keeps one view a day (ProfileView's constraint), and this insert then stores nothing instead of failing.
    ProfileView.objects.bulk_create(
        [ProfileView(recruiter=recruiter, profile=profile, viewed_at=now)], ignore_conflicts=True
    )
