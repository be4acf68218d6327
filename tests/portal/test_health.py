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
