"""Run by test_replica_servers.py in its own Django process, against a real primary and a real streaming
replica (DATABASE_URL, DATABASE_REPLICA_URLS): prints what it saw as one JSON line.

``python -m tests.portal.databases.replica_scenarios reads``: reads on the replica, read-your-writes on the
primary, writes never on the replica, a lagging replica skipped. ``… outage``: a page read from the replica,
then (after the test stops the replica and sends a line on stdin) the same pages again.

The test client runs the whole middleware stack, the router included; the queries each alias ran are captured
on its own connection, which is what proves which database answered.
"""

import json
import sys
import time

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.signals import request_started  # noqa: E402
from django.db import connections, reset_queries  # noqa: E402
from django.urls import reverse  # noqa: E402

from catalog.models import Tool  # noqa: E402
from portal.cache.fragments import fragment_seconds  # noqa: E402
from portal.databases.middleware import PIN_COOKIE  # noqa: E402
from portal.databases.replicas import usable  # noqa: E402
from portal.databases.routing import replica_reads  # noqa: E402
from skills.models import Assessment, EngineerProfile  # noqa: E402
from tests.clients import PortalClient  # noqa: E402
from tests.factories import (  # noqa: E402
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    RoleRequirementFactory,
    ToolFactory,
    UserFactory,
)

# No collectstatic here: plain static storage, as conftest.py does for the test process.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast, as in conftest.py
LIST_URL = reverse("recruiting:candidate-list")
HEALTH_CHECK = "pg_is_in_recovery"  # the router's own lag query, not a page's


def run(client: PortalClient, method: str, url: str, data: dict | None = None) -> dict:
    """One request, with the queries each database ran for it (the router's health checks left out).

    Recorded like CaptureQueriesContext, without its connecting first: a stopped replica must not fail the
    recording."""
    before = {}
    request_started.disconnect(reset_queries)  # it would empty the logs as the request starts
    for alias in connections:
        connections[alias].force_debug_cursor = True
        before[alias] = len(connections[alias].queries_log)
    try:
        response = getattr(client, method)(url, data or {})
    finally:
        for alias in connections:
            connections[alias].force_debug_cursor = False
        request_started.connect(reset_queries)
    return {
        "status": response.status_code,
        "body": response.content.decode(errors="replace"),
        "pinned": PIN_COOKIE in response.cookies,
        "queries": {
            alias: [
                query["sql"]
                for query in list(connections[alias].queries_log)[before[alias] :]
                if HEALTH_CHECK not in query["sql"]
            ]
            for alias in connections
        },
    }


def summary(answer: dict, *, marker: str = "") -> dict:
    return {
        "status": answer["status"],
        "pinned": answer["pinned"],
        "shows_marker": bool(marker) and marker in answer["body"],
        "primary_queries": len(answer["queries"]["default"]),
        "replica_queries": len(answer["queries"]["replica1"]),
        "replica_writes": [
            sql for sql in answer["queries"]["replica1"] if not sql.lstrip().upper().startswith("SELECT")
        ],
        "replica_read_matches": any("skills_rolematch" in sql for sql in answer["queries"]["replica1"]),
    }


def replica_sql(sql: str) -> None:
    with connections["replica1"].cursor() as cursor:
        cursor.execute(sql)


def wait_for_replica(*, until: str = "replay") -> None:
    """Wait until the replica has replayed (or only received) all the primary has written so far.

    The target is the WAL's insert position, not pg_current_wal_lsn(): the cluster commits without waiting for
    the disk, so a commit may be inserted and not yet written, and on a busy machine a replica "caught up" with
    the written position still lacked the last commit (a recruiter's session, so the list answered 302)."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_insert_lsn()")
        target = cursor.fetchone()[0]
    position = {"replay": "pg_last_wal_replay_lsn()", "receive": "pg_last_wal_receive_lsn()"}[until]
    deadline = time.monotonic() + 30
    with connections["replica1"].cursor() as cursor:
        while True:
            cursor.execute(f"SELECT {position} >= %s", [target])  # one of two fixed names
            if cursor.fetchone()[0]:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"the replica did not {until} the primary's last writes")
            time.sleep(0.05)


def browser() -> PortalClient:
    """A client that gets the answer a server would send, a 500 included, instead of the view's exception."""
    return PortalClient(raise_request_exception=False)


def recruiter_with_candidates() -> tuple[PortalClient, object]:
    role = RoleFactory(published=True, is_senior=True)
    RoleMatchFactory(profile=EngineerProfileFactory(visibility="recruiters", headline="Early Eva"), role=role, score=80)
    client = browser()
    client.force_login(RecruiterFactory())
    return client, role


