"""An export is stale when it stopped beating and no live worker runs it: a long first query is not a dead worker."""

import html
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from portal.jobs import lifecycle, workers
from portal.jobs.lifecycle import JobStatus
from recruiting.models import CandidateExport
from recruiting.services import exports as export_services
from recruiting.services.exports import write_candidate_export
from tests.jobs import queue_in_database, request_an_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def silent_export(client, settings) -> CandidateExport:
    """An export whose worker took it and has written nothing for longer than the stale time."""
    queue_in_database(settings)
    export = request_an_export(client)
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


def test_an_export_given_up_on_offers_to_export_the_same_list_again(silent_export, client):
    """Its last attempt lost its worker too: the page says why, and one button queues the same list afresh."""
    CandidateExport.objects.filter(pk=silent_export.pk).update(attempt=lifecycle.MAX_ATTEMPTS, file_format="csv")
    assert export_services.reclaim_stale_exports() == 1
    page = client.get(silent_export.get_absolute_url()).content.decode()
    assert "The processing stopped unexpectedly, and retrying did not help." in page
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*>((?:(?!</form>).)*)Export again', page, re.DOTALL)
    assert form is not None, "no button to export again"
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form.group(2)))
    again = client.post(html.unescape(form.group(1)), fields)
    fresh = CandidateExport.objects.exclude(pk=silent_export.pk).get()
    assert again["Location"] == fresh.get_absolute_url()
    assert (fresh.status, fresh.file_format, fresh.spec) == (JobStatus.QUEUED, "csv", silent_export.spec)


def test_an_export_that_failed_for_good_reason_does_not_offer_to_try_again(silent_export, client):
    from recruiting.models import ExportFailure

    lifecycle.fail(CandidateExport, pk=silent_export.pk, attempt=1, reason=ExportFailure.ROLE_GONE)
    page = client.get(silent_export.get_absolute_url()).content.decode()
    assert "The role of this export is no longer published." in page
    assert "Export again" not in page
