"""The database queue as the jobs see it (django_tasks_db's table of tasks): whether jobs wait in it, and which of
a job's tasks it holds, read from the arguments every job's task is queued with (``lifecycle.enqueue_job``: the
job's row under the kind's ``task_key``, and its ``attempt``)."""

from datetime import datetime

from django.db.models import BigIntegerField, IntegerField, OuterRef, QuerySet
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from portal.models import WorkerHeartbeat

ARGUMENTS = "args_kwargs__kwargs__"


def queued_in_database(task=None) -> bool:
    """Whether ``task`` (by default any job) waits in the portal's own database (django_tasks_db), where its row can
    be read, and written in a transaction of ours; a backend that runs jobs at once (the tests') keeps no rows."""
    backend = task.get_backend() if task is not None else task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    return isinstance(backend, DatabaseBackend)


def tasks_to_run(*, task_key: str, due_now: bool = False) -> QuerySet[DBTaskResult]:
    """The tasks, waiting or running, of the job row and attempt that an outer query points at (``OuterRef``);
    ``due_now``: only those running or a worker may take now, not a retry deferred by its backoff."""
    tasks = (
        DBTaskResult.objects.running() | DBTaskResult.objects.ready()
        if due_now
        else DBTaskResult.objects.filter(status__in=(TaskResultStatus.READY, TaskResultStatus.RUNNING))
    )
    return tasks.annotate(
        job_pk=Cast(KT(ARGUMENTS + task_key), BigIntegerField()),
        job_attempt=Cast(KT(ARGUMENTS + "attempt"), IntegerField()),
    ).filter(job_pk=OuterRef("pk"), job_attempt=OuterRef("attempt"))


def attempts_at_work(*, task_key: str, live_since: datetime) -> set[tuple[int, int]]:
    """The (job, attempt) pairs of one kind that a worker alive since ``live_since`` is running a task of right now:
    silent only because one long query has not answered yet (counting a large list on a busy machine), not stale."""
    live_tasks = WorkerHeartbeat.objects.filter(seen_at__gte=live_since).exclude(task_id="")
    task_ids = list(live_tasks.values_list("task_id", flat=True))  # as UUIDs, not text: SQLite stores them bare
    running = DBTaskResult.objects.filter(pk__in=task_ids).values_list("args_kwargs", flat=True)
    at_work = set()
    for arguments in running:
        kwargs = arguments.get("kwargs", {})
        if task_key in kwargs and "attempt" in kwargs:
            at_work.add((kwargs[task_key], kwargs["attempt"]))
    return at_work
