"""Recruiter pages: queue an export of the filtered list, follow it, download its file."""

import tempfile

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from portal.workers import job_wait
from recruiting.filters import CandidateFilter
from recruiting.forms import ExportForm
from recruiting.models import CandidateExport
from recruiting.selectors.exports import own_exports, recent_exports, rows_to_leave_out
from recruiting.services.export_files import identities_in, read_spreadsheet, rows_without_profiles, write_spreadsheet
from recruiting.services.exports import exports_storage, reclaim_stale_exports, request_candidate_export


@require_http_methods(["GET", "HEAD", "POST"])
def candidate_export(request: HttpRequest) -> HttpResponse:
    """POST queues an export of the list for the filters in the query string and shows its progress; GET (an old
    bookmark of the CSV link) shows what would be exported, with the button that queues it."""
    candidate_filter = CandidateFilter(request.GET, recruiter=request.user)
    role = candidate_filter.chosen_role
    if role is None:
        raise Http404(_("There is no published role to rank candidates by."))
    if request.method == "POST":
        profile_url = reverse("recruiting:candidate-detail", kwargs={"pk": 0}).removesuffix("0/")
        form = ExportForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(form.errors["file_format"])
            export = request_candidate_export(
                recruiter=request.user,
                query=request.GET,
                profile_url_base=request.build_absolute_uri(profile_url),
                file_format=form.cleaned_data["file_format"],
                language=get_language(),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(f"{reverse('recruiting:candidate-list')}?{request.GET.urlencode()}")  # the filters stay
        response = HttpResponseRedirect(export.get_absolute_url())
        response.status_code = 303  # see the export's progress page
        return response
    context = {
        "filter": candidate_filter,
        "form": candidate_filter.form,
        "role": role,
        "exports": recent_exports(recruiter=request.user),
    }
    return render(request, "recruiting/candidate_export.html", context)


def _own_export(request: HttpRequest, pk: int) -> CandidateExport:
    """The recruiter's own export, a stale run of it re-queued first; anyone else's is a 404."""
    exports = own_exports(recruiter=request.user)
    reclaim_stale_exports(exports.filter(pk=pk))
    return get_object_or_404(exports, pk=pk)


@require_safe
def export_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An export's progress; htmx polls the status part until the job has finished."""
    export = _own_export(request, pk)
    template = "recruiting/partials/export_status.html" if request.htmx else "recruiting/export_detail.html"
    return render(request, template, {"export": export, "wait": None if export.is_finished else job_wait(job=export)})


def _filtered_file(storage, export: CandidateExport, hidden: set[int]):
    """The stored export written again without the rows of ``hidden`` candidates, in a temporary file that the
    response closes (and so deletes) when it is sent."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it
    kind = {"file_format": export.file_format, "language": export.language}
    with storage.open(export.file_name, "rb") as stored:
        rows = rows_without_profiles(read_spreadsheet(stored, **kind), hidden=hidden)
        write_spreadsheet(spool, header=next(rows), rows=rows, **kind)
    spool.seek(0)
    return spool


@require_safe
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The finished file, for its own recruiter within 24 hours, without anyone who now shows less than it does."""
    export = _own_export(request, pk)
    if not export.is_downloadable:
        raise Http404(_("This export is not ready, or its file has expired."))
    storage = exports_storage()
    try:
        with storage.open(export.file_name, "rb") as stored:
            written = identities_in(read_spreadsheet(stored, file_format=export.file_format, language=export.language))
        hidden = rows_to_leave_out(recruiter=request.user, written=written)
        stream = _filtered_file(storage, export, hidden) if hidden else storage.open(export.file_name, "rb")
    except FileNotFoundError as error:
        raise Http404(_("This export is not ready, or its file has expired.")) from error
    response = FileResponse(stream, content_type=export.content_type)
    slug = export.role.slug if export.role else "role"
    response["Content-Disposition"] = (
        f'attachment; filename="candidates-{slug}-{timezone.localtime(export.created_at):%Y%m%d-%H%M}'
        f'.{export.file_format}"'
    )
    response["Cache-Control"] = "private, no-store"  # personal data: never keep it in a shared cache
    return response
