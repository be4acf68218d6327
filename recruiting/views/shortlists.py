"""Recruiter pages: named shortlists with private notes, a role and a stage per candidate."""

from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from portal.accounts.redirects import safe_next
from portal.placed_messages import Place, add_placed_message, claim, claimed_messages
from recruiting.forms import (
    AddToShortlistForm,
    CandidateRoleForm,
    ShortlistForm,
    ShortlistNoteForm,
    ShortlistRoleForm,
    StageForm,
)
from recruiting.models import Shortlist, Stage
from recruiting.selectors.candidates import visible_candidates
from recruiting.selectors.contacts import reveal_for
from recruiting.selectors.shortlists import (
    entries_of,
    shortlist_memberships,
    shortlists_for,
    shortlists_with_counts,
    visible_entries,
)
from recruiting.services.shortlists import (
    add_to_shortlist,
    create_shortlist,
    delete_shortlist,
    move_to_stage,
    remove_from_shortlist,
    set_shortlist_note,
    set_shortlist_role,
)
from recruiting.views.access import CandidateNotShown, shown_candidate
from skills.models import EngineerProfile

controls_place = Place("shortlist-controls-")  # a candidate's shortlist widget's id
stage_place = Place("stage-")  # a shortlist entry's stage form's id
note_place = Place("note-")  # a shortlist entry's note form's id


def _back_to_the_entry(request: HttpRequest, entry, outcome: Message, *, place: str, anchor: str) -> HttpResponse:
    """After a plain post of an entry's stage or note: back on the page it came from (``next``, this site only; else
    the shortlist) at ``anchor``, with the outcome shown at ``place`` there (portal.placed_messages), not at the top."""
    add_placed_message(request, outcome.level, outcome.message, place=place)
    fallback = reverse("recruiting:shortlist-detail", kwargs={"pk": entry.shortlist_id})
    return HttpResponseRedirect(f"{safe_next(request, request.POST.get('next', ''), fallback)}#{anchor}")


def _back_to_the_controls(
    request: HttpRequest, profile: EngineerProfile, outcome: list[tuple[int, str]], *, fallback: str
) -> HttpResponse:
    """After a plain form post of a candidate's shortlist widget: back on the page it came from (``next``, this
    site only), at the candidate's card (``#candidate-<id>`` on the list), whose widget says what happened; else to
    ``fallback``."""
    for level, text in outcome:
        add_placed_message(request, level, text, place=controls_place(profile.pk))
    page = safe_next(request, request.POST.get("next", ""))
    return HttpResponseRedirect(f"{page}#candidate-{profile.pk}" if page else fallback)


def controls_context(*, recruiter, profile: EngineerProfile, feedback=(), entries=None) -> dict:
    """What the shortlist widget of one candidate needs; ``feedback``: the messages saying what a post of it did;
    ``entries`` (the recruiter's entries for the candidate, when the page has them already) save the query for its
    memberships."""
    shortlists = list(shortlists_for(recruiter=recruiter))
    if entries is not None:
        member_ids = {entry.shortlist_id for entry in entries}
    else:
        member_ids = (
            shortlist_memberships(recruiter=recruiter, profile_ids=[profile.pk])[profile.pk] if shortlists else set()
        )
    return {"profile": profile, "shortlists": shortlists, "member_ids": member_ids, "feedback": feedback}


