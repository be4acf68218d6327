"""The signed-in user's own checklist levels, role matches and gaps; never anyone else's."""

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router

from api import selectors
from api.auth import ENGINEER_AUTH, ENGINEER_TAG
from api.errors import InvalidInput
from api.pagination import page
from api.schemas.checklist import AssessmentIn, AssessmentOut, AssessmentPage, GapsOut, MatchOut
from api.schemas.common import AUTH_ERRORS, ErrorOut, PageParams
from skills.forms import AssessmentForm
from skills.models import ChecklistItem
from skills.selectors.gaps import role_fits, role_gaps
from skills.services.assessments import AssessmentInput, save_assessments

router = Router(tags=[ENGINEER_TAG], auth=ENGINEER_AUTH)


@router.get("/assessments", response={200: AssessmentPage, 422: ErrorOut, **AUTH_ERRORS}, summary="Your levels")
def list_assessments(request: HttpRequest, paging: Query[PageParams]):
    return page(selectors.own_assessments(user=request.auth), paging)


@router.put(
    "/assessments/{item_id}",
    response={200: AssessmentOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut, **AUTH_ERRORS},
    summary="Set your level on one checklist item",
)
def set_own_assessment(request: HttpRequest, item_id: int, payload: AssessmentIn):
    item = ChecklistItem.objects.published().select_related("skill").filter(pk=item_id).first()
    if item is None:
        raise Http404(_("There is no checklist item %(id)d.") % {"id": item_id})
    # The checklist page's form and service: the same rules and the same messages.
    form = AssessmentForm(payload.dict(), item=item, prefix=None)
    if not form.is_valid():
        raise InvalidInput(form.errors)
    return save_assessments(user=request.auth, entries=[AssessmentInput(item=item, **form.cleaned_data)]).assessments[0]


@router.get("/matches", response={200: list[MatchOut], **AUTH_ERRORS}, summary="Your match with every published role")
def list_matches(request: HttpRequest):
    return role_fits(user=request.auth)


@router.get(
    "/gaps/{role_slug}",
    response={200: GapsOut, 404: ErrorOut, **AUTH_ERRORS},
    summary="What you meet and miss for one role, in learning order",
)
def get_gaps(request: HttpRequest, role_slug: str):
    role, missing = selectors.published_role(slug=role_slug)
    if role is None:
        raise Http404(missing)
    return role_gaps(user=request.auth, role=role)
