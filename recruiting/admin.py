from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.admin import ReadOnlyAdmin
from recruiting.forms import PublishSearchForm
from recruiting.models import ContactRequest, ProfileView, VacancySearch
from recruiting.searches import proposed_searches, publish_search
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


class PublishedFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return (("waiting", _("Waiting for an editor")), ("published", _("Published as a role")))

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(published_at__isnull=True)
        if self.value() == "published":
            return queryset.filter(published_at__isnull=False)
        return queryset


@admin.register(VacancySearch)
class VacancySearchAdmin(ReadOnlyAdmin):
    """Recruiters' searches proposed as new roles, for the editors who may publish one in one step.

    Editors see proposed searches only, never a recruiter's private ones, and never the candidates ranked by them.
    Read-only: a search stays its recruiter's; publishing makes its role an ordinary role, edited under Roles.
    """

    list_display = ("title", "owner", "requirement_count", "proposed_at", "proposal_note", "published_role")
    list_filter = (PublishedFilter,)
    list_select_related = ("owner", "role")
    search_fields = ("title", "proposal_note")
    ordering = ("-proposed_at",)
    fields = ("title", "owner", "proposed_at", "proposal_note", "requirement_list", "text", "published_at")
    readonly_fields = fields
    actions = ("publish_as_role",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[VacancySearch]:
        return proposed_searches().annotate(requirement_count=Count("role__requirements"))

    def may_view(self, request: HttpRequest) -> bool:
        return request.user.has_perms(PUBLISH_ROLE_PERMISSIONS)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    @admin.display(description=_("items"), ordering="requirement_count")
    def requirement_count(self, obj: VacancySearch) -> int:
        return obj.requirement_count

    @admin.display(description=_("published as"), ordering="published_at")
    def published_role(self, obj: VacancySearch) -> str:
        if not obj.is_published:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:skills_role_change", args=[obj.role_id]), obj.role.title
        )

    @admin.display(description=_("requirements"))
    def requirement_list(self, obj: VacancySearch) -> str:
        requirements = obj.role.requirements.select_related("item__skill").order_by(
            "-is_must_have", "item__skill__growth_stage", "item__skill__order", "item__order"
        )
        return render_to_string("admin/recruiting/vacancysearch/requirements.html", {"requirements": requirements})

    @admin.action(description=_("Publish as a role"), permissions=("publish",))
    def publish_as_role(self, request: HttpRequest, queryset: QuerySet[VacancySearch]) -> TemplateResponse | None:
        """Ask for the role's title and description in both languages, then publish the search as that role (its
        matches are recomputed); one search at a time, as each role needs texts of its own."""
        if len(queryset) != 1:
            message = _("Choose one search to publish: each role needs its own titles and descriptions.")
            self.message_user(request, message, messages.WARNING)
            return None
        search = queryset[0]
        form = PublishSearchForm(
            request.POST if "publish" in request.POST else None, initial={"title_en": search.title}
        )
        if form.is_valid():
            try:
                role = publish_search(search=search, editor=request.user, **form.cleaned_data)
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
            "title": _("Publish “%(title)s” as a role") % {"title": search.title},
            "opts": self.model._meta,
            "search": search,
            "form": form,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/recruiting/vacancysearch/publish.html", context)
