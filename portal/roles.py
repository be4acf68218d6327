"""The three kinds of user and how to tell them apart.

Everyone who signs up is an engineer; editors and recruiters are members of
the groups that the data migration creates.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

EDITORS = "Editors"
RECRUITERS = "Recruiters"


def group_names(user: AbstractBaseUser | AnonymousUser) -> frozenset[str]:
    """The user's group names, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_portal_group_names"):
        user._portal_group_names = frozenset(user.groups.values_list("name", flat=True))
    return user._portal_group_names


def is_editor(user) -> bool:
    return user.is_authenticated and (user.is_superuser or EDITORS in group_names(user))


def is_recruiter(user) -> bool:
    return user.is_authenticated and (user.is_superuser or RECRUITERS in group_names(user))
