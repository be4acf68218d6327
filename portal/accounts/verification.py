"""Sending the confirmation email again, from the page that asks to confirm the address.

Answers the same whether or not the address has an account waiting, so the
form tells nobody which addresses are registered; at most one email per
address every few minutes, and a few per client address an hour, so the form cannot be used to flood
other people's inboxes (the cache holds keyed hashes, not the addresses).
"""

from allauth.account.models import EmailAddress
from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from portal.guards.addresses import client_address

RESEND_SECONDS = 3 * 60
RESENDS_PER_CLIENT_HOUR = 10
PENDING_EMAIL_SESSION_KEY = "portal_pending_email"  # read by templates/account/verification_sent.html


class ResendConfirmationForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Email address"), max_length=254)


def remember_signup_email(sender, request: HttpRequest, user, **kwargs) -> None:
    """The address just signed up with, so the confirmation page can offer to send its email again."""
    if request is not None and hasattr(request, "session"):
        request.session[PENDING_EMAIL_SESSION_KEY] = user.email


def _may_send(request: HttpRequest, email: str) -> bool:
    """One email per address per RESEND_SECONDS and RESENDS_PER_CLIENT_HOUR per client, shared through the cache."""
    # "ratelimit:" keys are kept in the database while Redis is away (portal/cache/resilient.py).
    client = "ratelimit:resend-client:" + salted_hmac("portal.verification", client_address(request)).hexdigest()
    cache.add(client, 0, 60 * 60)
    try:
        sent = cache.incr(client)
    except ValueError:  # gone between the two calls: expired, or Redis went away in between
        cache.set(client, 1, 60 * 60)
        sent = 1
    if sent > RESENDS_PER_CLIENT_HOUR:
        return False
    key = "ratelimit:resend-address:" + salted_hmac("portal.verification", email.casefold()).hexdigest()
    return cache.add(key, 1, RESEND_SECONDS)


@require_POST
def resend_confirmation(request: HttpRequest) -> HttpResponse:
    form = ResendConfirmationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the email address you signed up with."))
        return redirect("account_email_verification_sent")
    email = form.cleaned_data["email"]
    address = EmailAddress.objects.filter(email__iexact=email, verified=False).select_related("user").first()
    if address is not None and _may_send(request, email):
        address.send_confirmation(request, signup=True)
    request.session[PENDING_EMAIL_SESSION_KEY] = email
    messages.info(
        request,
        _(
            "If %(email)s is waiting for confirmation, a new email is on its way. "
            "We send at most one every %(minutes)d minutes."
        )
        % {"email": email, "minutes": RESEND_SECONDS // 60},
    )
    return redirect("account_email_verification_sent")
