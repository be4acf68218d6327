"""The database goes away while a worker sends e-mail: the message goes out once the database is back, and only once.

A real ``db_worker`` reaches PostgreSQL through a DroppingProxy (tests/portal/test_outage.py), so its errors come
from psycopg itself; the test's own connection goes straight to the server. The test holds the message's delivery
row locked, so the outage strikes the worker where the test wants it: as it begins sending, or as it records the
mail server's accept. The mail server is a real one on a free port (tests/portal/test_mail_once.py).
"""

import subprocess
import time
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.jobs.workers import LOST_EXCEPTION
from portal.models import EmailDelivery
from tests.jobs import database_url, queue_in_database, start_worker
from tests.portal.test_mail_once import smtp_server
from tests.portal.test_outage import DroppingProxy
from tests.portal.test_worker_faults import (
    FAST,
    backend_waiting_for_the_hold,
    new_email_tasks_held,
    queue_probe,
    stop,
    wait_for,
)

pytestmark = pytest.mark.django_db(transaction=True)


class Outage:
    """The test database as the workers this starts see it, through a proxy: their connections dropped, or the
    database down a while."""

    def __init__(self):
        parts = urlsplit(database_url())
        self.proxy = DroppingProxy((parts.hostname or "127.0.0.1", parts.port or 5432))
        self.proxy.start()
        credentials = parts.netloc.rpartition("@")[0]
        self.url = urlunsplit(parts._replace(netloc=f"{credentials}@127.0.0.1:{self.proxy.port}"))
        self.workers: list[subprocess.Popen] = []

    def start_worker(self, **env: str) -> subprocess.Popen:
        worker = start_worker(DATABASE_URL=self.url, **{**FAST, **env})
        self.workers.append(worker)
        return worker

    def drop_connections(self) -> None:
        """The server ends every session but this test's (a restart, a failover, connections killed): no statement
        of theirs commits any more. It accepts new connections at once."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )

    def go_down(self) -> None:
        """The workers' connections are dropped, and new ones refused until ``come_back``."""
        self.proxy.cut()
        self.drop_connections()

    def come_back(self) -> None:
        self.proxy.start()

    def close(self) -> None:
        """Stop the workers (their output shows in a failed test's report) and the proxy."""
        print("".join(stop(worker) for worker in self.workers))
        self.proxy.cut()


@pytest.fixture
def outage(settings):
    if connection.vendor != "postgresql":
        pytest.skip("Cutting a worker off its database needs PostgreSQL behind a proxy.")
    queue_in_database(settings)
    staged = Outage()
    try:
        yield staged
    finally:
        staged.close()


def a_worker_waits_for_a_row() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()")
        return cursor.fetchone() is not None


def retry_due_now() -> dict:
    """The retry queued after the outage, made due now once its backoff was checked; its arguments."""
    retry = wait_for(lambda: DBTaskResult.objects.filter(status="READY").first(), what="a retry to be queued")
    assert retry.run_after > timezone.now() + timedelta(seconds=20)  # lifecycle.retry_delay: 30 s after the first
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    return retry.args_kwargs["kwargs"]


def is_marked_sent() -> bool:
    return EmailDelivery.objects.exclude(sent_at=None).exists()


def all_done() -> bool:
    return is_marked_sent() and not DBTaskResult.objects.filter(status__in=("READY", "RUNNING")).exists()


def stage_at_the_start_of_sending(outage: Outage, server, *, down_for: float | None = None) -> None:
    """A worker takes the message and waits for its delivery row, which this test holds: its connection is dropped
    (and the database stays down for ``down_for`` seconds), so its read of the row fails."""
    with transaction.atomic():
        EmailDelivery.objects.select_for_update().get()
        outage.start_worker(**server.environment())
        wait_for(a_worker_waits_for_a_row, what="the worker to read the delivery row")
        if down_for is None:
            outage.drop_connections()
            return
        outage.go_down()
    time.sleep(down_for)
    outage.come_back()


def test_a_message_whose_worker_lost_its_database_connection_as_it_began_goes_out_once_after_the_backoff(outage):
    """The database answers again at once: the worker records its failure, and before the retry it queues now,
    nothing ever sent the message."""
    with smtp_server(hang_on_first_quit=False) as server:
        queue_probe("probe-restart")
        stage_at_the_start_of_sending(outage, server)
        assert retry_due_now()["attempt"] == 2
        wait_for(all_done, what="the retry to send the message")
    assert server.subjects == ["probe-restart"]
    first = DBTaskResult.objects.order_by("enqueued_at").first()
    assert first.exception_class_path == "portal.jobs.lifecycle.Retrying"


def test_a_message_whose_database_stayed_down_is_handed_on_by_the_sweep_and_goes_out_once(outage):
    """Neither the retry nor the task's failure can be written: the task stays running, and the sweep hands it on
    once the database is back."""
    with smtp_server(hang_on_first_quit=False) as server:
        queue_probe("probe-long-outage")
        stage_at_the_start_of_sending(outage, server, down_for=1.5)
        wait_for(all_done, what="the sweep to hand the message on, and it to go out")
    assert server.subjects == ["probe-long-outage"]
    first = DBTaskResult.objects.order_by("enqueued_at").first()
    assert (first.status, first.exception_class_path) == ("FAILED", LOST_EXCEPTION)


def test_a_message_whose_retry_could_not_be_queued_is_handed_on_by_the_sweep_and_goes_out_once(outage):
    """The worker's connection drops again as it queues the retry, and its failure is recorded on a new one: the
    sweep finds the task failed with ``RetryNotQueued`` and hands the message on."""
    with smtp_server(hang_on_first_quit=False) as server:
        queue_probe("probe-retry-lost")
        with new_email_tasks_held():
            stage_at_the_start_of_sending(outage, server)
            held = wait_for(backend_waiting_for_the_hold, what="the worker to queue the retry")
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [held])
        wait_for(all_done, what="the sweep to hand the message on, and it to go out")
    assert server.subjects == ["probe-retry-lost"]
    first = DBTaskResult.objects.order_by("enqueued_at").first()
    assert (first.status, first.exception_class_path) == ("FAILED", LOST_EXCEPTION)
    assert "portal.jobs.lifecycle.RetryNotQueued" in first.traceback


def test_a_message_whose_worker_lost_its_database_connection_after_the_accept_is_not_sent_again(outage):
    """The server accepted the message; the worker's record of it fails with its connection. Only the record is queued
    again (the message is not) and the row ends marked sent."""
    with smtp_server(hang_on_first_quit=False) as server:
        queue_probe("probe-accepted")
        server.accepting.clear()
        outage.start_worker(**server.environment())
        wait_for(server.received.is_set, what="the message to reach the mail server")
        with transaction.atomic():
            EmailDelivery.objects.select_for_update().get()
            server.accepting.set()
            wait_for(a_worker_waits_for_a_row, what="the worker to record the accept")
            outage.drop_connections()
        assert retry_due_now()["accepted_at"]
        wait_for(all_done, what="the retry to record the accept")
    assert server.subjects == ["probe-accepted"]
