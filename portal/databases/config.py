"""The databases' settings from the environment: the primary, its connection pool and the read replicas."""

import importlib.util
from collections.abc import Mapping
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

REPLICA_ALIAS_PREFIX = "replica"
# A replica that does not answer the connection within this many seconds is skipped for a while (replicas.py).
REPLICA_CONNECT_TIMEOUT = 2


def pool_options(*, enabled: bool, min_size: int, max_size: int, timeout: float) -> dict:
    """``OPTIONS["pool"]`` of Django's PostgreSQL connection pool (psycopg-pool); empty when it is off."""
    if not enabled:
        return {}
    if importlib.util.find_spec("psycopg_pool") is None:
        raise ImproperlyConfigured("DB_POOL=1 needs psycopg-pool: install requirements.txt (psycopg[pool]).")
    return {"pool": {"min_size": min_size, "max_size": max_size, "timeout": timeout}}


def with_pool(database: dict, pool: dict) -> dict:
    """The database with the pool on: a pooled connection goes back to the pool after each request, so
    Django's own persistent connections (CONN_MAX_AGE) must be off, as Django requires."""
    if not pool or database["ENGINE"] != "django.db.backends.postgresql":
        return database
    return {**database, "CONN_MAX_AGE": 0, "OPTIONS": {**database.get("OPTIONS", {}), **pool}}


def replica_databases(urls: str, *, primary: dict) -> dict[str, dict]:
    """One alias per comma-separated URL (``replica1``, ``replica2``…), with the primary's options.

    In tests a replica mirrors the primary's test database (Django's ``TEST["MIRROR"]``): no second test database.
    """
    replicas = {}
    for number, url in enumerate((url.strip() for url in urls.split(",") if url.strip()), start=1):
        database = dj_database_url.parse(url, conn_max_age=primary["CONN_MAX_AGE"], conn_health_checks=True)
        if database["ENGINE"] != "django.db.backends.postgresql":
            raise ImproperlyConfigured(f"DATABASE_REPLICA_URLS: replica {number} is not a PostgreSQL URL.")
        options = {**primary.get("OPTIONS", {}), "connect_timeout": REPLICA_CONNECT_TIMEOUT}
        if "pool" in options:  # a pool waits this long for a connection, not the primary's longer wait
            options["pool"] = {**options["pool"], "timeout": REPLICA_CONNECT_TIMEOUT}
        replicas[f"{REPLICA_ALIAS_PREFIX}{number}"] = {**database, "OPTIONS": options, "TEST": {"MIRROR": "default"}}
    return replicas


def primary_database(environ: Mapping[str, str], *, base_dir: Path) -> dict:
    """The primary from DATABASE_URL (SQLite in the project folder by default), with its engine's options."""
    database = dj_database_url.parse(
        environ.get("DATABASE_URL") or f"sqlite:///{base_dir / 'db.sqlite3'}",
        conn_max_age=int(environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    # Bind parameters on the server and prepare a statement once it has run five times on a connection, so the
    # ranking and the other repeated queries skip parsing and planning. Set DB_PREPARED_STATEMENTS=0 behind a
    # pooler in transaction mode that cannot keep prepared statements (PgBouncer before 1.21).
    if database["ENGINE"] == "django.db.backends.postgresql" and environ.get("DB_PREPARED_STATEMENTS", "1") == "1":
        database["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5}
    # SQLite, the default, has one writer at a time while the web process and the job worker both write. WAL lets
    # readers go on beside the writer; IMMEDIATE takes the write lock when a transaction begins, so two
    # transactions never both read and then wait on each other to write; the timeout (seconds) outlasts the
    # worker's longest write (one recompute batch, in its own short transaction; exports only read).
    # synchronous=NORMAL is WAL's usual setting: a power cut may lose the last commits, never the file.
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return database


def databases(environ: Mapping[str, str], *, base_dir: Path) -> dict[str, dict]:
    """``DATABASES``: the primary as ``default``, pooled when DB_POOL=1, and one alias per replica URL."""
    pool = pool_options(
        enabled=environ.get("DB_POOL", "0").strip().lower() in {"1", "true", "yes", "on"},
        min_size=int(environ.get("DB_POOL_MIN_SIZE", "2")),
        max_size=int(environ.get("DB_POOL_MAX_SIZE", "10")),
        timeout=float(environ.get("DB_POOL_TIMEOUT", "10")),
    )
    primary = with_pool(primary_database(environ, base_dir=base_dir), pool)
    return {"default": primary, **replica_databases(environ.get("DATABASE_REPLICA_URLS", ""), primary=primary)}
