"""Load and fault test (``make load``): gunicorn on PostgreSQL and Redis, with a PostgreSQL restart mid-run.

Builds ``load_portal`` on the PostgreSQL server of DATABASE_URL (default the
local one), serves the portal with gunicorn (4 workers, debug off, plain HTTP on
127.0.0.1) beside one job worker (``manage.py db_worker``, restarted when it
exits, as a process manager would), and runs 50 engineers ticking checklist
items and 10 recruiters listing candidates for 60 seconds. At 40% of the run
PostgreSQL is stopped and started again. From halfway on, an editor changes a
requirement (queueing the role's recompute) and a recruiter runs three full
exports (POST, then polling the progress page until done); the ticks' p95
before and during that background work are printed side by side. Afterwards it
checks that nothing but clean 503 pages failed, that every acknowledged tick is
stored, that the jobs finished and that every stored match equals a fresh
computation. Prints the figures, writes bench/results/load.json and exits 1 when
a check fails.

    .venv/bin/python -m bench.load [--seconds 60] [--engineers 50] [--recruiters 10] [--outage 5]
"""

import argparse
import http.client
import json
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench.cluster import Cluster, missing_reason
from bench.data import (
    RESULTS,
    ROOT,
    configure_django,
    create_recruiter,
    generate_engineers,
    migrate_and_load_demo,
    recreate_postgres_database,
    server_url,
    sign_in,
)

HOST = "127.0.0.1"
LEVELS = range(5)
OUTAGE_GRACE_SECONDS = 2.0  # a request queued just before the stop, or answered just after recovery
CLEAN_503_TEXT = "Back in a moment"
TICK_P95_LIMIT = 1.2  # ticks during the background jobs against ticks before them
EXPORTS = 3
JOB_TIMEOUT_SECONDS = 120.0
BASELINE_POST_EVERY = 4  # every 4th request of an engineer is the trivial POST baseline instead of a tick


@dataclass
class Outcome:
    """One request as the client saw it."""

    kind: str  # tick, post-baseline (a trivial POST), list, export
    sent_at: float
    seconds: float
    status: int | None  # None: no HTTP answer (connection refused, reset, timeout)
    clean_503: bool = False
    error: str = ""


@dataclass
class Tick:
    user_id: int
    item_id: int
    level: int
    note: str
    acknowledged: bool


@dataclass
class Run:
    outcomes: list[Outcome] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)
    outage: dict[str, float] = field(default_factory=dict)
    replica_outage: dict[str, float] = field(default_factory=dict)  # --scale-out: the replica's restart
    jobs: dict = field(default_factory=dict)  # when the background work started, the exports' outcomes

    def record(self, outcome: Outcome, tick: Tick | None = None) -> None:
        with self.lock:
            self.outcomes.append(outcome)
            if tick is not None:
                self.ticks.append(tick)


