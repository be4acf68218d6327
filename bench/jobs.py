"""`make bench`'s figures for the background jobs: queueing an export, the worker's export beside a plain COPY,
and the recompute of one role."""

import statistics
import time
from dataclasses import asdict, dataclass

QUEUE_P95_MS = 50.0  # queueing an export, at 100,000 engineers on PostgreSQL
EXPORT_VS_COPY = 2.0  # the worker's full export against a COPY of the same columns
RECOMPUTE_SECONDS = 60.0  # one role for 100,000 engineers in one worker
QUEUE_SAMPLES = 20


@dataclass
class JobTimings:
    queue_p50_ms: float
    queue_p95_ms: float
    export_rows: int
    export_seconds: float
    copy_seconds: float | None
    recompute_matches: int
    recompute_seconds: float


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
        "m.missing_must_have_names, m.profile_id "
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


def measure_jobs(*, client, role) -> JobTimings:
    """Queue exports through the page (the database queue, nothing run), then do one export's and one
    recompute's work in this process, as a worker would."""
    from django.urls import reverse
    from django_tasks_db.models import DBTaskResult

    from portal.jobs import JobStatus
    from recruiting import services as recruiting_services
    from recruiting.models import CandidateExport
    from skills import services as skills_services

    url = reverse("recruiting:candidate-export")
    samples = []
    for number in range(QUEUE_SAMPLES):
        started = time.perf_counter()
        response = client.post(f"{url}?role={role.slug}&min_years={number % 40}&location=bench{number}")
        samples.append(time.perf_counter() - started)
        assert response.status_code == 303, response.status_code
    samples.sort()
    CandidateExport.objects.all().delete()
    DBTaskResult.objects.all().delete()

    client.post(f"{url}?role={role.slug}")
    export = CandidateExport.objects.get()
    started = time.perf_counter()
    recruiting_services.write_candidate_export(export_id=export.pk, attempt=export.attempt)
    export_seconds = time.perf_counter() - started
    export.refresh_from_db()
    assert export.status == JobStatus.DONE, export.error
    copy_seconds = _copy_seconds(role.pk)
    recruiting_services.exports_storage().delete(export.file_name)

    recompute = skills_services.request_role_recompute(role=role)
    started = time.perf_counter()
    skills_services.run_role_recompute(recompute_id=recompute.pk, attempt=recompute.attempt)
    recompute_seconds = time.perf_counter() - started
    recompute.refresh_from_db()
    DBTaskResult.objects.all().delete()
    return JobTimings(
        queue_p50_ms=statistics.median(samples) * 1000,
        queue_p95_ms=samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))] * 1000,
        export_rows=export.rows_written,
        export_seconds=export_seconds,
        copy_seconds=copy_seconds,
        recompute_matches=recompute.matches_written,
        recompute_seconds=recompute_seconds,
    )


def report(timings: dict[int, JobTimings], vendor: str) -> list[str]:
    """Print the job figures per size; the missed targets at the largest size."""
    print("\nBackground jobs")
    for size, timing in sorted(timings.items()):
        copy = f"{timing.copy_seconds:.2f} s" if timing.copy_seconds is not None else "n/a (PostgreSQL only)"
        ratio = f" = {timing.export_seconds / timing.copy_seconds:.2f}x" if timing.copy_seconds else ""
        print(
            f"  {size:,} engineers: queue an export p50 {timing.queue_p50_ms:.1f} ms, p95 {timing.queue_p95_ms:.1f} ms;"
            f" worker export {timing.export_rows:,} rows {timing.export_seconds:.2f} s vs COPY {copy}{ratio};"
            f" recompute one role ({timing.recompute_matches:,} matches) in one worker {timing.recompute_seconds:.1f} s"
            " (two workers: not measured, one role is one job)"
        )
    largest = max(timings)
    timing = timings[largest]
    misses = []
    if vendor == "postgresql" and largest >= 100_000:
        if timing.queue_p95_ms >= QUEUE_P95_MS:
            misses.append(f"queueing an export p95 {timing.queue_p95_ms:.1f} ms (target < {QUEUE_P95_MS} ms)")
        if timing.copy_seconds and timing.export_seconds > EXPORT_VS_COPY * timing.copy_seconds:
            misses.append(
                f"worker export {timing.export_seconds:.2f} s vs COPY {timing.copy_seconds:.2f} s "
                f"(target <= {EXPORT_VS_COPY}x)"
            )
        if timing.recompute_seconds >= RECOMPUTE_SECONDS:
            misses.append(f"recompute of one role {timing.recompute_seconds:.1f} s (target < {RECOMPUTE_SECONDS} s)")
    return misses


def as_json(timings: dict[int, JobTimings]) -> dict:
    return {size: asdict(timing) for size, timing in timings.items()}
