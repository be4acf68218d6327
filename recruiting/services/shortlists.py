"""Writes for a recruiter's shortlists with private notes, and the audit of the profiles they open.

The services keep the rules of the data: a recruiter's lists are their own, and only a candidate visible to
recruiters can be listed, noted or viewed.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from recruiting.models import ProfileView, Shortlist, ShortlistEntry
from skills.models import EngineerProfile

NOTE_MAX_LENGTH = ShortlistEntry._meta.get_field("note").max_length


def _require_visible(profile: EngineerProfile) -> None:
    if not profile.is_visible_to_recruiters:
        raise ValidationError(_("This candidate is not visible to recruiters."))


def _require_owner(shortlist: Shortlist, recruiter: AbstractBaseUser) -> None:
    if shortlist.recruiter_id != recruiter.pk:
        raise PermissionDenied(_("This shortlist belongs to another recruiter."))


@transaction.atomic
def create_shortlist(*, recruiter: AbstractBaseUser, name: str) -> Shortlist:
    """A new named shortlist; names are unique per recruiter."""
    name = name.strip()
    if Shortlist.objects.filter(recruiter=recruiter, name=name).exists():
        raise ValidationError({"name": _("You already have a shortlist called “%(name)s”.") % {"name": name}})
    shortlist = Shortlist(recruiter=recruiter, name=name)
    shortlist.full_clean()
    shortlist.save()
    return shortlist


@transaction.atomic
def delete_shortlist(*, recruiter: AbstractBaseUser, shortlist: Shortlist) -> None:
    """Remove a shortlist with its entries and notes."""
    _require_owner(shortlist, recruiter)
    shortlist.delete()


@transaction.atomic
def add_to_shortlist(*, recruiter: AbstractBaseUser, shortlist: Shortlist, profile: EngineerProfile) -> ShortlistEntry:
    """Put a visible candidate on the recruiter's shortlist; adding twice keeps one entry."""
    _require_owner(shortlist, recruiter)
    _require_visible(profile)
    entry, _created = ShortlistEntry.objects.get_or_create(shortlist=shortlist, profile=profile)
    return entry


@transaction.atomic
def remove_from_shortlist(*, recruiter: AbstractBaseUser, shortlist: Shortlist, profile: EngineerProfile) -> bool:
    """Take a candidate off the shortlist (with the note); False when they were not on it."""
    _require_owner(shortlist, recruiter)
    deleted, _by_model = ShortlistEntry.objects.filter(shortlist=shortlist, profile=profile).delete()
    return bool(deleted)


@transaction.atomic
def set_shortlist_note(
    *, recruiter: AbstractBaseUser, shortlist: Shortlist, profile: EngineerProfile, note: str
) -> ShortlistEntry:
    """Replace the recruiter's private note on one shortlisted, visible candidate."""
    _require_owner(shortlist, recruiter)
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


def record_profile_view(*, recruiter: AbstractBaseUser, profile: EngineerProfile) -> ProfileView:
    """Keep the audit row the engineer sees: which recruiter opened their profile, and when."""
    _require_visible(profile)
    return ProfileView.objects.create(recruiter=recruiter, profile=profile)
