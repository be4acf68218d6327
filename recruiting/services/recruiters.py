"""The recruiter's own profile: the name, company and the role they hire for that engineers see on requests and
on "who viewed my profile"."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _

from recruiting.models import RecruiterProfile


class UnnamedRecruiter(PermissionDenied):
    """A recruiter who has not named themselves (no recruiter profile) opened a candidate: nothing is recorded, as
    the candidate would see a view by nobody they can name. The pages send them to the profile form; the API
    answers 403 with this message."""

    def __init__(self):
        super().__init__(
            _(
                "Fill in your recruiter profile (your name and company, at %(path)s) before you open a candidate: "
                "candidates see who viewed their profile, by that name and company, never by your email address."
            )
            % {"path": reverse("recruiting:recruiter-profile")}
        )


def save_recruiter_profile(
    *, recruiter: AbstractBaseUser, name: str, company: str, hires_for: str | None = None
) -> RecruiterProfile:
    """Keep the recruiter's details (``hires_for`` None leaves that line as it was); checked before it is saved."""
    details = RecruiterProfile.objects.filter(user=recruiter).first() or RecruiterProfile(user=recruiter)
    details.name, details.company = name.strip(), company.strip()
    if hires_for is not None:
        details.hires_for = hires_for.strip()
    details.full_clean(exclude=["user"])
    details.save()
    return details
