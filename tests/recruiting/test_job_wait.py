"""An export's and a ranking's progress say why they wait: a failed try's retry, or no worker checking in."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.jobs import workers
from portal.jobs.lifecycle import JobStatus
from portal.models import WorkerHeartbeat
from recruiting.models import CandidateExport
from recruiting.services.searches import Requirement, create_search
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    SkillFactory,
    UserFactory,
)
from tests.jobs import queue_in_database, work_off_queue

pytestmark = pytest.mark.django_db

EXPORT_URL = "/recruiting/candidates/export.csv"


@pytest.fixture
def recruiter_client(client, settings):
    queue_in_database(settings)
    client.force_login(RecruiterFactory())
    role = RoleFactory(slug="lakehouse", order=1)
    profile = EngineerProfileFactory(user=UserFactory(password=None), visibility="recruiters")
    RoleMatchFactory(profile=profile, role=role, score=50)
    return client


def queued_export(client) -> CandidateExport:
    assert client.post(EXPORT_URL).status_code == 303
    return CandidateExport.objects.get()


def page_text(client, export) -> str:
    return re.sub(r"\s+", " ", client.get(export.get_absolute_url()).content.decode())


def test_an_export_whose_try_failed_says_when_it_retries_and_the_queue_records_the_failure(
    recruiter_client, settings, tmp_path
):
    not_a_folder = tmp_path / "exports"
    not_a_folder.write_text("a file where the exports folder should be")
    exports = {**settings.STORAGES["exports"], "OPTIONS": {"location": str(not_a_folder)}}
    settings.STORAGES = {**settings.STORAGES, "exports": exports}
    export = queued_export(recruiter_client)
    workers.beat(worker_id="alive")
    work_off_queue()  # the first try cannot write its file; the second is queued 30 s later
    export.refresh_from_db()
    assert (export.status, export.attempt) == (JobStatus.QUEUED, 2)
    text = page_text(recruiter_client, export)
    assert re.search(r"retrying in (29|30) s \(attempt 2 of 3\)", text), text
    assert "The background processing" not in text
    assert list(DBTaskResult.objects.order_by("enqueued_at").values_list("status", flat=True)) == ["FAILED", "READY"]


def test_an_export_without_any_worker_says_no_worker_has_checked_in_yet(recruiter_client):
    export = queued_export(recruiter_client)
    assert "The background processing is not running yet — this starts as soon as it is." in page_text(
        recruiter_client, export
    )


def test_an_export_says_for_how_long_no_worker_has_checked_in(recruiter_client):
    export = queued_export(recruiter_client)
    workers.beat(worker_id="gone")
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=2, seconds=5))
    text = page_text(recruiter_client, export)
    assert "The background processing has not run for 2 minutes — this starts as soon as it is back." in text


def test_a_checked_in_worker_leaves_the_plain_waiting_text(recruiter_client):
    export = queued_export(recruiter_client)
    workers.beat(worker_id="alive")
    text = page_text(recruiter_client, export)
    assert "Your export is queued and starts in a moment…" in text
    assert "The background processing" not in text


def test_the_dutch_page_says_no_worker_has_checked_in(recruiter_client):
    export = queued_export(recruiter_client)
    workers.beat(worker_id="gone")
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=2, seconds=5))
    response = recruiter_client.get(export.get_absolute_url(), headers={"accept-language": "nl"})
    assert "De verwerking op de achtergrond draait al 2 minuten niet" in re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize(
    ("language", "queued"),
    [("en", "Your export is queued and starts in a moment…"), ("nl", "Je export staat in de wachtrij en begint zo…")],
)
def test_a_queued_export_says_so_in_the_users_words_without_workers(recruiter_client, language, queued):
    export = queued_export(recruiter_client)
    for silent_for in (None, timedelta(0), timedelta(minutes=2, seconds=5)):  # no worker yet, one there, one gone
        if silent_for is not None:
            workers.beat(worker_id="one")
            WorkerHeartbeat.objects.update(seen_at=timezone.now() - silent_for)
        page = recruiter_client.get(export.get_absolute_url(), headers={"accept-language": language})
        text = re.sub(r"\s+", " ", page.content.decode())
        assert "worker" not in text.lower()
    assert queued in text


@pytest.fixture
def own_search(client, settings):
    """A recruiter's vacancy search, signed in as that recruiter, with jobs queued in the database."""
    queue_in_database(settings)
    recruiter = RecruiterFactory()
    client.force_login(recruiter)
    RoleFactory(slug="platform", order=1)
    item = ChecklistItemFactory(skill=SkillFactory(name="Orchestration"), name="Retries")
    return create_search(
        owner=recruiter,
        title="Airflow engineer",
        text="We ask for retries.",
        requirements=[Requirement(item=item, min_level=3, is_must_have=True)],
    )


def test_a_search_ranking_without_any_worker_says_for_how_long_none_checked_in(client, own_search):
    search = own_search
    assert client.post(reverse("recruiting:search-rank", kwargs={"pk": search.pk})).status_code == 303
    workers.beat(worker_id="gone")
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(minutes=3, seconds=5))
    text = re.sub(r"\s+", " ", client.get(search.get_absolute_url()).content.decode())
    assert "The background processing has not run for 3 minutes — this starts as soon as it is back." in text


def test_a_search_whose_new_ranking_failed_says_so_beside_the_ranking_that_still_stands(client, own_search):
    """ "Rank again" lost its worker on every attempt: the page must not carry on as if the old ranking were new."""
    from portal.jobs.lifecycle import MAX_ATTEMPTS
    from skills.models import RoleRecompute
    from skills.services.recomputes import reclaim_stale_recomputes

    search = own_search
    rank = reverse("recruiting:search-rank", kwargs={"pk": search.pk})
    assert client.post(rank).status_code == 303
    work_off_queue()
    assert client.post(rank).status_code == 303
    # Its last attempt's worker went silent, as the workers' sweep then finds it.
    RoleRecompute.objects.filter(status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, attempt=MAX_ATTEMPTS, heartbeat_at=timezone.now() - timedelta(hours=1)
    )
    assert reclaim_stale_recomputes() == 1
    text = re.sub(r"\s+", " ", client.get(search.get_absolute_url()).content.decode())
    assert "Ranking failed: The processing stopped unexpectedly, and retrying did not help." in text
    assert "Rank again" in text
