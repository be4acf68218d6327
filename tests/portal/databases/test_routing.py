"""Which pages a replica may answer, and that with one database nothing changes: every query on the primary,
no pin cookie. The replica itself is tested against real servers in test_replica_servers.py."""

from fnmatch import fnmatchcase

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse

from portal.databases.middleware import PIN_COOKIE
from portal.databases.routing import (
    PRIMARY_ONLY_APPS,
    REPLICA_READ_VIEWS,
    ReplicaRouter,
    reads_from_replica,
    replica_reads,
)
from skills.models import EngineerProfile
from tests.factories import EngineerProfileFactory, RecruiterFactory, RoleFactory, RoleMatchFactory

FUTURE_PAGES = {"recruiting:market*"}  # named here before the page exists (issue #29)


def _url_names(resolver=None, namespace: str = "") -> set[str]:
    resolver = resolver or get_resolver()
    names = {f"{namespace}{pattern.name}" for pattern in resolver.url_patterns if getattr(pattern, "name", None)}
    for pattern in resolver.url_patterns:
        if hasattr(pattern, "url_patterns"):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _url_names(pattern, inner)
    return names


def test_every_listed_page_exists():
    names = _url_names()
    missing = [
        pattern
        for pattern in REPLICA_READ_VIEWS
        if pattern not in FUTURE_PAGES and not any(fnmatchcase(name, pattern) for name in names)
    ]
    assert "recruiting:candidate-list" in names
    assert missing == []


@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("recruiting:candidate-list", True),
        ("recruiting:candidate-detail", True),
        ("catalog:tool-detail", True),
        ("recruiting:market-demand", True),  # a market page joins by its name
        ("recruiting:candidate-export", False),  # queues a job: the primary
        ("recruiting:export-detail", False),  # the job's progress, just written
        ("skills:checklist", False),  # an engineer's own data
        (None, False),
    ],
)
def test_pages_read_from_a_replica_by_name(url_name, expected):
    assert reads_from_replica(url_name) is expected


def test_the_primary_only_tables_are_named_by_the_labels_the_router_is_asked_for():
    """A misspelt label would send the job queue's reads to a replica that may lag behind the queue."""
    from django.contrib.sessions.models import Session
    from django.core.cache.backends.db import DatabaseCache
    from django_tasks_db.models import DBTaskResult

    cache_entry = DatabaseCache("portal_cache", {}).cache_model_class
    asked = {model._meta.app_label for model in (Session, cache_entry, DBTaskResult)}
    assert asked == PRIMARY_ONLY_APPS


def test_writes_and_migrations_stay_on_the_primary():
    router = ReplicaRouter()
    with replica_reads():
        assert router.db_for_write(EngineerProfile) == DEFAULT_DB_ALIAS
    assert router.allow_migrate(DEFAULT_DB_ALIAS, "skills") is True
    assert router.allow_migrate("replica1", "skills") is False


@pytest.mark.django_db
def test_with_one_database_replica_reads_use_the_primary():
    EngineerProfileFactory()
    with replica_reads() as reads, CaptureQueriesContext(connections[DEFAULT_DB_ALIAS]) as captured:
        assert ReplicaRouter().db_for_read(EngineerProfile) == DEFAULT_DB_ALIAS
        assert EngineerProfile.objects.count() == 1
    assert reads.replica is None
    assert len(captured) == 1


@pytest.mark.django_db
def test_with_one_database_nothing_is_pinned(client):
    role = RoleFactory(published=True, is_senior=True)
    RoleMatchFactory(profile=EngineerProfileFactory(visibility="recruiters"), role=role, score=80)
    client.force_login(RecruiterFactory())
    listed = client.get(reverse("recruiting:candidate-list"))
    written = client.post(reverse("recruiting:shortlist-add"), {"profile": 0, "new_name": "Lakehouse"})
    assert listed.status_code == 200
    assert written.status_code in {302, 404}
    assert PIN_COOKIE not in listed.cookies
    assert PIN_COOKIE not in written.cookies
