"""Who may do what: the one home of every staff rule.

Staff rights (recruiter, editor, superuser) count only for an account with an
authenticator app, and only in a session that passed that very app (:func:`second_factor_confirmed`),
however the right was given: a group, a permission given directly, or superuser
status. The session keeps the id of the app it passed, so an app set up later
counts only once it is passed in its turn. Recruiter pages, the recruiter API, the export, the navigation and the
admin all ask the functions here and nothing else.

Permissions and two-factor status per user come from the cache under the
"access" version token, which any change to groups, memberships, permissions or
authenticator apps replaces (see :func:`connect`), so a revoked permission or a
removed authenticator counts at the next request.
"""

from collections.abc import Callable

from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.signals import authentication_step_completed
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group, Permission
from django.core.cache import cache
from django.http import HttpRequest

from portal.cache.fragments import touch_on_writes, versions

CANDIDATES_PERMISSION = "skills.view_candidates"
ACCESS_KIND = "access"
ACCESS_SECONDS = 10 * 60
SECOND_FACTOR_SESSION_KEY = "portal_second_factor_authenticator"


def _remembered(user, name: str, compute: Callable[[], object]):
    """One fact about ``user`` from their access record: one cache entry per user, read once per request."""
    if not hasattr(user, "portal_access_record"):
        key = f"access:{user.pk}:{user.is_superuser}:{versions(ACCESS_KIND)}"
        user.portal_access_record = (key, cache.get(key) or {})
    key, record = user.portal_access_record
    if name not in record:
        record[name] = compute()
        cache.set(key, record, ACCESS_SECONDS)
    return record[name]


class CachedPermissionsBackend(AuthenticationBackend):
    """allauth's login by e-mail, and Django's permissions with each user's set read from the cache.

    The only backend: a second one would answer every permission check that this one denies, with queries.
    """

    def get_all_permissions(self, user_obj, obj=None):
        if obj is not None or not user_obj.is_active or user_obj.is_anonymous:
            return super().get_all_permissions(user_obj, obj)
        return _remembered(
            user_obj, "permissions", lambda: super(CachedPermissionsBackend, self).get_all_permissions(user_obj)
        )


def _current_authenticator_app(user: AbstractBaseUser) -> int | None:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).values_list("pk", flat=True).first()


def authenticator_app_id(user: AbstractBaseUser) -> int | None:
    """The id of the account's authenticator app, if it has one."""
    return _remembered(user, "authenticator_app", lambda: _current_authenticator_app(user))


def has_mfa(user: AbstractBaseUser) -> bool:
    """Whether the account has an authenticator app."""
    return authenticator_app_id(user) is not None


def mark_second_factor_passed(session, user: AbstractBaseUser) -> None:
    """This session passed the account's current authenticator app (a recovery code stands in for it)."""
    session[SECOND_FACTOR_SESSION_KEY] = _current_authenticator_app(user)


def acting_user(request: HttpRequest) -> AbstractBaseUser | AnonymousUser:
    """Who makes the request: the owner of its API token, else the session's user."""
    api_token = getattr(request, "api_token", None)
    return api_token.user if api_token is not None else request.user


def second_factor_confirmed(request: HttpRequest) -> bool:
    """The account has an authenticator app and this session passed it at login or since.

    A session that logged in with the password alone stays without staff rights
    even after the account sets up an app: it has to pass the app once. So does a
    session that passed an app since removed, after a new one is set up. An API
    token carries the state of the session that made it (``staff_access``).
    """
    api_token = getattr(request, "api_token", None)
    if api_token is not None:
        return token_passed_second_factor(api_token)
    user = request.user
    if not user.is_authenticated:
        return False
    passed = request.session.get(SECOND_FACTOR_SESSION_KEY)
    return passed is not None and passed == authenticator_app_id(user)


def token_passed_second_factor(api_token) -> bool:
    """A token made in a session that passed the second factor, of an account that still has its app."""
    return api_token.staff_access and has_mfa(api_token.user)


def holds_staff_rights(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether the account has a right that counts only with a second factor."""
    return user.is_authenticated and (user.is_staff or user.is_superuser or user.has_perm(CANDIDATES_PERMISSION))


def needs_second_factor(request: HttpRequest) -> bool:
    """Staff rights are there, the confirmed second factor that makes them count is not."""
    return holds_staff_rights(acting_user(request)) and not second_factor_confirmed(request)


def can_view_candidates(request: HttpRequest) -> bool:
    """The recruiter's right: the permission (from a group or given directly) and a confirmed second factor."""
    user = acting_user(request)
    return user.is_authenticated and user.has_perm(CANDIDATES_PERMISSION) and second_factor_confirmed(request)


def token_can_view_candidates(api_token) -> bool:
    """What :func:`can_view_candidates` answers to a request made with this token."""
    return (
        api_token.is_active and api_token.user.has_perm(CANDIDATES_PERMISSION) and token_passed_second_factor(api_token)
    )


def account_can_view_candidates(user: AbstractBaseUser) -> bool:
    """The recruiter's right where no request is (a job): an active account with the permission and an
    authenticator app, as :func:`can_view_candidates` asks of a session."""
    return user.is_active and user.has_perm(CANDIDATES_PERMISSION) and has_mfa(user)


def can_edit_content(request: HttpRequest) -> bool:
    """The admin's rule: an active staff account with a confirmed second factor (an API token's user alike)."""
    user = acting_user(request)
    return user.is_active and user.is_staff and second_factor_confirmed(request)


def works_as_engineer(request: HttpRequest) -> bool:
    """Whether the engineer's own pages and API (``/skills/…``, ``/api/me/…``) are the caller's: everyone signed
    in without staff rights, and a recruiter or editor who keeps an engineer profile of their own as well (a query
    only for them); the session or the API token alike. A staff account is not an engineer just because its second
    factor has not been passed yet: it would be given a profile and an engineer's rights by its password alone."""
    user = acting_user(request)
    if not user.is_authenticated:
        return False
    if not holds_staff_rights(user):  # an engineer, as everyone who signs up
        return True
    return hasattr(user, "profile")  # the engineer profile (skills app)


def staff_rights_count(request: HttpRequest) -> bool:
    """A recruiter's or an editor's right (a superuser's too), with the confirmed second factor that makes it count;
    the API token or the session alike."""
    return can_edit_content(request) or can_view_candidates(request)


def can_view_market(request: HttpRequest) -> bool:
    """The market map (aggregates, never a person): recruiters, and staff such as editors, each with a confirmed
    second factor."""
    return staff_rights_count(request)


def _remember_second_factor(sender, request: HttpRequest, method: str, user: AbstractBaseUser, **kwargs) -> None:
    if method == "mfa":
        mark_second_factor_passed(request.session, user)


def connect() -> None:
    user_model = get_user_model()
    touch_on_writes(
        ACCESS_KIND,
        models=(Group, Permission, Authenticator),
        links=(user_model.groups.through, user_model.user_permissions.through, Group.permissions.through),
    )
    authentication_step_completed.connect(_remember_second_factor, dispatch_uid="portal.remember_second_factor")
