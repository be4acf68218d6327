"""Recruiter pages: find, rank, read and shortlist the candidates who chose to be visible.

Every view passes :func:`candidates_required`, which asks the one access rule
(:func:`portal.access.can_view_candidates`); candidates are read only through
the selectors, which start from the visible profiles.
"""

import tempfile
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portal.access import can_view_candidates, needs_second_factor
from portal.redirects import safe_next, to_second_factor
from portal.workers import job_wait
from recruiting.contacts import latest_request, reveal_for
from recruiting.export import identities_in, read_spreadsheet, rows_without_profiles, write_spreadsheet
from recruiting.filters import CandidateFilter
from recruiting.forms import AddToShortlistForm, CandidateRoleForm, ExportForm, ShortlistForm, ShortlistNoteForm
from recruiting.models import CandidateExport, Shortlist
from recruiting.searches import search_of_role, search_ranking
from recruiting.selectors import (
    candidate_assessments,
    candidate_page,
    candidate_role_matches,
    default_role,
    own_exports,
    recent_exports,
    rows_to_leave_out,
    shortlist_memberships,
    shortlists_for,
    shortlists_with_counts,
    visible_candidates,
    visible_entries,
)
from recruiting.services import (
    add_to_shortlist,
    create_shortlist,
    delete_shortlist,
    exports_storage,
    reclaim_stale_exports,
    record_profile_view,
    remove_from_shortlist,
    request_candidate_export,
    set_shortlist_note,
)
from skills.models import EngineerProfile, Role
from skills.selectors.gaps import role_gaps, skill_radar


def candidates_required(view):
    """Anonymous visitors go to the login page; staff without a confirmed second factor to the page that explains
    it; anyone else without the right gets 403."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_view_candidates(request):
            if needs_second_factor(request):
                return to_second_factor(request)
            raise PermissionDenied(_("Only recruiters can work with candidates."))
        return view(request, *args, **kwargs)

    return guarded


def _controls_context(*, recruiter, profile: EngineerProfile, form=None, status: str = "") -> dict:
    """What the shortlist widget of one candidate needs."""
    shortlists = list(shortlists_for(recruiter=recruiter))
    return {
        "profile": profile,
        "shortlists": shortlists,
        "member_ids": (
            shortlist_memberships(recruiter=recruiter, profile_ids=[profile.pk])[profile.pk] if shortlists else set()
        ),
        "add_form": form,
        "status": status,
    }


@candidates_required
@require_safe
def candidate_list(request: HttpRequest) -> HttpResponse:
    candidate_filter = CandidateFilter(request.GET, recruiter=request.user)
    role = candidate_filter.chosen_role
    context = {
        "filter": candidate_filter,
        "form": candidate_filter.form,
        "role": role,
        "candidates": None,
        # The filter form is cached per query string and recruiter (their searches are among the roles); its
        # choices and checks depend on the checklist and today.
        "filters_vary": (
            timezone.localdate(),
            sorted((key, request.GET.getlist(key)) for key in request.GET if key != "page"),
        ),
        "search": None,
    }
    if role is not None and role.is_search:
        search = search_of_role(role=role, owner=request.user)
        context["search"] = search
        context["ranking"] = search_ranking(search=search) if search else None
    if role is not None:
        context["candidates"] = candidate_page(
            ranking=candidate_filter.qs,
            role=role,
            sort=candidate_filter.chosen_sort,
            count_key=candidate_filter.count_key(),
            counted=candidate_filter.counted(),
            page_number=request.GET.get("page"),
            recruiter=request.user,
        )
    context["exports"] = recent_exports(recruiter=request.user)
    return render(request, "recruiting/candidate_list.html", context)


@candidates_required
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


@candidates_required
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


@candidates_required
@require_safe
def export_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The finished file, for its own recruiter within 24 hours, without anyone who now shows less than it does."""
    export = _own_export(request, pk)
    if not export.is_downloadable:
        raise Http404(_("This export is not ready, or its file has expired."))
    storage = exports_storage()
    try:
        with storage.open(export.file_name, "rb") as stored:
            written = identities_in(
                read_spreadsheet(stored, file_format=export.file_format, language=export.language)
            )
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


def _chosen_role(form: CandidateRoleForm, profile: EngineerProfile) -> Role | None:
    """?role= when valid, else the candidate's own published target role, else the default role."""
    if form.is_valid() and form.cleaned_data["role"]:
        return form.cleaned_data["role"]
    return profile.published_target_role or default_role()


@candidates_required
@require_safe
def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_object_or_404(visible_candidates().select_related("user", "target_role"), pk=pk)
    role_form = CandidateRoleForm(request.GET, recruiter=request.user)
    role = _chosen_role(role_form, profile)
    record_profile_view(recruiter=request.user, profile=profile)
    reveal_for(recruiter=request.user, profiles=[profile])
    context = {
        "profile": profile,
        "role": role,
        "role_form": role_form,
        "role_choice_form": CandidateRoleForm(initial={"role": role}, recruiter=request.user),
        # The body is a cached fragment: what it reads is fetched only when it is drawn again.
        "role_matches": SimpleLazyObject(lambda: candidate_role_matches(profile=profile)),
        "skill_assessments": SimpleLazyObject(lambda: candidate_assessments(profile=profile)),
        "radar": SimpleLazyObject(lambda: skill_radar(user=profile.user, role=role)) if role else None,
        "gaps": SimpleLazyObject(lambda: role_gaps(user=profile.user, role=role)) if role else None,
        "contact_request": latest_request(recruiter=request.user, profile=profile),
        **_controls_context(recruiter=request.user, profile=profile),
    }
    return render(request, "recruiting/candidate_detail.html", context)


