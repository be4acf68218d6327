"""The recruiter's CSV export as a job: queued at once, written by a worker, downloaded by its owner only."""

import csv
import html
import io
import os
from datetime import timedelta
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.jobs import lifecycle
from portal.jobs.lifecycle import JobStatus
from recruiting.filters import CandidateSpec
from recruiting.models import CandidateExport, ExportFailure
from recruiting.services import exports as export_services
from skills.models import EngineerProfile
from skills.services.profiles import delete_account, update_profile
from tests.clients import DUTCH
from tests.factories import EngineerProfileFactory, RecruiterFactory, RoleFactory, RoleMatchFactory, UserFactory
from tests.jobs import queue_in_database, run_worker_batch, work_off_queue

pytestmark = pytest.mark.django_db

VISIBLE = EngineerProfile.Visibility.RECRUITERS
PRIVATE = EngineerProfile.Visibility.PRIVATE
EXPORT_URL = "/recruiting/candidates/export.csv"


def candidate(role, *, score=50, visibility=VISIBLE, **fields):
    profile = EngineerProfileFactory(user=UserFactory(password=None), visibility=visibility, **fields)
    RoleMatchFactory(profile=profile, role=role, score=score)
    return profile


@pytest.fixture
def role():
    return RoleFactory(title="Senior Data Engineer — lakehouse", slug="lakehouse", order=1, is_senior=True)


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def post_export(client, params="") -> CandidateExport:
    response = client.post(f"{EXPORT_URL}?{params}")
    assert response.status_code == 303
    export = CandidateExport.objects.latest("created_at")
    assert response["Location"] == reverse("recruiting:export-detail", kwargs={"pk": export.pk})
    return export


def download(client, export):
    return client.get(reverse("recruiting:export-download", kwargs={"pk": export.pk}))


def download_after_change(client, export):
    """Someone in the file shows less now (or left): the download sends the recruiter to the progress page while a
    job writes the file again (at once in tests); the next download is that file."""
    response = download(client, export)
    assert response.status_code == 302
    assert response["Location"] == export.get_absolute_url()
    return download(client, export)


def test_export_job_writes_the_filtered_visible_rows_and_its_owner_downloads_them(recruiter_client, recruiter, role):
    candidate(role, score=80, headline="Lead")
    candidate(role, score=20, headline="Junior")
    candidate(role, score=99, headline="Private", visibility=PRIVATE)
    export = post_export(recruiter_client, "min_score=50&page=3")
    export.refresh_from_db()
    assert export.status == JobStatus.DONE
    assert (export.rows_total, export.rows_written) == (1, 1)
    assert export.spec == CandidateSpec(role="lakehouse", min_score=50).to_json()  # parsed once, page left out
    assert export.recruiter == recruiter
    assert export.expires_at - export.finished_at == timedelta(hours=24)
    response = download(recruiter_client, export)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = rows_of(response)
    assert header[0] == "name"
    assert [row[1] for row in rows] == ["Lead"]
    assert rows[0][header.index("profile URL")].startswith("http://testserver/recruiting/candidates/")


def test_the_file_lives_in_the_private_exports_storage(recruiter_client, role):
    candidate(role)
    export = post_export(recruiter_client)
    export.refresh_from_db()
    assert storages["exports"].exists(export.file_name)
    assert storages["exports"].base_url is None or not str(storages["exports"].location).startswith("static")


def test_get_on_the_old_export_link_explains_and_offers_the_button(recruiter_client, role):
    response = recruiter_client.get(EXPORT_URL, {"min_score": 10})
    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert "min_score=10" in response.content.decode()
    assert not CandidateExport.objects.exists()


def test_queueing_answers_before_any_row_is_written(recruiter_client, role, settings):
    queue_in_database(settings)
    candidate(role)
    export = post_export(recruiter_client)
    export.refresh_from_db()
    assert export.status == JobStatus.QUEUED
    assert DBTaskResult.objects.filter(id=export.task_id).exists()
    page = recruiter_client.get(export.get_absolute_url())
    assert 'hx-trigger="every 2s"' in page.content.decode()
    assert "Refresh" in page.content.decode()
    work_off_queue()
    export.refresh_from_db()
    assert export.status == JobStatus.DONE
    partial = recruiter_client.get(export.get_absolute_url(), headers={"HX-Request": "true"})
    body = partial.content.decode()
    assert "<html" not in body
    assert "hx-trigger" not in body  # finished: the polling stops
    assert reverse("recruiting:export-download", kwargs={"pk": export.pk}) in body


