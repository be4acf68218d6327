"""Candidate exports (of the filtered list, or of a shortlist): queue one, the job that writes its file (defined here, beside its work), and the clean-up."""

import json
import logging
import tempfile
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from portal.databases.routing import replica_reads
from portal.guards.access import account_can_view_candidates
from portal.jobs import lifecycle
from portal.jobs.lifecycle import JobStatus
from recruiting.filters import CandidateSpec, ranked_by
from recruiting.models import CandidateExport, ExportFailure, ExportFormat, Shortlist
from recruiting.selectors.candidates import ranking_base, roles_for_recruiter
from recruiting.selectors.export_rows import candidate_rows, export_header, shortlist_rows
from recruiting.selectors.exports import (
    NAMED_ROWS_SUFFIX,
    exports_storage,
    named_rows_file,
    rows_to_rewrite,
    written_identities,
)
from recruiting.selectors.shortlists import entries_to_export
from recruiting.services.export_files import read_spreadsheet, rows_as_shown_now, write_spreadsheet
from recruiting.services.shortlists import require_owner

logger = logging.getLogger(__name__)
EXPORT_VALID_FOR = timedelta(hours=24)
EXPORT_SAME_CLICK_WINDOW = timedelta(seconds=10)  # a second click with the same filters within this is the same export
EXPORT_PROGRESS_ROWS = 5000  # write progress at least this often…
EXPORT_PROGRESS_SECONDS = 2  # …or after this long, whichever comes first
MAX_FILTERS_LENGTH = 4000
MAX_WAITING_EXPORTS = 3  # per recruiter: more would only queue up behind each other and hold back everyone else


def request_candidate_export(
    *,
    recruiter: AbstractBaseUser,
    spec: CandidateSpec,
    profile_url_base: str,
    file_format: str = ExportFormat.CSV,
    language: str = "en",
) -> CandidateExport:
    """Queue an export of the candidate list for these filters (parsed once, by the list's form); a repeated click
    gives the same export.

    Answers at once whatever the size of the list: counting and writing are the job's work. ``language`` is the
    recruiter's as they ask: the file keeps it whatever they read in later.
    """
    if len(json.dumps(spec.to_json())) > MAX_FILTERS_LENGTH:
        raise ValidationError(_("These filters are too long to export."))
    role = roles_for_recruiter(recruiter=recruiter).filter(slug=spec.role).first()
    if role is None:
        raise ValidationError(_("There is no published role to rank candidates by."))
    return _queue_export(
        recruiter=recruiter,
        same=Q(role=role),
        role=role,
        role_title=str(role.title),
        spec=spec.to_json(),
        profile_url_base=profile_url_base,
        file_format=file_format,
        language=language,
    )


def request_shortlist_export(
    *,
    recruiter: AbstractBaseUser,
    shortlist: Shortlist,
    profile_url_base: str,
    file_format: str = ExportFormat.CSV,
    language: str = "en",
) -> CandidateExport:
    """Queue an export of the recruiter's own shortlist: the candidate list's export of its visible candidates, with
    each one's stage and the recruiter's note; a repeated click gives the same export."""
    require_owner(shortlist, recruiter)
    return _queue_export(
        recruiter=recruiter,
        same=Q(shortlist=shortlist),
        shortlist=shortlist,
        shortlist_name=shortlist.name,
        role=shortlist.role,
        role_title=str(shortlist.role.title) if shortlist.role else "",
        profile_url_base=profile_url_base,
        file_format=file_format,
        language=language,
    )


def _queue_export(
    *, recruiter: AbstractBaseUser, same: Q, file_format: str, language: str, **fields
) -> CandidateExport:
    """Create the export and queue its job, unless an export matching ``same`` (and its spec) is already waiting or
    was asked for a moment ago: then that one."""
    if file_format not in ExportFormat.values:
        raise ValidationError(_("Choose XLSX or CSV."))
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    now = timezone.now()
    with transaction.atomic():
        # One recruiter's clicks queue up here, so two at once cannot both miss the other's export.
        get_user_model().objects.select_for_update().filter(pk=recruiter.pk).exists()
        recent = (
            CandidateExport.objects.filter(same, recruiter=recruiter, file_format=file_format, language=language)
            .filter(
                Q(created_at__gte=now - EXPORT_SAME_CLICK_WINDOW) | Q(status__in=(JobStatus.QUEUED, JobStatus.RUNNING))
            )
            .exclude(status=JobStatus.FAILED)
        )
        spec = fields.get("spec", {})
        earlier = next((export for export in recent if export.spec == spec), None)
        if earlier is not None:
            return earlier
        waiting = CandidateExport.objects.filter(recruiter=recruiter, status__in=(JobStatus.QUEUED, JobStatus.RUNNING))
        if waiting.count() >= MAX_WAITING_EXPORTS:
            raise ValidationError(
                _("You have %(count)d exports waiting. Start this one when one of them is done.")
                % {"count": MAX_WAITING_EXPORTS}
            )
        export = CandidateExport.objects.create(
            recruiter=recruiter, file_format=file_format, language=language, created_at=now, **fields
        )
        start_candidate_export(export.pk, export.attempt)
    export.refresh_from_db()
    return export


