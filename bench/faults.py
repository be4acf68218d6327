"""The fault drill (``make faults``): every part of a production-like run fails once, and comes back.

Builds a throwaway PostgreSQL database (``faults_portal`` on the server of DATABASE_URL, default the local one;
dropped at the end) with the demo content and ``--engineers`` synthetic engineers (bench/data.py), starts its own
gunicorn, two job workers (``manage.py db_worker``) and a private Redis on a free port, then injects, one after
another:

1. a worker killed (SIGKILL) mid-export, 2. a worker killed mid-recompute — a process manager starts a new one;
   nobody looks at a page: the workers' own sweep must finish the job, once, within the stale time + 30 s;
3. the database's connections killed (``pg_terminate_backend``, this database's backends only) during a burst of
   ticks, 4. new connections refused for 5 s (``ALLOW_CONNECTIONS false`` on this database only) during ticks:
   no acknowledged tick lost, only clean 503s, the same worker processes still running;
5. the exports folder not writable: the export's page says when it retries, and the retry finishes it;
6. both workers stopped (``FAULTS_WORKER_STOP`` seconds, default 120): the page says no worker has checked in,
   the job runs once they are back;
7. Redis stopped for 20 s and started again empty, with pages, API calls, ticks and a recompute under way:
   no 500, nobody logged out, the recompute finishes and equals a fresh computation.

It prints a table (fault, expected, observed, data lost, recovery time) and exits 1 when a row fails. It never
stops or restarts a server it did not start: PostgreSQL keeps running; only its own database is altered.

    .venv/bin/python -m bench.faults [--engineers 15000] [--stale 30] [--worker-stop 120] [--redis-down 20]
"""

import argparse
import csv
import io
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench.data import (
    RESULTS,
    ROOT,
    configure_django,
    create_recruiter,
    generate_engineers,
    migrate_and_load_demo,
    recreate_postgres_database,
    sign_in,
)
from bench.jobs import stop_workers
from bench.load import (
    HOST,
    Portal,
    Run,
    change_requirement,
    check_matches,
    check_ticks,
    engineer_loop,
    free_port,
    healthy,
    start_gunicorn,
    stop_gunicorn,
)

TICKERS = 10  # engineers ticking during each database fault and the Redis outage
REFUSE_SECONDS = 5.0
HEARTBEAT_SECONDS = "2"
NO_WORKER_NOTICE_SECONDS = 70  # a minute without heartbeats, plus the page's and the worker's own intervals
PAGES_DURING_REDIS = (
    "/catalog/",
    "/catalog/pandas/",
    "/catalog/compare/?tools=pandas,pyspark",
    "/skills/roles/",
    "/api/categories",
    "/api/roles",
    "/api/skills",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
)


@dataclass
class Row:
    fault: str
    expected: str
    observed: str
    lost: str
    recovery: float | None
    ok: bool


class Workers:
    """Two `manage.py db_worker` processes, each in a slot; a killed one is replaced as a process manager would."""

    def __init__(self, env: dict[str, str]):
        self.env = env
        self.processes: dict[str, subprocess.Popen] = {}  # worker id → process
        self.starts = Counter()

    def start(self, slot: str) -> str:
        self.starts[slot] += 1
        worker_id = f"faults-{slot}-{self.starts[slot]}"
        log = (RESULTS / f"faults-worker-{slot}.log").open("a")
        self.processes[worker_id] = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2",
             "--worker-id", worker_id],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        return worker_id

    def start_all(self) -> None:
        for slot in ("a", "b"):
            self.start(slot)

    def running(self) -> dict[str, subprocess.Popen]:
        return {worker_id: process for worker_id, process in self.processes.items() if process.poll() is None}

    def kill_and_replace(self, worker_id: str) -> None:
        process = self.processes[worker_id]
        process.send_signal(signal.SIGKILL)
        process.wait()
        self.start(worker_id.split("-")[1])

    def stop_all(self) -> None:
        """SIGTERM: each finishes its current task, then exits."""
        stop_workers(list(self.processes.values()), timeout=60)


class PrivateRedis:
    """A redis-server of the drill's own on a free port, without persistence: restarting it empties it."""

    def __init__(self, port: int, folder: Path):
        self.port = port
        self.folder = folder
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        server = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.process = subprocess.Popen(  # noqa: S603
            [server, "--port", str(self.port), "--bind", HOST, "--save", "", "--appendonly", "no",
             "--dir", str(self.folder)],
            stdout=(RESULTS / "faults-redis.log").open("a"), stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((HOST, self.port), timeout=1) as probe:
                    probe.sendall(b"PING\r\n")
                    if probe.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("The drill's own redis-server did not start.")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)


