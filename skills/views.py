"""The engineer's gaps, progress and home pages and the public role pages: parse with a form, call a service or
selector, render (the checklist has its own, skills.checklist.views).

The gaps pages keep their rendered content in the fragment cache
(``{% fragment %}``) until the engineer's data or the checklist changes; the
selectors are passed lazily, so a cache hit runs none of their queries.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from portal.placed_messages import claim, claimed_messages
from skills.checklist.places import path_place
from skills.models import Role
from skills.models.saved_vacancies import MAX_SAVED_VACANCIES, SAVED_VACANCIES_PLACE
from skills.selectors.gaps import role_fits, skill_radar
from skills.selectors.gaps import role_gaps as gaps_against
from skills.selectors.home import engineer_home
from skills.selectors.profiles import has_rated_anything
from skills.selectors.progress import activity_calendar, progress_changes, progress_charts
from skills.selectors.roles import published_roles, role_requirements_by_skill
from skills.vacancies.selectors import saved_vacancy_fits

HISTORY_PAGE_SIZE = 25


@require_safe
def gaps(request: HttpRequest) -> HttpResponse:
    """The roles and saved vacancies; only the clean rendering is cached, never one saying under the saved vacancies
    what a deletion did."""
    deleted = claim(request, is_shown=SAVED_VACANCIES_PLACE.__eq__)
    context = {
        "fits": SimpleLazyObject(lambda: role_fits(user=request.user)),
        "rated": SimpleLazyObject(lambda: has_rated_anything(user_id=request.user.pk)),
        "saved": SimpleLazyObject(lambda: saved_vacancy_fits(user=request.user)),
        "saved_limit": MAX_SAVED_VACANCIES,
        "saved_feedback": deleted.get(SAVED_VACANCIES_PLACE, []),
        "shown_in_place": claimed_messages(deleted),
    }
    return render(request, "skills/gaps.html", context)


@require_safe
def role_gaps(request: HttpRequest, slug: str) -> HttpResponse:
    """The role's gaps page; only the clean rendering is cached, never one saying beside an item what a plain post
    of its marks saved."""
    role = get_object_or_404(Role.objects.published(), slug=slug)
    gaps = SimpleLazyObject(lambda: gaps_against(user=request.user, role=role, with_marks=True))
    feedback = claim(
        request, is_shown=lambda place: place in {path_place(status.item.pk) for status in gaps.learning_path}
    )
    context = {
        "role": role,
        "gaps": SimpleLazyObject(lambda: gaps.with_feedback(feedback, place=path_place)) if feedback else gaps,
        "radar": SimpleLazyObject(lambda: skill_radar(user=request.user, role=role)),
        "rated": SimpleLazyObject(lambda: has_rated_anything(user_id=request.user.pk)),
        "shown_in_place": claimed_messages(feedback),
    }
    return render(request, "skills/role_gaps.html", context)


@require_safe
def progress(request: HttpRequest) -> HttpResponse:
    changes = Paginator(progress_changes(user=request.user), HISTORY_PAGE_SIZE)
    context = {
        "page_obj": changes.get_page(request.GET.get("page")),
        "charts": progress_charts(user=request.user),
        "calendar": activity_calendar(user=request.user),
    }
    return render(request, "skills/progress.html", context)


@require_safe
def role_list(request: HttpRequest) -> HttpResponse:
    return render(request, "skills/role_list.html", {"roles": published_roles()})


@require_safe
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role.objects.published(), slug=slug)
    context = {"role": role, "skill_groups": role_requirements_by_skill(role=role)}
    return render(request, "skills/role_detail.html", context)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The engineer's own home, where a returning engineer lands (skills.start.landing)."""
    return render(request, "skills/home.html", {"home": engineer_home(user=request.user)})