class Portal:
    """Plain HTTP to the gunicorn under test, with a session cookie and CSRF token like a browser."""

    def __init__(self, port: int, session_key: str = ""):
        self.port = port
        self.cookies = {"sessionid": session_key} if session_key else {}

    def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None):
        """Returns (status, headers, text); raises OSError / HTTPException when there is no answer."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            all_headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
            all_headers.update(headers or {})
            encoded = None
            if body is not None:
                encoded = urlencode(body)
                all_headers.update(
                    {
                        "Content-Type": "application/x-www-form-urlencoded",
                        "X-CSRFToken": self.cookies.get("csrftoken", ""),
                        "Origin": f"http://{HOST}:{self.port}",
                        "HX-Request": "true",
                    }
                )
            connection.request(method, path, body=encoded, headers=all_headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or ():
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, response.headers, text
        finally:
            connection.close()


def timed(run: Run, portal: Portal, kind: str, method: str, path: str, body: dict | None = None) -> Outcome:
    started = time.monotonic()
    try:
        status, headers, text = portal.request(method, path, body)
    except (OSError, http.client.HTTPException) as error:
        outcome = Outcome(kind, started, time.monotonic() - started, None, error=f"{type(error).__name__}: {error}")
    else:
        clean = status == 503 and headers.get("Retry-After") is not None and CLEAN_503_TEXT in text
        outcome = Outcome(kind, started, time.monotonic() - started, status, clean_503=clean)
    return outcome


def engineer_loop(run: Run, portal: Portal, user_id: int, levels: dict[int, int], think: float, seed: int) -> None:
    """Tick items one after another; every level sent differs from every level the item may hold now.

    After an answer that is not an acknowledgement the write may or may not
    have landed, so its level joins the item's possible levels; the next level
    avoids all of them. Every acknowledged tick therefore changes the level and
    leaves exactly one AssessmentChange row.
    """
    from django.urls import reverse

    from skills.forms import item_prefix

    rng = random.Random(seed)
    possible = {item_id: {level} for item_id, level in levels.items()}
    sequence = 0
    while not run.stop.is_set():
        sequence += 1
        if sequence % BASELINE_POST_EVERY == 0:
            # The cheapest POST through the same stack (session, CSRF, auth): choosing the language it already has.
            outcome = timed(run, portal, "post-baseline", "POST", reverse("set_language"), {"language": "en"})
            run.record(outcome)
            run.stop.wait(rng.uniform(0, 2 * think))
            continue
        item_id = rng.choice(list(possible))
        choices = [level for level in LEVELS if level not in possible[item_id]] or list(LEVELS)
        level = rng.choice(choices)
        note = f"load u{user_id} #{sequence}"
        prefix = item_prefix(item_id)
        body = {
            f"{prefix}-level": level,
            f"{prefix}-evidence_url": f"https://example.com/evidence/{user_id}/{sequence}" if level >= 3 else "",
            f"{prefix}-note": note,
        }
        outcome = timed(run, portal, "tick", "POST", reverse("skills:assess", args=[item_id]), body)
        acknowledged = outcome.status is not None and 200 <= outcome.status < 400
        run.record(outcome, Tick(user_id, item_id, level, note, acknowledged))
        possible[item_id] = {level} if acknowledged else possible[item_id] | {level}
        run.stop.wait(rng.uniform(0, 2 * think) + (0 if acknowledged else 0.5))


def recruiter_loop(run: Run, portal: Portal, role_slugs: list[str], think: float, seed: int) -> None:
    from django.urls import reverse

    rng = random.Random(seed)
    while not run.stop.is_set():
        query = {"role": rng.choice(role_slugs), "page": rng.randint(1, 20)}
        if rng.random() < 0.3:
            query |= {"min_score": rng.choice([40, 60, 80]), "open_to_work": "on"}
        outcome = timed(run, portal, "list", "GET", f"{reverse('recruiting:candidate-list')}?{urlencode(query)}")
        run.record(outcome)
        run.stop.wait(rng.uniform(0, 2 * think) + (0 if outcome.status == 200 else 0.5))


def postgres_cluster() -> tuple[str, str]:
    versions = sorted(os.listdir("/etc/postgresql"))
    if not versions:
        raise SystemExit("No local PostgreSQL cluster under /etc/postgresql: the restart needs one.")
    return versions[-1], "main"


def pg_ctlcluster(action: str) -> None:
    version, name = postgres_cluster()
    subprocess.run(  # noqa: S603 - fixed command on the machine's own cluster
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action],  # noqa: S607
        check=True,
        capture_output=True,
        timeout=120,
    )


def healthy(port: int) -> bool:
    try:
        return Portal(port).request("GET", "/healthz")[0] == 200
    except (OSError, http.client.HTTPException):
        return False


def restart_postgres(
    run: Run,
    port: int,
    at: float,
    outage_seconds: float,
    *,
    stop: Callable[[], None] | None = None,
    start: Callable[[], None] | None = None,
    record: dict[str, float] | None = None,
) -> None:
    """Stop PostgreSQL (the machine's, or with ``stop``/``start`` a server of the scale-out cluster) at ``at``
    seconds, start it ``outage_seconds`` later, and time the recovery into ``record`` (default ``run.outage``)."""
    record = run.outage if record is None else record
    stop = stop or partial(pg_ctlcluster, "stop")
    start = start or partial(pg_ctlcluster, "start")
    started = time.monotonic()
    if run.stop.wait(at):
        return
    record["stop_sent"] = time.monotonic()
    stop()
    record["stopped"] = time.monotonic()
    time.sleep(outage_seconds)
    record["start_sent"] = time.monotonic()
    start()
    record["started"] = time.monotonic()
    while not healthy(port):
        time.sleep(0.1)
    record["recovered"] = time.monotonic()
    record["run_started"] = started


class Worker:
    """One `manage.py db_worker` for the run, started again whenever it exits (it does when the database goes
    away), as systemd or supervisord would."""

    def __init__(self, env: dict[str, str], log_path: Path, worker_id: str = "load"):
        self.env = env
        self.worker_id = worker_id
        self.log = log_path.open("w")
        self.process: subprocess.Popen | None = None
        self.starts = 0
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._supervise, daemon=True)

    def _start(self) -> None:
        self.starts += 1
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--no-reload",
                "--interval",
                "0.5",
                "--worker-id",
                self.worker_id,
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def _supervise(self) -> None:
        while not self.stopping.is_set():
            if self.process is None or self.process.poll() is not None:
                self._start()
            self.stopping.wait(1)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        """SIGTERM: the worker finishes its current task, then exits."""
        self.stopping.set()
        self.thread.join()
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def change_requirement(role_slug: str) -> int:
    """What an editor's save in the admin does: change one requirement of the role and queue its recompute."""
    from django.db import connection

    from skills.models import Role, RoleRequirement
    from skills.services.recomputes import request_role_recompute

    role = Role.objects.get(slug=role_slug)
    requirement = RoleRequirement.objects.filter(role=role).order_by("pk").first()
    requirement.min_level = 3 if requirement.min_level != 3 else 2
    requirement.save(update_fields=["min_level"])
    recompute = request_role_recompute(role=role)
    connection.close()
    return recompute.pk


def export_candidates(run: Run, portal: Portal, role_slug: str) -> dict:
    """A recruiter's full export of one role's list: queue it, then poll its page as the Refresh link does."""
    from django.urls import reverse

    started = time.monotonic()
    path = f"{reverse('recruiting:candidate-export')}?{urlencode({'role': role_slug})}"
    try:
        status, headers, _text = portal.request("POST", path, body={})
    except (OSError, http.client.HTTPException) as error:
        run.record(Outcome("export", started, time.monotonic() - started, None, error=f"{type(error).__name__}"))
        return {"role": role_slug, "done": False, "seconds": None}
    run.record(Outcome("export", started, time.monotonic() - started, status))
    location = urlsplit(headers.get("Location", "")).path
    done = False
    while status == 303 and time.monotonic() - started < JOB_TIMEOUT_SECONDS:  # also after the load's end
        polled = time.monotonic()
        try:
            page_status, _headers, text = portal.request("GET", location)
        except (OSError, http.client.HTTPException) as error:
            page_status, text = None, f"{type(error).__name__}"
        run.record(
            Outcome(
                "export", polled, time.monotonic() - polled, page_status, error=text[:80] if not page_status else ""
            )
        )
        if page_status == 200 and 'hx-trigger="every 2s"' not in text:  # finished: a download link, or failed
            done = "/download/" in text
            break
        time.sleep(1)
    return {"role": role_slug, "done": done, "seconds": round(time.monotonic() - started, 1)}


def background_work(run: Run, portal: Portal, role_slugs: list[str], at: float, restart: bool) -> None:
    """From ``at`` seconds on (after the restart's recovery): the editor's change, then the recruiter's exports."""
    if run.stop.wait(at):
        return
    while restart and "recovered" not in run.outage and not run.stop.wait(0.2):
        pass
    run.jobs["started"] = time.monotonic()
    run.jobs["recompute_id"] = change_requirement(role_slugs[0])
    run.jobs["exports"] = [
        export_candidates(run, portal, role_slugs[number % len(role_slugs)]) for number in range(EXPORTS)
    ]
    run.jobs["exports_done"] = time.monotonic()


def wait_for_jobs(recompute_id: int | None) -> dict:
    """After the load: the worker finishes the recompute; its duration and outcome."""
    from skills.models import RoleRecompute

    if recompute_id is None:
        return {"status": "not queued"}
    deadline = time.monotonic() + JOB_TIMEOUT_SECONDS
    recompute = RoleRecompute.objects.get(pk=recompute_id)
    while not recompute.is_finished and time.monotonic() < deadline:
        time.sleep(0.5)
        recompute.refresh_from_db()
    seconds = (recompute.finished_at - recompute.created_at).total_seconds() if recompute.finished_at else None
    return {
        "status": recompute.status,
        "chunks": recompute.chunks_total,
        "matches_written": recompute.matches_written,
        "seconds": round(seconds, 1) if seconds is not None else None,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_gunicorn(
    port: int, env: dict[str, str], log_path: Path, workers: int = 4, threads: int = 1
) -> subprocess.Popen:
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    process = subprocess.Popen(  # noqa: S603
        [
            gunicorn,
            "portal.wsgi:application",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--bind",
            f"{HOST}:{port}",
            "--timeout",
            "30",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not healthy(port):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"gunicorn did not come up; see {log_path}")
        time.sleep(0.2)
    return process


def stop_gunicorn(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def check_ticks(ticks: list[Tick]) -> dict:
    """Every acknowledged tick left its history row, in order; the last acknowledged value of each item is stored."""
    from skills.models import Assessment, AssessmentChange

    by_user: dict[int, list[Tick]] = defaultdict(list)
    for tick in ticks:
        by_user[tick.user_id].append(tick)
    missing = 0
    over = 0
    wrong_final = 0
    stored_changes = 0
    for user_id, user_ticks in by_user.items():
        history = list(
            AssessmentChange.objects.filter(user_id=user_id).order_by("pk").values_list("item_id", "new_level")
        )
        stored_changes += len(history)
        position = 0
        for tick in (tick for tick in user_ticks if tick.acknowledged):
            while position < len(history) and history[position] != (tick.item_id, tick.level):
                position += 1
            if position == len(history):
                missing += 1
            else:
                position += 1
        acknowledged = sum(tick.acknowledged for tick in user_ticks)
        if not acknowledged <= len(history) <= len(user_ticks):
            over += 1
        last: dict[int, Tick] = {}
        for tick in user_ticks:
            last[tick.item_id] = tick
        stored = {
            item_id: (level, note)
            for item_id, level, note in Assessment.objects.filter(user_id=user_id).values_list(
                "item_id", "level", "note"
            )
        }
        wrong_final += sum(
            1 for item_id, tick in last.items() if tick.acknowledged and stored.get(item_id) != (tick.level, tick.note)
        )
    return {
        "ticks_sent": len(ticks),
        "ticks_acknowledged": sum(tick.acknowledged for tick in ticks),
        "history_rows_stored": stored_changes,
        "acknowledged_ticks_missing": missing,
        "engineers_with_history_count_out_of_bounds": over,
        "items_whose_last_acknowledged_value_is_not_stored": wrong_final,
    }


def check_matches() -> dict:
    """Every profile's stored match with every role equals compute_match on its stored levels."""
    from skills.models import Assessment, EngineerProfile, Role, RoleMatch
    from skills.scoring import compute_match
    from skills.selectors.roles import requirement_specs_by_role

    specs = requirement_specs_by_role()
    roles = list(Role.objects.values_list("pk", flat=True))
    levels: dict[int, dict[int, int]] = defaultdict(dict)
    for user_id, item_id, level in Assessment.objects.values_list("user_id", "item_id", "level").iterator(10000):
        levels[user_id][item_id] = level
    stored = {
        (row[0], row[1]): row[2:]
        for row in RoleMatch.objects.values_list(
            "profile_id", "role_id", "score", "requirements_met", "requirements_total", "missing_must_have_ids"
        ).iterator(10000)
    }
    checked = wrong = 0
    for profile_id, user_id in EngineerProfile.objects.values_list("pk", "user_id").iterator(10000):
        for role_id in roles:
            result = compute_match(specs.get(role_id, []), levels[user_id])
            expected = (
                result.score,
                result.requirements_met,
                result.requirements_total,
                list(result.missing_must_have_ids),
            )
            checked += 1
            wrong += stored.get((profile_id, role_id)) != expected
    return {"matches_checked": checked, "matches_wrong_or_missing": wrong}


def summarize(run: Run) -> dict:
    outage = run.outage
    window = (
        (outage["stop_sent"] - OUTAGE_GRACE_SECONDS, outage["recovered"] + OUTAGE_GRACE_SECONDS)
        if "recovered" in outage
        else None
    )

    def in_window(outcome: Outcome) -> bool:
        end = outcome.sent_at + outcome.seconds
        return window is not None and end >= window[0] and outcome.sent_at <= window[1]

    figures: dict = {}
    duration = max(outcome.sent_at + outcome.seconds for outcome in run.outcomes) - min(
        outcome.sent_at for outcome in run.outcomes
    )
    for kind in ("tick", "post-baseline", "list"):
        outcomes = [outcome for outcome in run.outcomes if outcome.kind == kind]
        answered = [outcome for outcome in outcomes if outcome.status is not None and outcome.status < 500]
        latencies = [outcome.seconds * 1000 for outcome in answered]
        figures[kind] = {
            "requests": len(outcomes),
            "statuses": dict(sorted(Counter(str(outcome.status) for outcome in outcomes).items())),
            "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
            "p95_ms": round(sorted(latencies)[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
            "answered_per_second": round(len(answered) / duration, 1) if duration else None,
            # What one worker could serve back to back: the inverse of the mean time of an answered request.
            "per_second_per_worker": round(1000 / statistics.mean(latencies), 1) if latencies else None,
        }
    tick, baseline = figures["tick"], figures["post-baseline"]
    if tick["p50_ms"] and baseline["p50_ms"]:
        figures["tick_vs_post_baseline"] = {
            "p50_ratio": round(tick["p50_ms"] / baseline["p50_ms"], 2),
            "per_worker_share": round(tick["per_second_per_worker"] / baseline["per_second_per_worker"], 2),
        }
    if "started" in run.jobs:
        ticks = [
            outcome
            for outcome in run.outcomes
            if outcome.kind == "tick" and outcome.status is not None and outcome.status < 500 and not in_window(outcome)
        ]
        before = sorted(outcome.seconds * 1000 for outcome in ticks if outcome.sent_at < run.jobs["started"])
        during = sorted(outcome.seconds * 1000 for outcome in ticks if outcome.sent_at >= run.jobs["started"])
        if before and during:
            p95_before = before[int(0.95 * (len(before) - 1))]
            p95_during = during[int(0.95 * (len(during) - 1))]
            figures["tick_p95_background"] = {
                "without_ms": round(p95_before, 1),
                "with_ms": round(p95_during, 1),
                "ratio": round(p95_during / p95_before, 2),
                "ticks_without": len(before),
                "ticks_with": len(during),
            }
    errors = [outcome for outcome in run.outcomes if outcome.status is None]
    clean_503 = [outcome for outcome in run.outcomes if outcome.clean_503]
    server_errors = [
        outcome
        for outcome in run.outcomes
        if outcome.status is not None and outcome.status >= 500 and not (outcome.clean_503 and in_window(outcome))
    ]
    client_errors = [outcome for outcome in run.outcomes if outcome.status is not None and 400 <= outcome.status < 500]
    figures |= {
        "clean_503_during_outage": sum(in_window(outcome) for outcome in clean_503),
        "other_5xx": len(server_errors),
        "4xx": len(client_errors),
        "no_answer": len(errors),
        "no_answer_examples": sorted({outcome.error for outcome in errors})[:5],
    }
    for name, record in (("outage", outage), ("replica_outage", run.replica_outage)):
        if "recovered" in record:
            figures[name] = {
                "stop_at_s": round(record["stop_sent"] - record["run_started"], 1),
                "postgres_down_s": round(record["started"] - record["stopped"], 1),
                "stop_to_portal_healthy_s": round(record["recovered"] - record["stop_sent"], 1),
                "start_to_portal_healthy_s": round(record["recovered"] - record["started"], 2),
            }
    if "recovered" in run.replica_outage:  # reads fall back to the primary: not even a clean 503 is allowed here
        begin, end = run.replica_outage["stop_sent"], run.replica_outage["recovered"] + OUTAGE_GRACE_SECONDS
        figures["replica_outage"]["5xx_or_no_answer"] = sum(
            (outcome.status is None or outcome.status >= 500) and not in_window(outcome)
            for outcome in run.outcomes
            if outcome.sent_at + outcome.seconds >= begin and outcome.sent_at <= end
        )
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="duration of the load (default 60)")
    parser.add_argument("--engineers", type=int, default=50, help="concurrent engineers ticking items (default 50)")
    parser.add_argument("--recruiters", type=int, default=10, help="concurrent recruiters listing (default 10)")
    parser.add_argument("--candidates", type=int, default=2000, help="engineers in the database (default 2000)")
    parser.add_argument("--outage", type=float, default=5, help="seconds PostgreSQL stays down (default 5)")
    parser.add_argument("--no-restart", action="store_true", help="skip the PostgreSQL restart")
    parser.add_argument(
        "--database", default="load_portal", help="database to drop and build on DATABASE_URL's server (load_portal)"
    )
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between a user's requests (default 0.5)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--scale-out",
        action="store_true",
        help="a throwaway primary and streaming replica (bench/cluster.py), two gunicorn processes and two workers;"
        " the replica is restarted at 25%% of the run, the primary at 60%%",
    )
    options = parser.parse_args(argv)
    cluster = None
    if options.scale_out:
        if reason := missing_reason():
            raise SystemExit(f"--scale-out needs its own PostgreSQL servers: {reason}")
        cluster = Cluster()
        cluster.start()
    try:
        return run_load(options, cluster)
    finally:
        if cluster is not None:
            cluster.stop()


def run_load(options: argparse.Namespace, cluster: Cluster | None) -> int:
    """The load on the machine's PostgreSQL, or with ``cluster`` on its primary and replica."""
    server = (
        cluster.primary_url
        if cluster is not None
        else os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
    )
    if not server.startswith(("postgres://", "postgresql://")):
        raise SystemExit("The load test needs PostgreSQL: set DATABASE_URL to a postgres:// URL or leave it unset.")
    if urlsplit(server).hostname not in {"127.0.0.1", "localhost"} and not options.no_restart:
        raise SystemExit("The restart is only done on the local PostgreSQL; use --no-restart for another server.")
    redis_url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/1"
    database_url = recreate_postgres_database(server, options.database)
    django_env = {
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_PROXY_SSL_HEADER": "0",
        "LOG_LEVEL": "WARNING",
    }
    configure_django(database_url=database_url, extra_env=django_env)
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client
    from django.urls import reverse

    from skills.models import Assessment, ChecklistItem, EngineerProfile, Role

    RESULTS.mkdir(parents=True, exist_ok=True)
    print(
        f"Preparing {options.database} on {urlsplit(server).hostname}: schema, demo content, {options.candidates:,} engineers"
    )
    migrate_and_load_demo()
    call_command("collectstatic", interactive=False, verbosity=0)
    rng = random.Random(options.seed)
    engineers = generate_engineers(max(options.candidates, options.engineers), first_index=0, rng=rng)
    recruiters = [create_recruiter(f"recruiter{index}@load.example.com") for index in range(options.recruiters)]
    role_slugs = list(Role.objects.filter(published=True).values_list("slug", flat=True))

    sessions = []
    ticking = EngineerProfile.objects.filter(pk__in=engineers.profile_ids[: options.engineers]).select_related("user")
    for user in [profile.user for profile in ticking] + recruiters:
        client = Client()
        sign_in(client, user)  # the session goes to Redis, where gunicorn reads it
        sessions.append((user.pk, client.cookies["sessionid"].value))
    levels = defaultdict(dict)
    for user_id, item_id, level in Assessment.objects.filter(user_id__in=[pk for pk, _ in sessions]).values_list(
        "user_id", "item_id", "level"
    ):
        levels[user_id][item_id] = level
    item_ids = list(ChecklistItem.objects.values_list("pk", flat=True))
    connections.close_all()

    web_env = {**os.environ}
    if cluster is not None:  # the replica starts from the data built above, then follows the primary
        cluster.add_replica()
        web_env["DATABASE_REPLICA_URLS"] = server_url(cluster.replica_url, options.database)
    processes = 2 if cluster is not None else 1
    ports = [free_port() for _ in range(processes)]
    log_path = RESULTS / "load-gunicorn.log"
    gunicorns = [
        start_gunicorn(web_port, web_env, log_path.with_name(f"load-gunicorn-{number}.log") if number else log_path,
                       workers=4 // processes)
        for number, web_port in enumerate(ports)
    ]  # fmt: skip
    port = ports[0]
    workers = [
        Worker(web_env, RESULTS / f"load-worker{f'-{number}' if number else ''}.log", worker_id=f"load-{number}")
        for number in range(processes)
    ]
    for worker in workers:
        worker.start()
    print(
        f"{processes} gunicorn process(es) ({4 // processes} workers each) and {processes} db_worker(s) on "
        f"{', '.join(f'http://{HOST}:{web_port}' for web_port in ports)}"
        + (" with a streaming replica" if cluster is not None else "")
        + f"; {options.engineers} engineers and {options.recruiters} recruiters for {options.seconds:.0f} s; from"
        f" halfway on, a requirement change and {EXPORTS} exports"
    )
    run = Run()
    threads = []
    try:
        for index, (user_id, session_key) in enumerate(sessions):
            portal = Portal(ports[index % len(ports)], session_key)  # users spread over the web processes
            if index < options.engineers:
                status = portal.request("GET", "/skills/")[0]  # the checklist page sets the CSRF cookie
                if status != 200 or "csrftoken" not in portal.cookies:
                    raise SystemExit(f"The checklist answered {status} without a CSRF cookie; cannot tick.")
                item_levels = {item_id: levels[user_id].get(item_id, 0) for item_id in item_ids}
                target, args = engineer_loop, (run, portal, user_id, item_levels, options.think, options.seed + index)
            else:
                status = portal.request("GET", reverse("recruiting:candidate-list"))[0]
                if status != 200:  # a redirect here means the session lacks the second factor
                    raise SystemExit(f"The candidate list answered {status} to a recruiter; cannot list.")
                target, args = recruiter_loop, (run, portal, role_slugs, options.think * 2, options.seed + index)
            threads.append(threading.Thread(target=target, args=args, daemon=True))
        exporter = Portal(port, sessions[options.engineers][1]) if options.recruiters else None
        if exporter is not None and exporter.request("GET", reverse("recruiting:candidate-list"))[0] == 200:
            threads.append(
                threading.Thread(
                    target=background_work,
                    args=(run, exporter, role_slugs, options.seconds / 2, not options.no_restart),
                    daemon=True,
                )
            )
        if not options.no_restart and cluster is None:
            threads.append(
                threading.Thread(
                    target=restart_postgres, args=(run, port, options.seconds * 0.4, options.outage), daemon=True
                )
            )
        if not options.no_restart and cluster is not None:
            replica = {"stop": cluster.stop_replica, "start": cluster.start_replica, "record": run.replica_outage}
            primary = {"stop": cluster.stop_primary, "start": cluster.start_primary}
            threads += [
                threading.Thread(
                    target=partial(restart_postgres, **replica),
                    args=(run, port, options.seconds * 0.25, options.outage),
                    daemon=True,
                ),
                threading.Thread(
                    target=partial(restart_postgres, **primary),
                    args=(run, port, options.seconds * 0.6, options.outage),
                    daemon=True,
                ),
            ]
        for thread in threads:
            thread.start()
        run.stop.wait(options.seconds)
        run.stop.set()
        for thread in threads:
            thread.join(timeout=JOB_TIMEOUT_SECONDS)
        recompute = wait_for_jobs(run.jobs.get("recompute_id"))
    finally:
        run.stop.set()
        for gunicorn in gunicorns:
            stop_gunicorn(gunicorn)
        for worker in workers:
            worker.stop()

    figures = summarize(run)
    figures["jobs"] = {
        "recompute": recompute,
        "exports": run.jobs.get("exports", []),
        "worker_starts": sum(worker.starts for worker in workers),
    }
    figures["ticks"] = check_ticks(run.ticks)
    figures["matches"] = check_matches()
    if cluster is not None:  # what the replica answered: transactions and rows read there (since its restart)
        with cluster.connect(cluster.replica_port) as replica:
            figures["replica_reads"] = dict(
                zip(
                    ("transactions", "rows_returned"),
                    replica.execute(
                        "SELECT xact_commit, tup_returned FROM pg_stat_database WHERE datname = %s", [options.database]
                    ).fetchone(),
                    strict=True,
                )
            )
    figures["server_log_503_lines"] = sum(
        log_path.with_name(f"load-gunicorn-{number}.log" if number else log_path.name)
        .read_text()
        .count("Database unavailable, answered 503")
        for number in range(processes)
    )
    from django.contrib.sessions.backends.cache import SessionStore

    for _, session_key in sessions:
        SessionStore(session_key).delete()

    failures = []
    if figures["other_5xx"]:
        failures.append(f"{figures['other_5xx']} responses were 5xx outside the outage or not the clean 503 page")
    if figures["no_answer"]:
        failures.append(f"{figures['no_answer']} requests got no HTTP answer")
    if figures["4xx"]:
        failures.append(f"{figures['4xx']} requests were refused (4xx)")
    if not options.no_restart and "outage" not in figures:
        failures.append("the portal did not become healthy again after the restart")
    if cluster is not None and not options.no_restart:
        replica_figures = figures.get("replica_outage")
        if replica_figures is None:
            failures.append("the replica's restart did not complete")
        elif replica_figures["5xx_or_no_answer"]:
            failures.append(f"{replica_figures['5xx_or_no_answer']} requests failed while the replica restarted")
    tick_figures = figures["ticks"]
    if tick_figures["acknowledged_ticks_missing"] or tick_figures["items_whose_last_acknowledged_value_is_not_stored"]:
        failures.append("acknowledged ticks are missing from the database")
    if tick_figures["engineers_with_history_count_out_of_bounds"]:
        failures.append("history rows do not fit between acknowledged and sent ticks")
    if recompute["status"] != "done":
        failures.append(f"the role recompute did not finish ({recompute['status']})")
    exports = figures["jobs"]["exports"]
    if len(exports) != EXPORTS or not all(export["done"] for export in exports):
        failures.append(f"not all {EXPORTS} exports finished: {exports}")
    background = figures.get("tick_p95_background")
    if background is None:
        failures.append("no ticks to compare before and during the background jobs")
    elif background["ratio"] > TICK_P95_LIMIT:
        failures.append(
            f"tick p95 {background['with_ms']} ms during the background jobs vs {background['without_ms']} ms"
            f" before ({background['ratio']}x, target <= {TICK_P95_LIMIT}x)"
        )
    if figures["matches"]["matches_wrong_or_missing"]:
        failures.append(f"{figures['matches']['matches_wrong_or_missing']} stored matches differ from compute_match")
    figures["machine"] = {"cpus": os.cpu_count(), "load_average_1min_at_end": round(os.getloadavg()[0], 2)}
    figures["failures"] = failures
    (RESULTS / "load.json").write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures, indent=2))
    if background is not None:
        print(
            f"Tick p95 without background jobs {background['without_ms']} ms, with them {background['with_ms']} ms"
            f" ({background['ratio']}x, target <= {TICK_P95_LIMIT}x)"
        )
    if "tick_vs_post_baseline" in figures:
        tick, baseline = figures["tick"], figures["post-baseline"]
        print(
            f"Ticks: {tick['per_second_per_worker']}/s per worker (p50 {tick['p50_ms']} ms, p95 {tick['p95_ms']} ms); "
            f"trivial POST: {baseline['per_second_per_worker']}/s per worker (p50 {baseline['p50_ms']} ms, "
            f"p95 {baseline['p95_ms']} ms), in the same run."
        )
    print("\n".join(["All load and fault checks passed."] if not failures else ["FAILED:", *failures]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
