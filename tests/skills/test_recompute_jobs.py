"""A role's matches are recomputed by a job after an editor changes it; the admin shows the job's progress.

The job is split into chunks of profiles, each a task of its own that any worker may take.
"""

from collections import defaultdict
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from catalog.demo import load_catalog_demo
from portal.jobs import lifecycle
from portal.jobs.lifecycle import JobStatus
from skills.demo import load_skills_demo
from skills.models import Assessment, RoleMatch, RoleRecompute
from skills.models.recomputes import RecomputeFailure
from skills.scoring import compute_match
from skills.selectors.roles import requirement_specs_by_role
from skills.services import recomputes
from skills.services.recomputes import request_role_recompute
from tests.factories import RoleFactory, RoleRequirementFactory, UserFactory, assess
from tests.jobs import queue_in_database, run_worker_batch, start_worker, work_off_queue
from tests.skills.test_admin import role_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticked_role():
    """A role whose one requirement two engineers meet at level 2 (score 100)."""
    role = RoleFactory()
    requirement = RoleRequirementFactory(role=role, min_level=2)
    for engineer in (UserFactory(password=None), UserFactory(password=None)):
        assess(user=engineer, item=requirement.item, level=2)
    return role, requirement


@pytest.fixture
def two_profiles_per_chunk(monkeypatch):
    monkeypatch.setattr(recomputes, "RECOMPUTE_CHUNK_PROFILES", 2)


@pytest.fixture
def eight_engineers(ticked_role):
    """Six more engineers on the ticked role, at levels 0 to 4 (eight profiles: four chunks of two)."""
    role, requirement = ticked_role
    for level in (0, 1, 2, 3, 4, 4):
        assess(user=UserFactory(password=None), item=requirement.item, level=level)
    return role, requirement


def scores(role) -> list[int]:
    return sorted(RoleMatch.objects.filter(role=role).values_list("score", flat=True))


def stale_matches(role) -> list[int]:
    """The profiles whose stored match with the role differs from a fresh computation."""
    specs = requirement_specs_by_role(role_ids=[role.pk]).get(role.pk, [])
    levels = defaultdict(dict)
    for user_id, item_id, level in Assessment.objects.values_list("user_id", "item_id", "level"):
        levels[user_id][item_id] = level
    return [
        match.profile_id
        for match in RoleMatch.objects.filter(role=role).select_related("profile")
        if match.score != compute_match(specs, levels[match.profile.user_id]).score
    ]


def save_in_admin(client, role, requirement, min_level):
    requirement.min_level = min_level
    response = client.post(reverse("admin:skills_role_change", args=[role.pk]), role_form_data(role, [requirement]))
    assert response.status_code == 302


def test_saving_a_role_queues_one_recompute_and_keeps_the_old_matches_until_it_runs(
    editor_client, ticked_role, settings
):
    queue_in_database(settings)
    role, requirement = ticked_role
    save_in_admin(editor_client, role, requirement, 4)
    assert scores(role) == [100, 100]  # the request did not recompute
    recompute = RoleRecompute.objects.get(role=role)
    assert recompute.status == JobStatus.QUEUED
    page = editor_client.get(reverse("admin:skills_role_changelist")).content.decode()
    assert "Recompute queued" in page
    work_off_queue()
    assert scores(role) == [50, 50]
    recompute.refresh_from_db()
    assert (recompute.status, recompute.matches_total, recompute.matches_written) == (JobStatus.DONE, 2, 2)
    assert (recompute.chunks_total, recompute.chunks_done) == (1, 1)
    page = editor_client.get(reverse("admin:skills_role_change", args=[role.pk])).content.decode()
    assert "Last recomputed" in page


def test_saving_twice_before_the_worker_starts_gives_one_job(editor_client, ticked_role, settings):
    queue_in_database(settings)
    role, requirement = ticked_role
    save_in_admin(editor_client, role, requirement, 3)
    save_in_admin(editor_client, role, requirement, 4)
    assert RoleRecompute.objects.filter(role=role).count() == 1
    work_off_queue()
    assert scores(role) == [50, 50]  # the job read the latest requirements


