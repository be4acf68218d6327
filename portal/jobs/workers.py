"""The job workers look after each other: heartbeats, and the sweep that finishes what a dead worker left.

Every worker (``manage.py db_worker``, the portal's own, see its command) writes a
:class:`~portal.models.WorkerHeartbeat` every ``WORKER_HEARTBEAT_SECONDS`` naming the task it runs, and then sweeps:

- a task the queue's table (django_tasks_db's ``DBTaskResult``) shows running, whose worker has been silent for
  ``JOB_STALE_SECONDS`` (killed, its machine gone) or that its live worker no longer runs (its outcome could not be
  written), is marked failed there and handed to the takeover its task registered (:func:`when_lost`): an export
  starts a new attempt, a recompute chunk runs again, anything else (e-mail) is queued again as it was; so is a
  task that failed without queuing its retry (``lifecycle.RetryNotQueued``: the database was away right then);
- jobs whose own rows stopped beating are re-queued by the sweeps the apps registered (:func:`sweep_also`).

So stale work is found by the workers on a timer, with nobody looking. "Stale" means one thing throughout:
silent for ``portal.jobs.lifecycle.stale_after()``.
"""

import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max, Q, TextField, Value
from django.db.models.functions import Concat
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.jobs import lifecycle
from portal.jobs.lifecycle import Job, JobStatus
from portal.jobs.queue import queued_in_database
from portal.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

# A worker's heartbeat names its task from the beat after it took the task on.
STARTING_GRACE = timedelta(seconds=1)
LOST_EXCEPTION = "portal.jobs.workers.WorkerLost"
HEARTBEATS_KEPT = timedelta(days=1)

_takeovers: dict[str, Callable[[dict], object]] = {}
_job_sweeps: list[Callable[[], int]] = []


def heartbeat_every() -> timedelta:
    """How often each worker beats (``WORKER_HEARTBEAT_SECONDS``)."""
    return timedelta(seconds=float(getattr(settings, "WORKER_HEARTBEAT_SECONDS", 10)))


def workers_missing_after() -> timedelta:
    """Progress pages say no worker is there after three missed beats, and never for less than a minute."""
    return max(3 * heartbeat_every(), timedelta(minutes=1))


class WorkerLost(Exception):
    """The worker running this task died or lost its outcome, or the task could not queue its retry; the sweep gave
    the work to another worker."""


RETRY_NOT_QUEUED = f"{lifecycle.RetryNotQueued.__module__}.{lifecycle.RetryNotQueued.__qualname__}"


def when_lost(task_path: str, takeover: Callable[[dict], object]) -> None:
    """Register how the work of the task at ``task_path`` continues when its worker is lost: ``takeover(kwargs)``
    (default: queue it again). A path, not the task: apps register before their task modules load."""
    _takeovers[task_path] = takeover


def sweep_also(sweep: Callable[[], int]) -> None:
    """Register a sweep of job rows that stopped beating (``lifecycle.reclaim_stale`` over one kind of job), or other
    work the workers' timer does (a snapshot due, old rows to forget); it returns how many jobs it re-queued."""
    _job_sweeps.append(sweep)


