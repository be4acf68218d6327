"""The role recompute as background work: one run per role, split into chunks of profiles that any worker takes.

An editor's change to a role queues a run (:func:`request_role_recompute`); each chunk is the task
:func:`recompute_role`, beside the work it runs; the matches themselves are written by
:func:`skills.services.matches.recompute_role_matches`, batch by batch, so recruiters see old matches until new
ones land.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Count, F, Max, Min, QuerySet
from django.utils import timezone
from django_tasks import task

from portal.jobs import lifecycle
from portal.jobs.lifecycle import JobStatus
from skills.models import EngineerProfile, Role, RoleRecompute
from skills.models.recomputes import RecomputeFailure
from skills.services.matches import recompute_role_matches


def request_role_recompute(*, role: Role, requested_by: AbstractBaseUser | None = None) -> RoleRecompute:
    """Queue the recompute of every engineer's match with this role; answers at once.

    A recompute that is still waiting will read the requirements as they are when it starts, so it is reused while
    a task of it waits on the queue for a worker to take now (they are written with it: :func:`start_role_recompute`).
    A running one is replaced (each of its chunks stops at its next batch), and so is a waiting one whose tasks are
    gone (the queue flushed, a database restored without them) or deferred, a retry waiting out its backoff: the
    change runs now, not minutes later. The replaced one is failed in the same transaction, so it never runs beside
    the new one.
    """
    with transaction.atomic():
        Role.objects.select_for_update().filter(pk=role.pk).exists()  # one request per role at a time
        queued = RoleRecompute.objects.filter(role=role, status=JobStatus.QUEUED)
        waiting = lifecycle.with_task_to_run(queued, due_now=True).order_by("-created_at").first()
        if waiting is not None:
            return waiting
        # A batch being written holds this row until it commits, so it lands before this replacement does.
        RoleRecompute.objects.filter(role=role, status__in=(JobStatus.QUEUED, JobStatus.RUNNING)).update(
            status=JobStatus.FAILED, finished_at=timezone.now(), error=RecomputeFailure.REPLACED
        )
        recompute = RoleRecompute.objects.create(role=role, requested_by=requested_by)
        start_role_recompute(recompute.pk, recompute.attempt)
    recompute.refresh_from_db()
    return recompute


def request_role_recomputes(*, role_ids: Iterable[int], requested_by: AbstractBaseUser | None = None) -> int:
    """One recompute job per role; how many were asked for."""
    roles = list(Role.objects.filter(pk__in=set(role_ids)))
    for role in roles:
        request_role_recompute(role=role, requested_by=requested_by)
    return len(roles)


RECOMPUTE_CHUNK_PROFILES = 10_000  # one task's share of a role recompute; several workers take chunks side by side
CHUNK_RETRIES = 10  # a chunk retried this often by itself (a few minutes apart) restarts the whole recompute


def profile_chunks(*, size: int | None = None) -> list[tuple[int, int | None]]:
    """Contiguous profile-pk ranges ``(after_pk, up_to_pk)`` of about ``size`` profiles each, from one query.

    The last range is open, so profiles created meanwhile are not left out.
    """
    size = size or RECOMPUTE_CHUNK_PROFILES
    span = EngineerProfile.objects.aggregate(count=Count("pk"), first=Min("pk"), last=Max("pk"))
    if not span["count"]:
        return [(0, None)]
    chunks = -(-span["count"] // size)  # rounded up, as is the width
    width = -(-(span["last"] - span["first"] + 1) // chunks)
    after = [span["first"] - 1 + width * number for number in range(chunks)]
    return [(pk, pk + width) for pk in after[:-1]] + [(after[-1], None)]


def start_role_recompute(recompute_id: int, attempt: int, *, delay=None):
    """Queue one task per chunk of profiles for this attempt, counting from zero. The tasks are written in the
    transaction that queues the attempt: a waiting recompute another request finds has them already."""
    chunks = profile_chunks()
    lifecycle.runs(RoleRecompute, pk=recompute_id, attempt=attempt).update(
        matches_total=EngineerProfile.objects.count(), matches_written=0, chunks_total=len(chunks), chunks_done=0
    )
    for after_pk, up_to_pk in chunks:
        _enqueue_chunk(recompute_id=recompute_id, attempt=attempt, after_pk=after_pk, up_to_pk=up_to_pk, delay=delay)


def _enqueue_chunk(*, recompute_id: int, attempt: int, after_pk: int, up_to_pk: int | None, retry: int = 0, delay=None):
    """Queue the task of one chunk of a recompute's attempt, with the recompute's row."""
    lifecycle.enqueue_job(
        RoleRecompute,
        recompute_role,
        pk=recompute_id,
        attempt=attempt,
        after_pk=after_pk,
        up_to_pk=up_to_pk,
        retry=retry,
        delay=delay,
        in_transaction=True,
    )


@task()
def recompute_role(
    *, recompute_id: int, attempt: int, after_pk: int = 0, up_to_pk: int | None = None, retry: int = 0
) -> None:
    """The job, one chunk of it (the profiles with ``after_pk < pk <= up_to_pk``, all of them by default): write the matches of the profiles in the range in batches, with progress. A chunk
    that fails on a passing error is queued again by itself, with backoff (``retry`` counts its tries)."""
    lifecycle.run_job(
        RoleRecompute,
        pk=recompute_id,
        attempt=attempt,
        work=lambda: _recompute_chunk(
            RoleRecompute.objects.select_related("role").get(pk=recompute_id), attempt, after_pk, up_to_pk
        ),
        start=start_role_recompute,
        shared=True,
        # A chunk that keeps failing stops retrying alone: the recompute then starts again as a new attempt.
        retry_part=(
            lambda: queue_chunk_again(
                recompute_id=recompute_id,
                attempt=attempt,
                after_pk=after_pk,
                up_to_pk=up_to_pk,
                retry=retry + 1,
                delay=lifecycle.part_retry_delay(retry + 1),
            )
        )
        if retry < CHUNK_RETRIES
        else None,
    )


def queue_chunk_again(
    *, recompute_id: int, attempt: int, after_pk: int, up_to_pk: int | None, retry: int, delay: timedelta | None = None
) -> bool:
    """Queue one chunk of a recompute again (its try failed, or its worker died); False when this attempt is
    finished or superseded. The recompute's heartbeat is written too, so it is not taken for stale meanwhile."""
    unfinished = lifecycle.runs(RoleRecompute, pk=recompute_id, attempt=attempt).filter(
        status__in=(JobStatus.QUEUED, JobStatus.RUNNING)
    )
    if not unfinished.update(heartbeat_at=timezone.now()):
        return False
    _enqueue_chunk(
        recompute_id=recompute_id, attempt=attempt, after_pk=after_pk, up_to_pk=up_to_pk, retry=retry, delay=delay
    )
    return True


