"""Recruiter pages: find, rank, read and shortlist the candidates who chose to be visible.

Every view requires the ``skills.view_candidates`` permission (the Recruiters
group, or a superuser) and reads candidates only through ``visible_profiles``.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from portal.fragments import versions
from skills.candidate_export import candidate_csv
from skills.candidate_rows import results_html
from skills.candidates import (
    candidate_assessments,
    candidate_page,
    candidate_role_matches,
    default_role,
    recruiter_shortlists,
    shortlist_memberships,
    shortlists_for,
    shortlists_kind,
    shortlists_with_counts,
    visible_entries,
    visible_profiles,
)
from skills.models import EngineerProfile, Role, Shortlist
from skills.recruiter_forms import (
    AddToShortlistForm,
    CandidateFilterForm,
    CandidateRoleForm,
    ShortlistForm,
    ShortlistNoteForm,
)
from skills.selectors import role_gaps, skill_radar
from skills.services import CHECKLIST_KIND, engineer_kind
from skills.shortlists import (
    CANDIDATES_PERMISSION,
    add_to_shortlist,
    create_shortlist,
    delete_shortlist,
    record_profile_view,
    remove_from_shortlist,
    set_shortlist_note,
)


class RecruiterRequiredMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Anonymous visitors go to the login page; signed-in users without the permission get 403."""

    permission_required = CANDIDATES_PERMISSION


def recruiter_required(view):
    """The function-view twin of :class:`RecruiterRequiredMixin`."""
    return login_required(permission_required(CANDIDATES_PERMISSION, raise_exception=True)(view))


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def _controls_context(*, recruiter, profile: EngineerProfile, form=None, status: str = "") -> dict:
    """What the shortlist widget of one candidate needs."""
    shortlists = recruiter_shortlists(recruiter=recruiter)
    return {
        "profile": profile,
        "shortlists": shortlists,
        "member_ids": (
            shortlist_memberships(recruiter=recruiter, profile_ids=[profile.pk])[profile.pk] if shortlists else set()
        ),
        "add_form": form,
        "status": status,
    }


class CandidateListView(RecruiterRequiredMixin, View):
    template_name = "skills/recruiter/candidate_list.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        versions(CHECKLIST_KIND, shortlists_kind(request.user.pk))  # both tokens the page reads, in one round trip
        checklist_version = versions(CHECKLIST_KIND)  # remembered for the request: no second round trip
        form = CandidateFilterForm(request.GET)
        filters = form.filters()
        context = {
            "form": form,
            "filters": filters,
            "candidates": None,
            # The filter form is cached per query string; its choices and checks depend on the checklist and today.
            "filters_version": (checklist_version, timezone.localdate()),
            "filters_query": sorted((key, request.GET.getlist(key)) for key in request.GET if key != "page"),
        }
        if filters is not None:
            candidates = candidate_page(filters=filters, page_number=request.GET.get("page"), recruiter=request.user)
            context["candidates"] = candidates
            context["results_html"] = results_html(
                request=request, candidates=candidates, role=filters.role, checklist_version=checklist_version
            )
        return render(request, self.template_name, context)


class CandidateExportView(RecruiterRequiredMixin, View):
    """The filtered list as CSV, streamed as the database writes it."""

    def get(self, request: HttpRequest) -> HttpResponse:
        filters = CandidateFilterForm(request.GET).filters()
        if filters is None:
            raise Http404(_("There is no published role to rank candidates by."))

        response = StreamingHttpResponse(
            candidate_csv(filters=filters, profile_url=_profile_url_parts(request)),
            content_type="text/csv; charset=utf-8",
        )
        filename = f"candidates-{filters.role.slug}-{timezone.localdate():%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"  # personal data: never keep it in a shared cache
        return response


def _profile_url_parts(request: HttpRequest) -> tuple[str, str]:
    """The absolute profile URL around its id, (prefix, suffix): one reverse() per export, not one per row."""
    placeholder = "987654321"
    prefix, suffix = request.build_absolute_uri(
        reverse("skills:candidate-detail", kwargs={"pk": int(placeholder)})
    ).split(placeholder)
    return prefix, suffix


class CandidateDetailView(RecruiterRequiredMixin, View):
    template_name = "skills/recruiter/candidate_detail.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        profile = get_object_or_404(visible_profiles().select_related("user", "target_role"), pk=pk)
        role_form = CandidateRoleForm(request.GET)
        role = self._chosen_role(role_form, profile)
        record_profile_view(recruiter=request.user, profile=profile)
        context = {
            "profile": profile,
            "role": role,
            "role_form": role_form,
            # The body is a cached fragment: it changes with the checklist and the engineer's own data, and
            # what it reads is fetched only when it is drawn again.
            "body_version": versions(CHECKLIST_KIND, engineer_kind(profile.user_id)),
            "role_choice_form": CandidateRoleForm(initial={"role": role}),
            "role_matches": SimpleLazyObject(lambda: candidate_role_matches(profile=profile)),
            "skill_assessments": SimpleLazyObject(lambda: candidate_assessments(profile=profile)),
            "radar": SimpleLazyObject(lambda: skill_radar(user=profile.user, role=role)) if role else None,
            "gaps": SimpleLazyObject(lambda: role_gaps(user=profile.user, role=role)) if role else None,
            **_controls_context(recruiter=request.user, profile=profile),
        }
        return render(request, self.template_name, context)

    @staticmethod
    def _chosen_role(form: CandidateRoleForm, profile: EngineerProfile) -> Role | None:
        """?role= when valid, else the candidate's own published target role, else the default role."""
        if form.is_valid() and form.cleaned_data["role"]:
            return form.cleaned_data["role"]
        if profile.target_role is not None and profile.target_role.published:
            return profile.target_role
        return default_role()


