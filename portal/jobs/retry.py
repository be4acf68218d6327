"""How long to wait before trying again: one backoff rule for the job retries and the workers' reconnects."""

import math


def backoff_seconds(tries: int, *, first: float, factor: float, most: float = math.inf) -> float:
    """``first`` seconds after the first failed try, ``factor`` times longer after each next one, at most ``most``."""
    return min(most, first * factor ** min(tries - 1, 64))  # a bounded power: no overflow however many tries
