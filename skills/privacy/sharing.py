"""Share links: an engineer's read-only profile for anyone holding the link, revocable at once.

The token is issued and hashed by ``portal.guards.tokens``, as API tokens are: only its digest is stored. A revoked or
expired link answers 410 with a page that says so (never whose it was); an altered or unknown token the plain 404.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.guards import tokens
from portal.guards.issued_once import issuing_once
from skills.models import Assessment, EngineerProfile, Level, Role, ShareLink, ShareLinkView
from skills.privacy.identity import with_evidence_as_shown

MAX_USABLE_LINKS = 20
MAX_TOKEN_LENGTH = 100  # far above the 43 characters of a real token; longer input is not even hashed


@dataclass(frozen=True)
class IssuedShareLink:
    """A new link with its plain token, which exists only here and is never stored."""

    link: ShareLink
    token: str


@transaction.atomic
def create_share_link(
    *, user: AbstractBaseUser, days: int, role: Role | None = None, issue_key: str = ""
) -> IssuedShareLink:
    """A new link that expires after 7, 30 or 90 days and shows the gaps for ``role`` (a published one) if given;
    raises AlreadyIssued when the form of ``issue_key`` made one before."""
    if days not in ShareLink.Lifetime.values:
        raise ValidationError({"days": _("Choose 7, 30 or 90 days.")})
    if role is not None and not role.published:
        raise ValidationError({"role": _("Choose a published role.")})
    if ShareLink.objects.usable().filter(user=user).count() >= MAX_USABLE_LINKS:
        raise ValidationError(
            _("You already have %(limit)d open share links; revoke one first.") % {"limit": MAX_USABLE_LINKS}
        )
    secret = tokens.issue()
    now = timezone.now()
    with issuing_once(ShareLink, user=user, issue_key=issue_key):
        link = ShareLink.objects.create(
            user=user,
            token_hash=secret.digest,
            role=role,
            created_at=now,
            expires_at=now + timedelta(days=days),
            issue_key=issue_key,
        )
    return IssuedShareLink(link=link, token=secret.plain)


@transaction.atomic
def revoke_share_link(*, user: AbstractBaseUser, link: ShareLink) -> ShareLink:
    """Stop the link from opening, from now on; revoking twice keeps the first time."""
    if link.user_id != user.pk:
        raise PermissionDenied(_("This share link belongs to someone else."))
    ShareLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    link.refresh_from_db()
    return link


def open_share_link(*, token: str) -> ShareLink | None:
    """The link for this token, usable or not, with an opening counted only when it still opens (not who opened
    it); None for a token that was never issued."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    link = ShareLink.objects.select_related("user", "role").filter(token_hash=tokens.digest(token)).first()
    if link is not None and link.is_usable:
        ShareLinkView.objects.create(link=link)
    return link


def shared_assessments(*, profile: EngineerProfile) -> list[Assessment]:
    """The engineer's rated items in growth order, for the shared page; one query. A link may reach a recruiter, so
    its evidence links follow the recruiters' rule: shown only if the engineer shows them to every recruiter."""
    assessments = (
        Assessment.objects.filter(user_id=profile.user_id, level__gt=Level.NONE)
        .select_related("item__skill")
        .order_by("item__skill__growth_stage", "item__skill__order", "item__skill__name", "item__order")
    )
    return with_evidence_as_shown(assessments, shown=profile.shows_evidence)


def share_links_of(*, user: AbstractBaseUser) -> list[ShareLink]:
    """The engineer's links, newest first, each with its openings."""
    return list(ShareLink.objects.filter(user=user).select_related("role").prefetch_related("views")[:50])
