"""Recruiter pages: find, rank and read the candidates who chose to be visible."""

from dataclasses import replace

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from portal.placed_messages import claim, claimed_messages
from recruiting.filters import CandidateFilter
from recruiting.forms import CandidateRoleForm
from recruiting.models import Stage
from recruiting.selectors.candidates import candidate_card, candidate_page, chosen_role, visible_candidates
from recruiting.selectors.contacts import latest_request, reveal_for
from recruiting.selectors.exports import recent_exports
from recruiting.selectors.filter_summary import active_filters
from recruiting.selectors.searches import search_of_role, search_ranking
from recruiting.selectors.shortlists import entries_of
from recruiting.services.recruiters import UnnamedRecruiter
from recruiting.services.searches import requeue_stale_ranking
from recruiting.services.shortlists import record_profile_view
from recruiting.views.access import shown_candidate
from recruiting.views.contacts import name_yourself_first
from recruiting.views.shortlists import controls_context, controls_place, stage_place


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
        "active_filters": active_filters(form=candidate_filter.form),
    }
    if role is not None and role.is_search:
        search = search_of_role(role=role, owner=request.user)
        context["search"] = search
        if search:
            requeue_stale_ranking(search=search)
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
        _place_feedback(request, context)
    context["exports"] = recent_exports(recruiter=request.user)
    return render(request, "recruiting/candidate_list.html", context)


def _place_feedback(request: HttpRequest, context: dict) -> None:
    """What a plain post of a row's shortlist widget did, shown in that row (the page is then not cached)."""
    candidates = context["candidates"]
    places = {controls_place(row.profile.pk) for row in candidates.rows}
    feedback = claim(request, is_shown=places.__contains__)
    if feedback:
        candidates.rows = [
            replace(row, feedback=tuple(feedback.get(controls_place(row.profile.pk), ()))) for row in candidates.rows
        ]
    context["shown_in_place"] = claimed_messages(feedback)


@require_safe
def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    profile = shown_candidate(visible_candidates().select_related("user", "target_role"), pk=pk)
    role_form = CandidateRoleForm(request.GET, recruiter=request.user)
    role = chosen_role(form=role_form, profile=profile)
    try:
        record_profile_view(recruiter=request.user, profile=profile)
    except UnnamedRecruiter:
        return name_yourself_first(request)
    reveal_for(recruiter=request.user, profiles=[profile])
    stage_entries = entries_of(recruiter=request.user, profile=profile)
    places = {controls_place(profile.pk), *(stage_place(entry.pk) for entry in stage_entries)}
    feedback = claim(request, is_shown=places.__contains__)
    for entry in stage_entries:
        entry.stage_notes = feedback.get(stage_place(entry.pk), [])
    context = {
        **candidate_card(profile=profile, role=role),
        "role_form": role_form,
        "asked_role": role_form.asked_role,
        "role_choice_form": CandidateRoleForm(initial={"role": role}, recruiter=request.user),
        "contact_request": latest_request(recruiter=request.user, profile=profile),
        "stage_entries": stage_entries,
        "stage_choices": Stage.choices,
        **controls_context(
            recruiter=request.user,
            profile=profile,
            feedback=feedback.get(controls_place(profile.pk), []),
            entries=stage_entries,
        ),
        "shown_in_place": claimed_messages(feedback),
    }
    return render(request, "recruiting/candidate_detail.html", context)
