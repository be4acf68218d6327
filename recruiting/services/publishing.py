"""The editors' side of vacancy searches: publishing a proposal, as it was frozen, as an ordinary role that
engineers see; its recruiter, and only they, are told (editors never learn who proposed it).
"""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override

from portal.notices.kinds import NoticeKind
from portal.notices.services import notify
from recruiting.models import SearchProposal, VacancySearch
from recruiting.services.searches import TITLE_MAX_LENGTH, replace_requirements
from skills.benchmarks.services import queue_snapshot_for_market_change
from skills.models import ChecklistItem, Role, RoleRequirement
from skills.services.recomputes import request_role_recompute


def _free(value: str, taken: set[str], *, separator: str, limit: int) -> str:
    """``value``, or ``value`` with the first number from 2 up that makes it unlike every ``taken`` one."""
    candidate, number = value, 1
    while candidate.casefold() in taken:
        number += 1
        suffix = f"{separator}{number}"
        candidate = f"{value[: limit - len(suffix)]}{suffix}"
    return candidate


def check_publishable(*, proposal: SearchProposal, search: VacancySearch) -> None:
    """Refuse a proposal the recruiter replaced since, or one already published, before the editor writes the
    role's texts for it."""
    if proposal.is_replaced:
        raise ValidationError(
            _("The recruiter changed “%(title)s” after this proposal; review the newer proposal and publish that one.")
            % {"title": proposal.title}
        )
    if proposal.is_published or search.is_published:
        raise ValidationError(_("“%(title)s” is already published.") % {"title": proposal.title})


@transaction.atomic
def publish_proposal(
    *,
    proposal: SearchProposal,
    editor: AbstractBaseUser,
    title_en: str = "",
    title_nl: str = "",
    summary_en: str = "",
    summary_nl: str = "",
    search_url: str = "",
) -> Role:
    """An editor's one step: the search's role becomes an ordinary published role with the proposal's frozen
    title and requirements (under a title and slug no other role has), every engineer's match with it is
    recomputed, and the market, which counts what published roles ask, is rebuilt. A proposal the recruiter changed
    since is refused: the editor reviews the new one first.

    The role takes the editor's titles and descriptions in both languages (the admin asks for them); without an
    English title it takes the proposal's title, numbered where another role has it. The recruiter who proposed it
    is told (:func:`portal.notices.services.notify`), with a link to their search (``search_url``: absolute, for
    the email).
    """
    proposal = SearchProposal.objects.select_for_update().get(pk=proposal.pk)
    search = VacancySearch.objects.select_for_update().select_related("role").get(pk=proposal.search_id)
    check_publishable(proposal=proposal, search=search)
    items = ChecklistItem.objects.in_bulk([row["item"] for row in proposal.requirements])
    if len(items) != len(proposal.requirements):
        raise ValidationError(
            _("An item “%(title)s” requires is no longer in the checklist; it cannot be published as proposed.")
            % {"title": proposal.title}
        )
    role = search.role
    titles = {
        title.casefold()
        for pair in Role.objects.editorial().values_list("title_en", "title_nl")
        for title in pair
        if title
    }
    title = title_en.strip() or _free(proposal.title, titles, separator=" ", limit=TITLE_MAX_LENGTH)
    base_slug = slugify(title)[:40] or "role"
    slugs = set(Role.objects.filter(slug__startswith=base_slug).values_list("slug", flat=True))
    with override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        role.title = title
        if title_nl.strip():
            role.title_nl = title_nl.strip()
        if summary_en.strip():
            role.summary_en = summary_en.strip()
        if summary_nl.strip():
            role.summary_nl = summary_nl.strip()
        role.slug = _free(base_slug, slugs, separator="-", limit=50)
        role.kind = Role.Kind.ROLE
        role.published = True
        role.is_senior = proposal.is_senior
        role.order = max(Role.objects.published().values_list("order", flat=True), default=0) + 1
        role.full_clean()
        role.save()
    frozen = [
        RoleRequirement(
            item=items[row["item"]], min_level=row["min_level"], weight=row["weight"], is_must_have=row["is_must_have"]
        )
        for row in proposal.requirements
    ]
    replace_requirements(role=role, requirements=frozen)
    now = timezone.now()
    proposal.published_at = now
    proposal.save(update_fields=["published_at"])
    search.published_at = now
    search.save(update_fields=["published_at", "updated_at"])
    request_role_recompute(role=role, requested_by=editor)
    queue_snapshot_for_market_change()
    notify(
        recipient=search.owner,
        kind=NoticeKind.SEARCH_PUBLISHED,
        params={"search": proposal.title},
        url=search_url or search.get_absolute_url(),
    )
    return role
