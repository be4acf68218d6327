"""Benchmark the key pages at 1,000 and 100,000 engineers, in one process (``make bench``); a million with
``make bench BENCH_SIZES=1000,1000000`` (its own targets: a colder list within 200 ms, recompute in two workers).

Builds its own database (SQLite under bench/results/, or ``bench_portal`` on the
PostgreSQL server of DATABASE_URL), loads the demo content, adds synthetic
engineers in bulk, and times each page through Django's test client at every
size, first with a warm cache, then with an empty one (``cache.clear()`` before
every timed request). Prints a table and writes bench/results/latest.json;
exits 1 when a target of the quality gate is missed. With REDIS_URL the cold pass
empties that Redis database again and again: give it an index nothing else uses.

    .venv/bin/python -m bench.run [--sizes 1000,100000] [--requests 60] [--seconds 5]

On PostgreSQL the database is ``bench_portal`` unless BENCH_DATABASE names another (two runs side by side).
"""

import argparse
import json
import os
import random
import statistics
import sys
import time
import warnings
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from bench.data import (
    RESULTS,
    configure_django,
    create_recruiter,
    generate_engineers,
    migrate_and_load_demo,
    own_database_url,
    sign_in,
)
from bench.jobs import JobTimings, measure_jobs
from bench.jobs import as_json as jobs_as_json
from bench.jobs import report as report_jobs

GROWTH_LIMIT = 1.5  # a page at the largest size may take at most 1.5x its time at the smallest
CANDIDATE_LIST_P95_MS = 50.0  # warm cache, on PostgreSQL at 100,000 engineers
COLD_CANDIDATE_LIST_P95_MS = 150.0  # empty cache, on PostgreSQL at 100,000 engineers
COLD_CANDIDATE_LIST_MILLION_P95_MS = 200.0  # empty cache, on PostgreSQL at 1,000,000 engineers
TICK_P50_MS = 15.0  # one htmx tick of a checklist item, on PostgreSQL at 100,000 engineers
DEEP_PAGE = 30  # a page that exists at 1,000 engineers too (25 per page, ~800 visible)
PAST_THE_END = 10**6  # the list answers a page number past the end with its last browsable page
BENCHMARK_PAGES_P95_MS = 20.0  # the benchmark and market pages, warm, on PostgreSQL at 100,000 engineers
COLD_BENCHMARK_PAGES_P95_MS = 150.0  # the same with an empty cache
SNAPSHOT_SECONDS = 60.0  # building a benchmark snapshot, in one worker, at 100,000 engineers
BASELINE_URL = "/bench/baseline/"  # bench.urls: base.html and no query of its own


@dataclass(frozen=True)
class Page:
    key: str
    label: str
    client: str  # anonymous, engineer or recruiter
    url: str
    key_page: bool = True  # a page of the portal, timed alternately with the baseline page (not the scale rows)
    tick_item: int | None = None  # a POST: the htmx tick of this checklist item, each one a new level


@dataclass
class ColdTiming:
    """The same page with an empty cache: every fragment, version token, count and access record read afresh."""

    requests: int
    p50_ms: float
    p95_ms: float
    queries: int


@dataclass
class Timing:
    requests: int
    per_second: float
    p50_ms: float
    p95_ms: float
    queries: int
    bytes: int
    lines: int
    baseline_p50_ms: float  # the baseline page, timed alternately with this page (the same conditions)
    baseline_share: float | None = None  # information only, not a target
    growth: float | None = None
    growth_raw: float | None = None
    cold: ColdTiming | None = None  # filled in by the cold pass


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def fetch(client, url: str, tick_item: int | None = None) -> tuple[int, bytes]:
    """Status and full response body, streaming responses included; with ``tick_item`` a tick as htmx sends it."""
    if tick_item is None:
        response = client.get(url)
    else:
        response = client.post(url, next_tick(client, tick_item), headers=tick_headers(client))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


def next_tick(client, item_id: int) -> dict[str, str]:
    """The next level (1 to 4 in turn) alone, as the checklist sends it the moment a level changes, so every tick
    changes the level and its matches."""
    from skills.forms import item_prefix

    client.bench_level = getattr(client, "bench_level", 0) % 4 + 1
    return {f"{item_prefix(item_id)}-level": str(client.bench_level)}


def tick_headers(client) -> dict[str, str]:
    """What htmx sends with a tick: its marker and the page's CSRF token (the client enforces CSRF, as a browser)."""
    return {"HX-Request": "true", "X-CSRFToken": client.cookies["csrftoken"].value}


