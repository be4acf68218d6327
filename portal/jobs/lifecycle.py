"""What every long job of the portal shares: its states, progress, stale detection and retries.

A job is a row the portal owns (an export, a role recompute) plus a task on the
queue (Django's Tasks API, ``django_tasks``) that works it off. The row, not the
queue, is the truth that pages show: the task writes its progress and outcome on
it, each write guarded by the row's ``attempt``, so a task that was given up on
(its worker stopped answering) and re-queued can never overwrite the new run.
"""

import logging
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import ClassVar

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, models, transaction
from django.db.models import Exists, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResult
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from portal.jobs.queue import attempts_at_work, queued_in_database, tasks_to_run
from portal.jobs.retry import backoff_seconds

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3

# Why a job failed: a code on its row (``Job.error``), put in words in the reader's language when shown
# (``reason_of_failure``). Rows from before the codes held the English text; a migration turned them into codes.
REASON_DATABASE = "database"
REASON_STORAGE = "storage"
REASON_WORKER_LOST = "worker-lost"
REASON_UNEXPECTED = "unexpected"
FAILURE_REASONS: Mapping[str, str] = {
    REASON_DATABASE: _("The database could not be reached."),
    REASON_STORAGE: _("The file could not be written (the disk may be full)."),
    REASON_WORKER_LOST: _("The processing stopped unexpectedly, and retrying did not help."),
    REASON_UNEXPECTED: _("Something went wrong while running this job."),
}


def stale_after() -> timedelta:
    """A running job writes its heartbeat with every bit of progress (at least every few seconds); one that has been
    silent this long (``JOB_STALE_SECONDS``) lost its worker."""
    return timedelta(seconds=int(getattr(settings, "JOB_STALE_SECONDS", 300)))


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class Superseded(Exception):
    """This run of a job was given up on and the job re-queued; the run stops without writing anything."""


class Job(models.Model):
    """The state of one long job: what a progress page needs, and what finds a job whose worker died."""

    # The keyword argument that names the job in its tasks' arguments (``export_id=…``).
    task_key = "job_id"

    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    error = models.CharField(_("reason of failure"), max_length=200, blank=True)  # a code of failure_reasons
    task_id = models.CharField(_("task id"), max_length=64, blank=True)

    # The words for each code of failure this kind of job may store; a kind adds its own.
    failure_reasons: ClassVar[Mapping[str, str]] = FAILURE_REASONS

    class Meta:
        abstract = True

    @property
    def failure_reason(self) -> str:
        """Why the job failed, in the reader's language (``reason_of_failure``), for templates."""
        return reason_of_failure(type(self), self.error)

    @property
    def can_be_tried_again(self) -> bool:
        """Failed on trouble of the job's own (the database, the disk, a lost worker): the same job run afresh may
        work. A reason a kind adds (its role unpublished, its owner's right gone) would only fail again."""
        return self.status == JobStatus.FAILED and self.error in FAILURE_REASONS

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    def progress_percent(self, done: int, total: int | None) -> int:
        if self.status == JobStatus.DONE:
            return 100
        if not total:
            return 0
        return min(100, done * 100 // total)


def reason_of_failure(job_model: type[Job], code: str) -> str:
    """Why a failed job of this kind failed, in the reader's language: the words for its code, the generic reason for
    a code no longer known (or none). The one place a code is put in words; a list that read only the code (an
    annotation) needs no row for it."""
    return str(job_model.failure_reasons.get(code, FAILURE_REASONS[REASON_UNEXPECTED]))


def runs(job_model: type[Job], *, pk: int, attempt: int) -> QuerySet:
    """The job's row as long as this run is the current one; an update through it that touches 0 rows means the
    run was superseded."""
    return job_model.objects.filter(pk=pk, attempt=attempt)


def claim(job_model: type[Job], *, pk: int, attempt: int, shared: bool = False) -> bool:
    """Mark a queued job running for this attempt; False when it is not queued for it (done, or superseded).

    A ``shared`` job is worked off by several tasks (its chunks): a task may also join it while it runs.
    """
    now = timezone.now()
    current = runs(job_model, pk=pk, attempt=attempt)
    if current.filter(status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=now, heartbeat_at=now, error=""
    ):
        return True
    return shared and bool(current.filter(status=JobStatus.RUNNING).update(heartbeat_at=now))


def beat(job_model: type[Job], *, pk: int, attempt: int, **progress) -> None:
    """Write progress and a heartbeat; raises Superseded when this run is no longer the job's current one."""
    if not runs(job_model, pk=pk, attempt=attempt).update(heartbeat_at=timezone.now(), **progress):
        raise Superseded


def fail(job_model: type[Job], *, pk: int, attempt: int, reason: str) -> None:
    runs(job_model, pk=pk, attempt=attempt).exclude(status=JobStatus.DONE).update(
        status=JobStatus.FAILED, finished_at=timezone.now(), error=reason[:200]
    )


def short_reason(error: BaseException) -> str:
    """What the owner of a failed job is told: the kind of trouble, never a traceback."""
    if isinstance(error, DatabaseError):
        return REASON_DATABASE
    if isinstance(error, OSError):
        return REASON_STORAGE
    return REASON_UNEXPECTED


class Retrying(Exception):
    """This attempt failed on a passing error and the job was queued again: the queue records the attempt as failed."""


class RetryNotQueued(Exception):
    """This attempt failed on a passing error and not even its retry could be queued (the database was away): the
    workers' sweep hands on the work of a task that failed with this, as a lost worker's (``portal.jobs.workers``)."""


def is_retryable(error: BaseException) -> bool:
    """A database, cache or storage that went away for a moment: running the work again is safe and may work.
    A query the database refuses (an integrity or data error) fails the same way every time, so it is not."""
    return isinstance(error, OperationalError | InterfaceError | OSError | RedisConnectionError | RedisTimeoutError)


def retry_delay(attempt: int) -> timedelta:
    """Back off: 30 s after the first failure, then 2 min, 8 min… up to about a day."""
    return timedelta(seconds=backoff_seconds(attempt, first=30, factor=4, most=30 * 4**6))


def part_retry_delay(retry: int) -> timedelta:
    """Back off for one part of a shared job (a recompute chunk), never so long that the job itself looks stale."""
    return min(retry_delay(retry), stale_after() / 2)


def enqueue(
    task,
    *args,
    delay: timedelta | None = None,
    then: Callable[[TaskResult], object] | None = None,
    in_transaction: bool = False,
    **kwargs,
):
    """Queue ``task`` when the transaction around this call commits (at once outside one), after ``delay`` where the
    backend can defer; then call ``then`` with the queue's record. Work asked for by a transaction that rolls back is
    never queued, and a worker never picks up a job whose rows it cannot see yet, whatever the backend.

    The one place the portal queues work. A backend whose ``OPTIONS`` say ``"ENQUEUE_ON_COMMIT": False`` queues at
    once instead: the tests' immediate backend, whose test transaction never commits. So does ``in_transaction``
    where the queue is the portal's database: the task's row is written in the transaction around the call and
    commits, or rolls back, with the rows beside it (a hand-over that must not be lost half-way).
    """
    if delay is not None and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + delay)

    def queue() -> None:
        result = task.enqueue(*args, **kwargs)
        if then is not None:
            then(result)

    if task.get_backend().options.get("ENQUEUE_ON_COMMIT", True) and not (in_transaction and queued_in_database(task)):
        transaction.on_commit(queue)
    else:
        queue()


