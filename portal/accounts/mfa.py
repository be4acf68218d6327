"""The page that tells staff how to get their rights: set up an authenticator app, or pass it in this session."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from portal.accounts.redirects import safe_next
from portal.guards.access import has_mfa, holds_staff_rights


@require_safe
def mfa_required(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "portal/mfa_required.html",
        {
            "is_staff_role": holds_staff_rights(user),
            "has_authenticator": user.is_authenticated and has_mfa(user),
            "next_url": safe_next(request, request.GET.get("next", "")),
        },
    )