def timed_fetch(client, url: str, tick_item: int | None = None) -> float:
    started = time.perf_counter()
    fetch(client, url, tick_item)
    return time.perf_counter() - started


def measure(
    client,
    url: str,
    *,
    baseline_url: str | None,
    max_requests: int,
    budget_seconds: float,
    tick_item: int | None = None,
) -> Timing:
    """Time ``url``; each request follows one of ``baseline_url``, so both see the same load on the machine."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    started = time.perf_counter()
    status, body = fetch(client, url, tick_item)  # warms caches, templates and the database's own buffers
    if status != 200:
        raise SystemExit(f"{url} answered {status}; the benchmark needs every page working.")
    minimum = 5 if time.perf_counter() - started < 1 else 3  # a page that takes seconds gets fewer samples
    with CaptureQueriesContext(connection) as captured:
        fetch(client, url, tick_item)
    queries = len(captured.captured_queries)  # now: the next request clears the log
    samples: list[float] = []
    baseline_samples: list[float] = []
    deadline = time.perf_counter() + budget_seconds
    while len(samples) < max_requests and (len(samples) < minimum or time.perf_counter() < deadline):
        if baseline_url:
            baseline_samples.append(timed_fetch(client, baseline_url))
        samples.append(timed_fetch(client, url, tick_item))
    p50 = statistics.median(samples)
    return Timing(
        requests=len(samples),
        per_second=len(samples) / sum(samples),
        p50_ms=p50 * 1000,
        p95_ms=percentile(samples, 0.95) * 1000,
        queries=queries,
        bytes=len(body),
        lines=body.count(b"\n"),
        baseline_p50_ms=(statistics.median(baseline_samples) if baseline_samples else p50) * 1000,
    )


def measure_cold(
    client, url: str, *, user, max_requests: int, budget_seconds: float, tick_item: int | None = None
) -> ColdTiming:
    """Time ``url`` right after ``cache.clear()``, every request.

    With REDIS_URL the sessions live in the cache too, so the visitor signs in again after each clear (untimed).
    """
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def empty_cache() -> None:
        cache.clear()
        if user is not None:
            sign_in(client, user)

    empty_cache()
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        status, _ = fetch(client, url, tick_item)
        first = time.perf_counter() - started
    queries = len(captured.captured_queries)  # now: the next request clears the log
    if status != 200:
        raise SystemExit(f"{url} answered {status} with an empty cache; the benchmark needs every page working.")
    minimum = 5 if first < 1 else 3
    samples: list[float] = []
    deadline = time.perf_counter() + budget_seconds
    while len(samples) < max_requests and (len(samples) < minimum or time.perf_counter() < deadline):
        empty_cache()
        samples.append(timed_fetch(client, url, tick_item))
    return ColdTiming(
        requests=len(samples),
        p50_ms=statistics.median(samples) * 1000,
        p95_ms=percentile(samples, 0.95) * 1000,
        queries=queries,
    )


def build_pages(*, role_slug: str, tools: tuple[str, str], candidate_pk: int, item_id: int) -> list[Page]:
    from django.urls import reverse

    candidates = reverse("recruiting:candidate-list")
    # Narrow, yet still a full first page at 1,000 engineers (about 100 match; with must_haves_met only 11):
    # otherwise the growth to 100,000 would measure 25 rendered rows against 11, not the size of the data.
    narrow = f"role={role_slug}&min_score=40&open_to_work=on&min_years=3&items={item_id}"
    return [
        Page("healthz", "/healthz (health check)", "anonymous", reverse("healthz"), key_page=False),
        Page("baseline-anonymous", "baseline page, anonymous", "anonymous", BASELINE_URL, key_page=False),
        Page("baseline-engineer", "baseline page, engineer", "engineer", BASELINE_URL, key_page=False),
        Page("baseline-recruiter", "baseline page, recruiter", "recruiter", BASELINE_URL, key_page=False),
        Page("tool-list", "catalog list", "anonymous", reverse("catalog:tool-list")),
        Page("tool-detail", "tool detail", "anonymous", reverse("catalog:tool-detail", kwargs={"slug": tools[0]})),
        Page("compare", "compare two tools", "anonymous", f"{reverse('catalog:compare')}?tools={tools[0]},{tools[1]}"),
        Page("checklist", "engineer: checklist", "engineer", reverse("skills:checklist")),
        Page("gaps", "engineer: gaps per role", "engineer", reverse("skills:gaps")),
        Page("role-gaps", "engineer: gaps for one role", "engineer", reverse("skills:role-gaps", args=[role_slug])),
        Page("candidates", "candidates ranked, page 1", "recruiter", f"{candidates}?role={role_slug}"),
        Page("candidates-filtered", "candidates filtered, page 1", "recruiter", f"{candidates}?{narrow}"),
        Page(
            "candidates-deep",
            f"candidates ranked, page {DEEP_PAGE}",
            "recruiter",
            f"{candidates}?role={role_slug}&page={DEEP_PAGE}",
        ),
        Page(
            "candidates-last",
            "candidates ranked, last page",
            "recruiter",
            f"{candidates}?role={role_slug}&page={PAST_THE_END}",  # the last of the browsable pages
        ),
        Page(
            "candidate-detail",
            "candidate detail",
            "recruiter",
            reverse("recruiting:candidate-detail", kwargs={"pk": candidate_pk}),
        ),
        Page("benchmarks", "engineer: benchmarks", "engineer", reverse("skills:benchmarks")),
        Page("market", "recruiter: market map", "recruiter", reverse("recruiting:market")),
        Page(
            "tick",
            "engineer: htmx tick of one item (POST)",
            "engineer",
            reverse("skills:assess", args=[item_id]),
            key_page=False,  # a write: held to its own p50 target, not to the read pages' baseline
            tick_item=item_id,
        ),
    ]


def analyze_database() -> None:
    """Planner statistics and visibility map after the bulk load, as autovacuum keeps them in production."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def evaluate(results: dict[int, dict[str, Timing]], pages: list[Page], vendor: str) -> list[str]:
    """Fill in the ratios and return the missed targets, each with its numbers.

    Other work on the machine slows every request alike, and it changes between the
    two sizes (minutes apart). Each page is therefore compared with the baseline page
    timed alternately with it: growth = the page's p50 relative to its baseline at the
    largest size over the same at the smallest. The raw p50 ratio is reported beside
    it, and so is the throughput share (baseline p50 / page p50), for information.
    """
    sizes = sorted(results)
    smallest, largest = sizes[0], sizes[-1]
    misses = []
    for size in sizes:
        for page in (page for page in pages if page.key_page):
            timing = results[size][page.key]
            timing.baseline_share = timing.baseline_p50_ms / timing.p50_ms
    if largest != smallest:
        for page in pages:
            small, large = results[smallest][page.key], results[largest][page.key]
            large.growth_raw = large.p50_ms / small.p50_ms
            large.growth = (large.p50_ms / large.baseline_p50_ms) / (small.p50_ms / small.baseline_p50_ms)
            if large.growth > GROWTH_LIMIT:
                misses.append(
                    f"{page.label}: {large.growth:.2f}x from {smallest:,} to {largest:,} (p50 {small.p50_ms:.1f} -> "
                    f"{large.p50_ms:.1f} ms, baseline {small.baseline_p50_ms:.1f} -> {large.baseline_p50_ms:.1f} ms; "
                    f"target {GROWTH_LIMIT}x)"
                )
    if vendor == "postgresql" and largest >= 100_000:
        timing = results[largest]["candidates"]
        if timing.p95_ms >= CANDIDATE_LIST_P95_MS:
            misses.append(
                f"candidate list p95 {timing.p95_ms:.1f} ms at {largest:,}, warm (target < {CANDIDATE_LIST_P95_MS} ms)"
            )
        tick = results[largest]["tick"]
        if tick.p50_ms >= TICK_P50_MS:
            misses.append(f"tick p50 {tick.p50_ms:.1f} ms at {largest:,} (target < {TICK_P50_MS} ms)")
        cold_target = COLD_CANDIDATE_LIST_MILLION_P95_MS if largest >= 1_000_000 else COLD_CANDIDATE_LIST_P95_MS
        if timing.cold.p95_ms >= cold_target:
            misses.append(
                f"candidate list p95 {timing.cold.p95_ms:.1f} ms at {largest:,}, empty cache (target < {cold_target} ms)"
            )
    return misses