def beat(*, worker_id: str, task_id: str = "") -> None:
    """This worker is alive and runs ``task_id`` (empty: waiting for work)."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": now, "task_id": task_id},
        create_defaults={"seen_at": now, "task_id": task_id, "host": socket.gethostname()[:255], "pid": os.getpid()},
    )


def _is_lost(result: DBTaskResult, heartbeats: dict[str, WorkerHeartbeat], now: datetime) -> bool:
    worker = heartbeats.get(result.worker_ids[-1]) if result.worker_ids else None
    if worker is None or worker.seen_at < now - lifecycle.stale_after():
        return result.started_at is None or result.started_at < now - lifecycle.stale_after()
    # Alive, and beating since it took this task on, yet no longer running it: its outcome was never written.
    return worker.task_id != str(result.pk) and worker.seen_at > result.started_at + STARTING_GRACE


def _take_over(result: DBTaskResult) -> None:
    kwargs = result.args_kwargs.get("kwargs", {})
    takeover = _takeovers.get(result.task_path)
    if takeover is not None:
        takeover(kwargs)
    else:
        lifecycle.enqueue(result.task, *result.args_kwargs.get("args", []), in_transaction=True, **kwargs)


def sweep_lost_tasks() -> int:
    """Mark the tasks of lost workers failed in the queue's table and hand their work on, and the work of tasks that
    failed without queuing their retry (their path becomes ``WorkerLost``'s too); how many.

    Each is marked and handed on in one transaction: a sweeping worker that dies half-way leaves the task as it was
    for the next sweep, never marked with its work not handed on. Work without a row of its own (e-mail) is queued
    again inside that transaction (``in_transaction``); a job's row is found by the job sweeps in any case.
    """
    now = timezone.now()
    found = list(
        DBTaskResult.objects.filter(
            Q(status=TaskResultStatus.RUNNING)
            | Q(status=TaskResultStatus.FAILED, exception_class_path=RETRY_NOT_QUEUED)
        )
    )
    if not found:
        return 0
    heartbeats = {heartbeat.worker_id: heartbeat for heartbeat in WorkerHeartbeat.objects.all()}
    swept = 0
    for result in found:
        running = result.status == TaskResultStatus.RUNNING
        if running and not _is_lost(result, heartbeats, now):
            continue
        worker = result.worker_ids[-1] if result.worker_ids else "?"
        why = f"worker {worker} was lost" if running else "its retry could not be queued"
        with transaction.atomic():
            # Only one sweeping worker wins this update; it alone hands the work on.
            if DBTaskResult.objects.filter(
                pk=result.pk, status=result.status, exception_class_path=result.exception_class_path
            ).update(
                status=TaskResultStatus.FAILED,
                finished_at=result.finished_at or now,
                exception_class_path=LOST_EXCEPTION,
                traceback=Concat(F("traceback"), Value(f"{LOST_EXCEPTION}: {why}\n"), output_field=TextField()),
            ):
                logger.warning("Task %s (%s): %s; handing its work on", result.pk, result.task_path, why)
                _take_over(result)
                swept += 1
    return swept


def sweep() -> int:
    """One round of the sweep: lost tasks, then stale job rows; how many were re-queued or failed. Heartbeats of
    workers gone for a day are forgotten."""
    WorkerHeartbeat.objects.filter(seen_at__lt=timezone.now() - HEARTBEATS_KEPT).delete()
    return sweep_lost_tasks() + sum(job_sweep() for job_sweep in _job_sweeps)


def workers_last_seen() -> datetime | None:
    return WorkerHeartbeat.objects.aggregate(last=Max("seen_at"))["last"]


def workers_are_missing(*, last_seen: datetime | None, now: datetime) -> bool:
    """No worker checked in within ``workers_missing_after()`` (or none ever did): queued jobs wait for one."""
    return last_seen is None or last_seen < now - workers_missing_after()


def workers_needed() -> bool:
    """Queued jobs wait for a ``db_worker`` (the database queue); a backend that runs them at once needs none."""
    return queued_in_database()


@dataclass(frozen=True)
class JobWait:
    """What a job's owner is told while it is not finished: a retry's countdown, or that no worker is there."""

    attempt: int
    max_attempts: int
    retry_in_seconds: int | None  # a failed attempt's retry, queued for later
    workers_missing: bool  # no worker checked in lately
    workers_last_seen: datetime | None


def workers_wait() -> JobWait:
    """The wait of work that no job row follows (a snapshot the workers build on their own timer): whether a worker
    checked in lately (one query)."""
    last_seen = workers_last_seen()
    return JobWait(
        attempt=1,
        max_attempts=lifecycle.MAX_ATTEMPTS,
        retry_in_seconds=None,
        workers_missing=workers_are_missing(last_seen=last_seen, now=timezone.now()),
        workers_last_seen=last_seen,
    )


def job_wait(*, job: Job) -> JobWait:
    """The waiting state of an unfinished job from its queued task and the workers' heartbeats (two queries)."""
    now = timezone.now()
    retry_in = None
    if job.status == JobStatus.QUEUED and job.attempt > 1 and job.task_id:
        run_after = DBTaskResult.objects.filter(pk=job.task_id).values_list("run_after", flat=True).first()
        if run_after is not None and now < run_after < now + timedelta(days=1):  # "no time set" is year 9999
            retry_in = max(1, round((run_after - now).total_seconds()))
    return replace(workers_wait(), attempt=job.attempt, retry_in_seconds=retry_in)