def start_candidate_export(export_id: int, attempt: int, *, delay: timedelta | None = None):
    """Queue the job that writes this attempt of the export."""
    lifecycle.enqueue_job(CandidateExport, write_candidate_export, pk=export_id, attempt=attempt, delay=delay)


@task()
def write_candidate_export(*, export_id: int, attempt: int) -> None:
    """The job: write the export's file to the private storage, with progress, as the visibility rule stands now."""
    lifecycle.run_job(
        CandidateExport,
        pk=export_id,
        attempt=attempt,
        work=lambda: _write_export_file(CandidateExport.objects.select_related("recruiter").get(pk=export_id), attempt),
        start=start_candidate_export,
    )
    remove_expired_exports()
    # This file's own clean-up, when its 24 hours are over, whether or not another export comes along.
    lifecycle.enqueue(delete_expired_exports, delay=EXPORT_VALID_FOR + timedelta(minutes=1))


@replica_reads()  # its reads may come from a replica, its writes go to the primary (README, "Scale out")
def _write_export_file(export: CandidateExport, attempt: int) -> None:
    if not account_can_view_candidates(export.recruiter):
        # Lost the right since asking (no longer a recruiter, deactivated, authenticator removed): no file.
        lifecycle.fail(CandidateExport, pk=export.pk, attempt=attempt, reason=ExportFailure.RIGHT_GONE)
        return
    if export.file_name:  # written before: only the rows of people who now show less change
        _write_copy_as_shown_now(export, attempt)
        return
    if export.is_of_shortlist:
        if export.shortlist is None:  # deleted since: its rows and notes went with it
            lifecycle.fail(CandidateExport, pk=export.pk, attempt=attempt, reason=ExportFailure.SHORTLIST_GONE)
            return
        entries = entries_to_export(shortlist=export.shortlist)
        rows = partial(shortlist_rows, entries=entries, role=export.shortlist.role)
        header = export_header(export.language, shortlist=True, file_format=export.file_format)
        _write_rows(export, attempt, header=header, total=entries, rows=rows)
        return
    spec = CandidateSpec.from_json(export.spec)
    role = roles_for_recruiter(recruiter=export.recruiter).filter(slug=spec.role).first()
    if export.role_id is None or role is None or role.pk != export.role_id:
        lifecycle.fail(CandidateExport, pk=export.pk, attempt=attempt, reason=ExportFailure.ROLE_GONE)
        return
    ranking = ranked_by(ranking_base(), spec=spec, role=role)
    rows = partial(candidate_rows, ranking=ranking, role=role)
    header = export_header(export.language, file_format=export.file_format)
    _write_rows(export, attempt, header=header, total=ranking, rows=rows)


def _write_rows(
    export: CandidateExport, attempt: int, *, header: list[str], total: QuerySet, rows: Callable[..., Iterator]
) -> None:
    """Write the file of ``rows`` (counted by ``total``) a row at a time, with the job's progress as it goes."""
    lifecycle.beat(CandidateExport, pk=export.pk, attempt=attempt, rows_total=total.count(), rows_written=0)
    last = {"rows": 0, "at": timezone.now()}

    def progress(rows: int) -> None:
        now = timezone.now()
        if rows - last["rows"] >= EXPORT_PROGRESS_ROWS or (now - last["at"]).total_seconds() >= EXPORT_PROGRESS_SECONDS:
            lifecycle.beat(CandidateExport, pk=export.pk, attempt=attempt, rows_written=rows)
            last.update(rows=rows, at=now)

    base, kind = export.profile_url_base, {"file_format": export.file_format, "language": export.language}
    with tempfile.TemporaryFile() as spool, tempfile.TemporaryFile() as named:
        each = rows(
            profile_url=lambda pk: f"{base}{pk}/", language=export.language, recruiter=export.recruiter, named=named
        )
        written = write_spreadsheet(spool, header=header, rows=each, on_progress=progress, **kind)
        _finish(export, attempt, spool=spool, named=named, rows=written)


def _finish(export: CandidateExport, attempt: int, *, spool, named, rows: int, expires_at=None) -> None:
    """Store the written file and its list of named rows, and mark the attempt done; the files it replaces go."""
    storage = exports_storage()
    spool.seek(0)
    named.seek(0)
    name = storage.save(f"{export.recruiter_id}/{uuid.uuid4().hex}.{export.file_format}", File(spool))
    storage.save(named_rows_file(name), File(named))
    now = timezone.now()
    finished = (
        lifecycle.runs(CandidateExport, pk=export.pk, attempt=attempt)
        .filter(status=JobStatus.RUNNING)
        .update(
            status=JobStatus.DONE,
            rows_written=rows,
            file_name=name,
            finished_at=now,
            heartbeat_at=now,
            expires_at=expires_at or now + EXPORT_VALID_FOR,
        )
    )
    if not finished:  # superseded while writing: the new attempt writes its own file
        _delete_files(storage, name)
        raise lifecycle.Superseded
    if export.file_name:
        _delete_files(storage, export.file_name)