def benchmark_misses(results: dict[int, dict[str, Timing]], snapshots: dict[int, float], vendor: str) -> list[str]:
    """The benchmarks' own targets at 100,000 on PostgreSQL: both pages' p95, warm and cold, and the snapshot."""
    largest = max(results)
    if vendor != "postgresql" or largest < 100_000:
        return []
    misses = []
    for key in ("benchmarks", "market"):
        timing = results[largest][key]
        if timing.p95_ms >= BENCHMARK_PAGES_P95_MS:
            misses.append(f"{key} p95 {timing.p95_ms:.1f} ms warm (target < {BENCHMARK_PAGES_P95_MS:.0f} ms)")
        if timing.cold.p95_ms >= COLD_BENCHMARK_PAGES_P95_MS:
            misses.append(f"{key} p95 {timing.cold.p95_ms:.1f} ms cold (target < {COLD_BENCHMARK_PAGES_P95_MS:.0f} ms)")
    if snapshots[largest] >= SNAPSHOT_SECONDS:
        misses.append(f"benchmark snapshot {snapshots[largest]:.1f} s (target < {SNAPSHOT_SECONDS:.0f} s)")
    return misses


def print_table(results: dict[int, dict[str, Timing]], pages: list[Page], vendor: str) -> None:
    sizes = sorted(results)
    header = (
        f"{'page':38} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} {'KB':>6} {'vs base':>7} "
        f"{'growth':>7} {'raw':>6} | {'cold p50':>8} {'cold p95':>8} {'queries':>7}"
    )
    for size in sizes:
        print(f"\n{size:,} engineers on {vendor}")
        print(header)
        print("-" * len(header))
        for page in pages:
            timing = results[size][page.key]
            share = "" if timing.baseline_share is None else f"{timing.baseline_share:.0%}"
            growth = raw = ""
            if timing.growth is not None and page.key_page:
                growth = f"{timing.growth:.2f}x"
            if timing.growth_raw is not None:
                raw = f"{timing.growth_raw:.2f}x"
            cold = timing.cold
            print(
                f"{page.label:38} {timing.per_second:7.1f} {timing.p50_ms:8.1f} {timing.p95_ms:8.1f} "
                f"{timing.queries:7d} {timing.bytes / 1024:6.0f} {share:>7} {growth:>7} {raw:>6} | "
                f"{cold.p50_ms:8.1f} {cold.p95_ms:8.1f} {cold.queries:7d}"
            )
    print(
        "\nvs base: throughput against the baseline page timed alternately with the page (baseline p50 / page p50);"
        " information only."
        "\ngrowth: t(largest)/t(smallest), each relative to its alternating baseline; raw: the plain p50 ratio."
        "\ncold: the cache emptied (cache.clear()) before every timed request; its queries are those of one such request."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000", help="engineer counts, ascending (default 1000,100000)")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per page at most (default 60)")
    parser.add_argument("--seconds", type=float, default=5.0, help="time budget per page (default 5)")
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args(argv)
    sizes = sorted(int(size) for size in options.sizes.split(","))
    redis_url = os.environ.get("REDIS_URL")
    if redis_url and urlsplit(redis_url).path.strip("/") in {"", "0"}:
        raise SystemExit("The cold pass empties the cache's Redis database: give REDIS_URL one of its own, e.g. /7.")

    warnings.filterwarnings("ignore", message="No directory at")  # static files come from the finders here
    database_url = own_database_url(
        postgres_name=os.environ.get("BENCH_DATABASE", "bench_portal"), sqlite_name="bench.sqlite3"
    )
    configure_django(database_url=database_url)
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    # Serve static URLs without collectstatic, and add the baseline page.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.ROOT_URLCONF = "bench.urls"

    from recruiting.selectors.candidates import default_role
    from skills.benchmarks.services import build_snapshot
    from skills.models import EngineerProfile, RoleRequirement

    started = time.perf_counter()
    migrate_and_load_demo()
    print(f"Schema and demo content on {connection.vendor} in {time.perf_counter() - started:.1f} s")
    rng = random.Random(options.seed)
    recruiter = create_recruiter("recruiter@bench.example.com")
    role = default_role()
    tool_slugs = ("pandas", "pyspark")  # the comparison the article is about; both are in the demo catalog
    must_have_item = RoleRequirement.objects.filter(role=role).order_by("-is_must_have", "pk").first().item_id

    # The engineer's client checks CSRF as a browser does: its ticks send the token like htmx.
    clients = {"anonymous": Client(), "engineer": Client(enforce_csrf_checks=True), "recruiter": Client()}
    users = {"anonymous": None, "recruiter": recruiter}  # the engineer comes with the first engineers
    results: dict[int, dict[str, Timing]] = {}
    job_timings: dict[int, JobTimings] = {}
    generation: dict[int, float] = {}
    snapshots: dict[int, float] = {}  # seconds to build a benchmark snapshot
    pages: list[Page] = []
    engineers = 0
    for size in sizes:
        generated = generate_engineers(size - engineers, first_index=engineers, rng=rng)
        generation[size] = generated.seconds
        print(f"{size - engineers:,} engineers generated in {generated.seconds:.1f} s (now {size:,})")
        if not engineers:
            users["engineer"] = EngineerProfile.objects.get(pk=generated.profile_ids[0]).user
            candidate = EngineerProfile.objects.filter(
                pk__in=generated.profile_ids[:1000], visibility=EngineerProfile.Visibility.RECRUITERS
            ).first()  # among the first thousand: a first size of 100,000 would pass too many parameters
            pages = build_pages(
                role_slug=role.slug, tools=tool_slugs, candidate_pk=candidate.pk, item_id=must_have_item
            )
        engineers = size
        EngineerProfile.objects.filter(user=users["engineer"]).update(counts_in_benchmarks=True)
        analyze_database()
        snapshots[size] = build_snapshot().seconds
        print(f"Benchmark snapshot built in {snapshots[size]:.1f} s at {size:,} engineers", flush=True)
        for kind, user in users.items():  # with REDIS_URL the last size's cold pass emptied the sessions too
            if user is not None:
                sign_in(clients[kind], user)
        clients["engineer"].get(reverse("skills:checklist"))  # sets the CSRF cookie the ticks send back
        results[size] = {}
        for page in pages:
            results[size][page.key] = measure(
                clients[page.client],
                page.url,
                baseline_url=BASELINE_URL if page.key_page else None,
                max_requests=options.requests,
                budget_seconds=options.seconds,
                tick_item=page.tick_item,
            )
            timing = results[size][page.key]
            print(f"  {page.label:38} p50 {timing.p50_ms:7.1f} ms  ({timing.requests} requests)", flush=True)
        for page in pages:  # after every warm figure: each clear would otherwise cool the next page's start too
            timing = results[size][page.key]
            timing.cold = measure_cold(
                clients[page.client],
                page.url,
                user=users[page.client],
                max_requests=options.requests,
                budget_seconds=options.seconds,
                tick_item=page.tick_item,
            )
            print(
                f"  {page.label:38} cold p50 {timing.cold.p50_ms:7.1f} ms  ({timing.cold.requests} requests)",
                flush=True,
            )
        sign_in(clients["recruiter"], recruiter)  # the cold pass emptied the cache, sessions too
        job_timings[size] = measure_jobs(client=clients["recruiter"], role=role)

    misses = evaluate(results, pages, connection.vendor)
    print_table(results, pages, connection.vendor)
    misses += report_jobs(job_timings, connection.vendor)
    misses += benchmark_misses(results, snapshots, connection.vendor)
    print("Benchmark snapshot: " + ", ".join(f"{seconds:.1f} s at {size:,}" for size, seconds in snapshots.items()))
    print(f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[1]:.1f} over the last 5 minutes.")
    print(
        f"Targets: every page within {GROWTH_LIMIT}x from the smallest to the largest size; on PostgreSQL from 100,000"
        f"\non, the candidate list's p95 under {CANDIDATE_LIST_P95_MS:.0f} ms warm and under"
        f" {COLD_CANDIDATE_LIST_P95_MS:.0f} ms with an empty cache ({COLD_CANDIDATE_LIST_MILLION_P95_MS:.0f} ms at a"
        f" million),\nthe htmx tick's p50 under {TICK_P50_MS:.0f} ms, the benchmark pages' p95 under"
        f" {BENCHMARK_PAGES_P95_MS:.0f} ms warm and {COLD_BENCHMARK_PAGES_P95_MS:.0f} ms cold, a snapshot under"
        f" {SNAPSHOT_SECONDS:.0f} s at 100,000;\nexports of flat memory. The health check and the baseline rows are"
        " shown for scale."
    )
    print("\n".join(["All targets met."] if not misses else ["Missed:", *(f"  - {miss}" for miss in misses)]))
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "sizes": sizes,
        "cpus": os.cpu_count(),
        "load_average_5min_at_end": round(os.getloadavg()[1], 2),
        "generation_seconds": generation,
        "snapshot_seconds": snapshots,
        "pages": [asdict(page) for page in pages],
        "results": {
            size: {key: asdict(timing) for key, timing in timings.items()} for size, timings in results.items()
        },
        "jobs": jobs_as_json(job_timings),
        "missed_targets": misses,
    }
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2))
    print(f"\nWritten to {RESULTS / 'latest.json'}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
