"""The recruiter's own profile: the name, company and the role they hire for that engineers see on requests and
on "who viewed my profile"."""

from django.contrib.auth.models import AbstractBaseUser

from recruiting.models import RecruiterProfile


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