def _delete_files(storage, name: str) -> None:
    storage.delete(name)
    storage.delete(named_rows_file(name))


def request_copy_as_shown_now(*, export: CandidateExport) -> bool:
    """Queue the job that writes the finished export again as its candidates show themselves to this recruiter
    now; False when it is not a finished export (a copy is already on its way, say)."""
    with transaction.atomic():
        queued = CandidateExport.objects.filter(pk=export.pk, attempt=export.attempt, status=JobStatus.DONE).update(
            status=JobStatus.QUEUED,
            attempt=export.attempt + 1,
            heartbeat_at=timezone.now(),  # queued: not taken for a job whose task is lost before it is queued
            started_at=None,
            rows_written=0,
        )
        if queued:
            start_candidate_export(export.pk, export.attempt + 1)
    return bool(queued)


def _write_copy_as_shown_now(export: CandidateExport, attempt: int) -> None:
    """The stored file again: a candidate no longer visible to recruiters left out, one who shows this recruiter
    less than the file does (a withdrawn contact, a name switched off) under what they show now, as a fresh
    export would write them; every other cell as written."""
    storage = exports_storage()
    named = written_identities(export=export)
    changes = rows_to_rewrite(recruiter=export.recruiter, written=dict(named))
    left_out = [pk for pk, now in changes.items() if now is None]
    lifecycle.beat(CandidateExport, pk=export.pk, attempt=attempt, rows_total=len(named) - len(left_out))
    kind = {"file_format": export.file_format, "language": export.language}
    with (
        storage.open(export.file_name, "rb") as stored,
        tempfile.TemporaryFile() as spool,
        tempfile.TemporaryFile() as kept,
    ):
        rows = read_spreadsheet(stored, **kind)
        header = next(rows)
        written = write_spreadsheet(
            spool, header=header, rows=rows_as_shown_now(rows, named=named, changes=changes, out=kept), **kind
        )
        _finish(export, attempt, spool=spool, named=kept, rows=written, expires_at=export.expires_at)


def take_over_export(*, export_id: int, attempt: int) -> None:
    """The export's worker died: its next attempt is queued (or, after the last, it fails)."""
    lifecycle.take_over(CandidateExport, pk=export_id, attempt=attempt, start=start_candidate_export)


def reclaim_stale_exports(exports: QuerySet[CandidateExport] | None = None) -> int:
    """Re-queue (or fail) exports whose worker stopped answering."""
    return lifecycle.reclaim_stale(
        exports if exports is not None else CandidateExport.objects.all(), start=start_candidate_export
    )


@task()
def delete_expired_exports() -> int:
    """The job that deletes expired export files (see :func:`remove_expired_exports`)."""
    return remove_expired_exports()


def remove_expired_exports() -> int:
    """Delete the files of exports past their 24 hours (the rows stay as the audit), and any file older than that
    which no export owns (its row went with its account, say). Returns how many files."""
    storage = exports_storage()
    deleted = 0
    expired = CandidateExport.objects.filter(expires_at__lte=timezone.now()).exclude(file_name="")
    for export in expired.only("pk", "file_name"):
        _delete_files(storage, export.file_name)
        CandidateExport.objects.filter(pk=export.pk).update(file_name="")
        deleted += 1
    return deleted + _delete_orphaned_export_files(storage)


def _stored_export_files(storage, folder: str = "") -> Iterator[str]:
    folders, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}{name}"
    for name in folders:
        yield from _stored_export_files(storage, f"{folder}{name}/")


def _delete_orphaned_export_files(storage) -> int:
    """Files no export row names, once older than an export's lifetime: a file being written is younger than that."""
    if not storage.exists(""):
        return 0
    cutoff = timezone.now() - EXPORT_VALID_FOR
    old = [name for name in _stored_export_files(storage) if storage.get_modified_time(name) <= cutoff]
    if not old:
        return 0
    written = {name.removesuffix(NAMED_ROWS_SUFFIX) for name in old}
    owned = set(CandidateExport.objects.filter(file_name__in=written).values_list("file_name", flat=True))
    orphaned = [name for name in old if name.removesuffix(NAMED_ROWS_SUFFIX) not in owned]
    for name in orphaned:
        storage.delete(name)
    return len(orphaned)


def delete_export_file(*, export: CandidateExport) -> None:
    """Delete an export's file once its row is gone for good (the row's deletion committed)."""
    if export.file_name:
        name = export.file_name
        transaction.on_commit(lambda: _delete_files(exports_storage(), name))
