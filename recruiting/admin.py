from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from portal.admin import ReadOnlyAdmin
from recruiting.forms import PublishSearchForm
from recruiting.models import ContactRequest, ProfileView, SearchProposal
from recruiting.selectors.searches import proposals
from recruiting.services.publishing import check_publishable, publish_proposal
from skills.admin import SuperuserReadOnlyAdmin

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
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return (
            ("waiting", _("Waiting for an editor")),
            ("changed", _("Changed by the recruiter since")),
            ("published", _("Published as a role")),
        )

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.current().filter(published_at__isnull=True)
        if self.value() == "changed":
            return queryset.filter(replaced_at__isnull=False)
        if self.value() == "published":
            return queryset.filter(published_at__isnull=False)
        return queryset


@admin.register(SearchProposal)
class SearchProposalAdmin(ReadOnlyAdmin):
    """Recruiters' searches as proposed to the editors: frozen copies, published as reviewed in one step.

    Editors see proposals only, never a recruiter's search itself (its private role, its ranking, its later
    changes), nor who proposed it: editors see content, never people. The recruiter's change after proposing makes a new proposal; the old one says so and cannot be
    published. Read-only: publishing makes an ordinary role, edited under Roles.
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
        return request.user.has_perms(PUBLISH_ROLE_PERMISSIONS)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

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

    @admin.action(description=_("Publish as a role"), permissions=("publish",))
    def publish_as_role(self, request: HttpRequest, queryset: QuerySet[SearchProposal]) -> TemplateResponse | None:
        """Ask for the role's title and description in both languages, then publish the proposal as frozen, as that
        role (its matches are recomputed); one at a time, as each role needs texts of its own."""
        if len(queryset) != 1:
            message = _("Choose one proposal to publish: each role needs its own titles and descriptions.")
            self.message_user(request, message, messages.WARNING)
            return None
        proposal = queryset.select_related("search").get()
        try:
            check_publishable(proposal=proposal, search=proposal.search)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.WARNING)
            return None
        form = PublishSearchForm(
            request.POST if "publish" in request.POST else None, initial={"title_en": proposal.title}
        )
        if form.is_valid():
            try:
                role = publish_proposal(proposal=proposal, editor=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                self.message_user(
                    request,
                    _("Published as the role “%(title)s”; its matches are being recomputed in the background.")
                    % {"title": role.title},
                    messages.SUCCESS,
                )
                return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Publish “%(title)s” as a role") % {"title": proposal.title},
            "opts": self.model._meta,
            "proposal": proposal,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/recruiting/searchproposal/publish.html", context)
