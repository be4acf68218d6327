"""Writes for recruiters: named shortlists with private notes, the profile-view audit, and CSV export jobs.

Views reach these only through :func:`portal.access.can_view_candidates`; the
services themselves keep the rules of the data: a recruiter's lists are their
own, and only a candidate visible to recruiters can be listed, noted or viewed.
"""

import logging
import tempfile
import uuid
from collections.abc import Iterator
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal import jobs
from portal.access import account_can_view_candidates
from portal.jobs import JobStatus
from recruiting.export import candidate_rows, export_header, write_spreadsheet
from recruiting.filters import CandidateFilter
from recruiting.models import CandidateExport, ExportFormat, ProfileView, Shortlist, ShortlistEntry
from skills.models import EngineerProfile

logger = logging.getLogger(__name__)

NOTE_MAX_LENGTH = ShortlistEntry._meta.get_field("note").max_length


def _require_visible(profile: EngineerProfile) -> None:
    if not profile.is_visible_to_recruiters:
        raise ValidationError(_("This candidate is not visible to recruiters."))


def _require_owner(shortlist: Shortlist, recruiter: AbstractBaseUser) -> None:
    if shortlist.recruiter_id != recruiter.pk:
        raise PermissionDenied(_("This shortlist belongs to another recruiter."))


@transaction.atomic
def create_shortlist(*, recruiter: AbstractBaseUser, name: str) -> Shortlist:
    """A new named shortlist; names are unique per recruiter."""
    name = name.strip()
    if Shortlist.objects.filter(recruiter=recruiter, name=name).exists():
        raise ValidationError({"name": _("You already have a shortlist called “%(name)s”.") % {"name": name}})
    shortlist = Shortlist(recruiter=recruiter, name=name)
    shortlist.full_clean()
    shortlist.save()
    return shortlist


@transaction.atomic
def delete_shortlist(*, recruiter: AbstractBaseUser, shortlist: Shortlist) -> None:
    """Remove a shortlist with its entries and notes."""
    _require_owner(shortlist, recruiter)
    shortlist.delete()


@transaction.atomic
def add_to_shortlist(*, recruiter: AbstractBaseUser, shortlist: Shortlist, profile: EngineerProfile) -> ShortlistEntry:
    """Put a visible candidate on the recruiter's shortlist; adding twice keeps one entry."""
    _require_owner(shortlist, recruiter)
    _require_visible(profile)
    entry, _created = ShortlistEntry.objects.get_or_create(shortlist=shortlist, profile=profile)
    return entry


@transaction.atomic
def remove_from_shortlist(*, recruiter: AbstractBaseUser, shortlist: Shortlist, profile: EngineerProfile) -> bool:
    """Take a candidate off the shortlist (with the note); False when they were not on it."""
    _require_owner(shortlist, recruiter)
    deleted, _by_model = ShortlistEntry.objects.filter(shortlist=shortlist, profile=profile).delete()
    return bool(deleted)


@transaction.atomic
def set_shortlist_note(
    *, recruiter: AbstractBaseUser, shortlist: Shortlist, profile: EngineerProfile, note: str
) -> ShortlistEntry:
    """Replace the recruiter's private note on one shortlisted, visible candidate."""
    _require_owner(shortlist, recruiter)
    _require_visible(profile)
    note = note.strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ValidationError(
            {"note": _("Keep the note to %(limit)d characters or fewer.") % {"limit": NOTE_MAX_LENGTH}}
        )
    entry = ShortlistEntry.objects.select_for_update().get(shortlist=shortlist, profile=profile)
    entry.note = note
    entry.full_clean(exclude=["shortlist", "profile"])
    entry.save(update_fields=["note"])
    return entry


def record_profile_view(*, recruiter: AbstractBaseUser, profile: EngineerProfile) -> ProfileView:
    """Keep the audit row the engineer sees: which recruiter opened their profile, and when."""
    _require_visible(profile)
    return ProfileView.objects.create(recruiter=recruiter, profile=profile)


