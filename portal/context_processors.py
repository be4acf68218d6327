from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, lazy

from portal.guards.access import can_edit_content, can_view_candidates, works_as_engineer
from portal.notices.selectors import unread_count


def navigation(request: HttpRequest) -> dict:
    """Which navigation links the current user may see: the same rules as the pages behind them.

    Engineers see their own pages; recruiters and editors see theirs, and the engineer's pages only when
    they keep an engineer profile of their own as well. The count of unread notices is read only when the
    menu shows it (from the cache, else one count). "Home" (the brand, the breadcrumbs' first step) is where
    each works, as after a login: a recruiter's candidates, an engineer's own home, and the portal's home for
    everyone else.
    """
    is_editor = can_edit_content(request)
    is_recruiter = can_view_candidates(request)
    is_engineer = SimpleLazyObject(lambda: works_as_engineer(request))
    return {
        "nav_is_editor": is_editor,
        "nav_is_recruiter": is_recruiter,
        "nav_is_engineer": is_engineer,
        "nav_has_notices": SimpleLazyObject(lambda: bool(is_recruiter or is_engineer)),  # who is told of things
        "nav_unread_notices": SimpleLazyObject(lambda: unread_count(user=request.user)),
        "nav_home_url": lazy(lambda: reverse(_home(is_recruiter=is_recruiter, is_engineer=is_engineer)), str)(),
    }


def _home(*, is_recruiter: bool, is_engineer: bool) -> str:
    if is_recruiter:
        return "recruiting:candidate-list"
    return "skills:home" if is_engineer else "home"
