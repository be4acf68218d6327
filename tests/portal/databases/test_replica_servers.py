"""The router against a real primary and a real streaming replica (bench/cluster.py).

Only on the PostgreSQL pass: a replica is PostgreSQL's streaming replication, which SQLite has no counterpart
for. The scenarios run in their own Django process (replica_scenarios.py) configured with both servers, as a
deployment would be; each test here checks one thing that process saw.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from bench.cluster import Cluster, missing_reason
from portal.cache.fragments import FRAGMENT_SECONDS

ROOT = Path(__file__).resolve().parents[3]
SCENARIOS = "tests.portal.databases.replica_scenarios"


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"Required under CI=true: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def cluster():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("read replicas are PostgreSQL's streaming replication: these tests run on the PostgreSQL pass")
    if reason := missing_reason():
        _skip_or_fail(reason)
    servers = Cluster()
    try:
        servers.start()
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=ROOT,
            env=_environment(servers),
            check=True,
            capture_output=True,
        )
        servers.add_replica()
        yield servers
    finally:
        servers.stop()


def _environment(servers: Cluster) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": servers.primary_url,
        "DATABASE_REPLICA_URLS": servers.replica_url,
        "DATABASE_REPLICA_MAX_LAG": "300",  # the paused replica stays in use, until a scenario lowers it
        "DATABASE_REPLICA_CHECK_SECONDS": "0",  # checked before every read: the scenarios change it under way
        "DJANGO_DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "REDIS_URL": "",
        "LOG_LEVEL": "CRITICAL",
    }


def _scenario(servers: Cluster, name: str, env: dict | None = None, **popen) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", SCENARIOS, name],
        cwd=ROOT,
        env={**_environment(servers), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def _result(process: subprocess.Popen, stdin: str | None = None) -> dict:
    out, err = process.communicate(stdin, timeout=120)
    assert process.returncode == 0, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def seen(cluster) -> dict:
    return _result(_scenario(cluster, "reads"))


def test_the_candidate_list_is_read_from_the_replica(seen):
    page = seen["list_caught_up"]
    assert (page["status"], page["shows_marker"]) == (200, True)
    assert page["replica_read_matches"]  # the ranking ran on the replica
    assert page["replica_writes"] == []


def test_a_fragment_drawn_from_a_replica_is_kept_no_longer_than_the_lag_limit(seen):
    assert seen["fragment_seconds_from_replica"] == 300  # DATABASE_REPLICA_MAX_LAG of these scenarios
    assert seen["fragment_seconds_from_primary"] == FRAGMENT_SECONDS


def test_a_replica_behind_the_primary_shows_the_past_to_other_readers(seen):
    page = seen["list_while_replica_paused"]
    assert page["status"] == 200
    assert page["replica_read_matches"]
    assert page["shows_marker"] is False  # Lena's match is on the primary only


def test_a_write_goes_to_the_primary_and_pins_the_browser_there(seen):
    added = seen["shortlist_add"]
    assert added["status"] == 302
    assert added["pinned"] is True
    assert added["replica_queries"] == 0
    pinned = seen["list_after_own_write"]
    assert (pinned["status"], pinned["shows_marker"], pinned["replica_queries"]) == (200, True, 0)


def test_what_a_request_wrote_it_reads_back_from_the_primary(seen):
    assert seen["read_back_after_write"] is True


def test_an_engineer_sees_their_own_tick_at_once(seen):
    assert seen["tick"]["status"] == 302
    assert seen["tick"]["replica_queries"] == 0
    assert seen["tick_on_replica"] is False  # not replayed there yet
    assert seen["checklist_after_tick"]["shows_marker"] is True
    role = seen["role_after_tick"]
    assert (role["status"], role["replica_queries"]) == (200, 0)  # a replica page, read from the primary


def test_a_replica_lagging_beyond_the_limit_is_skipped(seen):
    page = seen["tool_while_replica_lags"]
    assert (page["status"], page["replica_queries"]) == (200, 0)


def test_once_replayed_the_replica_answers_again(seen):
    listed = seen["list_after_replay"]
    assert (listed["status"], listed["shows_marker"], listed["replica_read_matches"]) == (200, True, True)
    tool = seen["tool_after_replay"]
    assert (tool["status"], tool["shows_marker"]) == (200, True)
    assert tool["replica_queries"] > 0


def test_the_replica_stopping_mid_run_costs_no_error(cluster, seen):
    # The replica's last check said it was fine and is trusted for minutes: the page finds it gone mid-request.
    process = _scenario(cluster, "outage", {"DATABASE_REPLICA_CHECK_SECONDS": "300"}, stdin=subprocess.PIPE)
    if process.stdout.readline().strip() != "ready":
        pytest.fail(_result(process)["error"])
    cluster.stop_replica()
    result = _result(process, stdin="go\n")
    assert result["before"]["replica_read_matches"]
    for name in ("list_replica_down", "catalog_replica_down", "list_again"):
        page = result[name]
        assert (page["status"], page["replica_queries"]) == (200, 0), name
    assert result["list_replica_down"]["shows_marker"] is True
