"""`make bench`'s figures for the background jobs: queueing an export, the worker's export beside a plain COPY
(printed, no target), an XLSX and a Dutch CSV export's time and peak memory in a process of their own, and the
recompute of one role by one and by two real `db_worker` processes."""

import json
import os
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass

from bench.data import ROOT

QUEUE_P95_MS = 50.0  # queueing an export, at 100,000 engineers on PostgreSQL
EXPORT_PEAK_MB = 200.0  # an XLSX or Dutch CSV export's whole worker process, at 100,000 engineers
RECOMPUTE_SECONDS = 60.0  # one role for 100,000 engineers in one worker; two workers must take less
MILLION = 1_000_000
RECOMPUTE_TWO_WORKERS_MILLION_SECONDS = 120.0  # one role for a million engineers in two workers
QUEUE_SAMPLES = 20
RECOMPUTE_TIMEOUT = 600.0


@dataclass
class JobTimings:
    queue_p50_ms: float
    queue_p95_ms: float
    export_rows: int
    export_seconds: float
    copy_seconds: float | None
    file_exports: dict[str, dict]  # "xlsx" and "csv (nl)": seconds, peak_rss_mb
    recompute_matches: int
    recompute_chunks: int
    recompute_seconds: float  # one worker process
    recompute_two_workers_seconds: float | None  # PostgreSQL only: SQLite keeps to one worker


def _copy_seconds(role_id: int) -> float | None:
    """PostgreSQL's COPY of the export's columns for the same rows, in the same order, read to the end."""
    from django.db import connection

    from skills.models import EngineerProfile, RoleMatch

    if connection.vendor != "postgresql":
        return None
    user_table = EngineerProfile._meta.get_field("user").related_model._meta.db_table
    # Table names and an int: no input reaches this text.
    sql = (
        "COPY (SELECT u.first_name, u.last_name, u.email, p.headline, p.location, p.years_experience, m.score, "  # noqa: S608
        "m.missing_must_have_ids, m.profile_id "
        f"FROM {RoleMatch._meta.db_table} m JOIN {EngineerProfile._meta.db_table} p ON p.id = m.profile_id "
        f"JOIN {user_table} u ON u.id = p.user_id "
        f"WHERE m.role_id = {int(role_id)} AND m.profile_visible AND p.visibility = 'recruiters' "
        "ORDER BY m.score DESC, m.profile_id) TO STDOUT WITH CSV"
    )
    started = time.perf_counter()
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        for _data in copy:
            pass
    return time.perf_counter() - started


def measure_file_export(*, client, url: str, file_format: str, language: str) -> dict:
    """Queue one export in ``language`` through the page, then write it in a fresh process (bench.export_memory):
    its time and peak memory, as a worker process would see them."""
    from django_tasks_db.models import DBTaskResult

    from recruiting.models import CandidateExport
    from recruiting.selectors.exports import exports_storage

    client.post(url, {"file_format": file_format}, HTTP_ACCEPT_LANGUAGE=language)
    export = CandidateExport.objects.get()
    DBTaskResult.objects.all().delete()  # the subprocess does the work, not a worker
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.export_memory", str(export.pk)],
        cwd=ROOT,
        env=os.environ,
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    if figures["status"] != "done":
        raise SystemExit(f"The {file_format} export failed: {figures['error']}")
    export.refresh_from_db()
    exports_storage().delete(export.file_name)
    CandidateExport.objects.all().delete()
    return figures


def start_workers(count: int) -> list[subprocess.Popen]:
    """Real `manage.py db_worker` processes on the bench database (this process's environment), returned once
    each is waiting for work, so that their start-up is not timed."""
    workers = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.05",
             "--worker-id", f"bench-{number}"],
            cwd=ROOT,
            env={**os.environ, "LOG_LEVEL": "INFO"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for number in range(count)
    ]  # fmt: skip
    for worker in workers:
        for line in worker.stdout:  # a few lines per task: the pipe never fills during one recompute
            if "Starting worker" in line:
                break
        else:
            stop_workers(workers)
            raise SystemExit("A db_worker process did not start.")
    return workers


def stop_workers(workers: list[subprocess.Popen], *, timeout: float = 30) -> None:
    """SIGTERM each (one that already exited is left be), then kill any still running after ``timeout`` seconds."""
    for worker in workers:
        worker.send_signal(signal.SIGTERM)  # finishes its current task, then exits
    for worker in workers:
        try:
            worker.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def time_recompute(role, *, workers: int):
    """Queue the recompute of ``role`` with ``workers`` worker processes waiting; seconds until its last chunk is
    done, and the finished recompute."""
    from django_tasks_db.models import DBTaskResult

    from portal.jobs.lifecycle import JobStatus
    from skills.models import RoleRecompute
    from skills.services import recomputes as skills_recomputes

    DBTaskResult.objects.all().delete()  # nothing else for the workers to take
    # A recompute still waiting (queued by the demo or an earlier size, its task just deleted) would be reused by
    # the request below and never run: the one timed here starts afresh.
    RoleRecompute.objects.filter(role=role, status=JobStatus.QUEUED).delete()
    processes = start_workers(workers)
    try:
        started = time.perf_counter()
        recompute = skills_recomputes.request_role_recompute(role=role)
        while not recompute.is_finished:
            if time.perf_counter() - started > RECOMPUTE_TIMEOUT:
                raise SystemExit(f"The recompute did not finish in {RECOMPUTE_TIMEOUT:.0f} s.")
            time.sleep(0.05)
            recompute.refresh_from_db()
        seconds = time.perf_counter() - started
    finally:
        stop_workers(processes)
    if recompute.status != JobStatus.DONE:
        raise SystemExit(f"The recompute failed: {recompute.error}")
    DBTaskResult.objects.all().delete()
    return seconds, recompute


