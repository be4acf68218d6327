from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from portal.access import can_edit_content, can_view_candidates


def navigation(request: HttpRequest) -> dict:
    """Which navigation links the current user may see: the same rules as the pages behind them.

    Engineers see their own pages; recruiters and editors see theirs, and the engineer's pages only when
    they keep an engineer profile of their own as well.
    """
    is_editor = can_edit_content(request)
    is_recruiter = can_view_candidates(request)

    def is_engineer() -> bool:
        user = request.user
        if not user.is_authenticated:
            return False
        if not (is_editor or is_recruiter):
            return True
        return hasattr(user, "profile")  # the engineer profile (skills app), a query only for staff

    return {
        "nav_is_editor": is_editor,
        "nav_is_recruiter": is_recruiter,
        "nav_is_engineer": SimpleLazyObject(is_engineer),
    }
