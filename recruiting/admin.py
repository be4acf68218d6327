from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.admin import ReadOnlyAdmin
from recruiting.models import ContactRequest, ProfileView, SearchProposal
from recruiting.searches import proposals, publish_proposal
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
    changes). The recruiter's change after proposing makes a new proposal; the old one says so and cannot be
    published. Read-only: publishing makes an ordinary role, edited under Roles.
    """

    list_display = ("title", "recruiter", "requirement_count", "proposed_at", "state", "note")
    list_filter = (ProposalStateFilter,)
    search_fields = ("title", "note")
    ordering = ("-proposed_at", "-pk")
    fields = ("title", "recruiter", "proposed_at", "state", "note", "requirement_list", "vacancy_text")
    readonly_fields = fields
    actions = ("publish_as_role",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[SearchProposal]:
        return proposals()

    def may_view(self, request: HttpRequest) -> bool:
        return request.user.has_perms(PUBLISH_ROLE_PERMISSIONS)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    @admin.display(description=_("recruiter"), ordering="search__owner__email")
    def recruiter(self, obj: SearchProposal) -> str:
        return str(obj.search.owner)

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
    def publish_as_role(self, request: HttpRequest, queryset: QuerySet[SearchProposal]) -> None:
        """One step: each proposal becomes an ordinary published role as it was frozen; its matches are
        recomputed."""
        published = []
        for proposal in queryset:
            try:
                published.append(publish_proposal(proposal=proposal, editor=request.user))
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.WARNING)
        if published:
            titles = ", ".join(f"“{role.title}”" for role in published)
            self.message_user(
                request,
                ngettext(
                    "Published as the role %(titles)s; its matches are being recomputed in the background.",
                    "Published as the roles %(titles)s; their matches are being recomputed in the background.",
                    len(published),
                )
                % {"titles": titles},
                messages.SUCCESS,
            )
