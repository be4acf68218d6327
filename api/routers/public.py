"""Public endpoints: the catalog, the chooser, the checklist and the roles, read-only; and reading a vacancy."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from api import selectors
from api.auth import limit_vacancy_readings
from api.errors import InvalidInput
from api.pagination import page
from api.schemas.catalog import CategoryOut, ChooserOptionOut, ToolDetailOut, ToolFilters, ToolPage
from api.schemas.checklist import RoleOut, SkillOut
from api.schemas.common import ErrorOut, PageParams
from api.schemas.vacancies import VacancyIn, VacancyReadingOut
from catalog import selectors as catalog_selectors
from catalog.filters import CatalogFilter
from skills.vacancies.limits import VACANCY_MAX_CHARS, check_vacancy_length
from skills.vacancies.reading import read_vacancy
from skills.vacancies.services import count_unrecognised_terms

router = Router(tags=["public"])


@router.get("/categories", response=list[CategoryOut], summary="Published tool categories")
def list_categories(request: HttpRequest):
    return catalog_selectors.filter_categories()


@router.get(
    "/tools",
    response={200: ToolPage, 422: ErrorOut},
    summary="Published tools, filtered like the catalog page",
)
def list_tools(request: HttpRequest, filters: Query[ToolFilters], paging: Query[PageParams]):
    # The catalog page's own form checks the filters, so both reject the same input with the same words.
    catalog_filter = CatalogFilter({name: value for name, value in filters.dict().items() if value is not None})
    if not catalog_filter.is_valid():
        raise InvalidInput(catalog_filter.errors)
    groups = catalog_selectors.catalog_groups(tools=catalog_filter.qs, ranked=catalog_filter.is_search)
    return page([tool for group in groups for tool in group.tools], paging)


@router.get("/tools/{slug}", response={200: ToolDetailOut, 404: ErrorOut}, summary="One published tool")
def get_tool(request: HttpRequest, slug: str):
    tool = catalog_selectors.tool_for_page(slug=slug)
    if tool is None or not tool.is_public:
        raise Http404(_("There is no published tool “%(slug)s”.") % {"slug": slug[:50]})
    return catalog_selectors.load_tool_details(tool)


@router.get("/chooser", response=list[ChooserOptionOut], summary="The quick chooser: what you build → which tools")
def list_chooser_options(request: HttpRequest):
    return catalog_selectors.chooser_options()


@router.get("/skills", response=list[SkillOut], summary="The recruiter checklist: skills and their items")
def list_skills(request: HttpRequest):
    return selectors.checklist_skills()


@router.get("/roles", response=list[RoleOut], summary="Published roles with their requirements")
def list_roles(request: HttpRequest):
    return selectors.roles_with_requirements()


@router.get("/roles/{slug}", response={200: RoleOut, 404: ErrorOut}, summary="One published role")
def get_role(request: HttpRequest, slug: str):
    role, missing = selectors.published_role(slug=slug, roles=selectors.roles_with_requirements())
    if role is None:
        raise Http404(missing)
    return role


@router.post(
    "/vacancies/analyze",
    response={200: VacancyReadingOut, 413: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="Read a vacancy: the checklist items and tools it asks for, where, how senior",
    description=(
        f"Send the vacancy as JSON text (at most {VACANCY_MAX_CHARS:,} characters, else 413). The text is not "
        "stored; a signed-in caller's reading counts them among the people who met each unrecognised term (each "
        "person once, kept as a keyed hash of the account). Each item and tool comes with the "
        "phrases that matched and their character offsets (an item named by a pair of words, such as “crash” and "
        "“restarted” in one sentence, with both); an item is required unless the vacancy calls it nice to have. "
        "Items and tools the vacancy says are not needed are under not_asked, never among those asked; terms it "
        "does not know are under unrecognised; languages, years and location asked under requirements. "
        "Open to all, and limited to $vacancy_rate_limit analyses a minute per client address (429 with "
        "Retry-After), besides the API's general limits."
    ),
)
def analyze_vacancy(request: HttpRequest, payload: VacancyIn):
    limit_vacancy_readings(request)
    try:
        check_vacancy_length(payload.text)
    except ValidationError as error:
        raise HttpError(413, " ".join(error.messages)) from error
    reading = read_vacancy(text=payload.text)
    if request.user.is_authenticated:  # anonymous callers read, but add nothing to what editors see
        count_unrecognised_terms(reading=reading, reader=request.user)
    return reading