def test_two_clicks_with_the_same_filters_give_one_job(recruiter_client, role, settings):
    queue_in_database(settings)
    candidate(role)
    first = post_export(recruiter_client, "min_score=10")
    second = post_export(recruiter_client, "min_score=10&page=2")
    other = post_export(recruiter_client, "min_score=20")
    assert first.pk == second.pk != other.pk
    assert DBTaskResult.objects.count() == 2


def test_another_recruiter_gets_404_for_the_progress_page_and_the_file(client, recruiter_client, role):
    candidate(role)
    export = post_export(recruiter_client)
    client.force_login(RecruiterFactory())
    assert client.get(export.get_absolute_url()).status_code == 404
    assert download(client, export).status_code == 404


def test_an_engineer_gets_403_for_an_export(client, recruiter_client, role):
    candidate(role)
    export = post_export(recruiter_client)
    client.force_login(UserFactory())
    assert download(client, export).status_code == 403


def test_a_candidate_who_went_private_after_the_job_is_not_in_the_download(recruiter_client, role):
    staying = candidate(role, score=80, headline="Staying")
    leaving = candidate(role, score=70, headline="Leaving")
    export = post_export(recruiter_client)
    update_profile(
        user=leaving.user, headline="Leaving", years_experience=1, location="", target_role=None,
        open_to_work=False, visibility=PRIVATE,
    )  # fmt: skip
    header, *rows = rows_of(download_after_change(recruiter_client, export))
    assert [row[1] for row in rows] == ["Staying"]
    assert rows[0][header.index("profile URL")].endswith(f"/{staying.pk}/")


def test_after_24_hours_the_link_is_gone_and_the_clean_up_deletes_the_file(recruiter_client, role):
    candidate(role)
    export = post_export(recruiter_client)
    export.refresh_from_db()
    written = export.file_name
    CandidateExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert download(recruiter_client, export).status_code == 404
    call_command("delete_expired_exports", verbosity=0)
    export.refresh_from_db()
    assert export.file_name == ""
    assert not storages["exports"].exists(written)
    assert "expired" in recruiter_client.get(export.get_absolute_url()).content.decode()


def test_the_list_page_shows_the_recruiters_own_last_exports(recruiter_client, role):
    candidate(role)
    export = post_export(recruiter_client)
    mine = recruiter_client.get(reverse("recruiting:candidate-list")).content.decode()
    assert export.get_absolute_url() in mine
    other = RecruiterFactory()
    recruiter_client.force_login(other)
    theirs = recruiter_client.get(reverse("recruiting:candidate-list")).content.decode()
    assert export.get_absolute_url() not in theirs


