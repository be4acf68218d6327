from django.http import HttpRequest

from portal.roles import is_editor, is_recruiter


def navigation(request: HttpRequest) -> dict:
    """Which navigation links the current user may see."""
    user = request.user
    return {
        "nav_is_editor": is_editor(user),
        "nav_is_recruiter": is_recruiter(user),
    }
