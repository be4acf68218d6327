"""Which database answers a query: the primary, unless the code runs inside ``replica_reads()``.

``replica_reads()`` is the one switch. The middleware (``middleware.py``) turns it on for the pages named in
``REPLICA_READ_VIEWS``; a job turns it on around its own reads (the candidate export). Inside it, reads go to a
healthy replica, while every write, every ``select_for_update`` (job claims included, Django counts them as
writes), every read inside a transaction and every read of the tables in ``PRIMARY_ONLY_APPS`` stays on the
primary, and so does every read after a write in the same switch. Migrations run on the primary only; replicas
receive them through replication.
"""

import math
import random
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from fnmatch import fnmatchcase

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

from portal.databases import replicas

# The pages whose reads a replica may answer, as URL names (``namespace:name``, shell wildcards allowed): the
# recruiters' reads and the public catalog. New recruiter read pages (the market map, benchmarks' aggregates)
# join by name here; nothing else in a view is needed. A page that must show what was just written stays off.
REPLICA_READ_VIEWS = (
    "catalog:*",
    "recruiting:candidate-list",
    "recruiting:candidate-detail",
    "recruiting:search-detail",
    "recruiting:search-rank",
    "recruiting:market*",
    "skills:role-list",
    "skills:role-detail",
)

# Tables read from the primary even inside replica_reads(): sessions (a new one must be found at once), the
# database cache (rate limits and one-time claims while Redis is away) and the job queue.
PRIMARY_ONLY_APPS = frozenset({"sessions", "django_cache", "django_tasks_database"})


@dataclass
class ReplicaReads:
    """What happened inside one ``replica_reads()``: the replica it read from (if any) and whether it wrote."""

    replica: str | None = None
    wrote: bool = False


_current: ContextVar[ReplicaReads | None] = ContextVar("portal_replica_reads", default=None)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias != DEFAULT_DB_ALIAS]


def reads_from_replica(url_name: str | None) -> bool:
    """Whether the page of this URL name is one whose reads a replica may answer."""
    return bool(url_name) and any(fnmatchcase(url_name, pattern) for pattern in REPLICA_READ_VIEWS)


def replica_answered() -> bool:
    """Whether a replica answered reads of the current ``replica_reads()``."""
    state = _current.get()
    return state is not None and state.replica is not None


def replica_lag_bound() -> int:
    """The longest a replica's answer may be behind the primary, in whole seconds (at least one)."""
    return max(1, math.ceil(settings.DATABASE_REPLICA_MAX_LAG))


@contextmanager
def replica_reads(*, replicas_allowed: bool = True) -> Iterator[ReplicaReads]:
    """Reads inside go to a healthy replica when there is one, until something inside writes;
    ``replicas_allowed=False`` keeps them on the primary (a browser pinned after a write)."""
    state = ReplicaReads() if replicas_allowed and replica_aliases() else None
    token = _current.set(state)
    try:
        yield state or ReplicaReads()
    finally:
        _current.reset(token)


class ReplicaRouter:
    """Django's database router for a primary (``default``) and its replicas (``replica1``…)."""

    def db_for_read(self, model, **hints) -> str:
        state = _current.get()
        if (
            state is None
            or state.wrote  # what this request wrote, it reads back from where it wrote it
            or model._meta.app_label in PRIMARY_ONLY_APPS
            or connections[DEFAULT_DB_ALIAS].in_atomic_block  # what this transaction wrote is only there
        ):
            return DEFAULT_DB_ALIAS
        if state.replica is None or not replicas.usable(state.replica):
            fit = [alias for alias in replica_aliases() if replicas.usable(alias)]
            state.replica = random.choice(fit) if fit else None  # noqa: S311 - spreading load, not a secret
        return state.replica or DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        state = _current.get()
        if state is not None:
            state.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == DEFAULT_DB_ALIAS