def enqueue_job(
    job_model: type[Job],
    task,
    *,
    pk: int,
    attempt: int,
    delay: timedelta | None = None,
    in_transaction: bool = False,
    **kwargs,
) -> None:
    """Queue the task running this attempt of the job (on commit, or with ``in_transaction`` as :func:`enqueue`
    says), and keep its id on the job's row: a retry's countdown is read from the queued task."""
    enqueue(
        task,
        delay=delay,
        then=lambda result: runs(job_model, pk=pk, attempt=attempt).update(task_id=str(result.id)),
        in_transaction=in_transaction,
        **{job_model.task_key: pk, "attempt": attempt},
        **kwargs,
    )


def task_to_run(job_model: type[Job], *, due_now: bool = False) -> Exists:
    """Whether a task on the queue waits for, or runs, the current attempt of a job of ``job_model`` (a filter);
    ``due_now``: one that runs, or that a worker may take now (not a retry waiting out its backoff)."""
    return Exists(tasks_to_run(task_key=job_model.task_key, due_now=due_now))


def with_task_to_run(jobs: QuerySet, *, due_now: bool = False) -> QuerySet:
    """The jobs of ``jobs`` that a task on the queue will still run (``due_now``: see :func:`task_to_run`); all of
    them where the queue is not the portal's database (such a backend runs jobs at once and keeps no task)."""
    return jobs.filter(task_to_run(jobs.model, due_now=due_now)) if queued_in_database() else jobs


def requeue(job_model: type[Job], *, pk: int, attempt: int, start: Callable[..., object], delay=None) -> bool:
    """Give the job a new attempt and queue it through ``start(pk, attempt, delay=…)`` (which queues with
    :func:`enqueue_job`); False when another process already did, or the job finished meanwhile. Being queued is
    the new attempt's first sign of life (``heartbeat_at``): its task is not taken for lost before it is queued."""
    requeued = (
        runs(job_model, pk=pk, attempt=attempt)
        .filter(status__in=(JobStatus.QUEUED, JobStatus.RUNNING))
        .update(status=JobStatus.QUEUED, attempt=attempt + 1, heartbeat_at=timezone.now(), started_at=None)
    )
    if requeued:
        start(pk, attempt + 1, delay=delay)
    return bool(requeued)


