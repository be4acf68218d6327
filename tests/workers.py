"""Loaded before Django reads its settings (``-p tests.workers`` in pyproject.toml): under pytest-xdist, each worker
process gets a Redis database of its own, the next ones after REDIS_URL's, for itself and the `db_worker`s it
starts. Every test empties the cache first (conftest ``_clear_cache``), which must not empty another worker's.

On PostgreSQL the tests' sessions (and the workers they start) commit without waiting for the write-ahead log to
reach the disk: a test database need not survive a crash of the server, and each flush after a transactional test
took 1.8 s instead of 0.6 s, each demo load 2 s instead of 0.9 s."""

import os
from urllib.parse import urlsplit


def own_redis_database() -> None:
    worker, url = os.environ.get("PYTEST_XDIST_WORKER", ""), os.environ.get("REDIS_URL", "")
    if worker.startswith("gw") and url:
        parts = urlsplit(url)
        database = (int(parts.path.strip("/") or 0) + 1 + int(worker[2:])) % 16
        os.environ["REDIS_URL"] = parts._replace(path=f"/{database}").geturl()


def commits_without_waiting_for_the_disk() -> None:
    os.environ.setdefault("PGOPTIONS", "-c synchronous_commit=off")


own_redis_database()
commits_without_waiting_for_the_disk()
