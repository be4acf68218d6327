"""Whether a replica may answer: it is reachable and no further behind the primary than
``DATABASE_REPLICA_MAX_LAG`` seconds. Checked with one small query, remembered per process for
``DATABASE_REPLICA_CHECK_SECONDS``, so a replica that is down costs one failed connection now and then, not one
per query."""

import logging
import time

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

# Seconds the replica's replay is behind; 0 while it has replayed everything it received (an idle primary sends
# nothing, so the last replayed transaction's age alone would call an idle replica late).
LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
END
"""

_checked: dict[str, tuple[float, bool]] = {}  # alias → (when checked, monotonic clock; fit to answer)


def lag_seconds(alias: str) -> float:
    """How far the replica is behind, in seconds; raises DatabaseError when it cannot be reached."""
    with connections[alias].cursor() as cursor:
        cursor.execute(LAG_SQL)
        return float(cursor.fetchone()[0])


def _fit(alias: str) -> bool:
    try:
        lag = lag_seconds(alias)
    except DatabaseError as error:
        logger.warning("Replica %s skipped, it cannot be reached: %s", alias, error)
        connections[alias].close()
        return False
    if lag > settings.DATABASE_REPLICA_MAX_LAG:
        logger.warning("Replica %s skipped, it is %.1f s behind the primary", alias, lag)
        return False
    return True


def usable(alias: str, *, fresh: bool = False) -> bool:
    """Whether reads may go to this replica now; ``fresh`` checks again instead of trusting the last answer."""
    now = time.monotonic()
    last = _checked.get(alias)
    if fresh or last is None or now - last[0] >= settings.DATABASE_REPLICA_CHECK_SECONDS:
        last = _checked[alias] = (now, _fit(alias))
    return last[1]
