"""Helpers for tests of the job queue: the database backend, a worker run in-process, real `db_worker` processes."""

import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
# Queued at once, not on commit: a test's own transaction never commits (tests/portal/test_queue_on_commit.py
# holds the portal to queuing on commit).
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "OPTIONS": {"ENQUEUE_ON_COMMIT": False}}}


def queue_in_database(settings_fixture) -> None:
    """Jobs go to the database queue, as in production, instead of running."""
    settings_fixture.TASKS = DATABASE_TASKS


def request_an_export(client):
    """A new recruiter asks, with the candidate list's button, for the export of a list of one candidate; the export.
    It waits on the queue after ``queue_in_database``."""
    from recruiting.models import CandidateExport
    from tests.factories import EngineerProfileFactory, RecruiterFactory, RoleFactory, RoleMatchFactory

    role = RoleFactory(slug="lakehouse", order=1)
    RoleMatchFactory(profile=EngineerProfileFactory(visibility="recruiters"), role=role, score=50)
    client.force_login(RecruiterFactory())
    assert client.post("/recruiting/candidates/export.csv").status_code == 303
    return CandidateExport.objects.get()


@contextmanager
def _signals_kept():
    """db_worker installs its own SIGINT/SIGTERM handlers; give pytest its own back."""
    kept = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in kept.items():
            signal.signal(number, handler)


def work_off_queue() -> None:
    """Run every queued job in this process with the real worker command (`db_worker --batch`).

    The worker closes "old" connections between jobs, which inside a test's transaction is the test's own one;
    here that is left to the test (real worker processes are in tests that start them).
    """
    with _signals_kept(), mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)


def database_url() -> str:
    """The test database as a DATABASE_URL, for a worker in another process."""
    database = connection.settings_dict
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{database['NAME']}"
    user = database["USER"] or ""
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    host = database["HOST"] or "127.0.0.1"
    port = database["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{database['NAME']}"


def worker_env(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "EXPORTS_DIR": str(settings.STORAGES["exports"]["OPTIONS"]["location"]),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def start_worker(*args: str, **extra_env: str) -> subprocess.Popen:
    """A real `manage.py db_worker` against the test database; the caller waits for it or stops it."""
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.1", *args],
        cwd=ROOT,
        env=worker_env(**extra_env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def run_worker_batch(timeout: float = 60, **extra_env: str) -> str:
    """Run a real worker until the queue is empty; its output."""
    worker = start_worker("--batch", **extra_env)
    try:
        output, _ = worker.communicate(timeout=timeout)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert worker.returncode == 0, output
    return output


class RunningWorker:
    """A real `db_worker` left running for a whole test; a thread reads its console, so the test can wait for a line
    (the console email backend prints each email it sends)."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self.lines: list[str] = []
        self._reader = threading.Thread(target=lambda: self.lines.extend(iter(process.stdout.readline, "")))
        self._reader.start()

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        """The output once ``text`` shows up in it; fails after ``timeout`` seconds or when the worker died."""
        deadline = time.monotonic() + timeout
        while text not in self.output:
            assert self.process.poll() is None, f"the worker stopped:\n{self.output}"
            assert time.monotonic() < deadline, f"{text!r} not in the worker's output:\n{self.output}"
            time.sleep(0.1)
        return self.output


@contextmanager
def running_worker(**extra_env: str):
    """Start a real worker (console email backend, unbuffered output) and stop it when the block ends."""
    worker = start_worker(EMAIL_HOST="", PYTHONUNBUFFERED="1", **extra_env)
    running = RunningWorker(worker)
    try:
        yield running
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        running._reader.join(timeout=5)