class ShortlistListView(RecruiterRequiredMixin, View):
    template_name = "skills/recruiter/shortlist_list.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_page(request, ShortlistForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ShortlistForm(request.POST)
        if form.is_valid():
            try:
                shortlist = create_shortlist(recruiter=request.user, name=form.cleaned_data["name"])
            except ValidationError as error:
                form.add_error("name", error.messages)
            else:
                messages.success(request, _("Shortlist “%(name)s” created.") % {"name": shortlist.name})
                return redirect("skills:shortlist-detail", pk=shortlist.pk)
        return self.render_page(request, form, status=400)

    def render_page(self, request: HttpRequest, form: ShortlistForm, status: int = 200) -> HttpResponse:
        context = {"form": form, "shortlists": shortlists_with_counts(recruiter=request.user)}
        return render(request, self.template_name, context, status=status)


class ShortlistDetailView(RecruiterRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        shortlist = get_object_or_404(shortlists_for(recruiter=request.user), pk=pk)
        return render_shortlist_detail(request, shortlist)


def render_shortlist_detail(
    request: HttpRequest, shortlist: Shortlist, *, bound_form: ShortlistNoteForm | None = None, profile_pk=None
) -> HttpResponse:
    """The shortlist page; a note form that failed validation is shown with its errors."""
    entries = list(visible_entries(shortlist=shortlist))
    for entry in entries:
        entry.note_form = (
            bound_form if entry.profile_id == profile_pk else ShortlistNoteForm(initial={"note": entry.note})
        )
    return render(
        request,
        "skills/recruiter/shortlist_detail.html",
        {"shortlist": shortlist, "entries": entries},
        status=400 if bound_form is not None else 200,
    )


class ShortlistDeleteView(RecruiterRequiredMixin, View):
    """GET asks for confirmation; POST deletes the shortlist with its notes."""

    template_name = "skills/recruiter/shortlist_confirm_delete.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        shortlist = get_object_or_404(shortlists_with_counts(recruiter=request.user), pk=pk)
        return render(request, self.template_name, {"shortlist": shortlist})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        shortlist = get_object_or_404(shortlists_for(recruiter=request.user), pk=pk)
        delete_shortlist(recruiter=request.user, shortlist=shortlist)
        messages.success(request, _("Shortlist “%(name)s” deleted.") % {"name": shortlist.name})
        return redirect("skills:shortlist-list")


@recruiter_required
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
        fallback = reverse("skills:candidate-detail", kwargs={"pk": profile.pk})
        return HttpResponseRedirect(_safe_next(request, fallback))
    return render(
        request,
        "skills/recruiter/partials/shortlist_controls.html",
        _controls_context(recruiter=request.user, profile=profile, form=None if status else form, status=status),
    )


@recruiter_required
@require_POST
def shortlist_remove(request: HttpRequest, pk: int, profile_pk: int) -> HttpResponse:
    """Take a candidate off a shortlist; from the shortlist page htmx simply drops the row."""
    shortlist = get_object_or_404(shortlists_for(recruiter=request.user), pk=pk)
    profile = get_object_or_404(visible_profiles(), pk=profile_pk)
    remove_from_shortlist(recruiter=request.user, shortlist=shortlist, profile=profile)
    status = _("Removed from “%(name)s”.") % {"name": shortlist.name}
    if not request.htmx:
        messages.success(request, status)
        return HttpResponseRedirect(_safe_next(request, reverse("skills:shortlist-detail", kwargs={"pk": pk})))
    if request.POST.get("fragment") == "controls":
        return render(
            request,
            "skills/recruiter/partials/shortlist_controls.html",
            _controls_context(recruiter=request.user, profile=profile, status=status),
        )
    return HttpResponse("")


@recruiter_required
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
            return redirect("skills:shortlist-detail", pk=pk)
        return render_shortlist_detail(request, shortlist, bound_form=form, profile_pk=entry.profile_id)
    entry.note_form = form if not saved else ShortlistNoteForm(initial={"note": entry.note})
    return render(
        request,
        "skills/recruiter/partials/shortlist_note.html",
        {"shortlist": shortlist, "entry": entry, "saved": saved},
    )