def _controls_reply(request: HttpRequest, profile: EngineerProfile, outcome: list[tuple[int, str]]) -> HttpResponse:
    """The htmx answer of the shortlist widget, saying what happened as a plain post's redirect does; from the
    candidate page (``stages``) it brings the page's stage section too, so the stage of a shortlist the candidate
    was just added to can be set at once."""
    stages = bool(request.POST.get("stages"))
    entries = entries_of(recruiter=request.user, profile=profile) if stages else None
    feedback = [Message(level, text) for level, text in outcome]
    context = {
        **controls_context(recruiter=request.user, profile=profile, feedback=feedback, entries=entries),
        "next_url": request.POST.get("next"),
        "asked_role": CandidateRoleForm(request.POST, recruiter=request.user).asked_role,
        "stages": stages,
        "stage_entries": entries,
        "stage_choices": Stage.choices,
    }
    return render(request, "recruiting/partials/shortlist_reply.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def shortlist_list(request: HttpRequest) -> HttpResponse:
    form = ShortlistForm(request.POST if request.method == "POST" else None, recruiter=request.user)
    if form.is_bound and form.is_valid():
        try:
            shortlist = create_shortlist(
                recruiter=request.user, name=form.cleaned_data["name"], role=form.cleaned_data["role"]
            )
        except ValidationError as error:
            form.add_error("name", error.messages)
        else:
            messages.success(request, _("Shortlist “%(name)s” created.") % {"name": shortlist.name})
            return redirect("recruiting:shortlist-detail", pk=shortlist.pk)
    context = {"form": form, "shortlists": shortlists_with_counts(recruiter=request.user)}
    return render(request, "recruiting/shortlist_list.html", context, status=400 if form.is_bound else 200)


@require_safe
def shortlist_detail(request: HttpRequest, pk: int) -> HttpResponse:
    shortlist = get_object_or_404(shortlists_for(recruiter=request.user).select_related("role"), pk=pk)
    return _render_shortlist_detail(request, shortlist)


def _render_shortlist_detail(
    request: HttpRequest,
    shortlist: Shortlist,
    *,
    bound_form: ShortlistNoteForm | None = None,
    profile_pk=None,
    status: int | None = None,
) -> HttpResponse:
    """The shortlist page; a note form that failed validation is shown with its errors, what a plain post of a stage
    or note did beside it."""
    entries = list(visible_entries(shortlist=shortlist))
    reveal_for(recruiter=request.user, profiles=[entry.profile for entry in entries])
    places = {place(entry.pk) for entry in entries for place in (stage_place, note_place)}
    feedback = claim(request, is_shown=places.__contains__)
    for entry in entries:
        entry.note_form = (
            bound_form if entry.profile_id == profile_pk else ShortlistNoteForm(initial={"note": entry.note})
        )
        entry.stage_notes = feedback.get(stage_place(entry.pk), [])
        entry.note_notes = feedback.get(note_place(entry.pk), [])
    context = {
        "shortlist": shortlist,
        "entries": entries,
        "shown_in_place": claimed_messages(feedback),
        "stage_choices": Stage.choices,
        "role_form": ShortlistRoleForm(initial={"role": shortlist.role_id}, recruiter=request.user),
    }
    return render(
        request, "recruiting/shortlist_detail.html", context, status=status or (400 if bound_form is not None else 200)
    )


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


@require_POST
def shortlist_add(request: HttpRequest) -> HttpResponse:
    """Add a candidate to a shortlist (or a new one, for the role the page compares with: the candidate page's chosen
    one, the one the list ranks by); htmx gets the widget back, a plain form a redirect."""
    form = AddToShortlistForm(request.POST, recruiter=request.user)
    valid = form.is_valid()
    if form.has_error("profile"):
        raise CandidateNotShown  # hidden, deleted or never there: the one page that says so
    profile = form.cleaned_data["profile"]
    status = ""
    if valid:
        shortlist = form.cleaned_data["shortlist"]
        try:
            with transaction.atomic():
                if shortlist is None:
                    role = CandidateRoleForm(request.POST, recruiter=request.user).asked_role
                    shortlist = create_shortlist(recruiter=request.user, name=form.cleaned_data["new_name"], role=role)
                add_to_shortlist(recruiter=request.user, shortlist=shortlist, profile=profile)
        except ValidationError as error:
            form.add_error("new_name", error.messages)
        else:
            status = _("Added to “%(name)s”.") % {"name": shortlist.name}
    outcome = [(messages.SUCCESS, status)] if status else []
    outcome += [(messages.ERROR, " ".join(errors)) for errors in form.errors.values()]
    if not request.htmx:
        fallback = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
        return _back_to_the_controls(request, profile, outcome, fallback=fallback)
    return _controls_reply(request, profile, outcome)


@require_POST
def shortlist_remove(request: HttpRequest, pk: int, profile_pk: int) -> HttpResponse:
    """Take a candidate off a shortlist; from the shortlist page htmx simply drops the row."""
    shortlist = get_object_or_404(shortlists_for(recruiter=request.user), pk=pk)
    profile = shown_candidate(visible_candidates(), pk=profile_pk)
    remove_from_shortlist(recruiter=request.user, shortlist=shortlist, profile=profile)
    status = _("Removed from “%(name)s”.") % {"name": shortlist.name}
    if not request.htmx and request.POST.get("fragment") == "controls":
        fallback = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
        return _back_to_the_controls(request, profile, [(messages.SUCCESS, status)], fallback=fallback)
    if not request.htmx:
        messages.success(request, status)
        return HttpResponseRedirect(
            safe_next(request, request.POST.get("next", ""), reverse("recruiting:shortlist-detail", kwargs={"pk": pk}))
        )
    if request.POST.get("fragment") == "controls":
        return _controls_reply(request, profile, [(messages.SUCCESS, status)])
    return HttpResponse("")


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
            outcome = Message(messages.SUCCESS, _("Saved."))
            return _back_to_the_entry(request, entry, outcome, place=note_place(entry.pk), anchor=f"entry-{entry.pk}")
        return _render_shortlist_detail(request, shortlist, bound_form=form, profile_pk=entry.profile_id)
    entry.note_form = form if not saved else ShortlistNoteForm(initial={"note": entry.note})
    entry.note_notes = [Message(messages.SUCCESS, _("Saved."))] if saved else []
    return render(request, "recruiting/partials/shortlist_note.html", {"shortlist": shortlist, "entry": entry})


@require_POST
def shortlist_role(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose the role a shortlist is for (its scores follow it)."""
    shortlist = get_object_or_404(shortlists_for(recruiter=request.user), pk=pk)
    form = ShortlistRoleForm(request.POST, recruiter=request.user)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["role"]))
        return redirect("recruiting:shortlist-detail", pk=pk)
    set_shortlist_role(recruiter=request.user, shortlist=shortlist, role=form.cleaned_data["role"])
    messages.success(request, _("The shortlist’s role is saved."))
    return redirect("recruiting:shortlist-detail", pk=pk)


@require_POST
def shortlist_stage(request: HttpRequest, pk: int, profile_pk: int) -> HttpResponse:
    """Move one shortlisted candidate to another stage; htmx gets the stage form back, a plain form a redirect."""
    shortlist = get_object_or_404(shortlists_for(recruiter=request.user), pk=pk)
    entry = get_object_or_404(visible_entries(shortlist=shortlist), profile_id=profile_pk)
    form = StageForm(request.POST)
    outcome = None
    if form.is_valid():
        stage_before = entry.stage
        entry = move_to_stage(recruiter=request.user, entry=entry, stage=form.cleaned_data["stage"])
        moved = entry.stage != stage_before  # the same stage again changes nothing, and says so
        template = _("Moved to “%(stage)s”.") if moved else _("Already in “%(stage)s”.")
        outcome = Message(messages.SUCCESS if moved else messages.INFO, template % {"stage": entry.get_stage_display()})
    if not request.htmx:
        if outcome:
            # the candidate page (``named``) has no entry card around the form: land on the form itself there
            anchor = stage_place(entry.pk) if request.POST.get("named") else f"entry-{entry.pk}"
            return _back_to_the_entry(request, entry, outcome, place=stage_place(entry.pk), anchor=anchor)
        messages.error(request, _("Choose one of the stages."))
        return _render_shortlist_detail(request, shortlist, status=400)
    entry.stage_notes = [outcome] if outcome else []
    context = {
        "entry": entry,
        "stage_choices": Stage.choices,
        "next_url": request.POST.get("next"),
        "named": bool(request.POST.get("named")),  # the candidate page's form keeps naming its shortlist
    }
    return render(request, "recruiting/partials/entry_stage.html", context, status=200 if outcome else 400)
