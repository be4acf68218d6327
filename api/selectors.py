"""Reads only the API needs; everything the pages also show comes from the apps' own selectors."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from api.models import ApiToken
from skills.models import Assessment, ChecklistItem, Role, RoleRequirement, Skill
from skills.selectors.roles import published_roles


def checklist_skills() -> QuerySet[Skill]:
    """The checklist in growth order with its items, so clients know which item ids to assess."""
    return Skill.objects.published().prefetch_related(
        Prefetch("items", queryset=ChecklistItem.objects.published().order_by("order", "name"))
    )


def roles_with_requirements() -> QuerySet[Role]:
    """Published roles, each with its requirements (item and skill joined) in two queries in all."""
    requirements = RoleRequirement.objects.select_related("item__skill")
    return published_roles().prefetch_related(Prefetch("requirements", queryset=requirements))


def published_role(*, slug: str, roles: QuerySet[Role] | None = None) -> tuple[Role | None, str]:
    """The published role a client names by ``slug`` (read from ``roles`` when the answer needs more of it), or
    None and the one message every endpoint gives for it; the slug is cut, so a long one cannot fill the answer."""
    role = (Role.objects.published() if roles is None else roles).filter(slug=slug).first()
    return role, _("There is no published role “%(slug)s”.") % {"slug": slug[:50]}


def own_assessments(*, user: AbstractBaseUser) -> QuerySet[Assessment]:
    """The user's assessments in checklist order; nobody else's."""
    return (
        Assessment.objects.filter(user=user)
        .select_related("item__skill")
        .order_by("item__skill__growth_stage", "item__skill__order", "item__order", "item__name", "pk")
    )


def tokens_for(*, user: AbstractBaseUser) -> QuerySet[ApiToken]:
    """Only the user's own tokens, newest first; another user's token is never reachable."""
    return ApiToken.objects.filter(user=user).select_related("user")