def test_a_running_recompute_shows_its_progress_in_the_admin(editor_client, ticked_role):
    role, _requirement = ticked_role
    RoleRecompute.objects.create(
        role=role, status=JobStatus.RUNNING, matches_total=100_000, matches_written=24_000,
        heartbeat_at=timezone.now(),
    )  # fmt: skip
    page = editor_client.get(reverse("admin:skills_role_changelist")).content.decode()
    assert "Recomputing 100,000 matches: 24,000 written (24%)" in page


def test_a_change_while_a_recompute_runs_replaces_it_before_its_next_batch(ticked_role, settings):
    queue_in_database(settings)
    role, _requirement = ticked_role
    first = request_role_recompute(role=role)
    RoleRecompute.objects.filter(pk=first.pk).update(status=JobStatus.RUNNING, heartbeat_at=timezone.now())
    second = request_role_recompute(role=role)
    first.refresh_from_db()
    assert first.status == JobStatus.FAILED
    assert first.error == RecomputeFailure.REPLACED
    assert second.pk != first.pk
    requirement = role.requirements.get()
    requirement.min_level = 4
    requirement.save()
    with pytest.raises(lifecycle.Superseded):  # the old run's next batch is refused, and rolled back
        recomputes._recompute_chunk(first, first.attempt, 0, None)
    assert scores(role) == [100, 100]


def test_a_recompute_is_split_into_chunks_that_together_write_every_match(eight_engineers, two_profiles_per_chunk):
    role, requirement = eight_engineers
    requirement.min_level = 4
    requirement.save()
    recompute = request_role_recompute(role=role)
    assert stale_matches(role) == []
    assert (recompute.status, recompute.chunks_total, recompute.chunks_done) == (JobStatus.DONE, 4, 4)
    assert (recompute.matches_total, recompute.matches_written) == (8, 8)


def test_a_recompute_is_done_when_its_last_chunk_is(eight_engineers, two_profiles_per_chunk, settings):
    queue_in_database(settings)
    role, _requirement = eight_engineers
    recompute = request_role_recompute(role=role)
    chunks = [task.args_kwargs["kwargs"] for task in DBTaskResult.objects.order_by("enqueued_at")]
    assert len(chunks) == 4
    assert chunks[-1]["up_to_pk"] is None  # open: a profile created meanwhile is not left out
    for chunk in chunks[:3]:
        recomputes.recompute_role.call(**chunk)
    recompute.refresh_from_db()
    assert (recompute.status, recompute.chunks_done, recompute.finished_at) == (JobStatus.RUNNING, 3, None)
    recomputes.recompute_role.call(**chunks[3])
    recompute.refresh_from_db()
    assert (recompute.status, recompute.chunks_done, recompute.matches_written) == (JobStatus.DONE, 4, 8)
    assert recompute.finished_at is not None


def test_a_stale_chunk_requeues_the_whole_recompute_as_a_new_attempt(eight_engineers, two_profiles_per_chunk, settings):
    queue_in_database(settings)
    role, _requirement = eight_engineers
    recompute = request_role_recompute(role=role)
    first_chunk = DBTaskResult.objects.order_by("enqueued_at").first().args_kwargs["kwargs"]
    recomputes.recompute_role.call(**first_chunk)  # then its worker died before the next chunk
    RoleRecompute.objects.filter(pk=recompute.pk).update(heartbeat_at=timezone.now() - lifecycle.stale_after() * 2)
    assert recomputes.reclaim_stale_recomputes() == 1
    recompute.refresh_from_db()
    assert (recompute.status, recompute.attempt, recompute.chunks_done, recompute.matches_written) == (
        JobStatus.QUEUED, 2, 0, 0,
    )  # fmt: skip
    work_off_queue()  # the first attempt's three chunks left in the queue stop at once
    recompute.refresh_from_db()
    assert (recompute.status, recompute.chunks_done, recompute.matches_written) == (JobStatus.DONE, 4, 8)


def test_an_engineers_own_tick_still_recomputes_at_once(ticked_role, settings):
    queue_in_database(settings)
    role, requirement = ticked_role
    engineer = UserFactory(password=None)
    assess(user=engineer, item=requirement.item, level=2)
    assert RoleMatch.objects.get(role=role, profile__user=engineer).score == 100
    assert not RoleRecompute.objects.exists()


