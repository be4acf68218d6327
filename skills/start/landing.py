"""Where a login or a confirmed e-mail address lands: everyone where they work, the marketing home stays for
visitors. An editor on the admin, a recruiter on the candidates, an engineer on the start until it is done,
skipped or made moot by a checklist filled in already, then on their own home (``skills:home``)."""

from django.http import HttpRequest
from django.urls import reverse

from portal.accounts.adapter import QueuedMailAccountAdapter
from portal.guards.access import CANDIDATES_PERMISSION
from skills.models import EngineerProfile
from skills.selectors.profiles import own_profile, start_is_done

Start = EngineerProfile.Start


def landing_url(request: HttpRequest) -> str:
    user = request.user
    if user.is_staff:
        return reverse("admin:index")
    if user.has_perm(CANDIDATES_PERMISSION):
        return reverse("recruiting:candidate-list")
    profile = own_profile(user=user)
    if start_is_done(profile=profile) or (profile is not None and profile.start == Start.SKIPPED):
        return reverse("skills:home")
    return reverse("skills:start")


class LandingAccountAdapter(QueuedMailAccountAdapter):
    """allauth's adapter with the portal's landing after a login (a ``next`` the user followed still wins)."""

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return landing_url(request)

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        """Confirming the address in the browser that signed up resumes the sign-up and signs in: the start."""
        return landing_url(request)
