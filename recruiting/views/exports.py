"""Recruiter pages: queue an export of the filtered list or of a shortlist, follow it, download its file."""

from collections.abc import Callable
from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portal.jobs.workers import job_wait
from recruiting.filters import CandidateFilter, CandidateSpec
from recruiting.forms import ExportForm
from recruiting.models import CandidateExport
from recruiting.selectors.exports import (
    exports_storage,
    own_exports,
    recent_exports,
    rows_to_rewrite,
    written_identities,
)
from recruiting.selectors.shortlists import shortlists_for
from recruiting.services.exports import (
    reclaim_stale_exports,
    request_candidate_export,
    request_copy_as_shown_now,
    request_shortlist_export,
)


@require_http_methods(["GET", "HEAD", "POST"])
def candidate_export(request: HttpRequest) -> HttpResponse:
    """POST queues an export of the list for the filters in the query string and shows its progress; GET (an old
    bookmark of the CSV link) shows what would be exported, with the button that queues it."""
    candidate_filter = CandidateFilter(request.GET, recruiter=request.user)
    role = candidate_filter.chosen_role
    if role is None:
        raise Http404(_("There is no published role to rank candidates by."))
    if request.method == "POST":
        back = f"{reverse('recruiting:candidate-list')}?{request.GET.urlencode()}"  # the filters stay
        return _queue(request, back, partial(request_candidate_export, spec=candidate_filter.spec))
    context = {
        "filter": candidate_filter,
        "form": candidate_filter.form,
        "role": role,
        "exports": recent_exports(recruiter=request.user),
    }
    return render(request, "recruiting/candidate_export.html", context)


@require_POST
def shortlist_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Queue an export of the recruiter's own shortlist and show its progress."""
    shortlist = get_object_or_404(shortlists_for(recruiter=request.user).select_related("role"), pk=pk)
    return _queue(request, shortlist.get_absolute_url(), partial(request_shortlist_export, shortlist=shortlist))


def _queue(request: HttpRequest, back: str, request_export: Callable[..., CandidateExport]) -> HttpResponse:
    """Queue the export in the file format the form chose and send the recruiter to its progress page; a refusal
    goes ``back`` with its reason."""
    profile_url = reverse("recruiting:candidate-detail", kwargs={"pk": 0}).removesuffix("0/")
    form = ExportForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["file_format"])
        export = request_export(
            recruiter=request.user,
            profile_url_base=request.build_absolute_uri(profile_url),
            file_format=form.cleaned_data["file_format"],
            language=get_language(),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    response = HttpResponseRedirect(export.get_absolute_url())
    response.status_code = 303  # see the export's progress page
    return response


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
    context = {
        "export": export,
        "wait": None if export.is_finished else job_wait(job=export),
        "back_url": _source_url(export),
        "again_url": _again_url(export),
    }
    return render(request, template, context)


def _source_url(export: CandidateExport) -> str:
    """What the export was of: its shortlist's page, or the list with its filters."""
    if export.is_of_shortlist:
        return export.shortlist.get_absolute_url() if export.shortlist_id else reverse("recruiting:shortlist-list")
    return f"{reverse('recruiting:candidate-list')}?{CandidateSpec.from_json(export.spec).to_query()}"


def _again_url(export: CandidateExport) -> str:
    """Where a failed export is queued afresh, with its filters or its shortlist; "" when running it again could
    only fail the same way, or its shortlist is gone."""
    if not export.can_be_tried_again:
        return ""
    if export.is_of_shortlist:
        return reverse("recruiting:shortlist-export", kwargs={"pk": export.shortlist_id}) if export.shortlist_id else ""
    return f"{reverse('recruiting:candidate-export')}?{CandidateSpec.from_json(export.spec).to_query()}"


@require_safe
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The finished file, for its own recruiter within 24 hours, as stored; never with more of anyone than they show
    this recruiter now (then a job writes it again as they show themselves today, and the progress page follows it
    and says so)."""
    export = _own_export(request, pk)
    if not export.is_finished:
        return _come_back_when_written(request, export)
    if not export.is_downloadable:
        raise Http404(_("This export is not ready, or its file has expired."))
    try:
        if rows_to_rewrite(recruiter=request.user, written=dict(written_identities(export=export))):
            request_copy_as_shown_now(export=export)
            export.refresh_from_db()
            return _come_back_when_written(request, export)
        stream = exports_storage().open(export.file_name, "rb")
    except FileNotFoundError as error:
        raise Http404(_("This export is not ready, or its file has expired.")) from error
    response = FileResponse(stream, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.download_name}"'
    response["Cache-Control"] = "private, no-store"  # personal data: never keep it in a shared cache
    return response


def _come_back_when_written(request: HttpRequest, export: CandidateExport) -> HttpResponse:
    """No file yet: back to the progress page, which says why and offers the file once it is written."""
    if export.file_name:
        messages.info(
            request,
            _(
                "Someone in this file shows you less than when it was written, so the file is being written again: "
                "their row stays, with only what they show you now, and anyone no longer visible to recruiters is "
                "left out. Download it when it is ready."
            ),
        )
    else:
        messages.info(request, _("The file is still being written. Download it when it is ready."))
    return redirect(export)
