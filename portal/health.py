"""What ``/healthz`` says: whether this process can serve, and how each part it needs is doing.

The load balancer reads the status code: 200 while the database answers, 503 when it
does not; the cache is only a cache (``portal.cache.resilient``), so a process without it stays
in service, and so does one whose job workers are gone (``workers``: "missing"). Monitoring
reads the JSON, whose keys the README lists. Written here rather than with django-health-check,
which answers 500 as soon as any check fails (a Redis outage would take every process out of
the load balancer) and has its own keys.
"""

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Case, Count, F, Max, Min, When
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from portal.jobs.workers import workers_are_missing, workers_last_seen, workers_needed

OK = "ok"
UNREACHABLE = "unreachable"
MISSING = "missing"


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return UNREACHABLE
    return OK


def cache_state() -> str:
    """Redis answers a PING (``ResilientRedisCache.answers``); the local-memory cache of a single process always does."""
    answers = getattr(cache, "answers", None)
    return OK if answers is None or answers() else UNREACHABLE


def queue_state() -> dict:
    """The job queue: tasks ready to run, how long the oldest has waited, when a worker last finished one and when
    one last wrote its heartbeat.

    A task waiting for its retry counts from the time it may run, not from when it was first queued.
    """
    now = timezone.now()
    waiting_since = Case(When(run_after=get_date_max(), then=F("enqueued_at")), default=F("run_after"))
    ready = DBTaskResult.objects.ready().aggregate(count=Count("pk"), since=Min(waiting_since))
    last_finished = DBTaskResult.objects.aggregate(at=Max("finished_at"))["at"]
    last_heartbeat = workers_last_seen()
    return {
        "ready": ready["count"],
        "oldest_ready_seconds": round((now - ready["since"]).total_seconds(), 1) if ready["since"] else 0,
        "last_finished_at": last_finished.isoformat() if last_finished else None,
        "last_worker_heartbeat_at": last_heartbeat.isoformat() if last_heartbeat else None,
    }


def workers_state() -> str:
    """Whether a job worker has checked in lately, where queued jobs need one (``portal.jobs.workers``)."""
    if workers_needed() and workers_are_missing(last_seen=workers_last_seen(), now=timezone.now()):
        return MISSING
    return OK


def report() -> tuple[int, dict]:
    """The status code for the load balancer and the report for monitoring."""
    database = database_state()
    cache_now = cache_state()
    if database != OK:
        return 503, {"status": "unavailable", "database": database, "cache": cache_now, "workers": None, "queue": None}
    try:
        queue, workers = queue_state(), workers_state()
    except DatabaseError:  # the database answers but not the queue's tables (not migrated yet): still serving
        queue = workers = None
    status = OK if cache_now == OK and workers == OK else "degraded"
    return 200, {"status": status, "database": database, "cache": cache_now, "workers": workers, "queue": queue}