def take_over(job_model: type[Job], *, pk: int, attempt: int, start: Callable[..., object]) -> bool:
    """The worker running this attempt is gone: queue the next attempt, or fail the job after MAX_ATTEMPTS; False
    when the attempt is no longer the job's current one (finished, or already taken over)."""
    if attempt < MAX_ATTEMPTS:
        if requeue(job_model, pk=pk, attempt=attempt, start=start):
            logger.warning("Re-queued stale %s %s (attempt %s)", job_model.__name__, pk, attempt + 1)
            return True
        return False
    failed = (
        runs(job_model, pk=pk, attempt=attempt)
        .filter(status__in=(JobStatus.QUEUED, JobStatus.RUNNING))
        .update(status=JobStatus.FAILED, finished_at=timezone.now(), error=REASON_WORKER_LOST)
    )
    if failed:
        logger.error("Gave up on stale %s %s after %s attempts", job_model.__name__, pk, attempt)
    return bool(failed)


def reclaim_stale(jobs: QuerySet, *, start: Callable[..., object]) -> int:
    """Queue again, as a new attempt, the jobs of ``jobs`` whose work stopped; fail them after MAX_ATTEMPTS:

    - a running job that stopped beating (its worker died), unless a live worker runs a task of it;
    - a queued job that no task on the queue will run (the task table cleared by hand, a database restored without
      it, a process that died between queuing the row and its task). Left alone it would wait forever, and a
      recompute asked for again would reuse it. It is queued again rather than failed: the work was asked for and
      is still owed (an editor's change must reach the matches, a recruiter waits on the export's page), the job's
      row and not the queue is the record of it, and nobody has to ask again; its attempts count, so a job whose
      task keeps vanishing still ends failed instead of coming back forever.

    Either is judged once silent for ``stale_after()`` (a queued job since it was queued), in one query whatever the
    size of the tables. The workers' sweep (``portal.jobs.workers``) calls it for every kind of job on a timer; the
    pages that show a job call it for theirs too.
    """
    silent_since = timezone.now() - stale_after()
    stopped = Q(status=JobStatus.RUNNING, heartbeat_at__lt=silent_since)
    if queued_in_database():  # a backend that runs jobs at once keeps no task to look for
        queued_long_ago = Q(heartbeat_at__lt=silent_since) | Q(heartbeat_at=None, created_at__lt=silent_since)
        stopped |= Q(status=JobStatus.QUEUED) & queued_long_ago & ~task_to_run(jobs.model)
    found = list(jobs.filter(stopped).only("pk", "attempt", "status"))
    if not found:
        return 0
    worked_on = set()
    if any(job.status == JobStatus.RUNNING for job in found):
        worked_on = attempts_at_work(task_key=jobs.model.task_key, live_since=silent_since)
    return sum(
        take_over(jobs.model, pk=job.pk, attempt=job.attempt, start=start)
        for job in found
        if (job.pk, job.attempt) not in worked_on
    )


def run_job(
    job_model: type[Job],
    *,
    pk: int,
    attempt: int,
    work: Callable[[], None],
    start: Callable[..., object],
    shared: bool = False,
    retry_part: Callable[[], object] | None = None,
):
    """Claim the job for this attempt (see ``claim`` for ``shared``), do ``work``, and record a failure: retried
    with backoff where running it again is safe (database, cache, storage), else failed with a short reason. The
    task then fails too, with its traceback in the queue's own record.

    ``retry_part`` (a shared job's part) queues this part again with backoff on a passing error, however often it
    takes: the job stays running and is never left half done.
    """
    if not claim(job_model, pk=pk, attempt=attempt, shared=shared):
        return
    try:
        work()
    except Superseded:
        logger.info("%s %s attempt %s was superseded", job_model.__name__, pk, attempt)
    except Exception as error:
        try:
            if is_retryable(error) and retry_part is not None:
                retry_part()
                logger.warning(
                    "Part of %s %s attempt %s failed (%r); retrying it", job_model.__name__, pk, attempt, error
                )
                raise Retrying from error
            if is_retryable(error) and attempt < MAX_ATTEMPTS:
                requeue(job_model, pk=pk, attempt=attempt, start=start, delay=retry_delay(attempt))
                logger.warning("%s %s attempt %s failed (%r); retrying", job_model.__name__, pk, attempt, error)
                raise Retrying from error
            fail(job_model, pk=pk, attempt=attempt, reason=short_reason(error))
        except DatabaseError:
            logger.exception("Could not record the failure of %s %s; it will be found stale", job_model.__name__, pk)
        raise