EXPORT_VALID_FOR = timedelta(hours=24)
EXPORT_SAME_CLICK_WINDOW = timedelta(seconds=10)  # a second click with the same filters within this is the same export
EXPORT_PROGRESS_ROWS = 5000  # write progress at least this often…
EXPORT_PROGRESS_SECONDS = 2  # …or after this long, whichever comes first
MAX_FILTERS_LENGTH = 4000
MAX_WAITING_EXPORTS = 3  # per recruiter: more would only queue up behind each other and hold back everyone else
REASON_ROLE_GONE = gettext_noop("The role of this export is no longer published.")
REASON_RIGHT_GONE = gettext_noop("You may no longer read candidates, so this export was not written.")


def exports_storage():
    return storages["exports"]


def export_filters(query: QueryDict) -> str:
    """The list's filters as one canonical query string (page left out): what the job runs and the audit keeps."""
    pairs = sorted((key, value) for key in query if key != "page" for value in query.getlist(key))
    return urlencode(pairs)


def request_candidate_export(
    *,
    recruiter: AbstractBaseUser,
    query: QueryDict,
    profile_url_base: str,
    file_format: str = ExportFormat.CSV,
    language: str = "en",
) -> CandidateExport:
    """Queue an export of the candidate list for these filters; a repeated click gives the same export.

    Answers at once whatever the size of the list: counting and writing are the job's work. ``language`` is the
    recruiter's as they ask: the file keeps it whatever they read in later.
    """
    if file_format not in ExportFormat.values:
        raise ValidationError(_("Choose XLSX or CSV."))
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    if len(query.urlencode()) > MAX_FILTERS_LENGTH:
        raise ValidationError(_("These filters are too long to export."))
    role = CandidateFilter(query, recruiter=recruiter).chosen_role
    if role is None:
        raise ValidationError(_("There is no published role to rank candidates by."))
    query = query.copy()
    query["role"] = role.slug  # the job ranks by this role even if the default role changes meanwhile
    filters = export_filters(query)
    now = timezone.now()
    with transaction.atomic():
        # One recruiter's clicks queue up here, so two at once cannot both miss the other's export.
        get_user_model().objects.select_for_update().filter(pk=recruiter.pk).exists()
        same = (
            CandidateExport.objects.filter(
                recruiter=recruiter, filters=filters, role=role, file_format=file_format, language=language
            )
            .filter(
                Q(created_at__gte=now - EXPORT_SAME_CLICK_WINDOW) | Q(status__in=(JobStatus.QUEUED, JobStatus.RUNNING))
            )
            .exclude(status=JobStatus.FAILED)
            .first()
        )
        if same is not None:
            return same
        waiting = CandidateExport.objects.filter(recruiter=recruiter, status__in=(JobStatus.QUEUED, JobStatus.RUNNING))
        if waiting.count() >= MAX_WAITING_EXPORTS:
            raise ValidationError(
                _("You have %(count)d exports waiting. Start this one when one of them is done.")
                % {"count": MAX_WAITING_EXPORTS}
            )
        export = CandidateExport.objects.create(
            recruiter=recruiter,
            role=role,
            role_title=str(role.title),
            filters=filters,
            profile_url_base=profile_url_base,
            file_format=file_format,
            language=language,
            created_at=now,
        )
        start_candidate_export(export.pk, export.attempt)
    export.refresh_from_db()
    return export


def start_candidate_export(export_id: int, attempt: int, *, delay: timedelta | None = None):
    """Queue the job that writes this attempt of the export."""
    from recruiting.tasks import write_candidate_export

    jobs.enqueue_job(CandidateExport, write_candidate_export, pk=export_id, attempt=attempt, delay=delay)


def write_candidate_export(*, export_id: int, attempt: int) -> None:
    """The job: write the export's file to the private storage, with progress, as the visibility rule stands now."""
    jobs.run_job(
        CandidateExport,
        pk=export_id,
        attempt=attempt,
        work=lambda: _write_export_file(CandidateExport.objects.select_related("recruiter").get(pk=export_id), attempt),
        start=start_candidate_export,
    )
    delete_expired_exports()
    from recruiting import tasks

    # This file's own clean-up, when its 24 hours are over, whether or not another export comes along.
    jobs.enqueue(tasks.delete_expired_exports, delay=EXPORT_VALID_FOR + timedelta(minutes=1))


