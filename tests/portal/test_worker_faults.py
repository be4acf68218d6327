"""Real `db_worker` processes that lose their peer or their database: the work is finished with nobody looking."""

import re
import signal
import socket
import subprocess
import time
from contextlib import contextmanager

import pytest
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from portal.jobs.lifecycle import JobStatus
from portal.jobs.mail import queue_email, send_email
from portal.jobs.workers import LOST_EXCEPTION
from recruiting.models import CandidateExport
from skills.models import RoleMatch, RoleRecompute, RoleRequirement
from skills.services.recomputes import request_role_recompute
from tests.factories import (
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    RoleRequirementFactory,
    UserFactory,
    assess,
)
from tests.jobs import queue_in_database, start_worker
from tests.skills.test_recompute_jobs import stale_matches

# A worker is lost after 2 silent seconds; each worker beats and sweeps every 0.3 s.
FAST = {"JOB_STALE_SECONDS": "2", "WORKER_HEARTBEAT_SECONDS": "0.3", "LOG_LEVEL": "INFO"}


def queue_probe(subject: str) -> None:
    """A message queued as the portal queues every one (``queue_email``): its task and its delivery row."""
    queue_email(subject=subject, body="b", to=["probe@example.com"])


def wait_for(condition, *, timeout: float = 30, what: str = "the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"Timed out waiting for {what}")


def stop(worker: subprocess.Popen) -> str:
    """SIGTERM (the worker finishes its task and exits), then its output."""
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
    try:
        output, _ = worker.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
        output, _ = worker.communicate()
    return output


def kill_once_running(worker: subprocess.Popen, *, what: str) -> DBTaskResult:
    """SIGKILL ``worker`` once it runs a task (it is stopped in any case); the task it was running."""
    try:
        running = wait_for(lambda: DBTaskResult.objects.running().first(), what=what)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    finally:
        stop(worker)
    return running


def finish_with_a_new_worker(done, *, what: str, **env: str) -> str:
    """Start a fresh worker (``env`` over FAST), wait until ``done()``, stop it; its output."""
    rescuer = start_worker(**{**FAST, **env})
    try:
        wait_for(done, what=what)
    finally:
        output = stop(rescuer)
    return output


@contextmanager
def silent_smtp_server():
    """A port that accepts connections and never greets: a worker sending mail through it hangs mid-job."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(5)
        yield server.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_job_has_its_job_finished_by_another_worker_with_nobody_looking(settings):
    queue_in_database(settings)
    with silent_smtp_server() as port:
        queue_probe("probe-killed")
        stuck = start_worker(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port), EMAIL_USE_TLS="0", **FAST)
        first = kill_once_running(stuck, what="the first worker to take the job")
        output = finish_with_a_new_worker(
            lambda: DBTaskResult.objects.successful().exists(), what="another worker to finish the job", EMAIL_HOST=""
        )
    assert re.findall(r"^Subject: (probe-killed)$", output, re.MULTILINE) == ["probe-killed"]  # sent once
    first.refresh_from_db()
    assert (first.status, first.exception_class_path) == ("FAILED", LOST_EXCEPTION)
    assert DBTaskResult.objects.count() == 2


# An advisory lock the test holds: a worker queuing an e-mail task waits for it inside that INSERT (PostgreSQL).
HOLD_EMAIL_TASKS = 4242


@contextmanager
def new_email_tasks_held():
    """Every e-mail task queued meanwhile waits inside its INSERT, with the rest of its transaction, until the block
    ends: a trigger on the queue's table takes a lock that this test's connection holds."""
    table = connection.ops.quote_name(DBTaskResult._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION portal_test_hold_email_tasks() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF NEW.task_path = '{send_email.module_path}' THEN PERFORM pg_advisory_xact_lock({HOLD_EMAIL_TASKS}); "
            "END IF; RETURN NEW; END $$"
        )
        cursor.execute(
            f"CREATE TRIGGER portal_test_hold_email_tasks BEFORE INSERT ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION portal_test_hold_email_tasks()"
        )
        cursor.execute("SELECT pg_advisory_lock(%s)", [HOLD_EMAIL_TASKS])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [HOLD_EMAIL_TASKS])
            cursor.execute(f"DROP TRIGGER portal_test_hold_email_tasks ON {table}")
            cursor.execute("DROP FUNCTION portal_test_hold_email_tasks()")


def backend_waiting_for_the_hold() -> int | None:
    """The database process of a worker whose e-mail task waits for the held lock, if one does."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = %s", [HOLD_EMAIL_TASKS]
        )
        row = cursor.fetchone()
    return row[0] if row else None


@pytest.mark.django_db(transaction=True)
def test_a_sweeping_worker_killed_while_it_hands_a_lost_email_on_loses_no_email(settings):
    """The sweep marks the lost task failed and queues its e-mail again in one transaction: killed in between, it
    leaves the task running for the next sweep, never failed with its e-mail queued nowhere."""
    _skip_unless_postgresql()
    queue_in_database(settings)
    with silent_smtp_server() as port:
        queue_probe("probe-handed-on")
        stuck = start_worker(EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port), EMAIL_USE_TLS="0", **FAST)
        lost = kill_once_running(stuck, what="the first worker to take the job")
    with new_email_tasks_held():
        sweeper = start_worker(EMAIL_HOST="", **FAST)
        try:
            held = wait_for(backend_waiting_for_the_hold, what="a worker's sweep to queue the lost e-mail again")
            assert DBTaskResult.objects.get(pk=lost.pk).status == "RUNNING"  # not failed before its e-mail is queued
            sweeper.send_signal(signal.SIGKILL)  # the machine goes down with it: its database session too
            sweeper.wait()
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [held])
        finally:
            stop(sweeper)
    output = finish_with_a_new_worker(
        lambda: DBTaskResult.objects.successful().exists(), what="another worker to send the e-mail", EMAIL_HOST=""
    )
    assert re.findall(r"^Subject: (probe-handed-on)$", output, re.MULTILINE) == ["probe-handed-on"]
    lost.refresh_from_db()
    assert (lost.status, lost.exception_class_path) == ("FAILED", LOST_EXCEPTION)
    assert DBTaskResult.objects.count() == 2