class Database:
    """What the drill does to its own database, from the server's maintenance database."""

    def __init__(self, server_url: str, name: str):
        self.server = urlsplit(server_url)
        self.name = name

    def _connect(self):
        import psycopg

        return psycopg.connect(
            host=self.server.hostname or "127.0.0.1",
            port=self.server.port or 5432,
            user=self.server.username or "postgres",
            password=self.server.password or None,
            dbname="postgres",
            autocommit=True,
        )

    def terminate_backends(self) -> int:
        with self._connect() as maintenance:
            return maintenance.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s", [self.name]
            ).fetchone()[0]

    def allow_connections(self, allowed: bool) -> None:
        from psycopg import sql

        with self._connect() as maintenance:
            maintenance.execute(
                sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS {}").format(
                    sql.Identifier(self.name), sql.SQL("true" if allowed else "false")
                )
            )

    def drop(self) -> None:
        from psycopg import sql

        with self._connect() as maintenance:
            maintenance.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name)))


def reading(read: Callable[[], object], timeout: float = 30):
    """A read of the drill's own, through a database that may just have dropped its connection."""
    from django.db import DatabaseError, connection

    deadline = time.monotonic() + timeout
    while True:
        try:
            return read()
        except DatabaseError:
            connection.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def wait_until(condition: Callable[[], object], timeout: float, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = reading(condition)
        if value:
            return value
        time.sleep(every)
    return None


def running_task(task_name: str):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status="RUNNING", task_path__endswith=task_name).first()


def export_id(headers) -> int:
    return int(urlsplit(headers.get("Location", "")).path.rstrip("/").rsplit("/", 1)[-1])


def queue_export(recruiter: Portal, role_slug: str) -> int:
    status, headers, _text = recruiter.request(
        "POST", f"/recruiting/candidates/export.csv?{urlencode({'role': role_slug})}", {}
    )
    if status != 303:
        raise SystemExit(f"Queueing an export answered {status}.")
    return export_id(headers)


def export_written_once(pk: int, exports_dir: Path) -> tuple[bool, str]:
    """The export finished once: one file, as many distinct rows as it counted."""
    from recruiting.models import CandidateExport

    export = CandidateExport.objects.get(pk=pk)
    if export.status != "done":
        return False, f"{export.status} (attempt {export.attempt}){': ' + export.error if export.error else ''}"
    lines = list(csv.reader(io.StringIO((exports_dir / export.file_name).read_text())))[1:]
    distinct = len({tuple(line) for line in lines})
    once = len(lines) == distinct == export.rows_total
    return once, f"done, attempt {export.attempt}, {len(lines):,} rows of {export.rows_total:,}"


def page_says(portal: Portal, path: str) -> str:
    return " ".join(portal.request("GET", path)[2].split())