def test_a_stale_recompute_is_requeued_from_the_admin_and_finishes(editor_client, ticked_role, settings):
    queue_in_database(settings)
    role, _requirement = ticked_role
    recompute = request_role_recompute(role=role)
    RoleRecompute.objects.filter(pk=recompute.pk).update(
        status=JobStatus.RUNNING, heartbeat_at=timezone.now() - lifecycle.stale_after() - timedelta(seconds=1)
    )
    editor_client.get(reverse("admin:skills_role_changelist"))
    recompute.refresh_from_db()
    assert (recompute.status, recompute.attempt) == (JobStatus.QUEUED, 2)
    work_off_queue()
    recompute.refresh_from_db()
    assert recompute.status == JobStatus.DONE


@pytest.mark.django_db(transaction=True)
def test_a_real_db_worker_process_recomputes_the_role(ticked_role, settings):
    queue_in_database(settings)
    role, requirement = ticked_role
    requirement.min_level = 4
    requirement.save()
    recompute = request_role_recompute(role=role)
    assert scores(role) == [100, 100]
    run_worker_batch()
    recompute.refresh_from_db()
    assert recompute.status == JobStatus.DONE, recompute.error
    assert scores(role) == [50, 50]


@pytest.mark.django_db(transaction=True)
def test_a_new_request_runs_at_once_instead_of_reusing_a_waiting_recompute_whose_tasks_are_gone(ticked_role, settings):
    """The queue flushed (or a worker's database restored without it) leaves a recompute waiting that nothing will
    run: an editor's next change is not left waiting for the workers' sweep minutes later."""
    queue_in_database(settings)
    role, requirement = ticked_role
    lost = request_role_recompute(role=role)
    DBTaskResult.objects.all().delete()
    requirement.min_level = 4
    requirement.save()
    fresh = request_role_recompute(role=role)
    run_worker_batch()  # a real worker, long before its sweep would take the lost recompute for stale
    assert scores(role) == [50, 50]
    fresh.refresh_from_db()
    lost.refresh_from_db()
    assert fresh.status == JobStatus.DONE, fresh.error
    assert (lost.status, lost.error) == (JobStatus.FAILED, RecomputeFailure.REPLACED)


@pytest.mark.django_db(transaction=True)
def test_a_new_request_runs_at_once_instead_of_reusing_a_recompute_waiting_out_a_retrys_backoff(ticked_role, settings):
    """A recompute whose attempt failed on a passing error waits, queued again, for its backoff: an editor's next
    change gets its own run now, and the waiting one never runs beside it."""
    queue_in_database(settings)
    role, requirement = ticked_role
    retrying = request_role_recompute(role=role)
    # What the job does when its attempt fails on a passing error (lifecycle.run_job): the next attempt, later.
    lifecycle.requeue(
        RoleRecompute, pk=retrying.pk, attempt=retrying.attempt, start=recomputes.start_role_recompute,
        delay=lifecycle.retry_delay(retrying.attempt),
    )  # fmt: skip
    requirement.min_level = 4
    requirement.save()
    fresh = request_role_recompute(role=role)
    run_worker_batch()  # a real worker, well before the retry's time
    assert scores(role) == [50, 50]
    fresh.refresh_from_db()
    assert fresh.status == JobStatus.DONE, fresh.error
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # the retry's time has come
    run_worker_batch()
    retrying.refresh_from_db()
    assert (retrying.status, retrying.error) == (JobStatus.FAILED, RecomputeFailure.REPLACED)
    assert RoleRecompute.objects.filter(role=role, status=JobStatus.DONE).get() == fresh


def test_a_new_request_reuses_a_waiting_recompute_whose_tasks_wait_and_queues_nothing_more(ticked_role, settings):
    queue_in_database(settings)
    role, _requirement = ticked_role
    waiting = request_role_recompute(role=role)
    tasks = list(DBTaskResult.objects.values_list("pk", flat=True))
    assert request_role_recompute(role=role) == waiting
    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == tasks