def reads() -> dict:
    seen = {}
    recruiter, role = recruiter_with_candidates()
    item = ChecklistItemFactory()
    RoleRequirementFactory(role=role, item=item, min_level=3)
    engineer = browser()
    engineer_user = UserFactory()
    EngineerProfileFactory(user=engineer_user)
    engineer.force_login(engineer_user)
    wait_for_replica()
    seen["list_caught_up"] = summary(run(recruiter, "get", LIST_URL), marker="Early Eva")
    with replica_reads():
        EngineerProfile.objects.exists()  # answered by the replica
        seen["fragment_seconds_from_replica"] = fragment_seconds()
    seen["fragment_seconds_from_primary"] = fragment_seconds()

    replica_sql("SELECT pg_wal_replay_pause()")  # from now on the replica shows the past
    late = EngineerProfileFactory(visibility="recruiters", headline="Late Lena")
    RoleMatchFactory(profile=late, role=role, score=90)
    seen["list_while_replica_paused"] = summary(run(recruiter, "get", LIST_URL), marker="Late Lena")
    with replica_reads():  # a write, then a read of it: from the primary, the paused replica lacks it
        written = ToolFactory(published=True)
        seen["read_back_after_write"] = Tool.objects.filter(pk=written.pk).exists()
    seen["shortlist_add"] = summary(
        run(recruiter, "post", reverse("recruiting:shortlist-add"), {"profile": late.pk, "new_name": "Lakehouse"})
    )
    seen["list_after_own_write"] = summary(run(recruiter, "get", LIST_URL), marker="Late Lena")

    prefix = f"item-{item.pk}"
    tick = {f"{prefix}-level": "3", f"{prefix}-evidence_url": "", f"{prefix}-note": ""}
    seen["tick"] = summary(run(engineer, "post", reverse("skills:assess", kwargs={"item_id": item.pk}), tick))
    seen["tick_on_replica"] = Assessment.objects.using("replica1").filter(user=engineer_user).exists()
    seen["checklist_after_tick"] = summary(
        run(engineer, "get", reverse("skills:checklist")), marker=f'id="id_{prefix}-level_3" value="3" checked'
    )
    seen["role_after_tick"] = summary(run(engineer, "get", reverse("skills:role-detail", kwargs={"slug": role.slug})))

    # Behind by more than DATABASE_REPLICA_MAX_LAG: skipped, the primary answers.
    settings.DATABASE_REPLICA_MAX_LAG = 1
    tool = ToolFactory(published=True)
    wait_for_replica(until="receive")  # received and not replayed: behind, not merely idle
    time.sleep(1.5)
    anonymous = browser()
    seen["tool_while_replica_lags"] = summary(run(anonymous, "get", reverse("catalog:tool-detail", args=[tool.slug])))

    replica_sql("SELECT pg_wal_replay_resume()")
    wait_for_replica()
    recruiter.cookies.pop(PIN_COOKIE, None)  # the pin's time is over
    seen["list_after_replay"] = summary(run(recruiter, "get", LIST_URL), marker="Late Lena")
    search = f"{reverse('catalog:tool-list')}?q={tool.name}"  # a page not cached yet
    seen["tool_after_replay"] = summary(run(anonymous, "get", search), marker=tool.name)
    return seen


def outage() -> dict:
    for factory in (UserFactory, RoleFactory, EngineerProfileFactory):  # the reads scenario used the first numbers
        factory.reset_sequence(10_000)
    recruiter, _role = recruiter_with_candidates()
    wait_for_replica()
    seen = {"before": summary(run(recruiter, "get", LIST_URL), marker="Early Eva")}
    for _ in range(20):  # on a busy machine the replica's first health check can fail (2 s to connect): check again
        if seen["before"]["replica_read_matches"]:
            break
        usable("replica1", fresh=True)
        time.sleep(0.25)
        seen["before"] = summary(run(recruiter, "get", LIST_URL), marker="Early Eva")
    print("ready", flush=True)
    sys.stdin.readline()  # the test stops the replica now
    seen["list_replica_down"] = summary(run(recruiter, "get", LIST_URL), marker="Early Eva")
    seen["catalog_replica_down"] = summary(run(browser(), "get", reverse("catalog:tool-list")))
    seen["list_again"] = summary(run(recruiter, "get", LIST_URL), marker="Early Eva")
    return seen


if __name__ == "__main__":
    print(json.dumps({"reads": reads, "outage": outage}[sys.argv[1]]()), flush=True)
