"""Personal API tokens: issue, revoke and check them; only a hash of each token is ever stored."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from api.models import DEFAULT_LIFETIME, LIFETIMES, ApiToken
from portal.guards import tokens
from portal.guards.issued_once import issuing_once
from portal.languages.selectors import with_kept_language

MAX_ACTIVE_TOKENS = 10
PREFIX_LENGTH = 8
# Writing last_used_at on every call would turn each read into a write; a minute is precise enough.
LAST_USED_PRECISION = timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedToken:
    """A new token with its plain value, which exists only in this object and is never stored."""

    token: ApiToken
    plain: str


@transaction.atomic
def create_token(
    *,
    user: AbstractBaseUser,
    name: str,
    lifetime_days: int = DEFAULT_LIFETIME,
    staff_access: bool = False,
    issue_key: str = "",
) -> IssuedToken:
    """Issue a named token for the user that works for ``lifetime_days`` (one of LIFETIMES); at most
    MAX_ACTIVE_TOKENS may be active at once.

    ``staff_access``: made in a session that passed the second factor, so it carries the staff rights too.
    ``issue_key``: the form's own key; raises AlreadyIssued when that form issued a token before.
    """
    if lifetime_days not in LIFETIMES:
        raise ValidationError(
            _("Choose how long the token works: %(days)s days.")
            % {"days": get_text_list([str(days) for days in LIFETIMES], _("or"))}
        )
    # Lock the user's row so two requests at once cannot both pass the limit.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    if ApiToken.objects.active().filter(user=user).count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(
            _("You already have %(limit)d active tokens; revoke one before creating another.")
            % {"limit": MAX_ACTIVE_TOKENS}
        )
    secret = tokens.issue()
    token = ApiToken(
        user=user,
        name=name.strip(),
        token_hash=secret.digest,
        prefix=secret.plain[:PREFIX_LENGTH],
        staff_access=staff_access,
        expires_at=timezone.now() + timedelta(days=lifetime_days),
        issue_key=issue_key,
    )
    token.full_clean(validate_constraints=False)  # the constraint on the key is the database's, in issuing_once
    with issuing_once(ApiToken, user=user, issue_key=issue_key):
        token.save()
    return IssuedToken(token=token, plain=secret.plain)


@transaction.atomic
def revoke_token(*, user: AbstractBaseUser, token: ApiToken) -> ApiToken:
    """Stop a token from working; revoking twice keeps the first revocation time."""
    if token.user_id != user.pk:
        raise PermissionDenied(_("This token belongs to someone else."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def use_token(*, plain: str) -> ApiToken | None:
    """The active token with this value and an active owner, noting when it was used; None otherwise."""
    if not plain:
        return None
    # The owner's language in the same query: a call that names none is answered in it (api.auth).
    tokens_with_language = with_kept_language(ApiToken.objects.active(), user_path="user", name="owner_language")
    token = tokens_with_language.select_related("user").filter(token_hash=tokens.digest(plain)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def revoke_staff_tokens(*, user: AbstractBaseUser) -> int:
    """Revoke the tokens that carry staff rights, e.g. once the account's authenticator app is removed."""
    return ApiToken.objects.active().filter(user=user, staff_access=True).update(revoked_at=timezone.now())
