"""The page that tells staff how to get their rights: set up an authenticator app, or pass it in this session."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from portal.access import has_mfa, holds_staff_rights


def _safe_next(request: HttpRequest) -> str:
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return ""


@require_safe
def mfa_required(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "portal/mfa_required.html",
        {
            "is_staff_role": holds_staff_rights(user),
            "has_authenticator": user.is_authenticated and has_mfa(user),
            "next_url": _safe_next(request),
        },
    )