@candidates_required
@require_http_methods(["GET", "HEAD", "POST"])
def shortlist_list(request: HttpRequest) -> HttpResponse:
    form = ShortlistForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            shortlist = create_shortlist(recruiter=request.user, name=form.cleaned_data["name"])
        except ValidationError as error:
            form.add_error("name", error.messages)
        else:
            messages.success(request, _("Shortlist “%(name)s” created.") % {"name": shortlist.name})
            return redirect("recruiting:shortlist-detail", pk=shortlist.pk)
    context = {"form": form, "shortlists": shortlists_with_counts(recruiter=request.user)}
    return render(request, "recruiting/shortlist_list.html", context, status=400 if form.is_bound else 200)


@candidates_required
@require_safe
def shortlist_detail(request: HttpRequest, pk: int) -> HttpResponse:
    shortlist = get_object_or_404(shortlists_for(recruiter=request.user), pk=pk)
    return _render_shortlist_detail(request, shortlist)


def _render_shortlist_detail(
    request: HttpRequest, shortlist: Shortlist, *, bound_form: ShortlistNoteForm | None = None, profile_pk=None
) -> HttpResponse:
    """The shortlist page; a note form that failed validation is shown with its errors."""
    entries = list(visible_entries(shortlist=shortlist))
    reveal_for(recruiter=request.user, profiles=[entry.profile for entry in entries])
    for entry in entries:
        entry.note_form = (
            bound_form if entry.profile_id == profile_pk else ShortlistNoteForm(initial={"note": entry.note})
        )
    return render(
        request,
        "recruiting/shortlist_detail.html",
        {"shortlist": shortlist, "entries": entries},
        status=400 if bound_form is not None else 200,
    )


@candidates_required
@require_http_methods(["GET", "HEAD", "POST"])
def shortlist_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation; POST deletes the shortlist with its notes."""
    if request.method == "POST":
        shortlist = get_object_or_404(shortlists_for(recruiter=request.user), pk=pk)
        delete_shortlist(recruiter=request.user, shortlist=shortlist)
        messages.success(request, _("Shortlist “%(name)s” deleted.") % {"name": shortlist.name})
        return redirect("recruiting:shortlist-list")
    shortlist = get_object_or_404(shortlists_with_counts(recruiter=request.user), pk=pk)
    return render(request, "recruiting/shortlist_confirm_delete.html", {"shortlist": shortlist})


@candidates_required
@require_POST
def shortlist_add(request: HttpRequest) -> HttpResponse:
    """Add a candidate to a shortlist (or a new one); htmx gets the widget back, a plain form a redirect."""
    form = AddToShortlistForm(request.POST, recruiter=request.user)
    valid = form.is_valid()
    if form.has_error("profile"):
        raise Http404(_("No such candidate."))
    profile = form.cleaned_data["profile"]
    status = ""
    if valid:
        shortlist = form.cleaned_data["shortlist"]
        try:
            with transaction.atomic():
                if shortlist is None:
                    shortlist = create_shortlist(recruiter=request.user, name=form.cleaned_data["new_name"])
                add_to_shortlist(recruiter=request.user, shortlist=shortlist, profile=profile)
        except ValidationError as error:
            form.add_error("new_name", error.messages)
        else:
            status = _("Added to “%(name)s”.") % {"name": shortlist.name}
    if not request.htmx:
        if status:
            messages.success(request, status)
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        fallback = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
        return HttpResponseRedirect(safe_next(request, request.POST.get("next", ""), fallback))
    return render(
        request,
        "recruiting/partials/shortlist_controls.html",
        _controls_context(recruiter=request.user, profile=profile, form=None if status else form, status=status),
    )


@candidates_required
@require_POST
def shortlist_remove(request: HttpRequest, pk: int, profile_pk: int) -> HttpResponse:
    """Take a candidate off a shortlist; from the shortlist page htmx simply drops the row."""
    shortlist = get_object_or_404(shortlists_for(recruiter=request.user), pk=pk)
    profile = get_object_or_404(visible_candidates(), pk=profile_pk)
    remove_from_shortlist(recruiter=request.user, shortlist=shortlist, profile=profile)
    status = _("Removed from “%(name)s”.") % {"name": shortlist.name}
    if not request.htmx:
        messages.success(request, status)
        return HttpResponseRedirect(
            safe_next(request, request.POST.get("next", ""), reverse("recruiting:shortlist-detail", kwargs={"pk": pk}))
        )
    if request.POST.get("fragment") == "controls":
        return render(
            request,
            "recruiting/partials/shortlist_controls.html",
            _controls_context(recruiter=request.user, profile=profile, status=status),
        )
    return HttpResponse("")


@candidates_required
@require_POST
def shortlist_note(request: HttpRequest, pk: int, profile_pk: int) -> HttpResponse:
    """Save the private note on one shortlisted candidate."""
    shortlist = get_object_or_404(shortlists_for(recruiter=request.user), pk=pk)
    entry = get_object_or_404(visible_entries(shortlist=shortlist), profile_id=profile_pk)
    form = ShortlistNoteForm(request.POST)
    saved = False
    if form.is_valid():
        try:
            entry = set_shortlist_note(
                recruiter=request.user, shortlist=shortlist, profile=entry.profile, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            form.add_error("note", error.messages)
        else:
            saved = True
    if not request.htmx:
        if saved:
            messages.success(request, _("Note saved."))
            return redirect("recruiting:shortlist-detail", pk=pk)
        return _render_shortlist_detail(request, shortlist, bound_form=form, profile_pk=entry.profile_id)
    entry.note_form = form if not saved else ShortlistNoteForm(initial={"note": entry.note})
    return render(
        request,
        "recruiting/partials/shortlist_note.html",
        {"shortlist": shortlist, "entry": entry, "saved": saved},
    )
