"""Shortlist and profile-view services: ownership, visibility and validation in one place."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from recruiting.models import ProfileView, ShortlistEntry
from recruiting.services.shortlists import (
    add_to_shortlist,
    create_shortlist,
    delete_shortlist,
    record_profile_view,
    remove_from_shortlist,
    set_shortlist_note,
)
from skills.models import EngineerProfile
from tests.factories import (
    EngineerProfileFactory,
    RecruiterFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    SuperuserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

VISIBLE = EngineerProfile.Visibility.RECRUITERS
PRIVATE = EngineerProfile.Visibility.PRIVATE


@pytest.fixture
def recruiter():
    return RecruiterFactory()


@pytest.fixture
def visible():
    return EngineerProfileFactory(user=UserFactory(password=None), visibility=VISIBLE)


@pytest.fixture
def private():
    return EngineerProfileFactory(user=UserFactory(password=None), visibility=PRIVATE)


def test_create_shortlist_strips_the_name(recruiter):
    assert create_shortlist(recruiter=recruiter, name="  Lakehouse  ").name == "Lakehouse"


def test_create_shortlist_refuses_a_blank_or_duplicate_name(recruiter):
    create_shortlist(recruiter=recruiter, name="Spark")
    with pytest.raises(ValidationError):
        create_shortlist(recruiter=recruiter, name="   ")
    with pytest.raises(ValidationError, match="already have a shortlist"):
        create_shortlist(recruiter=recruiter, name="Spark")
    assert recruiter.shortlists.count() == 1


def test_two_recruiters_may_use_the_same_name(recruiter):
    create_shortlist(recruiter=recruiter, name="Spark")
    assert create_shortlist(recruiter=RecruiterFactory(), name="Spark").name == "Spark"


def test_superuser_may_create_a_shortlist():
    assert create_shortlist(recruiter=SuperuserFactory(), name="Admin list").pk


def test_adding_twice_keeps_one_entry(recruiter, visible):
    shortlist = ShortlistFactory(recruiter=recruiter)
    first = add_to_shortlist(recruiter=recruiter, shortlist=shortlist, profile=visible)
    second = add_to_shortlist(recruiter=recruiter, shortlist=shortlist, profile=visible)
    assert first.pk == second.pk
    assert shortlist.entries.count() == 1


def test_a_private_profile_cannot_be_added(recruiter, private):
    shortlist = ShortlistFactory(recruiter=recruiter)
    with pytest.raises(ValidationError):
        add_to_shortlist(recruiter=recruiter, shortlist=shortlist, profile=private)
    assert not shortlist.entries.exists()


def test_nobody_writes_to_another_recruiters_shortlist(recruiter, visible):
    theirs = ShortlistFactory()
    entry = ShortlistEntryFactory(shortlist=theirs, profile=visible, note="theirs")
    with pytest.raises(PermissionDenied):
        add_to_shortlist(recruiter=recruiter, shortlist=theirs, profile=EngineerProfileFactory(visibility=VISIBLE))
    with pytest.raises(PermissionDenied):
        set_shortlist_note(recruiter=recruiter, shortlist=theirs, profile=visible, note="mine now")
    with pytest.raises(PermissionDenied):
        remove_from_shortlist(recruiter=recruiter, shortlist=theirs, profile=visible)
    with pytest.raises(PermissionDenied):
        delete_shortlist(recruiter=recruiter, shortlist=theirs)
    entry.refresh_from_db()
    assert entry.note == "theirs"


def test_remove_reports_whether_the_candidate_was_on_the_list(recruiter, visible):
    shortlist = ShortlistFactory(recruiter=recruiter)
    ShortlistEntryFactory(shortlist=shortlist, profile=visible)
    assert remove_from_shortlist(recruiter=recruiter, shortlist=shortlist, profile=visible) is True
    assert remove_from_shortlist(recruiter=recruiter, shortlist=shortlist, profile=visible) is False


def test_note_is_stripped_and_saved(recruiter, visible):
    entry = ShortlistEntryFactory(shortlist=ShortlistFactory(recruiter=recruiter), profile=visible)
    set_shortlist_note(recruiter=recruiter, shortlist=entry.shortlist, profile=visible, note="  call Monday ")
    entry.refresh_from_db()
    assert entry.note == "call Monday"


def test_too_long_note_changes_nothing(recruiter, visible):
    entry = ShortlistEntryFactory(shortlist=ShortlistFactory(recruiter=recruiter), profile=visible, note="keep")
    with pytest.raises(ValidationError):
        set_shortlist_note(recruiter=recruiter, shortlist=entry.shortlist, profile=visible, note="x" * 1001)
    entry.refresh_from_db()
    assert entry.note == "keep"


def test_note_on_a_candidate_who_went_private_is_refused(recruiter, visible):
    entry = ShortlistEntryFactory(shortlist=ShortlistFactory(recruiter=recruiter), profile=visible, note="keep")
    visible.visibility = PRIVATE
    visible.save()
    with pytest.raises(ValidationError):
        set_shortlist_note(recruiter=recruiter, shortlist=entry.shortlist, profile=visible, note="new")
    assert ShortlistEntry.objects.get(pk=entry.pk).note == "keep"


def test_note_for_a_candidate_not_on_the_list_is_not_found(recruiter, visible):
    with pytest.raises(ShortlistEntry.DoesNotExist):
        set_shortlist_note(
            recruiter=recruiter, shortlist=ShortlistFactory(recruiter=recruiter), profile=visible, note="x"
        )


def test_delete_shortlist_removes_entries_but_not_profiles(recruiter, visible):
    shortlist = ShortlistFactory(recruiter=recruiter)
    ShortlistEntryFactory(shortlist=shortlist, profile=visible)
    delete_shortlist(recruiter=recruiter, shortlist=shortlist)
    assert not ShortlistEntry.objects.exists()
    assert EngineerProfile.objects.filter(pk=visible.pk).exists()


def test_profile_view_is_recorded_with_recruiter_and_time(recruiter, visible):
    record_profile_view(recruiter=recruiter, profile=visible)
    view = ProfileView.objects.get()
    assert (view.recruiter, view.profile) == (recruiter, visible)
    assert view.viewed_at is not None


def test_profile_view_of_a_private_profile_is_refused(recruiter, private):
    with pytest.raises(ValidationError):
        record_profile_view(recruiter=recruiter, profile=private)
    assert not ProfileView.objects.exists()
