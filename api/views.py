"""The token page: list, create (the plain token is shown once) and revoke personal API tokens."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from api import selectors, services
from api.forms import TokenForm
from portal.accounts.redirects import to_second_factor
from portal.guards.access import (
    CANDIDATES_PERMISSION,
    holds_staff_rights,
    needs_second_factor,
    second_factor_confirmed,
    token_can_view_candidates,
)
from portal.guards.issued_once import AlreadyIssued


def staff_pass_second_factor(view):
    """Staff manage tokens only in a session that passed the second factor: a password alone must not plant one."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if needs_second_factor(request):
            return to_second_factor(request)
        return view(request, *args, **kwargs)

    return guarded


@login_required
@staff_pass_second_factor
@never_cache
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """A new token is rendered straight into the response (never stored, never cached) and not shown again; the
    same form sent again (a reload) makes no second one.

    A token carries the staff rights only when the session that makes it passed the second factor.
    """
    form = TokenForm(request.POST if request.method == "POST" else None)
    issued = None
    sent_again = False
    status = 200
    if form.is_bound:
        if form.is_valid():
            try:
                issued = services.create_token(
                    user=request.user,
                    name=form.cleaned_data["name"],
                    lifetime_days=form.cleaned_data["lifetime_days"],
                    # Staff rights count only for a token made by staff who passed the second factor; a token made
                    # before the account was given such a right never gains it.
                    staff_access=holds_staff_rights(request.user) and second_factor_confirmed(request),
                    issue_key=form.cleaned_data["issue_key"],
                )
            except AlreadyIssued:
                sent_again = True  # a reload of the answer: the token was made (and shown) the first time
            except ValidationError as error:
                form.add_error(None, error)
        if sent_again or issued is not None:
            form = TokenForm()
        status = 409 if sent_again else 200 if issued is not None else 400
    context = {
        "form": form,
        "issued": issued,
        "sent_again": sent_again,
        "tokens": [(token, token_can_view_candidates(token)) for token in selectors.tokens_for(user=request.user)],
        "is_recruiter": request.user.has_perm(CANDIDATES_PERMISSION),
        "docs_url": reverse("api:openapi-view"),
    }
    return render(request, "api/tokens.html", context, status=status)


@login_required
@staff_pass_second_factor
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(selectors.tokens_for(user=request.user), pk=pk)
    services.revoke_token(user=request.user, token=token)
    messages.success(request, _("Token “%(name)s” is revoked; it no longer works.") % {"name": token.name})
    return redirect("tokens:list")


def not_found(request: HttpRequest) -> JsonResponse:
    """Unknown paths under /api/ answer in JSON like the rest of the API."""
    return JsonResponse({"detail": _("There is no API endpoint at this address."), "errors": {}}, status=404)
