"""Recruiter pages: find, rank and read the candidates who chose to be visible."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from recruiting.filters import CandidateFilter
from recruiting.forms import CandidateRoleForm
from recruiting.selectors.candidates import (
    candidate_assessments,
    candidate_page,
    candidate_role_matches,
    default_role,
    visible_candidates,
)
from recruiting.selectors.contacts import latest_request, reveal_for
from recruiting.selectors.exports import recent_exports
from recruiting.selectors.searches import search_of_role, search_ranking
from recruiting.services.searches import requeue_stale_ranking
from recruiting.services.shortlists import record_profile_view
from recruiting.views.shortlists import controls_context
from skills.models import EngineerProfile, Role
from skills.selectors.gaps import role_gaps, skill_radar


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
    context["exports"] = recent_exports(recruiter=request.user)
    return render(request, "recruiting/candidate_list.html", context)


def _chosen_role(form: CandidateRoleForm, profile: EngineerProfile) -> Role | None:
    """?role= when valid, else the candidate's own published target role, else the default role."""
    if form.is_valid() and form.cleaned_data["role"]:
        return form.cleaned_data["role"]
    return profile.published_target_role or default_role()


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
        **controls_context(recruiter=request.user, profile=profile),
    }
    return render(request, "recruiting/candidate_detail.html", context)