def _recompute_chunk(recompute: RoleRecompute, attempt: int, after_pk: int, up_to_pk: int | None) -> None:
    mine = lifecycle.runs(RoleRecompute, pk=recompute.pk, attempt=attempt).filter(status=JobStatus.RUNNING)

    def after_store(written: int) -> None:
        if not mine.update(heartbeat_at=timezone.now(), matches_written=F("matches_written") + written):
            raise lifecycle.Superseded  # replaced by a newer change, or given up on as stale: this batch is rolled back

    recompute_role_matches(role=recompute.role, after_pk=after_pk, up_to_pk=up_to_pk, after_store=after_store)
    if not mine.update(heartbeat_at=timezone.now(), chunks_done=F("chunks_done") + 1):
        raise lifecycle.Superseded
    now = timezone.now()
    mine.filter(chunks_done=F("chunks_total")).update(status=JobStatus.DONE, finished_at=now, heartbeat_at=now)


def reclaim_stale_recomputes(recomputes: QuerySet[RoleRecompute] | None = None) -> int:
    """A recompute whose chunks all went silent (a worker died holding one) starts again as a new attempt; of
    ``recomputes`` (a page's own), else of every role."""
    return lifecycle.reclaim_stale(
        recomputes if recomputes is not None else RoleRecompute.objects.all(), start=start_role_recompute
    )


def take_over_chunk(
    *, recompute_id: int, attempt: int, after_pk: int = 0, up_to_pk: int | None = None, retry: int = 0
) -> None:
    """A chunk's worker died: the chunk runs again by itself; a chunk lost MAX_ATTEMPTS times takes the whole
    recompute to its next attempt (or failure)."""
    if retry + 1 < lifecycle.MAX_ATTEMPTS:
        queue_chunk_again(
            recompute_id=recompute_id, attempt=attempt, after_pk=after_pk, up_to_pk=up_to_pk, retry=retry + 1
        )
    else:
        lifecycle.take_over(RoleRecompute, pk=recompute_id, attempt=attempt, start=start_role_recompute)
