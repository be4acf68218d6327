"""Redis as a cache, not a single point of failure.

:class:`ResilientRedisCache` is Django's ``RedisCache`` whose calls never raise a
Redis error. A call that fails (refused, reset, timed out) is answered as a miss:
a read gives the default, a write stores nothing (``add`` says False, ``incr``
raises ValueError as for a missing key). Failures are logged at most once a
minute per process, with their count. After a failure the calls of this process
skip Redis for ``PAUSE_SECONDS``, so a server that hangs costs one short timeout
(settings: ``socket_connect_timeout``, ``socket_timeout``) a second, not one per call.

Two kinds of entry must keep working without Redis: rate-limit counters (allauth's
login, sign-up and password-reset limits, the API's limits, the resend limit) and
one-time claims (a TOTP code already used). Keys starting with ``GUARD_KEY_PREFIXES``
go to the database cache named by the ``fallback`` option while Redis is away, so
those limits hold during an outage; they start from zero there, and are back in
Redis once it answers.

No stale entry after Redis returns. A write that failed may leave an entry that is
now wrong: the old version token of data that changed (``portal.cache.fragments``), a
fragment of an account deleted meanwhile. Redis may have kept its data (a network
cut, a paused server), so every process that saw a call fail empties the cache
(FLUSHDB ASYNC) before its first call once Redis answers again. Everything in it can
be drawn again (sessions are in the database too, ``cached_db``), at the price of
one cold render per page. Left open: a process that wrote during the outage and
then makes no cache call at all, while every other process saw no failure; its
lost write then lasts until the fragments expire (``FRAGMENT_SECONDS``).

No stale entry after Redis restarts either. A server that crashed and loaded its last
snapshot, or a replica promoted before it had every write, holds data older than the
version tokens written since; redis-py reconnects by itself, so no call fails and no
outage is seen. Each new connection therefore asks the server for its ``run_id``
(new with every start): the first connection of this process to a server that changed
empties it before any command runs (:func:`check_server_on_connect`).
"""

import functools
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import redis
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command

logger = logging.getLogger(__name__)

REDIS_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
PAUSE_SECONDS = 1.0
LOG_EVERY_SECONDS = 60.0
# Rate limits and one-time claims: allauth's, then ours (api/auth.py, portal/accounts/verification.py).
GUARD_KEY_PREFIXES = ("allauth:rl:", "allauth.mfa.totp.used", "ratelimit:")
CLIENT_OPTIONS = ("socket_connect_timeout", "socket_timeout")


@dataclass
class _Outage:
    """What this process knows of one Redis server; shared by the cache objects of all its threads."""

    paused_until: float = 0.0
    must_empty: bool = False
    failures: int = 0
    logged_at: float = float("-inf")
    lock: threading.Lock = field(default_factory=threading.Lock)


_outages: dict[str, _Outage] = {}
_run_ids: dict[str, str] = {}  # per server address: the run_id this process last connected to
_run_ids_lock = threading.Lock()


def create_fallback_table_after_migrate(sender, using: str, **kwargs) -> None:
    """The fallback's database table, so that ``migrate`` is all a deployment runs (createcachetable is idempotent)."""
    call_command("createcachetable", database=using, verbosity=0)


def _run_id(info: bytes | str) -> str:
    """The ``run_id`` line of ``INFO server``."""
    text = info.decode() if isinstance(info, bytes) else info
    return next((line.partition(":")[2].strip() for line in text.splitlines() if line.startswith("run_id:")), "")


def check_server_on_connect(connection: redis.connection.AbstractConnection) -> None:
    """redis-py's hook for each new connection (``redis_connect_func``): the usual handshake, then whether the server
    is the one this process last talked to. One that restarted is emptied before the connection's first command."""
    connection.on_connect()
    connection.send_command("INFO", "server")
    try:
        run_id = _run_id(connection.read_response())
    except redis.exceptions.ResponseError:  # a host that disabled INFO: no restart can be seen, the cache still serves
        return
    address = f"{getattr(connection, 'path', '') or f'{connection.host}:{connection.port}'}/{connection.db}"
    with _run_ids_lock:
        known, _run_ids[address] = _run_ids.get(address), run_id
    if not run_id or known is None or known == run_id:
        return
    connection.send_command("FLUSHDB", "ASYNC")
    connection.read_response()
    logger.warning(
        "The Redis cache at %s restarted (or another server took over); emptied it, as it may hold data older than "
        "the writes made before.",
        address,
    )