class Drill:
    def __init__(self, options, *, port: int, workers: Workers, redis: PrivateRedis, database: Database,
                 recruiter: Portal, engineers: list[tuple[int, Portal]], exports_dir: Path, role_slugs: list[str]):  # fmt: skip
        self.options = options
        self.port = port
        self.workers = workers
        self.redis = redis
        self.database = database
        self.recruiter = recruiter
        self.engineers = engineers
        self.exports_dir = exports_dir
        self.role_slugs = role_slugs
        self.rows: list[Row] = []

    @property
    def stale_limit(self) -> float:
        return self.options.stale + 30

    def kill_worker_mid(self, fault: str, expected: str, *, task_name: str, running, finished):
        """Kill -9 the worker running ``task_name`` once its job is ``running``, and wait (stale time + 30 s) for
        the job to be ``finished``: (finished, recovery time, the killed try's queue status); None, with a failed
        row, when the job could not be caught running."""
        from django_tasks_db.models import DBTaskResult

        task = wait_until(lambda: running.exists() and running_task(task_name), timeout=180, every=0.02)
        if task is None:
            self.rows.append(Row(fault, expected, "could not catch it running", "?", None, False))
            return None
        self.workers.kill_and_replace(task.worker_ids[-1])
        killed = time.monotonic()
        done = wait_until(finished.exists, self.stale_limit)
        recovery = time.monotonic() - killed if done else None
        return done, recovery, reading(lambda: DBTaskResult.objects.get(pk=task.pk).status)

    def kill_mid_export(self) -> None:
        from recruiting.models import CandidateExport

        pk = queue_export(self.recruiter, self.role_slugs[0])
        expected = f"done once within {self.stale_limit:.0f} s, nobody looking; killed try failed in the queue"
        killing = self.kill_worker_mid(
            "worker kill -9 mid-export",
            expected,
            task_name="write_candidate_export",
            running=CandidateExport.objects.filter(pk=pk, status="running", rows_written__gt=0),
            finished=CandidateExport.objects.filter(pk=pk, status__in=("done", "failed")),
        )
        if killing is None:
            return
        finished, recovery, lost_status = killing
        once, observed = reading(lambda: export_written_once(pk, self.exports_dir))
        observed += f"; killed try {lost_status.lower()} in the queue"
        if not finished:
            observed = f"not finished after {self.stale_limit:.0f} s: " + observed
        ok = bool(finished) and once and lost_status == "FAILED"
        self.rows.append(Row("worker kill -9 mid-export", expected, observed, "0" if once else "export", recovery, ok))

    def kill_mid_recompute(self) -> None:
        from skills.models import RoleRecompute

        recompute_id = reading(lambda: change_requirement(self.role_slugs[0]))
        expected = f"done within {self.stale_limit:.0f} s, nobody looking; matches = fresh computation"
        killing = self.kill_worker_mid(
            "worker kill -9 mid-recompute",
            expected,
            task_name="recompute_role",
            running=RoleRecompute.objects.filter(pk=recompute_id, status="running", matches_written__gt=0),
            finished=RoleRecompute.objects.filter(pk=recompute_id, status__in=("done", "failed")),
        )
        if killing is None:
            return
        finished, recovery, lost_status = killing
        recompute = reading(lambda: RoleRecompute.objects.get(pk=recompute_id))
        wrong = reading(check_matches)["matches_wrong_or_missing"]
        observed = (
            f"{recompute.status} at {recompute.chunks_done}/{recompute.chunks_total} chunks, attempt "
            f"{recompute.attempt}; killed chunk {lost_status.lower()} in the queue"
        )
        ok = bool(finished) and recompute.status == "done" and wrong == 0 and lost_status == "FAILED"
        self.rows.append(
            Row("worker kill -9 mid-recompute", expected, observed, f"{wrong} wrong matches", recovery, ok)
        )

    def ticking(
        self, engineers: list[tuple[int, Portal]], during: Callable[[], float | None]
    ) -> tuple[Run, float | None]:
        """Engineers tick items while ``during`` injects a fault; its recovery time."""
        from skills.models import Assessment, ChecklistItem

        item_ids = list(ChecklistItem.objects.values_list("pk", flat=True))
        run = Run()
        threads = []
        for index, (user_id, portal) in enumerate(engineers):
            stored = dict(Assessment.objects.filter(user_id=user_id).values_list("item_id", "level"))
            levels = {item_id: stored.get(item_id, 0) for item_id in item_ids}
            threads.append(
                threading.Thread(target=engineer_loop, args=(run, portal, user_id, levels, 0.2, index), daemon=True)
            )
        for thread in threads:
            thread.start()
        try:
            recovery = during()
        finally:
            run.stop.set()
            for thread in threads:
                thread.join(timeout=60)
        return run, recovery

    def database_row(self, fault: str, run: Run, recovery: float | None, workers_before: set[str]) -> None:
        from django.db import connection

        connection.close()  # the drill's own connection went too
        ticks = reading(lambda: check_ticks(run.ticks))
        statuses = Counter(outcome.status for outcome in run.outcomes)
        unclean = sum(
            1 for outcome in run.outcomes if outcome.status and outcome.status >= 500 and not outcome.clean_503
        )
        no_answer = statuses.get(None, 0)
        lost = ticks["acknowledged_ticks_missing"] + ticks["items_whose_last_acknowledged_value_is_not_stored"]
        still_running = set(self.workers.running()) == workers_before
        observed = (
            f"{ticks['ticks_acknowledged']} ticks acknowledged, {statuses.get(503, 0)} × 503, {unclean} other 5xx, "
            f"{no_answer} unanswered; workers {'still running' if still_running else 'exited'}"
        )
        ok = lost == 0 and unclean == 0 and no_answer == 0 and still_running
        if not still_running:  # the rows after this one need their workers
            for worker_id in workers_before - set(self.workers.running()):
                self.workers.start(worker_id.split("-")[1])
        self.rows.append(
            Row(fault, "0 acknowledged writes lost, only 503s, workers up", observed, f"{lost} ticks", recovery, ok)
        )

    def until_healthy(self, since: float) -> float:
        while not healthy(self.port):
            time.sleep(0.05)
        return time.monotonic() - since

    def connections_killed(self) -> None:
        workers_before = set(self.workers.running())

        def inject() -> float:
            time.sleep(2)
            recoveries = []
            for _ in range(3):
                killed = time.monotonic()
                self.database.terminate_backends()
                recoveries.append(self.until_healthy(killed))
                time.sleep(2)
            return max(recoveries)

        run, recovery = self.ticking(self.engineers[:TICKERS], inject)
        self.database_row("DB connections killed ×3 during ticks", run, recovery, workers_before)

    def connections_refused(self) -> None:
        workers_before = set(self.workers.running())

        def inject() -> float:
            time.sleep(2)
            self.database.allow_connections(False)
            try:
                self.database.terminate_backends()
                time.sleep(REFUSE_SECONDS)
            finally:
                self.database.allow_connections(True)
            allowed = time.monotonic()
            recovery = self.until_healthy(allowed)
            time.sleep(3)
            return recovery

        run, recovery = self.ticking(self.engineers[TICKERS : 2 * TICKERS], inject)
        self.database_row(f"DB refuses connections {REFUSE_SECONDS:.0f} s during ticks", run, recovery, workers_before)

    def exports_unwritable(self) -> None:
        from recruiting.models import CandidateExport

        kept = self.exports_dir.with_name(self.exports_dir.name + "-kept")
        self.exports_dir.rename(kept)
        self.exports_dir.write_text("a file where the exports folder was: nothing can be written there")
        try:
            pk = queue_export(self.recruiter, self.role_slugs[-1])
            retrying = wait_until(lambda: CandidateExport.objects.filter(pk=pk, attempt=2).exists(), 60)
            text = page_says(self.recruiter, f"/recruiting/candidates/exports/{pk}/") if retrying else ""
            said = "retrying in" in text and "(attempt 2 of 3)" in text
        finally:
            self.exports_dir.unlink()
            kept.rename(self.exports_dir)
        restored = time.monotonic()
        finished = wait_until(
            lambda: CandidateExport.objects.filter(pk=pk, status__in=("done", "failed")).exists(), 120
        )
        once, observed = reading(lambda: export_written_once(pk, self.exports_dir))
        observed = f"page {'said' if said else 'did not say'} “retrying in … (attempt 2 of 3)”; {observed}"
        self.rows.append(
            Row("exports folder not writable", "page shows the retry; retry finishes it", observed,
                "0" if once else "export", time.monotonic() - restored if finished else None, said and once)
        )  # fmt: skip

    def workers_stopped(self) -> None:
        from recruiting.models import CandidateExport

        self.workers.stop_all()
        stopped = time.monotonic()
        pk = queue_export(self.recruiter, self.role_slugs[0])
        said = False
        while time.monotonic() - stopped < self.options.worker_stop:
            said = said or "No worker has checked in for" in page_says(
                self.recruiter, f"/recruiting/candidates/exports/{pk}/"
            )
            time.sleep(5)
        queued_while_stopped = reading(lambda: CandidateExport.objects.get(pk=pk).status) == "queued"
        self.workers.start_all()
        restarted = time.monotonic()
        finished = wait_until(
            lambda: CandidateExport.objects.filter(pk=pk, status__in=("done", "failed")).exists(), 120
        )
        once, observed = reading(lambda: export_written_once(pk, self.exports_dir))
        # The page says so after a minute without heartbeats (portal.jobs.workers.workers_missing_after()).
        must_say = self.options.worker_stop >= NO_WORKER_NOTICE_SECONDS
        told = "said" if said else ("did not say" if must_say else f"need not say (under {NO_WORKER_NOTICE_SECONDS} s)")
        observed = f"page {told} no worker checked in; {observed}"
        self.rows.append(
            Row(f"workers stopped {self.options.worker_stop:.0f} s", "page says no worker; job runs once when back",
                observed, "0" if once else "export", time.monotonic() - restarted if finished else None,
                (said or not must_say) and once and queued_while_stopped)
        )  # fmt: skip

    def redis_down(self) -> None:
        from django.db import connection

        from skills.models import RoleRecompute

        statuses: Counter = Counter()
        errors: list[str] = []
        stop = threading.Event()
        visitor = Portal(self.port)

        def browse() -> None:
            while not stop.is_set():
                for path in PAGES_DURING_REDIS:
                    try:
                        statuses[visitor.request("GET", path)[0]] += 1
                    except OSError as error:
                        errors.append(type(error).__name__)
                for portal, path in ((self.recruiter, "/recruiting/candidates/"), (self.engineers[-1][1], "/skills/")):
                    try:
                        statuses[portal.request("GET", path)[0]] += 1
                    except OSError as error:
                        errors.append(type(error).__name__)
                stop.wait(0.5)

        signed_in = [(portal, "/skills/") for _user, portal in self.engineers[2 * TICKERS : 3 * TICKERS]]
        signed_in.append((self.recruiter, "/recruiting/candidates/"))
        recompute_id = reading(lambda: change_requirement(self.role_slugs[-1]))
        connection.close()

        def inject() -> float:
            browser = threading.Thread(target=browse, daemon=True)
            browser.start()
            time.sleep(2)
            self.redis.stop()
            time.sleep(self.options.redis_down)
            self.redis.start()
            back = time.monotonic()
            recovery = self.until_healthy(back)
            time.sleep(3)
            stop.set()
            browser.join(timeout=60)
            return recovery

        run, recovery = self.ticking(self.engineers[2 * TICKERS : 3 * TICKERS], inject)
        for outcome in run.outcomes:
            statuses[outcome.status] += 1
        logged_out = sum(1 for portal, path in signed_in if portal.request("GET", path)[0] != 200)
        finished = wait_until(
            lambda: RoleRecompute.objects.filter(pk=recompute_id, status__in=("done", "failed")).exists(), 180
        )
        recompute = reading(lambda: RoleRecompute.objects.get(pk=recompute_id))
        wrong = reading(check_matches)["matches_wrong_or_missing"] if finished else None
        ticks = reading(lambda: check_ticks(run.ticks))
        lost_ticks = ticks["acknowledged_ticks_missing"] + ticks["items_whose_last_acknowledged_value_is_not_stored"]
        five_hundreds = statuses.get(500, 0)
        observed = (
            f"{sum(statuses.values())} requests: {five_hundreds} × 500, {statuses.get(503, 0)} × 503; "
            f"{logged_out} of {len(signed_in)} logged out; recompute {recompute.status}"
        )
        ok = five_hundreds == 0 and not errors and logged_out == 0 and recompute.status == "done" and wrong == 0
        self.rows.append(
            Row(f"Redis down {self.options.redis_down:.0f} s, back empty", "0 × 500, 0 logged out, jobs complete",
                observed, f"{lost_ticks} ticks, {wrong if wrong is not None else '?'} wrong matches", recovery,
                ok and lost_ticks == 0)
        )  # fmt: skip

    def run(self) -> None:
        for fault in (
            self.kill_mid_export,
            self.kill_mid_recompute,
            self.connections_killed,
            self.connections_refused,
            self.exports_unwritable,
            self.workers_stopped,
            self.redis_down,
        ):
            print(f"… {fault.__name__.replace('_', ' ')}", flush=True)
            started = time.monotonic()
            fault()
            print(f"  {'ok' if self.rows[-1].ok else 'FAILED'} in {time.monotonic() - started:.0f} s", flush=True)


