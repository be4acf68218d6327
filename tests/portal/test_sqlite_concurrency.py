"""The embedded default holds a small team: web requests write while a real `db_worker` recomputes a role.

SQLite has one writer at a time. In WAL mode readers never wait, write transactions take their lock when they
begin (so two never deadlock half-way), and a writer waits for the lock instead of failing: no request answers
503 "database is locked" while the worker is busy.
"""

import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse

from portal.jobs.lifecycle import JobStatus
from skills.models import Assessment, EngineerProfile, RoleRecompute
from skills.services.recomputes import request_role_recompute
from tests.clients import PortalClient
from tests.factories import ChecklistItemFactory, RoleFactory, RoleRequirementFactory, UserFactory
from tests.jobs import queue_in_database, start_worker

ENGINEERS = 20_000  # a recompute of a few seconds on this machine
WEB_THREADS = 4

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("Only SQLite has one writer at a time; PostgreSQL locks rows, not the database.")


def many_engineers(items) -> None:
    """ENGINEERS profiles with a level on each item, in bulk: the data a recompute walks through."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"bulk{number}@example.com", email=f"bulk{number}@example.com", password="!")
        for number in range(ENGINEERS)
    )
    EngineerProfile.objects.bulk_create(EngineerProfile(user=user) for user in users)
    Assessment.objects.bulk_create(
        Assessment(user=user, item=item, level=(user.pk + number) % 5)
        for user in users
        for number, item in enumerate(items)
    )


def web_user(items, failures: list[str], stop: threading.Event) -> None:
    """One engineer in the browser: saves their profile and ticks items until the recompute is done."""
    client = PortalClient()
    try:
        client.force_login(UserFactory())
        rounds = 0
        while not stop.is_set() or rounds < 2:
            rounds += 1
            response = client.post(
                reverse("skills:profile"),
                {
                    "headline": f"Round {rounds}",
                    "years_experience": "4",
                    "location": "Delft",
                    "visibility": "recruiters",
                },
            )
            if response.status_code != 302:
                failures.append(f"profile save answered {response.status_code}")
            for level, item in enumerate(items, start=rounds):
                prefix = f"item-{item.pk}"
                response = client.post(
                    reverse("skills:assess", args=[item.pk]),
                    {f"{prefix}-level": str(level % 5), f"{prefix}-evidence_url": "", f"{prefix}-note": ""},
                    HTTP_HX_REQUEST="true",
                )
                if response.status_code != 200:
                    failures.append(f"tick answered {response.status_code}")
    except Exception as error:  # every kind of failure counts, and is reported below
        failures.append(repr(error))
    finally:
        connection.close()


def test_profile_saves_and_ticks_never_meet_a_locked_database_while_a_worker_recomputes(settings):
    queue_in_database(settings)
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    items = [ChecklistItemFactory() for _ in range(3)]
    role = RoleFactory()
    for item in items:
        RoleRequirementFactory(role=role, item=item, min_level=2)
    many_engineers(items)
    recompute = request_role_recompute(role=role)
    worker = start_worker()
    failures: list[str] = []
    stop = threading.Event()
    web = [threading.Thread(target=web_user, args=(items, failures, stop)) for _ in range(WEB_THREADS)]
    started = time.monotonic()
    try:
        for thread in web:
            thread.start()
        while time.monotonic() - started < 120:
            recompute.refresh_from_db()
            if recompute.is_finished:
                break
            time.sleep(0.2)
        seconds = time.monotonic() - started
    finally:
        stop.set()
        for thread in web:
            thread.join(timeout=120)
        worker.terminate()
        output, _ = worker.communicate(timeout=30)
    assert recompute.status == JobStatus.DONE, (recompute.status, recompute.error, output)
    assert RoleRecompute.objects.get(pk=recompute.pk).matches_written >= ENGINEERS
    assert seconds > 1, "the recompute was too quick to overlap the web requests"
    assert failures == []
    assert "locked" not in output, output
