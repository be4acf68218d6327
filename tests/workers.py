"""Loaded before Django reads its settings (``-p tests.workers`` in pyproject.toml): under pytest-xdist, each worker
process gets a Redis database of its own, the next ones after REDIS_URL's, for itself and the `db_worker`s it
starts. Every test empties the cache first (conftest ``_clear_cache``), which must not empty another worker's."""

import os
from urllib.parse import urlsplit


def own_redis_database() -> None:
    worker, url = os.environ.get("PYTEST_XDIST_WORKER", ""), os.environ.get("REDIS_URL", "")
    if worker.startswith("gw") and url:
        parts = urlsplit(url)
        database = (int(parts.path.strip("/") or 0) + 1 + int(worker[2:])) % 16
        os.environ["REDIS_URL"] = parts._replace(path=f"/{database}").geturl()


own_redis_database()