def print_table(rows: list[Row]) -> None:
    header = ("fault", "expected", "observed", "data lost", "recovery", "")
    lines = [
        (row.fault, row.expected, row.observed, row.lost, f"{row.recovery:.1f} s" if row.recovery is not None else "—",
         "ok" if row.ok else "FAIL")
        for row in rows
    ]  # fmt: skip
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]
    for line in (header, tuple("-" * width for width in widths), *lines):
        print(" | ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engineers", type=int, default=15_000, help="engineers in the database (default 15,000)")
    parser.add_argument("--stale", type=int, default=30, help="JOB_STALE_SECONDS of the run (default 30)")
    parser.add_argument(
        "--worker-stop", type=float, default=float(os.environ.get("FAULTS_WORKER_STOP", "120")),
        help="seconds both workers stay stopped (FAULTS_WORKER_STOP, default 120)",
    )  # fmt: skip
    parser.add_argument("--redis-down", type=float, default=20, help="seconds Redis stays down (default 20)")
    parser.add_argument("--database", default="faults_portal", help="throwaway database on DATABASE_URL's server")
    parser.add_argument("--seed", type=int, default=31)
    options = parser.parse_args(argv)

    server = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres"
    if not server.startswith(("postgres://", "postgresql://")):
        raise SystemExit("The fault drill needs PostgreSQL: set DATABASE_URL to a postgres:// URL or leave it unset.")
    if not options.database.startswith("faults") or options.database == urlsplit(server).path.lstrip("/"):
        raise SystemExit("The drill's database must be its own, named faults…, never DATABASE_URL's.")

    import random

    RESULTS.mkdir(parents=True, exist_ok=True)
    for log in RESULTS.glob("faults-*.log"):
        log.unlink()
    scratch = Path(tempfile.mkdtemp(prefix="faults-"))
    exports_dir = scratch / "exports"
    exports_dir.mkdir()
    database = Database(server, options.database)
    redis = PrivateRedis(free_port(), scratch)
    database_url = recreate_postgres_database(server, options.database)
    django_env = {
        "DATABASE_URL": database_url,
        "REDIS_URL": f"redis://{HOST}:{redis.port}/0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_PROXY_SSL_HEADER": "0",
        "LOG_LEVEL": "WARNING",
        "EXPORTS_DIR": str(exports_dir),
        "JOB_STALE_SECONDS": str(options.stale),
        "WORKER_HEARTBEAT_SECONDS": HEARTBEAT_SECONDS,
        "DB_CONN_MAX_AGE": "0",
    }
    gunicorn = None
    workers = None
    try:
        redis.start()
        configure_django(database_url=database_url, extra_env=django_env)
        from django.core.management import call_command
        from django.db import connections
        from django.test import Client

        from skills.models import EngineerProfile, Role

        print(f"Preparing {options.database}: schema, demo content, {options.engineers:,} engineers", flush=True)
        migrate_and_load_demo()
        call_command("collectstatic", interactive=False, verbosity=0)
        engineers = generate_engineers(options.engineers, first_index=0, rng=random.Random(options.seed))
        role_slugs = list(Role.objects.filter(published=True).order_by("order").values_list("slug", flat=True))
        sessions = []
        ticking = EngineerProfile.objects.filter(pk__in=engineers.profile_ids[: 3 * TICKERS]).select_related("user")
        for user in [profile.user for profile in ticking] + [create_recruiter("recruiter@faults.example.com")]:
            client = Client()
            sign_in(client, user)
            sessions.append((user.pk, client.cookies["sessionid"].value))
        connections.close_all()

        port = free_port()
        gunicorn = start_gunicorn(port, {**os.environ}, RESULTS / "faults-gunicorn.log")
        workers = Workers({**os.environ})
        workers.start_all()
        portals = []
        for user_id, session_key in sessions:
            portal = Portal(port, session_key)
            portal.request("GET", "/skills/")  # sets the CSRF cookie
            portals.append((user_id, portal))
        recruiter = portals[-1][1]
        if recruiter.request("GET", "/recruiting/candidates/")[0] != 200 or "csrftoken" not in recruiter.cookies:
            raise SystemExit("The recruiter cannot see the candidate list; cannot export.")
        print(
            f"gunicorn on http://{HOST}:{port}, two workers, Redis on port {redis.port}; "
            f"stale after {options.stale} s, workers stopped {options.worker_stop:.0f} s",
            flush=True,
        )
        drill = Drill(
            options, port=port, workers=workers, redis=redis, database=database, recruiter=recruiter,
            engineers=portals[:-1], exports_dir=exports_dir, role_slugs=role_slugs,
        )  # fmt: skip
        drill.run()
    finally:
        if gunicorn is not None:
            stop_gunicorn(gunicorn)
        if workers is not None:
            workers.stop_all()
        redis.stop()
        try:
            from django.db import connections

            connections.close_all()
        except ImportError:
            pass
        database.allow_connections(True)
        database.drop()
        shutil.rmtree(scratch, ignore_errors=True)
    print()
    print_table(drill.rows)
    failed = [row.fault for row in drill.rows if not row.ok]
    print("\n" + ("All fault checks passed." if not failed else f"FAILED: {', '.join(failed)}"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
