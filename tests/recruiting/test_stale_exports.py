"""An export is stale when it stopped beating and no live worker runs it: a long first query is not a dead worker."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.jobs import lifecycle, workers
from portal.jobs.lifecycle import JobStatus
from recruiting.models import CandidateExport
from recruiting.services import exports as export_services
from recruiting.services.exports import write_candidate_export
from tests.factories import EngineerProfileFactory, RecruiterFactory, RoleFactory, RoleMatchFactory
from tests.jobs import queue_in_database

pytestmark = pytest.mark.django_db


@pytest.fixture
def silent_export(client, settings) -> CandidateExport:
    """An export whose worker took it and has written nothing for longer than the stale time."""
    queue_in_database(settings)
    role = RoleFactory(slug="lakehouse", order=1)
    RoleMatchFactory(profile=EngineerProfileFactory(visibility="recruiters"), role=role, score=50)
    client.force_login(RecruiterFactory())
    assert client.post("/recruiting/candidates/export.csv").status_code == 303
    export = CandidateExport.objects.get()
    CandidateExport.objects.filter(pk=export.pk).update(
        status=JobStatus.RUNNING, heartbeat_at=timezone.now() - lifecycle.stale_after() - timedelta(seconds=1)
    )
    return export


def test_a_silent_export_that_a_live_worker_runs_is_not_taken_for_stale(silent_export):
    task = write_candidate_export.get_result(silent_export.task_id)
    workers.beat(worker_id="busy", task_id=str(task.id))
    assert export_services.reclaim_stale_exports() == 0
    silent_export.refresh_from_db()
    assert (silent_export.status, silent_export.attempt) == (JobStatus.RUNNING, 1)


def test_a_silent_export_without_a_live_worker_is_queued_again(silent_export):
    workers.beat(worker_id="idle")
    assert export_services.reclaim_stale_exports() == 1
    silent_export.refresh_from_db()
    assert (silent_export.status, silent_export.attempt) == (JobStatus.QUEUED, 2)
