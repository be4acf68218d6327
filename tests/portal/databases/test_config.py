"""The databases' settings from the environment: one primary by default, replicas and the pool when asked for."""

import importlib.util
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.databases.config import databases

PRIMARY = "postgres://portal@db.internal:5432/portal"


def test_without_replica_urls_there_is_one_database(tmp_path: Path):
    assert list(databases({}, base_dir=tmp_path)) == ["default"]
    assert list(databases({"DATABASE_URL": PRIMARY, "DATABASE_REPLICA_URLS": " , "}, base_dir=tmp_path)) == ["default"]


def test_each_replica_url_is_an_alias_that_mirrors_the_primary_in_tests(tmp_path: Path):
    settings = databases(
        {
            "DATABASE_URL": PRIMARY,
            "DATABASE_REPLICA_URLS": "postgres://portal@replica-a:5432/portal, postgres://portal@replica-b:6432/portal",
        },
        base_dir=tmp_path,
    )
    assert list(settings) == ["default", "replica1", "replica2"]
    assert (settings["replica1"]["HOST"], settings["replica2"]["PORT"]) == ("replica-a", 6432)
    for alias in ("replica1", "replica2"):
        assert settings[alias]["TEST"] == {"MIRROR": "default"}
        assert settings[alias]["OPTIONS"]["connect_timeout"] == 2  # a dead replica is given up on quickly
        assert settings[alias]["OPTIONS"]["prepare_threshold"] == 5  # the primary's options


def test_a_replica_that_is_not_postgresql_is_refused(tmp_path: Path):
    with pytest.raises(ImproperlyConfigured, match="replica 1 is not a PostgreSQL URL"):
        databases({"DATABASE_URL": PRIMARY, "DATABASE_REPLICA_URLS": "sqlite:///x.sqlite3"}, base_dir=tmp_path)


@pytest.mark.skipif(importlib.util.find_spec("psycopg_pool") is None, reason="psycopg-pool is not installed")
def test_db_pool_turns_on_djangos_pool_without_persistent_connections(tmp_path: Path):
    settings = databases(
        {"DATABASE_URL": PRIMARY, "DB_POOL": "1", "DB_POOL_MAX_SIZE": "20", "DATABASE_REPLICA_URLS": PRIMARY},
        base_dir=tmp_path,
    )
    assert settings["default"]["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 20, "timeout": 10.0}
    assert settings["default"]["CONN_MAX_AGE"] == 0  # Django refuses a pool with persistent connections
    assert settings["replica1"]["OPTIONS"]["pool"]["timeout"] == 2


@pytest.mark.skipif(importlib.util.find_spec("psycopg_pool") is not None, reason="psycopg-pool is installed")
def test_db_pool_without_psycopg_pool_says_what_to_install(tmp_path: Path):
    with pytest.raises(ImproperlyConfigured, match="psycopg-pool"):
        databases({"DATABASE_URL": PRIMARY, "DB_POOL": "1"}, base_dir=tmp_path)


def test_the_pool_leaves_sqlite_alone(tmp_path: Path):
    if importlib.util.find_spec("psycopg_pool") is None:
        pytest.skip("psycopg-pool is not installed")
    settings = databases({"DB_POOL": "1"}, base_dir=tmp_path)
    assert "pool" not in settings["default"]["OPTIONS"]
