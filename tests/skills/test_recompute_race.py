"""A role's recompute and an engineer's tick at the same moment: the tick's newer match is the one that stays."""

import threading
import time

import pytest
from django.db import connection, transaction

from skills.models import RoleMatch
from skills.services.matches import recompute_role_matches
from tests.factories import RoleRequirementFactory, UserFactory, assess

pytestmark = pytest.mark.django_db(transaction=True)


def wait_for_a_blocked_writer(seconds: float = 10) -> None:
    """Until another connection waits for a row lock this transaction holds."""
    deadline = time.monotonic() + seconds
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # inside a transaction, a fresh look each time
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)
    raise AssertionError("no other connection waited for a row this transaction holds")


def in_a_thread(work, failures: list) -> threading.Thread:
    """``work`` on a connection of its own, started; what it raises lands in ``failures``, for the test to report."""

    def run() -> None:
        try:
            work()
        except Exception as error:  # reported by the test, in its own thread
            failures.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def an_engineer_at(level: int):
    """A role asking level 4 of one item, an engineer at ``level`` on it, and their stored match with the role."""
    if connection.vendor != "postgresql":
        pytest.skip("The race is staged by holding row locks, as the real writers do: PostgreSQL's row locks.")
    requirement = RoleRequirementFactory(min_level=4)
    engineer = UserFactory()
    assess(user=engineer, item=requirement.item, level=level)
    return requirement, engineer, RoleMatch.objects.filter(profile__user=engineer, role=requirement.role)


def test_a_tick_committed_between_a_recomputes_read_and_write_keeps_its_score():
    requirement, engineer, match = an_engineer_at(0)
    assert match.get().score == 0
    holding, failures = threading.Event(), []

    def tick_while_holding_the_match() -> None:
        try:
            with transaction.atomic():
                match.select_for_update().get()
                holding.set()
                # The recompute has read level 0 and waits to write its match: the engineer now ticks level 4.
                wait_for_a_blocked_writer()
                assess(user=engineer, item=requirement.item, level=4)
        finally:
            holding.set()

    engineer_thread = in_a_thread(tick_while_holding_the_match, failures)
    assert holding.wait(10)
    recompute_role_matches(role=requirement.role)
    engineer_thread.join(20)
    assert not failures
    assert match.get().score == 100


def test_a_tick_that_meets_a_change_of_requirements_scores_by_the_new_ones():
    """The admin's change commits while the tick is under way: the tick waits for the role's match row before it
    reads the requirements, so the match it writes is not computed from the old ones after the recompute ran."""
    requirement, engineer, match = an_engineer_at(2)
    assert match.get().score < 100
    failures = []
    with transaction.atomic():  # the editor lowers the level asked, while the recompute holds the match
        requirement.min_level = 2
        requirement.save(update_fields=["min_level"])
        match.select_for_update(of=("self",)).get()
        engineer_thread = in_a_thread(lambda: assess(user=engineer, item=requirement.item, level=3), failures)
        wait_for_a_blocked_writer()
    engineer_thread.join(20)
    assert not failures
    assert match.get().score == 100
