"""Who a recruiter is to engineers: the name and company of their recruiter profile, never their login address."""

from django.contrib.auth.models import AbstractBaseUser

from recruiting.models import RecruiterProfile


def has_named_themselves(*, recruiter: AbstractBaseUser) -> bool:
    """Whether the recruiter gave engineers a name and a company (their recruiter profile). Opening a candidate's
    page needs it: the candidate sees who viewed their profile, and a recruiter is shown by nothing else."""
    return RecruiterProfile.objects.filter(user=recruiter).exclude(name="").exclude(company="").exists()
