"""A queued job whose task is gone from the queue (its table cleared by hand, a restore without it) does not wait
forever: the workers' sweep queues it again as a new attempt, in one query however many jobs wait."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.jobs import lifecycle, workers
from portal.jobs.lifecycle import JobStatus
from recruiting.models import CandidateExport
from skills.models import RoleMatch, RoleRecompute, RoleRequirement
from skills.services.recomputes import reclaim_stale_recomputes, request_role_recompute
from tests.factories import (
    RoleFactory,
    RoleRequirementFactory,
    UserFactory,
    assess,
)
from tests.jobs import queue_in_database, request_an_export, work_off_queue
from tests.portal.test_worker_faults import finish_with_a_new_worker

pytestmark = pytest.mark.django_db


def queued_long_ago(rows) -> None:
    """Queued longer ago than any job is given to get its task onto the queue."""
    rows.update(created_at=timezone.now() - lifecycle.stale_after() - timedelta(seconds=1))


def tasks_of(job, *, attempt: int) -> list[str]:
    """The statuses of the queue's tasks for this attempt of the job."""
    return [
        task.status
        for task in DBTaskResult.objects.all()
        if task.args_kwargs["kwargs"].get(type(job).task_key) == job.pk
        and task.args_kwargs["kwargs"].get("attempt") == attempt
    ]


@pytest.fixture
def export(client, settings) -> CandidateExport:
    """A recruiter's export, waiting on the database queue."""
    queue_in_database(settings)
    return request_an_export(client)


@pytest.mark.django_db(transaction=True)
def test_a_queued_recompute_whose_task_vanished_is_run_by_a_real_worker_instead_of_being_reused_forever(settings):
    role = RoleFactory()
    requirement = RoleRequirementFactory(role=role, min_level=2)
    for _engineer in range(2):
        assess(user=UserFactory(password=None), item=requirement.item, level=2)
    queue_in_database(settings)
    RoleRequirement.objects.filter(pk=requirement.pk).update(min_level=4)
    recompute = request_role_recompute(role=role)
    DBTaskResult.objects.all().delete()  # the task table cleared by hand, and nobody asks again
    queued_long_ago(RoleRecompute.objects.filter(pk=recompute.pk))
    finish_with_a_new_worker(  # its sweep (stale after 2 s) finds the recompute, then it runs the new task
        lambda: RoleRecompute.objects.filter(pk=recompute.pk, status=JobStatus.DONE).exists(),
        what="a real worker to recompute the role",
    )
    recompute.refresh_from_db()
    assert (recompute.attempt, recompute.chunks_done) == (2, 1)
    assert sorted(RoleMatch.objects.filter(role=role).values_list("score", flat=True)) == [50, 50]


def test_a_queued_export_whose_task_vanished_is_queued_again_by_the_sweep_and_written(export):
    DBTaskResult.objects.all().delete()
    queued_long_ago(CandidateExport.objects.all())
    assert workers.sweep() == 1
    export.refresh_from_db()
    assert (export.status, export.attempt, tasks_of(export, attempt=2)) == (JobStatus.QUEUED, 2, ["READY"])
    work_off_queue()
    export.refresh_from_db()
    assert (export.status, export.rows_written) == (JobStatus.DONE, 1)


def test_a_queued_export_whose_task_waits_for_a_worker_is_left_alone(export):
    queued_long_ago(CandidateExport.objects.all())  # no worker came for a long while: its task still waits
    assert workers.sweep() == 0
    export.refresh_from_db()
    assert (export.status, export.attempt, tasks_of(export, attempt=1)) == (JobStatus.QUEUED, 1, ["READY"])


def test_a_job_just_queued_is_not_judged_before_its_task_can_be_on_the_queue(export):
    DBTaskResult.objects.all().delete()  # as between the row's commit and its task's
    assert workers.sweep() == 0
    export.refresh_from_db()
    assert (export.status, export.attempt) == (JobStatus.QUEUED, 1)


def test_a_job_requeued_is_not_judged_before_its_new_task_can_be_on_the_queue(export):
    DBTaskResult.objects.all().delete()
    queued_long_ago(CandidateExport.objects.all())
    assert workers.sweep() == 1
    DBTaskResult.objects.all().delete()  # as between the new attempt's commit and its task's
    assert workers.sweep() == 0
    export.refresh_from_db()
    assert export.attempt == 2


def test_a_job_whose_task_keeps_vanishing_ends_failed_with_a_reason_its_owner_reads(export, client):
    for _attempt in range(lifecycle.MAX_ATTEMPTS):
        DBTaskResult.objects.all().delete()
        CandidateExport.objects.update(heartbeat_at=None)
        queued_long_ago(CandidateExport.objects.all())
        assert workers.sweep() == 1
    export.refresh_from_db()
    assert (export.status, export.attempt, export.error) == (
        JobStatus.FAILED,
        lifecycle.MAX_ATTEMPTS,
        lifecycle.REASON_WORKER_LOST,
    )
    assert "retrying did not help" in client.get(export.get_absolute_url()).content.decode()


@pytest.mark.parametrize("waiting", [2, 12])
def test_the_sweep_looks_for_lost_jobs_in_one_query_however_many_wait(settings, django_assert_num_queries, waiting):
    queue_in_database(settings)
    for role in RoleFactory.create_batch(waiting):
        request_role_recompute(role=role)
    queued_long_ago(RoleRecompute.objects.all())
    with django_assert_num_queries(1):
        assert reclaim_stale_recomputes() == 0
