"""What the connection pool changes (``make bench-pool``): gunicorn (two processes of eight threads) on PostgreSQL,
sixteen clients asking for a page that reads the database on every request, under three settings in turn.

- ``DB_CONN_MAX_AGE=0``: a new connection for every request;
- ``DB_CONN_MAX_AGE=60``: Django's persistent connections, one per thread (the default);
- ``DB_POOL=1``: Django's PostgreSQL pool (psycopg-pool), ``DB_POOL_MAX_SIZE`` per process, shared by its threads.

Prints per setting the requests per second, p50 and p95, and the most connections the server held for the portal
meanwhile. Builds its own database (``bench_pool``) on DATABASE_URL's server.

    .venv/bin/python -m bench.pool [--seconds 15] [--clients 16]
"""

import argparse
import http.client
import os
import secrets
import statistics
import threading
import time

from bench.data import RESULTS, configure_django, migrate_and_load_demo, recreate_postgres_database
from bench.load import HOST, free_port, start_gunicorn, stop_gunicorn

SETTINGS = (
    ("a connection per request (DB_CONN_MAX_AGE=0)", {"DB_CONN_MAX_AGE": "0"}),
    ("persistent, one per thread (DB_CONN_MAX_AGE=60)", {"DB_CONN_MAX_AGE": "60"}),
    ("pool (DB_POOL=1, at most 4 per process)", {"DB_POOL": "1", "DB_POOL_MIN_SIZE": "2", "DB_POOL_MAX_SIZE": "4"}),
)
THREADS = 8
PATH = "/healthz"  # reads the database (and the job queue) on every request, nothing cached


def load(port: int, *, clients: int, seconds: float) -> list[float]:
    """``clients`` threads asking for PATH back to back for ``seconds``; every request's seconds."""
    samples: list[float] = []
    failures: list[int] = []
    stop_at = time.monotonic() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            connection.request("GET", PATH)
            response = connection.getresponse()
            response.read()
            samples.append(time.perf_counter() - started)
            if response.status != 200:
                failures.append(response.status)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit(f"{len(failures)} requests failed: {sorted(set(failures))}")
    return samples


def connections_held(database: str, stop: threading.Event, peak: list[int]) -> None:
    """Sample the server's connections to ``database`` until ``stop``; the highest count goes to ``peak``."""
    from django.db import connection

    try:
        while not stop.is_set():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [database]
                )
                peak[0] = max(peak[0], cursor.fetchone()[0])
            stop.wait(0.2)
    finally:
        connection.close()  # this thread's own: not left for the next setting to count


def wait_until_no_connections(database: str, timeout: float = 30) -> None:
    from django.db import connection

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [database]
            )
            if cursor.fetchone()[0] == 0:
                break
        time.sleep(0.2)
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, default=16)
    options = parser.parse_args()
    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not server.startswith(("postgres://", "postgresql://")):
        raise SystemExit("The pool is PostgreSQL's: set DATABASE_URL to a postgres:// URL or leave it unset.")
    database_url = recreate_postgres_database(server, "bench_pool")
    env = {
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_PROXY_SSL_HEADER": "0",
        "LOG_LEVEL": "WARNING",
    }
    configure_django(database_url=database_url, extra_env=env)
    migrate_and_load_demo()
    from django.db import connections

    connections.close_all()  # only the portal's own connections are counted
    RESULTS.mkdir(parents=True, exist_ok=True)
    print(f"{options.clients} clients for {options.seconds:.0f} s on {PATH}, gunicorn 2 processes x {THREADS} threads")
    for label, extra in SETTINGS:
        wait_until_no_connections("bench_pool")  # the previous setting's connections are gone
        port = free_port()
        web = start_gunicorn(
            port, {**os.environ, **env, **extra}, RESULTS / "pool-gunicorn.log", workers=2, threads=THREADS
        )
        stop, peak = threading.Event(), [0]
        sampler = threading.Thread(target=connections_held, args=("bench_pool", stop, peak))
        try:
            load(port, clients=options.clients, seconds=2)  # warm up: processes, connections, the pool's minimum
            sampler.start()
            samples = sorted(load(port, clients=options.clients, seconds=options.seconds))
        finally:
            stop.set()
            if sampler.is_alive():
                sampler.join()
            stop_gunicorn(web)
        p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
        print(
            f"  {label:50} {len(samples) / options.seconds:7.1f} req/s  p50 {statistics.median(samples) * 1000:6.1f} ms"
            f"  p95 {p95 * 1000:6.1f} ms  connections held at most: {peak[0]}",
            flush=True,
        )


if __name__ == "__main__":
    main()
