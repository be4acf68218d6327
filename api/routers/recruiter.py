"""Recruiters' candidate search and profiles: the pages' visibility rules, filters and audit."""

from django.http import Http404, HttpRequest, QueryDict
from django.utils.translation import gettext as _
from ninja import Query, Router

from api.auth import SIGNED_IN_AUTH, require_recruiter
from api.errors import InvalidInput
from api.pagination import page
from api.schemas.candidates import CandidateDetailOut, CandidateFiltersIn, CandidatePage
from api.schemas.common import AUTH_ERRORS, ErrorOut, PageParams
from recruiting.filters import CandidateFilter
from recruiting.selectors.candidates import candidate_assessments, candidate_role_matches, visible_candidates
from recruiting.selectors.contacts import reveal_for, with_identity_for
from recruiting.services.shortlists import record_profile_view

router = Router(tags=["recruiter"], auth=SIGNED_IN_AUTH)


def _form_data(filters: CandidateFiltersIn) -> QueryDict:
    """The typed query parameters as the candidate list page would send them."""
    data = QueryDict(mutable=True)
    for name, value in filters.dict().items():
        if value is None or value is False or value == []:
            continue
        if isinstance(value, list):
            data.setlist(name, [str(item) for item in value])
        elif value is True:
            data[name] = "on"
        else:
            data[name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return data


@router.get(
    "/candidates",
    response={200: CandidatePage, 404: ErrorOut, 422: ErrorOut, **AUTH_ERRORS},
    summary="Visible candidates ranked by their match with a role",
)
def list_candidates(request: HttpRequest, filters: Query[CandidateFiltersIn], paging: Query[PageParams]):
    require_recruiter(request)
    candidate_filter = CandidateFilter(_form_data(filters))
    if not candidate_filter.is_valid():
        raise InvalidInput(candidate_filter.errors)
    role = candidate_filter.chosen_role
    if role is None:
        raise Http404(_("There is no published role to rank candidates by."))
    ranking = with_identity_for(candidate_filter.qs, recruiter=request.auth, profile_ref="profile_id")
    return page(ranking.select_related("profile__user"), paging, role=role.slug)


@router.get(
    "/candidates/{profile_id}",
    response={200: CandidateDetailOut, 404: ErrorOut, 422: ErrorOut, **AUTH_ERRORS},
    summary="One visible candidate; the view is recorded for the candidate to see",
)
def get_candidate(request: HttpRequest, profile_id: int):
    """The candidate sees who viewed their profile, by the name and company of the recruiter profile: a recruiter
    who has not filled it in (`/recruiting/profile/`) gets 403 and nothing is recorded."""
    require_recruiter(request)
    profile = visible_candidates().select_related("user", "target_role").filter(pk=profile_id).first()
    if profile is None:
        raise Http404(_("There is no visible candidate %(id)d.") % {"id": profile_id})
    record_profile_view(recruiter=request.auth, profile=profile)
    reveal_for(recruiter=request.auth, profiles=[profile])
    target = profile.published_target_role
    shown = profile.shown_identity
    return {
        "id": profile.pk,
        "name": shown.name,
        "email": shown.email or None,
        "identity_revealed": shown.revealed,
        "headline": profile.headline,
        "location": profile.location,
        "years_experience": profile.years_experience,
        "open_to_work": profile.open_to_work,
        "target_role": target.slug if target is not None else None,
        "updated_at": profile.updated_at,
        "matches": candidate_role_matches(profile=profile),
        "skills": candidate_assessments(profile=profile),
    }