@functools.cache
def _client(url: str, options: tuple[tuple[str, Any], ...]) -> redis.Redis:
    # One pool per process; redis-py renews it after a fork.
    return redis.Redis.from_url(url, redis_connect_func=check_server_on_connect, **dict(options))


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, with every failed call logged and answered as a miss (see the module's docstring)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.fallback_alias = options.pop("fallback", None)
        options["redis_connect_func"] = check_server_on_connect  # Django's pools pass it on to each connection
        super().__init__(server, {**params, "OPTIONS": options})
        self._url = re.split("[;,]", server)[0] if isinstance(server, str) else server[0]  # where writes go
        self._client_options = tuple((name, options[name]) for name in CLIENT_OPTIONS if name in options)
        self._outage = _outages.setdefault(self._url, _Outage())

    # The calls of Django's cache API, each guarded.

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        add = super().add
        return self._guarded(
            lambda: add(key, value, timeout, version), False, self._fallback(key, "add", value, timeout, version)
        )

    def get(self, key, default=None, version=None):
        get = super().get
        return self._guarded(lambda: get(key, default, version), default, self._fallback(key, "get", default, version))

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        set_ = super().set
        self._guarded(
            lambda: set_(key, value, timeout, version), None, self._fallback(key, "set", value, timeout, version)
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        touch = super().touch
        return self._guarded(
            lambda: touch(key, timeout, version), False, self._fallback(key, "touch", timeout, version)
        )

    def delete(self, key, version=None):
        delete = super().delete
        return self._guarded(lambda: delete(key, version), False, self._fallback(key, "delete", version))

    def has_key(self, key, version=None):
        has_key = super().has_key
        return self._guarded(lambda: has_key(key, version), False, self._fallback(key, "has_key", version))

    def incr(self, key, delta=1, version=None):
        incr = super().incr
        fallback = self._fallback(key, "incr", delta, version)
        missing = object()
        value = self._guarded(lambda: incr(key, delta, version), missing, fallback)
        if value is missing:
            raise ValueError(f"Key '{key}' not found: the cache is unavailable.")
        return value

    def get_many(self, keys, version=None):
        keys = list(keys)
        get_many = super().get_many
        guards = [key for key in keys if self._is_guard(key)]
        fallback = (lambda: self._fallback_cache().get_many(guards, version)) if guards else None
        return self._guarded(lambda: get_many(keys, version), {}, fallback)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        set_many = super().set_many
        guards = {key: value for key, value in data.items() if self._is_guard(key)}
        others = [key for key in data if key not in guards]

        def fallback() -> list:
            return self._fallback_cache().set_many(guards, timeout, version) + others

        return self._guarded(lambda: set_many(data, timeout, version), list(data), fallback if guards else None)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        delete_many = super().delete_many
        guards = [key for key in keys if self._is_guard(key)]
        fallback = (lambda: self._fallback_cache().delete_many(guards, version)) if guards else None
        self._guarded(lambda: delete_many(keys, version), None, fallback)

    def clear(self):
        clear = super().clear
        return self._guarded(clear, False)  # a failed clear empties the cache once Redis is back

    # Redis sets, for indexes kept beside the entries (portal.cache.fragments: which fragments show whom).

    def add_to_sets(self, member: str, set_keys: Iterable[str], timeout: int) -> None:
        """Add ``member`` to each set, every set kept ``timeout`` seconds; one round trip for all of them."""
        keys = [self.make_and_validate_key(key) for key in set_keys]

        def add() -> None:
            with self._redis().pipeline(transaction=False) as pipeline:
                for key in keys:
                    pipeline.sadd(key, member)
                    pipeline.expire(key, timeout)
                pipeline.execute()

        self._guarded(add, None)

    def pop_set(self, set_key: str) -> frozenset[str]:
        """Read and delete one set at once; empty when Redis does not answer (the cache is then emptied on return)."""
        key = self.make_and_validate_key(set_key)

        def pop() -> frozenset[str]:
            with self._redis().pipeline() as pipeline:
                pipeline.smembers(key)
                pipeline.delete(key)
                members, _deleted = pipeline.execute()
            return frozenset(member.decode() for member in members)

        return self._guarded(pop, frozenset())

    def answers(self) -> bool:
        """Whether Redis answers now: one PING, even while calls are paused, so a health check sees it come back."""
        with self._outage.lock:
            self._outage.paused_until = 0.0
        return self._guarded(lambda: bool(self._redis().ping()), False)

    # The guard itself.

    def _redis(self) -> redis.Redis:
        return _client(self._url, self._client_options)

    def _guarded(self, call: Callable[[], Any], miss: Any, fallback: Callable[[], Any] | None = None) -> Any:
        outage = self._outage
        if time.monotonic() >= outage.paused_until:
            try:
                if outage.must_empty:
                    self._empty_after_outage()
                return call()
            except REDIS_ERRORS as error:
                self._failed(error)
        return fallback() if fallback is not None else miss

    def _empty_after_outage(self) -> None:
        self._redis().flushdb(asynchronous=True)
        outage = self._outage
        with outage.lock:
            failures, outage.failures, outage.must_empty = outage.failures, 0, False
            outage.logged_at = float("-inf")
        logger.warning(
            "The Redis cache answers again after %d failed calls in this process; emptied it, "
            "as writes may have been lost meanwhile.",
            failures,
        )

    def _failed(self, error: Exception) -> None:
        now = time.monotonic()
        outage = self._outage
        with outage.lock:
            outage.paused_until = now + PAUSE_SECONDS
            outage.must_empty = True
            outage.failures += 1
            if now - outage.logged_at < LOG_EVERY_SECONDS:
                return
            outage.logged_at, failures = now, outage.failures
        logger.warning(
            "The Redis cache does not answer (%s: %s); pages are drawn without it (%d failed calls so far).",
            type(error).__name__,
            error,
            failures,
        )

    def _is_guard(self, key: str) -> bool:
        return self.fallback_alias is not None and key.startswith(GUARD_KEY_PREFIXES)

    def _fallback_cache(self):
        return caches[self.fallback_alias]

    def _fallback(self, key: str, method: str, *args) -> Callable[[], Any] | None:
        """The same call on the fallback cache, for a rate-limit or claim key; None for any other key."""
        if not self._is_guard(key):
            return None
        return lambda: getattr(self._fallback_cache(), method)(key, *args)