@pytest.mark.django_db(transaction=True)
def test_two_real_workers_share_the_chunks_and_run_each_once(eight_engineers, two_profiles_per_chunk, settings):
    queue_in_database(settings)
    role, requirement = eight_engineers
    requirement.min_level = 4
    requirement.save()
    recompute = request_role_recompute(role=role)
    workers = [start_worker("--batch") for _ in range(2)]
    try:
        for worker in workers:
            output, _ = worker.communicate(timeout=90)
            assert worker.returncode == 0, output
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
    recompute.refresh_from_db()
    assert recompute.status == JobStatus.DONE, recompute.error
    assert stale_matches(role) == []
    assert (recompute.chunks_total, recompute.chunks_done, recompute.matches_written) == (4, 4, 8)
    tasks = DBTaskResult.objects.all()
    assert sorted(task.args_kwargs["kwargs"]["after_pk"] for task in tasks) == sorted(
        {task.args_kwargs["kwargs"]["after_pk"] for task in tasks}
    )  # four distinct chunks
    assert [(task.status, len(task.worker_ids)) for task in tasks] == [("SUCCESSFUL", 1)] * 4


def role_status_cell(page: str, role) -> str:
    """The "Matches" cell of one role's row in the changelist, as plain text."""
    row = page.split(f'href="{reverse("admin:skills_role_change", args=[role.pk])}"', 1)[1].split("</tr>", 1)[0]
    cell = row.split('class="role-recompute">', 1)[1].split("</span>", 1)[0]
    return " ".join(cell.replace("<br>", " ").split())


def test_the_matches_column_tells_each_roles_latest_recompute(editor_client):
    at = timezone.now() - timedelta(hours=2)
    done, failed, never, failed_after_done = RoleFactory.create_batch(4)
    RoleRecompute.objects.create(role=done, status=JobStatus.DONE, created_at=at, finished_at=at)
    RoleRecompute.objects.create(
        role=failed, status=JobStatus.FAILED, created_at=at, finished_at=at, error=RecomputeFailure.REPLACED
    )
    RoleRecompute.objects.create(role=failed_after_done, status=JobStatus.DONE, created_at=at, finished_at=at)
    RoleRecompute.objects.create(
        role=failed_after_done, status=JobStatus.FAILED, created_at=at + timedelta(hours=1),
        finished_at=at + timedelta(hours=1), error=RecomputeFailure.REPLACED,
    )  # fmt: skip
    page = editor_client.get(reverse("admin:skills_role_changelist")).content.decode()
    assert role_status_cell(page, done).startswith("Last recomputed")
    assert role_status_cell(page, failed).startswith("The last recompute failed on")
    assert "A newer change to the role started a fresh recompute." in role_status_cell(page, failed)
    assert "Last recomputed" not in role_status_cell(page, failed)
    assert role_status_cell(page, failed_after_done).startswith("The last recompute failed on")
    assert "Last recomputed" in role_status_cell(page, failed_after_done)
    assert role_status_cell(page, never) == "No recompute has run for this role yet."


def test_the_matches_column_counts_the_same_queries_for_many_roles(editor_client, django_assert_num_queries):
    for role in RoleFactory.create_batch(2):
        RoleRecompute.objects.create(role=role, status=JobStatus.DONE, finished_at=timezone.now())
    editor_client.get(reverse("admin:skills_role_changelist"))
    with CaptureQueriesContext(connection) as few:
        editor_client.get(reverse("admin:skills_role_changelist"))
    for role in RoleFactory.create_batch(6):
        RoleRecompute.objects.create(role=role, status=JobStatus.DONE, finished_at=timezone.now())
    with django_assert_num_queries(len(few.captured_queries)):
        editor_client.get(reverse("admin:skills_role_changelist"))


def test_the_demo_roles_are_recomputed_by_a_job_the_admin_shows(editor_client):
    load_catalog_demo()
    load_skills_demo()
    page = editor_client.get(reverse("admin:skills_role_changelist")).content.decode()
    assert RoleRecompute.objects.filter(status=JobStatus.DONE).count() == 4
    assert page.count("Last recomputed") == 4
    assert "No recompute has run" not in page
