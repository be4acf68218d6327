"""A role's matches are recomputed by a job after an editor changes it; the admin shows the job's progress."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal import jobs
from portal.jobs import JobStatus
from skills import services
from skills.models import RoleMatch, RoleRecompute
from skills.services import request_role_recompute, set_assessment
from tests.factories import EditorFactory, RoleFactory, RoleRequirementFactory, UserFactory
from tests.jobs import queue_in_database, run_worker_batch, work_off_queue
from tests.skills.test_admin import role_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def ticked_role():
    """A role whose one requirement two engineers meet at level 2 (score 100)."""
    role = RoleFactory()
    requirement = RoleRequirementFactory(role=role, min_level=2)
    for engineer in (UserFactory(password=None), UserFactory(password=None)):
        set_assessment(user=engineer, item=requirement.item, level=2)
    return role, requirement


def scores(role) -> list[int]:
    return sorted(RoleMatch.objects.filter(role=role).values_list("score", flat=True))


def save_in_admin(client, role, requirement, min_level):
    requirement.min_level = min_level
    response = client.post(reverse("admin:skills_role_change", args=[role.pk]), role_form_data(role, [requirement]))
    assert response.status_code == 302


def test_saving_a_role_queues_one_job_and_keeps_the_old_matches_until_it_runs(editor_client, ticked_role, settings):
    queue_in_database(settings)
    role, requirement = ticked_role
    save_in_admin(editor_client, role, requirement, 4)
    assert scores(role) == [100, 100]  # the request did not recompute
    recompute = RoleRecompute.objects.get(role=role)
    assert recompute.status == JobStatus.QUEUED
    page = editor_client.get(reverse("admin:skills_role_changelist")).content.decode()
    assert "Recompute queued" in page
    work_off_queue()
    assert scores(role) == [50, 50]
    recompute.refresh_from_db()
    assert (recompute.status, recompute.matches_total, recompute.matches_written) == (JobStatus.DONE, 2, 2)
    page = editor_client.get(reverse("admin:skills_role_change", args=[role.pk])).content.decode()
    assert "Last recomputed" in page


def test_saving_twice_before_the_worker_starts_gives_one_job(editor_client, ticked_role, settings):
    queue_in_database(settings)
    role, requirement = ticked_role
    save_in_admin(editor_client, role, requirement, 3)
    save_in_admin(editor_client, role, requirement, 4)
    assert RoleRecompute.objects.filter(role=role).count() == 1
    work_off_queue()
    assert scores(role) == [50, 50]  # the job read the latest requirements


def test_a_running_recompute_shows_its_progress_in_the_admin(editor_client, ticked_role):
    role, _requirement = ticked_role
    RoleRecompute.objects.create(
        role=role, status=JobStatus.RUNNING, matches_total=100_000, matches_written=24_000,
        heartbeat_at=timezone.now(),
    )  # fmt: skip
    page = editor_client.get(reverse("admin:skills_role_changelist")).content.decode()
    assert "Recomputing 100,000 matches: 24,000 written (24%)" in page


def test_a_change_while_a_recompute_runs_replaces_it_before_its_next_batch(ticked_role, settings):
    queue_in_database(settings)
    role, _requirement = ticked_role
    first = request_role_recompute(role=role)
    RoleRecompute.objects.filter(pk=first.pk).update(status=JobStatus.RUNNING, heartbeat_at=timezone.now())
    second = request_role_recompute(role=role)
    first.refresh_from_db()
    assert first.status == JobStatus.FAILED
    assert first.error == services.REASON_REPLACED
    assert second.pk != first.pk
    with pytest.raises(jobs.Superseded):  # the old run's next batch is refused
        services._recompute(first, first.attempt)


def test_an_engineers_own_tick_still_recomputes_at_once(ticked_role, settings):
    queue_in_database(settings)
    role, requirement = ticked_role
    engineer = UserFactory(password=None)
    set_assessment(user=engineer, item=requirement.item, level=2)
    assert RoleMatch.objects.get(role=role, profile__user=engineer).score == 100
    assert not RoleRecompute.objects.exists()


def test_a_stale_recompute_is_requeued_from_the_admin_and_finishes(editor_client, ticked_role, settings):
    queue_in_database(settings)
    role, _requirement = ticked_role
    recompute = request_role_recompute(role=role)
    RoleRecompute.objects.filter(pk=recompute.pk).update(
        status=JobStatus.RUNNING, heartbeat_at=timezone.now() - jobs.STALE_AFTER - timedelta(seconds=1)
    )
    editor_client.get(reverse("admin:skills_role_changelist"))
    recompute.refresh_from_db()
    assert (recompute.status, recompute.attempt) == (JobStatus.QUEUED, 2)
    work_off_queue()
    recompute.refresh_from_db()
    assert recompute.status == JobStatus.DONE


@pytest.mark.django_db(transaction=True)
def test_a_real_db_worker_process_recomputes_the_role(ticked_role, settings):
    queue_in_database(settings)
    role, requirement = ticked_role
    requirement.min_level = 4
    requirement.save()
    recompute = request_role_recompute(role=role)
    assert scores(role) == [100, 100]
    run_worker_batch()
    recompute.refresh_from_db()
    assert recompute.status == JobStatus.DONE, recompute.error
    assert scores(role) == [50, 50]