def measure_jobs(*, client, role) -> JobTimings:
    """Queue exports through the page (the database queue, nothing run), then do one export's work in this
    process, as a worker would; then time the recompute of the role by real worker processes."""
    from django.db import connection
    from django.urls import reverse
    from django_tasks_db.models import DBTaskResult

    from portal.jobs.lifecycle import JobStatus
    from recruiting.models import CandidateExport
    from recruiting.selectors.exports import exports_storage
    from recruiting.services import exports as export_services

    url = reverse("recruiting:candidate-export")
    samples = []
    for number in range(QUEUE_SAMPLES):
        started = time.perf_counter()
        response = client.post(f"{url}?role={role.slug}&min_years={number % 40}&location=bench{number}")
        samples.append(time.perf_counter() - started)
        assert response.status_code == 303, response.status_code
        CandidateExport.objects.all().delete()  # a recruiter may have only a few exports waiting (MAX_WAITING_EXPORTS)
        DBTaskResult.objects.all().delete()
    samples.sort()

    client.post(f"{url}?role={role.slug}")
    export = CandidateExport.objects.get()
    started = time.perf_counter()
    export_services.write_candidate_export.call(export_id=export.pk, attempt=export.attempt)
    export_seconds = time.perf_counter() - started
    export.refresh_from_db()
    assert export.status == JobStatus.DONE, export.error
    copy_seconds = _copy_seconds(role.pk)
    exports_storage().delete(export.file_name)
    CandidateExport.objects.all().delete()
    file_exports = {
        label: measure_file_export(client=client, url=f"{url}?role={role.slug}", file_format=file_format, language=lang)
        for label, file_format, lang in (("xlsx", "xlsx", "nl"), ("csv (nl)", "csv", "nl"))
    }

    recompute_seconds, recompute = time_recompute(role, workers=1)
    two_workers_seconds = None
    if connection.vendor == "postgresql":
        two_workers_seconds, _recompute = time_recompute(role, workers=2)
    return JobTimings(
        queue_p50_ms=statistics.median(samples) * 1000,
        queue_p95_ms=samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))] * 1000,
        export_rows=export.rows_written,
        export_seconds=export_seconds,
        copy_seconds=copy_seconds,
        file_exports=file_exports,
        recompute_matches=recompute.matches_written,
        recompute_chunks=recompute.chunks_total,
        recompute_seconds=recompute_seconds,
        recompute_two_workers_seconds=two_workers_seconds,
    )


def report(timings: dict[int, JobTimings], vendor: str) -> list[str]:
    """Print the job figures per size; the missed targets at the largest size."""
    print("\nBackground jobs")
    for size, timing in sorted(timings.items()):
        copy = f"{timing.copy_seconds:.2f} s" if timing.copy_seconds is not None else "n/a (PostgreSQL only)"
        ratio = f" = {timing.export_seconds / timing.copy_seconds:.2f}x" if timing.copy_seconds else ""
        two = timing.recompute_two_workers_seconds
        print(
            f"  {size:,} engineers: queue an export p50 {timing.queue_p50_ms:.1f} ms, p95 {timing.queue_p95_ms:.1f} ms;"
            f" worker export {timing.export_rows:,} rows {timing.export_seconds:.2f} s vs COPY {copy}{ratio};"
            f" recompute one role ({timing.recompute_matches:,} matches, {timing.recompute_chunks} chunks):"
            f" one worker {timing.recompute_seconds:.1f} s, two workers "
            + (f"{two:.1f} s" if two is not None else "n/a (SQLite keeps to one worker)")
        )
        for label, figures in timing.file_exports.items():
            print(
                f"    {label} export of {figures['rows']:,} rows in its own process: {figures['seconds']:.2f} s,"
                f" peak resident size {figures['peak_rss_mb']:.1f} MB (target < {EXPORT_PEAK_MB:.0f} MB)"
            )
    largest = max(timings)
    timing = timings[largest]
    misses = []
    if vendor == "postgresql" and largest >= 100_000:
        if timing.queue_p95_ms >= QUEUE_P95_MS:
            misses.append(f"queueing an export p95 {timing.queue_p95_ms:.1f} ms (target < {QUEUE_P95_MS} ms)")
        for label, figures in timing.file_exports.items():
            if figures["peak_rss_mb"] >= EXPORT_PEAK_MB:
                misses.append(
                    f"{label} export peak resident size {figures['peak_rss_mb']:.1f} MB (target < {EXPORT_PEAK_MB} MB)"
                )
        two_workers = timing.recompute_two_workers_seconds
        if largest >= MILLION and two_workers >= RECOMPUTE_TWO_WORKERS_MILLION_SECONDS:
            misses.append(
                f"recompute of one role for {largest:,} engineers in two workers {two_workers:.1f} s"
                f" (target < {RECOMPUTE_TWO_WORKERS_MILLION_SECONDS:.0f} s)"
            )
        if largest < MILLION and timing.recompute_seconds >= RECOMPUTE_SECONDS:
            misses.append(
                f"recompute of one role in one worker {timing.recompute_seconds:.1f} s (target < {RECOMPUTE_SECONDS} s)"
            )
        if timing.recompute_two_workers_seconds >= timing.recompute_seconds:
            misses.append(
                f"recompute of one role in two workers {timing.recompute_two_workers_seconds:.1f} s, not less than"
                f" in one ({timing.recompute_seconds:.1f} s)"
            )
    return misses


def as_json(timings: dict[int, JobTimings]) -> dict:
    return {size: asdict(timing) for size, timing in timings.items()}