def _write_export_file(export: CandidateExport, attempt: int) -> None:
    if not account_can_view_candidates(export.recruiter):
        # Lost the right since asking (no longer a recruiter, deactivated, authenticator removed): no file.
        jobs.fail(CandidateExport, pk=export.pk, attempt=attempt, reason=REASON_RIGHT_GONE)
        return
    candidate_filter = CandidateFilter(QueryDict(export.filters), recruiter=export.recruiter)
    role = candidate_filter.chosen_role
    if export.role_id is None or role is None or role.pk != export.role_id:
        jobs.fail(CandidateExport, pk=export.pk, attempt=attempt, reason=REASON_ROLE_GONE)
        return
    ranking = candidate_filter.qs
    jobs.beat(CandidateExport, pk=export.pk, attempt=attempt, rows_total=ranking.count(), rows_written=0)
    last = {"rows": 0, "at": timezone.now()}

    def progress(rows: int) -> None:
        now = timezone.now()
        if rows - last["rows"] >= EXPORT_PROGRESS_ROWS or (now - last["at"]).total_seconds() >= EXPORT_PROGRESS_SECONDS:
            jobs.beat(CandidateExport, pk=export.pk, attempt=attempt, rows_written=rows)
            last.update(rows=rows, at=now)

    base = export.profile_url_base
    storage = exports_storage()
    with tempfile.TemporaryFile() as spool:
        written = write_spreadsheet(
            spool,
            header=export_header(export.language),
            rows=candidate_rows(
                ranking=ranking,
                role=role,
                profile_url=lambda pk: f"{base}{pk}/",
                language=export.language,
                recruiter=export.recruiter,
            ),
            file_format=export.file_format,
            language=export.language,
            on_progress=progress,
        )
        spool.seek(0)
        name = storage.save(f"{export.recruiter_id}/{uuid.uuid4().hex}.{export.file_format}", File(spool))
    now = timezone.now()
    finished = (
        jobs.runs(CandidateExport, pk=export.pk, attempt=attempt)
        .filter(status=JobStatus.RUNNING)
        .update(
            status=JobStatus.DONE,
            rows_written=written,
            file_name=name,
            finished_at=now,
            heartbeat_at=now,
            expires_at=now + EXPORT_VALID_FOR,
        )
    )
    if not finished:  # superseded while writing: the new attempt writes its own file
        storage.delete(name)
        raise jobs.Superseded


def take_over_export(*, export_id: int, attempt: int) -> None:
    """The export's worker died: its next attempt is queued (or, after the last, it fails)."""
    jobs.take_over(CandidateExport, pk=export_id, attempt=attempt, start=start_candidate_export)


def reclaim_stale_exports(exports: QuerySet[CandidateExport] | None = None) -> int:
    """Re-queue (or fail) exports whose worker stopped answering."""
    return jobs.reclaim_stale(
        exports if exports is not None else CandidateExport.objects.all(), start=start_candidate_export
    )


def delete_expired_exports() -> int:
    """Delete the files of exports past their 24 hours (the rows stay as the audit), and any file older than that
    which no export owns (its row went with its account, say). Returns how many files."""
    storage = exports_storage()
    deleted = 0
    expired = CandidateExport.objects.filter(expires_at__lte=timezone.now()).exclude(file_name="")
    for export in expired.only("pk", "file_name"):
        storage.delete(export.file_name)
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
    owned = set(CandidateExport.objects.filter(file_name__in=old).values_list("file_name", flat=True))
    orphaned = [name for name in old if name not in owned]
    for name in orphaned:
        storage.delete(name)
    return len(orphaned)


def delete_export_file(*, export: CandidateExport) -> None:
    """Delete an export's file once its row is gone for good (the row's deletion committed)."""
    if export.file_name:
        name = export.file_name
        transaction.on_commit(lambda: exports_storage().delete(name))
