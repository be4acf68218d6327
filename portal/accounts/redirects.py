"""Where to send a visitor next: only to this site, and to the second-factor page when that is what is missing."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, target: str, fallback: str = "") -> str:
    """``target`` when it is a path of this site (no open redirect), else ``fallback``.

    Only an absolute path: ``redirect()`` reads any other text without a "/" or "." as a view name (a 500 on "0").
    """
    on_this_site = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if on_this_site and target.startswith("/") else fallback


def to_second_factor(request: HttpRequest, next_url: str | None = None) -> HttpResponseRedirect:
    """The page that explains how to set up or pass the second factor, then back to where the visitor was."""
    query = urlencode({"next": next_url or request.get_full_path()})
    return redirect(f"{reverse('mfa-required')}?{query}")
