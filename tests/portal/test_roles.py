import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from portal.guards.roles import EDITORS, RECRUITERS, ensure_role_groups


@pytest.mark.django_db
def test_groups_hold_the_designed_permissions():
    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("content_type__app_label", "codename"))
    assert ("catalog", "change_tool") in editors
    assert ("skills", "change_rolerequirement") in editors
    assert not any(codename == "view_candidates" or "assessment" in codename for _, codename in editors)
    recruiters = set(Group.objects.get(name=RECRUITERS).permissions.values_list("codename", flat=True))
    assert recruiters == {"view_candidates"}


@pytest.mark.django_db(transaction=True)
def test_groups_come_back_after_a_flush():
    call_command("flush", interactive=False, verbosity=0)
    assert set(Group.objects.values_list("name", flat=True)) == {EDITORS, RECRUITERS}
    assert Group.objects.get(name=RECRUITERS).permissions.filter(codename="view_candidates").exists()


@pytest.mark.django_db
def test_ensure_role_groups_is_idempotent():
    before = Group.objects.get(name=EDITORS).permissions.count()
    ensure_role_groups()
    ensure_role_groups()
    assert Group.objects.get(name=EDITORS).permissions.count() == before
