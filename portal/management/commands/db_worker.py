"""The job worker: django_tasks_db's ``db_worker``, which stays up when the database goes away and keeps a heartbeat.

Same name and options as the library's command (this app comes first in INSTALLED_APPS), so the Procfile, the
README and every test start this one. Besides running tasks it

- reconnects with backoff (0.5 s doubling to 30 s) when the database refuses or drops it, instead of exiting;
- writes its heartbeat every ``WORKER_HEARTBEAT_SECONDS`` from a thread of its own, and after each beat sweeps
  the queue for work that a dead worker left (``portal.jobs.workers``); ``--batch`` runs neither (it exits when done).
"""

import logging
import os
import threading
import time

from django.db import DatabaseError, close_old_connections, connection
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from portal.jobs import workers
from portal.jobs.retry import backoff_seconds

logger = logging.getLogger("portal.jobs.workers")

RECONNECT_FIRST_SECONDS = 0.5
RECONNECT_MAX_SECONDS = 30.0
RECONNECT_RESET_AFTER = 60.0  # a worker that ran this long without trouble starts its backoff from the beginning


class Worker(db_worker.Worker):
    def __init__(self, **options):
        super().__init__(**options)
        self.current_task_id = ""
        self.stopped = threading.Event()

    def run_task(self, db_task_result: DBTaskResult) -> None:
        self.current_task_id = str(db_task_result.pk)
        try:
            super().run_task(db_task_result)
        finally:
            self.current_task_id = ""

    def run(self) -> None:
        if self.batch:
            super().run()
            return
        heart = threading.Thread(target=self.keep_beating, name="heartbeat", daemon=True)
        heart.start()
        failures = 0
        failed_at = 0.0
        try:
            while True:
                try:
                    super().run()
                    return
                except DatabaseError as error:
                    if not self.running:
                        raise
                    failures = 1 if time.monotonic() - failed_at > RECONNECT_RESET_AFTER else failures + 1
                    failed_at = time.monotonic()
                    delay = backoff_seconds(
                        failures, first=RECONNECT_FIRST_SECONDS, factor=2, most=RECONNECT_MAX_SECONDS
                    )
                    logger.warning("Database unavailable (%s); reconnecting in %.1f s", error, delay)
                    _close_quietly()
                    self.startup_delay = False
                    time.sleep(delay)
        finally:
            self.stopped.set()
            heart.join(timeout=5)

    def keep_beating(self) -> None:
        """Beat, then sweep, every heartbeat_every(); the sweep waits for two beats in a row after a database outage,
        so the other workers have had their chance to beat again before anyone is judged lost."""
        interval = workers.heartbeat_every().total_seconds()
        beating_since = None
        while True:
            try:
                close_old_connections()
                workers.beat(worker_id=self.worker_id, task_id=self.current_task_id)
                beating_since = beating_since or time.monotonic()
                if time.monotonic() - beating_since >= 2 * interval:
                    workers.sweep()
            except DatabaseError as error:
                beating_since = None
                logger.warning("Heartbeat of worker %s failed: %s", self.worker_id, error)
                _close_quietly()
            except Exception:
                logger.exception("The sweep of worker %s failed", self.worker_id)
            if self.stopped.wait(interval):
                break
        _close_quietly()


def _close_quietly() -> None:
    try:
        connection.close()
    except DatabaseError:
        logger.debug("Closing a broken database connection failed", exc_info=True)


class Command(db_worker.Command):
    help = "Run a job worker that reconnects to the database and finishes the work of workers that died"

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload, max_tasks,
               worker_id, exclude_queues, **options) -> None:  # fmt: skip
        self.configure_logging(verbosity)
        if reload and batch:
            logger.warning("--reload and --batch cannot be specified together. Disabling autoreload.")
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise db_worker.CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload:
            if os.environ.get(db_worker.DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only the child process that runs the worker
            db_worker.run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
