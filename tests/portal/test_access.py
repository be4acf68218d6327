"""Permissions and two-factor status come from the cache, yet a change counts at the very next request."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.guards.access import has_mfa
from portal.guards.roles import RECRUITERS
from tests.factories import RecruiterFactory

pytestmark = pytest.mark.django_db

CANDIDATES = reverse("recruiting:candidate-list")


@pytest.fixture
def recruiter_client(client):
    recruiter = RecruiterFactory()
    client.force_login(recruiter)
    client.recruiter = recruiter
    return client


def fresh(user):
    """The user as the next request loads it: no permissions remembered on the object."""
    return type(user).objects.get(pk=user.pk)


def test_permissions_and_mfa_status_are_read_once_then_from_the_cache(recruiter_client):
    recruiter = recruiter_client.recruiter
    assert fresh(recruiter).has_perm("skills.view_candidates") and has_mfa(recruiter)
    user = fresh(recruiter)
    with CaptureQueriesContext(connection) as captured:
        assert user.has_perm("skills.view_candidates")
        assert has_mfa(user)
    assert captured.captured_queries == []


def test_leaving_the_recruiters_group_closes_the_pages_at_once(recruiter_client):
    assert recruiter_client.get(CANDIDATES).status_code == 200
    recruiter_client.recruiter.groups.remove(Group.objects.get(name=RECRUITERS))
    assert recruiter_client.get(CANDIDATES).status_code == 403


def test_a_permission_taken_from_the_group_counts_at_once(recruiter_client):
    assert recruiter_client.get(CANDIDATES).status_code == 200
    Group.objects.get(name=RECRUITERS).permissions.remove(Permission.objects.get(codename="view_candidates"))
    assert recruiter_client.get(CANDIDATES).status_code == 403


def test_removing_the_authenticator_app_asks_for_a_new_one_at_once(recruiter_client):
    assert recruiter_client.get(CANDIDATES).status_code == 200
    Authenticator.objects.filter(user=recruiter_client.recruiter).delete()
    response = recruiter_client.get(CANDIDATES)
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa-required"))


def test_a_new_superuser_gets_every_permission_at_once(recruiter_client):
    recruiter = recruiter_client.recruiter
    assert not fresh(recruiter).has_perm("catalog.change_tool")
    recruiter.is_superuser = True
    recruiter.save()
    assert fresh(recruiter).has_perm("catalog.change_tool")
