"""Fixed-window rate limits counted in the cache, shared by every worker: the API's limits and the pages' alike.

``cache.incr`` is atomic on Redis, so several web processes share one count.
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from portal.guards.addresses import client_address


def count_call(key: str, *, seconds: int, now: float) -> int:
    """Count one call under ``key`` in the window of ``seconds`` that ``now`` falls in; the calls so far in it."""
    window_key = f"ratelimit:{key}:{int(now // seconds)}"  # "ratelimit:": counted in the database while Redis is away
    if cache.add(window_key, 1, timeout=seconds * 2):
        return 1
    try:
        return cache.incr(window_key)
    except ValueError:  # the key expired between add and incr
        cache.set(window_key, 1, timeout=seconds * 2)
        return 1


class AddressRateLimit:
    """At most ``setting`` calls (read on each call, so a test or a reload can change it) per ``seconds`` window
    for each client address; ``name`` keeps each limit's counts apart."""

    timer = staticmethod(time.time)

    def __init__(self, *, name: str, setting: str, seconds: int):
        self.name = name
        self.setting = setting
        self.seconds = seconds

    def limit(self) -> int:
        return getattr(settings, self.setting)

    def allow(self, request: HttpRequest) -> bool:
        """Count this call; False once the address is over its limit in this window."""
        key = f"{self.name}-{client_address(request)}"
        return count_call(key, seconds=self.seconds, now=self.timer()) <= self.limit()

    def wait(self) -> float:
        """Seconds until the window ends and calls are allowed again."""
        return self.seconds - (self.timer() % self.seconds)

    def retry_after(self) -> int:
        """``wait`` in whole seconds, for a ``Retry-After`` header."""
        return math.ceil(self.wait())


# Reading a vacancy, by the API or on the engineer's page: one count per client address, for every caller.
VACANCY_READINGS = AddressRateLimit(name="vacancy-address", setting="API_VACANCY_RATE_LIMIT", seconds=60)
