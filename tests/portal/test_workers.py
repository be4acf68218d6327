"""Several `db_worker` processes share one queue: each job runs exactly once."""

import re

import pytest
from django_tasks_db.models import DBTaskResult

from portal.jobs.mail import send_email
from tests.jobs import queue_in_database, start_worker

JOBS = 50


def message(number: int) -> dict:
    return {
        "subject": f"probe-{number:02d}", "body": "b", "from_email": "portal@localhost",
        "to": [f"probe{number}@example.com"], "cc": [], "bcc": [], "reply_to": [], "headers": {}, "alternatives": [],
    }  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_two_workers_run_each_of_50_queued_jobs_exactly_once(settings):
    queue_in_database(settings)
    for number in range(JOBS):
        send_email.enqueue(message=message(number), attempt=1)
    workers = [start_worker("--batch", EMAIL_HOST="", LOG_LEVEL="INFO") for _ in range(2)]
    outputs = []
    try:
        for worker in workers:
            output, _ = worker.communicate(timeout=90)
            assert worker.returncode == 0, output
            outputs.append(output)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
    sent = [re.findall(r"^Subject: (probe-\d+)$", output, re.MULTILINE) for output in outputs]
    assert sorted(sent[0] + sent[1]) == [f"probe-{number:02d}" for number in range(JOBS)]  # each once
    results = DBTaskResult.objects.all()
    assert [result.status for result in results] == ["SUCCESSFUL"] * JOBS
    assert all(len(result.worker_ids) == 1 for result in results)
    print(f"jobs per worker: {len(sent[0])} and {len(sent[1])}")


def test_only_passing_errors_are_retried_and_the_backoff_stays_bounded():
    from datetime import timedelta

    from django.db import IntegrityError, OperationalError

    from portal.jobs import lifecycle

    assert lifecycle.is_retryable(OperationalError("server closed the connection"))
    assert lifecycle.is_retryable(OSError("disk full"))
    assert not lifecycle.is_retryable(IntegrityError("duplicate key")), "the same query fails the same way every time"
    assert lifecycle.retry_delay(1) == timedelta(seconds=30)
    assert lifecycle.retry_delay(50) == lifecycle.retry_delay(7) < timedelta(days=2), "no overflow, however many tries"


def test_stale_and_missing_worker_times_follow_the_settings_as_they_are_now():
    from datetime import timedelta

    from django.test import override_settings

    from portal.jobs import lifecycle, workers

    with override_settings(JOB_STALE_SECONDS=42, WORKER_HEARTBEAT_SECONDS=30):
        assert lifecycle.stale_after() == timedelta(seconds=42)
        assert lifecycle.part_retry_delay(5) == timedelta(seconds=21)
        assert workers.workers_missing_after() == timedelta(seconds=90)  # three missed beats
    with override_settings(JOB_STALE_SECONDS=600, WORKER_HEARTBEAT_SECONDS=5):
        assert lifecycle.stale_after() == timedelta(seconds=600)
        assert workers.workers_missing_after() == timedelta(minutes=1)  # never less than a minute
