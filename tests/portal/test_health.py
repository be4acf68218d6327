import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_answers_200_when_database_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "workers": "ok",  # the tests' tasks run at once: no worker needed
        "queue": {"ready": 0, "oldest_ready_seconds": 0, "last_finished_at": None, "last_worker_heartbeat_at": None},
    }


def test_healthz_answers_503_when_database_unreachable():
    """A real unreachable PostgreSQL (a closed port), in a separate process."""
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/nowhere",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "CRITICAL",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["status"] == 503
    assert (outcome["body"]["status"], outcome["body"]["database"], outcome["body"]["queue"]) == (
        "unavailable",
        "unreachable",
        None,
    )


@pytest.mark.django_db
def test_healthz_reports_the_queue_age_and_the_last_finished_job(client, settings):
    from django.core.mail import EmailMessage

    from portal.jobs.mail import message_to_data, send_email
    from tests.jobs import queue_in_database, work_off_queue

    queue_in_database(settings)
    send_email.enqueue(message=message_to_data(EmailMessage("Hello", "Body", to=["someone@example.com"])))
    queue = client.get("/healthz").json()["queue"]
    assert queue["ready"] == 1
    assert queue["oldest_ready_seconds"] >= 0
    assert queue["last_finished_at"] is None
    work_off_queue()
    queue = client.get("/healthz").json()["queue"]
    assert (queue["ready"], queue["oldest_ready_seconds"]) == (0, 0)
    assert queue["last_finished_at"] is not None


@pytest.mark.django_db(transaction=True)
def test_healthz_reports_job_workers_missing_until_one_beats_and_again_once_it_stopped(client, settings):
    """Jobs queued in the database need a worker: monitoring reads from the status that none is running."""
    from datetime import timedelta

    from django.utils import timezone

    from portal.models import WorkerHeartbeat
    from tests.jobs import queue_in_database, start_worker
    from tests.portal.test_worker_faults import FAST, stop, wait_for

    queue_in_database(settings)
    body = client.get("/healthz").json()
    assert (body["status"], body["workers"]) == ("degraded", "missing")  # none ever beat

    worker = start_worker(**FAST)
    try:
        wait_for(lambda: WorkerHeartbeat.objects.exists(), what="the worker's first heartbeat")
        response = client.get("/healthz")
        assert response.status_code == 200
        assert (response.json()["status"], response.json()["workers"]) == ("ok", "ok")
    finally:
        stop(worker)
    # The worker stopped a while ago: its last beat is older than the missing-workers limit.
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=2))
    response = client.get("/healthz")
    assert response.status_code == 200  # the web process still serves
    assert (response.json()["status"], response.json()["workers"]) == ("degraded", "missing")