def test_a_role_unpublished_before_the_job_ran_fails_with_a_reason(recruiter_client, role, settings):
    queue_in_database(settings)
    candidate(role)
    export = post_export(recruiter_client)
    role.published = False
    role.save()
    work_off_queue()
    export.refresh_from_db()
    assert export.status == JobStatus.FAILED
    assert export.error == ExportFailure.ROLE_GONE
    assert "no longer published" in recruiter_client.get(export.get_absolute_url()).content.decode()
    dutch = recruiter_client.get(export.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Deze export is mislukt: De rol van deze export is niet meer gepubliceerd." in dutch


def test_a_database_error_is_retried_then_the_job_fails_with_a_short_reason(recruiter_client, role, monkeypatch):
    candidate(role)

    def broken(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(export_services, "write_spreadsheet", broken)
    export = post_export(recruiter_client)
    export.refresh_from_db()
    assert export.status == JobStatus.FAILED
    assert export.attempt == lifecycle.MAX_ATTEMPTS
    assert export.error == lifecycle.REASON_DATABASE
    assert "could not be reached" in recruiter_client.get(export.get_absolute_url()).content.decode()


def test_a_stale_running_export_is_requeued_and_then_finished(recruiter_client, role, settings):
    queue_in_database(settings)
    candidate(role)
    export = post_export(recruiter_client)
    # A worker claimed it and died: the row says running, and nothing has beaten for a long time.
    CandidateExport.objects.filter(pk=export.pk).update(
        status=JobStatus.RUNNING, heartbeat_at=timezone.now() - lifecycle.stale_after() - timedelta(seconds=1)
    )
    DBTaskResult.objects.all().delete()
    recruiter_client.get(export.get_absolute_url())  # whoever looks at it reclaims it
    export.refresh_from_db()
    assert (export.status, export.attempt) == (JobStatus.QUEUED, 2)
    work_off_queue()
    export.refresh_from_db()
    assert export.status == JobStatus.DONE


def test_a_stale_export_on_its_last_attempt_is_marked_failed(recruiter_client, role):
    candidate(role)
    export = post_export(recruiter_client)
    CandidateExport.objects.filter(pk=export.pk).update(
        status=JobStatus.RUNNING,
        attempt=lifecycle.MAX_ATTEMPTS,
        heartbeat_at=timezone.now() - lifecycle.stale_after() - timedelta(seconds=1),
    )
    export_services.reclaim_stale_exports()
    export.refresh_from_db()
    assert export.status == JobStatus.FAILED
    assert export.error == lifecycle.REASON_WORKER_LOST


def test_a_superseded_run_writes_nothing(recruiter_client, role, settings):
    queue_in_database(settings)
    candidate(role)
    export = post_export(recruiter_client)
    CandidateExport.objects.filter(pk=export.pk).update(attempt=2)  # re-queued meanwhile: attempt 1 is stale
    work_off_queue()
    export.refresh_from_db()
    assert export.status == JobStatus.QUEUED
    assert export.file_name == ""


@pytest.mark.django_db(transaction=True)
def test_a_real_db_worker_process_writes_the_export(recruiter_client, role, settings):
    queue_in_database(settings)
    candidate(role, score=80, headline="Lead")
    export = post_export(recruiter_client)
    run_worker_batch()
    export.refresh_from_db()
    assert export.status == JobStatus.DONE, export.error
    _header, *rows = rows_of(download(recruiter_client, export))
    assert [row[1] for row in rows] == ["Lead"]


def test_a_candidate_who_switched_to_the_pseudonym_after_the_job_is_in_the_download_under_it(recruiter_client, role):
    named = candidate(role, score=80, display_name="Femke de Vries", identity=EngineerProfile.Identity.NAME)
    other = candidate(role, score=70, display_name="Kept Hidden")
    export = post_export(recruiter_client)
    _header, *rows = rows_of(download(recruiter_client, export))
    assert [row[0] for row in rows] == ["Femke de Vries", other.pseudonym]
    EngineerProfile.objects.filter(pk=named.pk).update(identity=EngineerProfile.Identity.PSEUDONYM)
    _header, *rows = rows_of(download_after_change(recruiter_client, export))
    assert [row[0] for row in rows] == [named.pseudonym, other.pseudonym]
    assert "Femke" not in str(rows)


def test_a_finished_export_queues_its_own_clean_up_for_when_its_link_expires(recruiter_client, role, settings):
    queue_in_database(settings)
    candidate(role)
    export = post_export(recruiter_client)
    work_off_queue()
    export.refresh_from_db()
    clean_up = DBTaskResult.objects.filter(task_path="recruiting.services.exports.delete_expired_exports").get()
    assert clean_up.run_after >= export.expires_at
    assert clean_up.status == "READY"


def test_a_recruiter_has_at_most_three_exports_waiting_and_keeps_the_filters_when_refused(
    recruiter_client, role, settings
):
    queue_in_database(settings)
    candidate(role)
    for minimum in (10, 20, 30):
        post_export(recruiter_client, f"min_score={minimum}")
    response = recruiter_client.post(f"{EXPORT_URL}?min_score=40", follow=True)
    assert response.redirect_chain[-1][0].endswith("?min_score=40")
    assert "You have 3 exports waiting." in response.content.decode()
    assert CandidateExport.objects.count() == 3
    work_off_queue()
    assert post_export(recruiter_client, "min_score=40").status == JobStatus.QUEUED


def exported_files() -> set[str]:
    location = Path(storages["exports"].location)
    return {str(path) for path in location.rglob("*")} if location.exists() else set()


def _leave_the_recruiters(recruiter):
    recruiter.groups.clear()


def _deactivate(recruiter):
    recruiter.is_active = False
    recruiter.save()


def _remove_the_authenticator(recruiter):
    Authenticator.objects.filter(user=recruiter).delete()


@pytest.mark.parametrize("lose_the_right", [_leave_the_recruiters, _deactivate, _remove_the_authenticator])
def test_a_recruiter_who_lost_the_right_before_the_job_ran_gets_no_file(
    recruiter_client, recruiter, role, settings, lose_the_right
):
    queue_in_database(settings)
    candidate(role)
    export = post_export(recruiter_client)
    lose_the_right(recruiter)
    files_before = exported_files()
    work_off_queue()
    export.refresh_from_db()
    assert export.status == JobStatus.FAILED
    assert export.error == ExportFailure.RIGHT_GONE
    assert export.file_name == ""
    assert exported_files() == files_before


def test_deleting_a_recruiters_account_deletes_their_export_files(
    recruiter_client, recruiter, role, django_capture_on_commit_callbacks
):
    candidate(role, headline="Lead")
    export = post_export(recruiter_client)
    export.refresh_from_db()
    written = export.file_name
    assert storages["exports"].exists(written)
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(user=recruiter)
    assert not storages["exports"].exists(written)


def test_the_clean_up_deletes_old_files_that_no_export_owns_and_keeps_the_rest(recruiter_client, role):
    candidate(role)
    export = post_export(recruiter_client)
    export.refresh_from_db()
    storage = storages["exports"]
    orphan = storage.save("999999/left-behind.csv", io.BytesIO(b"name,e-mail\nNoor,noor@example.com\n"))
    young_orphan = storage.save("999999/being-written.csv", io.BytesIO(b"name\n"))
    long_ago = (timezone.now() - export_services.EXPORT_VALID_FOR - timedelta(minutes=1)).timestamp()
    for name in (orphan, export.file_name):  # the export's own file is as old, but its row still owns it
        os.utime(storage.path(name), (long_ago, long_ago))
    call_command("delete_expired_exports", verbosity=0)
    assert not storage.exists(orphan)
    assert storage.exists(young_orphan)  # a file a job has only just saved, before its row names it
    assert storage.exists(export.file_name)
    storage.delete(young_orphan)


def test_an_unchanged_export_is_handed_over_as_stored_without_reading_it(recruiter_client, role):
    candidate(role, score=80, headline="Lead")
    export = post_export(recruiter_client)
    export.refresh_from_db()
    with export_services.exports_storage().open(export.file_name, "rb") as stored:
        written = stored.read()
    response = download(recruiter_client, export)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == written


def test_after_a_withdrawal_the_download_waits_for_the_job_and_never_shows_the_name(recruiter_client, role, settings):
    named = candidate(role, score=80, display_name="Femke de Vries", identity=EngineerProfile.Identity.NAME)
    other = candidate(role, score=70, headline="Other")
    queue_in_database(settings)
    export = post_export(recruiter_client)
    work_off_queue()
    assert "Femke de Vries" in b"".join(download(recruiter_client, export).streaming_content).decode()
    EngineerProfile.objects.filter(pk=named.pk).update(identity=EngineerProfile.Identity.PSEUDONYM)
    response = download(recruiter_client, export)
    assert response.status_code == 302, "the request only looks up who changed; the job writes the file"
    page = recruiter_client.get(response["Location"])
    assert "being written again" in page.content.decode()
    assert download(recruiter_client, export).status_code == 302, "no download while the copy is written"
    work_off_queue()
    _header, *rows = rows_of(download(recruiter_client, export))
    assert [row[0] for row in rows] == [named.pseudonym, other.pseudonym], "their row stays, under the pseudonym"
    export.refresh_from_db()
    assert (export.rows_written, export.status) == (2, JobStatus.DONE)


def test_an_export_names_its_role_as_it_reads_now_in_the_readers_language(recruiter_client, role):
    """The title written when the export was asked stays in the file; the pages name the role as it is called now,
    in Dutch in Dutch, and by the written title only once the role is gone."""
    role.title_nl = "Senior data-engineer — lakehouse en API's"
    role.save()
    export = post_export(recruiter_client)
    for url in (reverse("recruiting:candidate-list"), export.get_absolute_url()):
        dutch = html.unescape(recruiter_client.get(url, **DUTCH).content.decode())
        assert "Senior data-engineer — lakehouse en API's" in dutch
        assert "Senior Data Engineer — lakehouse" not in dutch
    role.delete()
    for url in (reverse("recruiting:candidate-list"), export.get_absolute_url()):
        assert "Senior Data Engineer — lakehouse" in recruiter_client.get(url, **DUTCH).content.decode()


def test_the_last_exports_cost_no_query_per_export(recruiter_client, recruiter, django_assert_max_num_queries):
    url = reverse("recruiting:candidate-list")

    def export_of(role):
        CandidateExport.objects.create(recruiter=recruiter, role=role, role_title=role.title, profile_url_base="/")

    roles = RoleFactory.create_batch(5)
    export_of(roles[0])
    recruiter_client.get(url)  # what a first visit reads once (the session, the caches) is not counted
    with django_assert_max_num_queries(100) as with_one:
        recruiter_client.get(url)
    for role in roles[1:]:
        export_of(role)
    with django_assert_max_num_queries(len(with_one.captured_queries)):
        assert recruiter_client.get(url).content.decode().count("/recruiting/candidates/exports/") == 5
