"""Work is queued when the transaction that asked for it commits: never for one that rolls back, whatever the backend.

With the production configuration (the database queue, no options) and real commits, not the tests' shortcut of
queuing at once (conftest.py, tests/jobs.py); and with a queue outside the database (the immediate backend, which
sends at once), where a rolled-back transaction cannot take back what was queued.
"""

from contextlib import suppress

import pytest
from django.core import mail
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from portal.jobs.mail import queue_email
from skills.models import RoleRecompute
from skills.services.recomputes import request_role_recompute
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db(transaction=True)

PRODUCTION_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
OUTSIDE_THE_DATABASE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class RolledBack(Exception):
    pass


@pytest.fixture(autouse=True)
def _production_queue(settings):
    settings.TASKS = PRODUCTION_TASKS


def test_a_mail_asked_for_in_a_transaction_that_rolls_back_is_never_queued():
    with suppress(RolledBack), transaction.atomic():
        queue_email(subject="Hello", body="Body", to=["ada@example.com"])
        raise RolledBack
    assert not DBTaskResult.objects.exists()


def test_a_mail_asked_for_in_a_committed_transaction_is_queued_once_it_commits():
    with transaction.atomic():
        queue_email(subject="Hello", body="Body", to=["ada@example.com"])
        assert not DBTaskResult.objects.exists(), "queued before the commit"
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "portal.jobs.mail.send_email"
    assert queued.args_kwargs["kwargs"]["message"]["to"] == ["ada@example.com"]


def test_a_queue_outside_the_database_never_sends_the_mail_of_a_rolled_back_transaction(settings):
    settings.TASKS = OUTSIDE_THE_DATABASE
    with suppress(RolledBack), transaction.atomic():
        queue_email(subject="Hello", body="Body", to=["ada@example.com"])
        raise RolledBack
    assert mail.outbox == []


def test_a_queue_outside_the_database_sends_the_mail_after_the_commit(settings):
    settings.TASKS = OUTSIDE_THE_DATABASE
    with transaction.atomic():
        queue_email(subject="Hello", body="Body", to=["ada@example.com"])
        assert mail.outbox == [], "sent before the commit"
    assert [message.to for message in mail.outbox] == [["ada@example.com"]]


def test_a_recompute_whose_request_rolls_back_leaves_no_task_behind():
    role = RoleFactory(published=True)
    with suppress(RolledBack), transaction.atomic():
        request_role_recompute(role=role)
        raise RolledBack
    assert not RoleRecompute.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_a_recompute_keeps_the_id_of_the_task_queued_after_its_commit():
    recompute = request_role_recompute(role=RoleFactory(published=True))
    queued = DBTaskResult.objects.get()
    assert recompute.task_id == str(queued.pk)
    assert queued.args_kwargs["kwargs"]["recompute_id"] == recompute.pk


def test_a_recompute_is_queued_with_its_row_so_a_second_request_finds_its_task_and_queues_no_other():
    """Its tasks are written in the transaction that asks for it: a request right after the commit never finds it
    waiting without them, which would make it replace the recompute and queue the work twice."""
    role = RoleFactory(published=True)
    with transaction.atomic():
        first = request_role_recompute(role=role)
        assert DBTaskResult.objects.count() == 1, "not queued with its row"
    assert request_role_recompute(role=role) == first
    assert DBTaskResult.objects.count() == 1
