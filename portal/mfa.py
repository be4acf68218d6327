"""Two-factor login is required for staff: editors, recruiters and superusers.

They see candidates or change content, so a password alone is not enough
before they reach the admin or the recruiter pages.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from portal.access import has_mfa
from portal.roles import is_editor, is_recruiter

PROTECTED_PREFIXES = ("/admin/", "/skills/candidates/", "/skills/shortlists/", "/api/recruiter/")


def needs_mfa(user) -> bool:
    return is_editor(user) or is_recruiter(user)


class RequireStaffMFAMiddleware:
    """Send staff without an authenticator app to the page that explains how to set one up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.path.startswith(PROTECTED_PREFIXES)
            and request.user.is_authenticated
            and needs_mfa(request.user)
            and not has_mfa(request.user)
        ):
            return redirect(f"{reverse('mfa-required')}?next={request.path}")
        return self.get_response(request)


@require_safe
def mfa_required(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/mfa_required.html",
        {"is_staff_role": request.user.is_authenticated and needs_mfa(request.user)},
    )
