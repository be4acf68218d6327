from django.http import HttpRequest

from portal.access import can_edit_content, can_view_candidates


def navigation(request: HttpRequest) -> dict:
    """Which navigation links the current user may see: the same rules as the pages behind them."""
    return {
        "nav_is_editor": can_edit_content(request),
        "nav_is_recruiter": can_view_candidates(request),
    }