def _allow_connections(allowed: bool) -> None:
    """Refuse (or allow again) new connections to the test database and drop its workers' connections; from the
    server's maintenance database, as a database cannot close itself."""
    import psycopg
    from psycopg import sql

    database = connection.settings_dict
    with psycopg.connect(
        host=database["HOST"] or "127.0.0.1",
        port=database["PORT"] or 5432,
        user=database["USER"] or "postgres",
        password=database["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as maintenance:
        maintenance.execute(
            sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS {}").format(
                sql.Identifier(database["NAME"]), sql.SQL("true" if allowed else "false")
            )
        )
        if not allowed:
            with connection.cursor() as cursor:  # this test's own connection stays
                cursor.execute("SELECT pg_backend_pid()")
                own = cursor.fetchone()[0]
            maintenance.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                [database["NAME"], own],
            )


@pytest.mark.django_db(transaction=True)
def test_a_worker_waits_out_a_database_that_refuses_connections_and_carries_on(settings):
    if connection.vendor != "postgresql":
        pytest.skip("Refusing new connections to one database needs PostgreSQL.")
    queue_in_database(settings)
    worker = start_worker(EMAIL_HOST="", **FAST)
    try:
        queue_probe("probe-before-outage")
        wait_for(lambda: DBTaskResult.objects.successful().exists(), what="the worker to run a job")
        _allow_connections(False)
        try:
            time.sleep(4)
            assert worker.poll() is None, "the worker exited while the database refused connections"
        finally:
            _allow_connections(True)
        queue_probe("probe-after-outage")
        wait_for(
            lambda: DBTaskResult.objects.successful().count() == 2, what="the worker to run a job after the outage"
        )
        assert worker.poll() is None
    finally:
        output = stop(worker)
    assert "reconnecting in" in output
    assert "Subject: probe-after-outage" in output


def _skip_unless_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("Holding one row locked while another process waits on it needs PostgreSQL.")


def _kill_while_claiming(job_model, pk: int) -> DBTaskResult:
    """A worker takes the job's task from the queue and is killed with SIGKILL while it waits to claim the job's row
    (this test holds it locked); the task it took."""
    with transaction.atomic():
        job_model.objects.select_for_update().get(pk=pk)
        taken = kill_once_running(start_worker(**FAST), what="a worker to take the task")
    return taken


def is_failed(task: DBTaskResult) -> bool:
    return DBTaskResult.objects.filter(pk=task.pk, status="FAILED").exists()


@pytest.mark.django_db(transaction=True)
def test_an_export_whose_worker_was_killed_is_finished_once_by_another_worker_with_nobody_looking(client, settings):
    _skip_unless_postgresql()
    queue_in_database(settings)
    role = RoleFactory(slug="lakehouse", order=1)
    for score in (30, 60, 90):
        RoleMatchFactory(profile=EngineerProfileFactory(visibility="recruiters"), role=role, score=score)
    client.force_login(RecruiterFactory())
    assert client.post("/recruiting/candidates/export.csv").status_code == 303
    export = CandidateExport.objects.get()
    killed = _kill_while_claiming(CandidateExport, export.pk)
    finish_with_a_new_worker(
        lambda: CandidateExport.objects.filter(pk=export.pk, status=JobStatus.DONE).exists() and is_failed(killed),
        what="the export, and the killed task marked failed",  # either sweep (task or job row) may hand it on first
    )
    export.refresh_from_db()
    assert (export.attempt, export.rows_written) == (2, 3)
    killed.refresh_from_db()
    assert (killed.status, killed.exception_class_path) == ("FAILED", LOST_EXCEPTION)


@pytest.mark.django_db(transaction=True)
def test_a_recompute_chunk_whose_worker_was_killed_runs_again_and_the_matches_equal_a_fresh_computation(settings):
    _skip_unless_postgresql()
    role = RoleFactory()
    requirement = RoleRequirementFactory(role=role, min_level=2)
    for level in (0, 1, 2, 3, 4):
        assess(user=UserFactory(password=None), item=requirement.item, level=level)
    queue_in_database(settings)
    RoleRequirement.objects.filter(pk=requirement.pk).update(min_level=4)
    recompute = request_role_recompute(role=role)
    killed = _kill_while_claiming(RoleRecompute, recompute.pk)
    finish_with_a_new_worker(
        lambda: RoleRecompute.objects.filter(pk=recompute.pk, status=JobStatus.DONE).exists() and is_failed(killed),
        what="it, and the killed task marked failed",
    )
    assert stale_matches(role) == []
    assert sorted(RoleMatch.objects.filter(role=role).values_list("score", flat=True)) == [0, 25, 50, 75, 100]
    killed.refresh_from_db()
    assert (killed.status, killed.exception_class_path) == ("FAILED", LOST_EXCEPTION)
