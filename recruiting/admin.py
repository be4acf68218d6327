from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.admin import ReadOnlyAdmin, Waiting, is_row_key
from recruiting.forms import PublishSearchForm
from recruiting.models import ContactRequest, ProfileView, SearchProposal
from recruiting.selectors.searches import proposals, publish_titles, waiting_proposal_count
from recruiting.services.publishing import check_publishable, publish_proposal
from skills.admin import SuperuserReadOnlyAdmin

READ_ROLE_PERMISSION = "skills.view_role"
PUBLISH_ROLE_PERMISSIONS = ("skills.add_role", "skills.change_role")


@admin.register(ProfileView)
class ProfileViewAdmin(SuperuserReadOnlyAdmin):
    list_display = ("profile", "recruiter", "viewed_at")
    list_select_related = ("profile__user", "recruiter")
    search_fields = ("profile__user__email", "recruiter__email")


@admin.register(ContactRequest)
class ContactRequestAdmin(SuperuserReadOnlyAdmin):
    list_display = ("profile", "recruiter_name", "recruiter_company", "status", "created_at", "answered_at")
    list_filter = ("status",)
    list_select_related = ("profile",)


class ProposalStateFilter(admin.SimpleListFilter):
    """Where proposals stand; the list opens on those waiting for an editor, and "All" shows every copy, the ones
    the recruiter changed since included."""

    title = _("state")
    parameter_name = "state"
    WAITING, ALL = "waiting", "all"

    def lookups(self, request, model_admin):
        return (
            (self.WAITING, _("Waiting for an editor")),
            ("changed", _("Changed by the recruiter since")),
            ("published", _("Published as a role")),
        )

    def value(self) -> str:
        return super().value() or self.WAITING

    def choices(self, changelist):
        """Django's choices (with their counts when asked), where "All" is a choice of its own: no choice at all is
        the list's default."""
        choices = super().choices(changelist)
        everything = next(choices)
        yield {
            **everything,
            "selected": self.value() == self.ALL,
            "query_string": changelist.get_query_string({self.parameter_name: self.ALL}),
        }
        yield from choices

    def queryset(self, request, queryset):
        if self.value() == self.WAITING:
            return queryset.waiting()
        if self.value() == "changed":
            return queryset.filter(replaced_at__isnull=False)
        if self.value() == "published":
            return queryset.filter(published_at__isnull=False)
        return queryset


@admin.register(SearchProposal)
class SearchProposalAdmin(ReadOnlyAdmin):
    """Recruiters' searches as proposed to the editors: frozen copies, published as reviewed in one step.

    Editors see proposals only, never a recruiter's search itself (its private role, its ranking, its later
    changes), nor who proposed it: editors see content, never people. The recruiter's change after proposing makes
    a new proposal; the old one says so and cannot be published. Read-only: publishing makes an ordinary role,
    edited under Roles. Whoever may read roles may read proposals; whoever may add and change roles publishes them,
    on a proposal's own publish page (its change page and the list's action lead there).
    """

    list_display = ("title", "requirement_count", "proposed_at", "state", "note")
    list_filter = (ProposalStateFilter,)
    search_fields = ("title", "note")
    ordering = ("-proposed_at", "-pk")
    fields = ("title", "proposed_at", "state", "note", "requirement_list", "vacancy_text")
    readonly_fields = fields
    actions = ("publish_as_role",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[SearchProposal]:
        return proposals()

    def may_view(self, request: HttpRequest) -> bool:
        return request.user.has_perm(READ_ROLE_PERMISSION)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request) and request.user.has_perms(PUBLISH_ROLE_PERMISSIONS)

    def waiting(self, request: HttpRequest) -> Waiting | None:
        """How many proposals wait, for those who may publish them: a count, never who proposed them."""
        if not self.has_publish_permission(request):
            return None
        count = waiting_proposal_count()
        if not count:
            return None
        text = ngettext(
            "%(count)d proposed vacancy search waits for an editor.",
            "%(count)d proposed vacancy searches wait for an editor.",
            count,
        ) % {"count": count}
        return Waiting(text=text, url=reverse("admin:recruiting_searchproposal_changelist"))

    @admin.display(description=_("items"))
    def requirement_count(self, obj: SearchProposal) -> int:
        return len(obj.requirements)

    @admin.display(description=_("vacancy text"))
    def vacancy_text(self, obj: SearchProposal) -> str:
        return obj.search.text

    @admin.display(description=_("state"))
    def state(self, obj: SearchProposal) -> str:
        return render_to_string("admin/recruiting/searchproposal/state.html", {"proposal": obj})

    @admin.display(description=_("requirements"))
    def requirement_list(self, obj: SearchProposal) -> str:
        return render_to_string("admin/recruiting/searchproposal/requirements.html", {"requirements": obj.requirements})

    def get_urls(self):
        return [
            path(
                "<int:pk>/publish/",
                self.admin_site.admin_view(self.publish_view),
                name="recruiting_searchproposal_publish",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request: HttpRequest, object_id, form_url="", extra_context=None):
        """The proposal, with the way to publish it while it may be published by this reader."""
        key = unquote(object_id)
        proposal = self.get_object(request, key) if is_row_key(self.opts.pk, key) else None
        context = {"publish_url": self._publish_url(request, proposal), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, context)

    def _publish_url(self, request: HttpRequest, proposal: SearchProposal | None) -> str:
        if proposal is None or not self.has_publish_permission(request):
            return ""
        try:
            check_publishable(proposal=proposal, search=proposal.search)
        except ValidationError:
            return ""
        return reverse("admin:recruiting_searchproposal_publish", args=[proposal.pk])

    @admin.action(description=_("Publish as a role"), permissions=("publish",))
    def publish_as_role(self, request: HttpRequest, queryset: QuerySet[SearchProposal]) -> HttpResponse | None:
        """Open the chosen proposal's publish page; one at a time, as each role needs texts of its own."""
        chosen = list(queryset[:2])
        if len(chosen) != 1:
            message = _("Choose one proposal to publish: each role needs its own titles and descriptions.")
            self.message_user(request, message, messages.WARNING)
            return None
        return redirect("admin:recruiting_searchproposal_publish", chosen[0].pk)

    def publish_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """Ask for the role's title and description in both languages, then publish the proposal as frozen, as that
        role (its matches are recomputed, its recruiter is told); a proposal the recruiter replaced since, or one
        published already, goes back to its page with the reason."""
        if not self.has_publish_permission(request):
            raise PermissionDenied
        proposal = get_object_or_404(self.get_queryset(request), pk=pk)
        try:
            check_publishable(proposal=proposal, search=proposal.search)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.WARNING)
            return redirect("admin:recruiting_searchproposal_change", proposal.pk)
        form = PublishSearchForm(
            request.POST if request.method == "POST" else None, initial=publish_titles(proposal=proposal)
        )
        if form.is_valid():
            search_url = request.build_absolute_uri(proposal.search.get_absolute_url())
            try:
                role = publish_proposal(
                    proposal=proposal, editor=request.user, search_url=search_url, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                self.message_user(
                    request,
                    _("Published as the role “%(title)s”; its matches are being recomputed in the background.")
                    % {"title": role.title},
                    messages.SUCCESS,
                )
                return redirect("admin:recruiting_searchproposal_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Publish “%(title)s” as a role") % {"title": proposal.title},
            "opts": self.opts,
            "proposal": proposal,
            "form": form,
        }
        return TemplateResponse(request, "admin/recruiting/searchproposal/publish.html", context)
