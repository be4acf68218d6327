"""Admin for the skills content editors keep: skills, checklist items, roles and their requirements (the vacancy
reader's phrases, cues and unrecognised terms: skills.vacancies.admin).

Engineers' own data (assessments, history) is not registered at all; profiles,
matches and profile views are read-only and for superusers only. Any change
that can move a score queues a recompute job per role through the services;
the role pages show its progress and the last finished run.
Texts are edited in English and Dutch side by side (django-modeltranslation).
"""

from typing import ClassVar

from django.contrib import admin
from django.db import models
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from catalog.admin import BilingualAdmin, PublishActionsMixin, PublishedNeedsDutchForm
from portal.admin import ReadOnlyAdmin
from portal.jobs.lifecycle import JobStatus, reason_of_failure
from skills.benchmarks.services import queue_snapshot_for_market_change
from skills.models import (
    ChecklistItem,
    EngineerProfile,
    Resource,
    Role,
    RoleMatch,
    RoleRecompute,
    RoleRequirement,
    Skill,
)
from skills.services import recomputes
from skills.services.checklist import set_checklist_published
from skills.vacancies import admin as vacancy_reader_admin  # noqa: F401 - registers the reader's admin


def with_recompute_state(roles: QuerySet[Role]) -> QuerySet[Role]:
    """Each role with its latest recompute (status, progress, end, reason of failure) and the end of its last
    finished one: one query for the whole changelist."""
    latest = RoleRecompute.objects.filter(role=OuterRef("pk")).order_by("-created_at", "-pk")
    last_done = RoleRecompute.objects.filter(role=OuterRef("pk"), status=JobStatus.DONE).order_by("-finished_at")
    return roles.annotate(
        recompute_status=Subquery(latest.values("status")[:1]),
        recompute_written=Subquery(latest.values("matches_written")[:1]),
        recompute_total=Subquery(latest.values("matches_total")[:1]),
        recompute_ended=Subquery(latest.values("finished_at")[:1]),
        recompute_failure=Subquery(latest.values("error")[:1]),
        recompute_last_finished=Subquery(last_done.values("finished_at")[:1]),
    )


def recompute_context(role: Role) -> dict:
    if not hasattr(role, "recompute_status"):  # a role read without the annotations (the add page)
        role = with_recompute_state(Role.objects.filter(pk=role.pk)).first() or role
    total = getattr(role, "recompute_total", None)
    written = getattr(role, "recompute_written", None) or 0
    return {
        "status": getattr(role, "recompute_status", None),
        "written": written,
        "total": total,
        "percent": min(100, written * 100 // total) if total else 0,
        "ended": getattr(role, "recompute_ended", None),
        "failure": reason_of_failure(RoleRecompute, getattr(role, "recompute_failure", "") or ""),
        "last_finished": getattr(role, "recompute_last_finished", None),
    }


class ChecklistItemInline(TranslationTabularInline):
    """Items are added and edited here; deleted on their own page, which says what a deletion would take along
    (and refuses it while engineers or roles rely on the item) without naming anyone."""

    model = ChecklistItem
    form = PublishedNeedsDutchForm
    extra = 1
    can_delete = False
    fields = ("name", "slug", "is_senior", "order", "published", "description")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("name",)}


class RetireActionsMixin(PublishActionsMixin):
    """Publish or retire skills and items in bulk (the service also rebuilds the market), or on their pages: what
    engineers assessed is unpublished, never deleted."""

    def publish_rows(self, *, queryset, published: bool, user) -> int:
        return set_checklist_published(queryset=queryset, published=published)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        """The market counts the published skills and items, and a tool by the skills that name it: a save that
        changed any of them is built into a new snapshot."""
        super().save_related(request, form, formsets, change)
        if changes_the_market(form, formsets, change=change):
            queue_snapshot_for_market_change()


MARKET_FIELDS = frozenset(("tools", "published", "skill"))  # what the market map counts of a skill or an item


def changes_the_market(form, formsets, *, change: bool) -> bool:
    """A skill's or item's page saved a change the market counts: the skill's tools, what is published (the row
    itself, an item on its skill's page, a new one saved published, a published one deleted there), or the skill an
    item counts under."""
    if MARKET_FIELDS & set(form.changed_data) or (not change and form.instance.published):
        return True
    return any(
        any(row.published for row in (*formset.new_objects, *formset.deleted_objects))
        or any(MARKET_FIELDS & set(fields) for _row, fields in formset.changed_objects)
        for formset in formsets
        if formset.model is ChecklistItem
    )


def role_changes_the_market(form, formsets, *, change: bool) -> bool:
    """A role's page saved a change the market counts: the role published or retired, a published one added, or the
    requirements of a published one changed (not its order or its wording)."""
    if "published" in form.changed_data:
        return True
    return form.instance.published and (not change or any(formset.has_changed() for formset in formsets))


@admin.register(Skill)
class SkillAdmin(RetireActionsMixin, BilingualAdmin):
    list_display = ("name", "growth_stage", "order", "item_count", "published")
    list_editable = ("order",)
    list_filter = ("growth_stage", "published")
    search_fields = ("name_en", "name_nl", "description_en", "description_nl", "items__name_en", "items__name_nl")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("name",)}
    filter_horizontal = ("tools",)
    inlines = (ChecklistItemInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Skill]:
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description=_("items"), ordering="item_count")
    def item_count(self, obj: Skill) -> int:
        return obj.item_count


class ResourceInline(TranslationStackedInline):
    """What teaches the item, in order: a catalog tool, or a link with a title and kind.

    Stacked, one field a line: side by side, the two languages of title and note push the link and the delete box
    off a laptop's screen.
    """

    model = Resource
    extra = 1
    fields = ("order", "tool", "title", "url", "kind", "note")
    autocomplete_fields = ("tool",)
    formfield_overrides: ClassVar[dict] = {models.URLField: {"assume_scheme": "https"}}


@admin.register(ChecklistItem)
class ChecklistItemAdmin(RetireActionsMixin, BilingualAdmin):
    list_display = ("name", "skill", "is_senior", "order", "published")
    list_filter = ("skill__growth_stage", "skill", "is_senior", "published")
    list_select_related = ("skill",)
    search_fields = ("name_en", "name_nl", "description_en", "description_nl", "skill__name_en", "skill__name_nl")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("name",)}
    readonly_fields = ("vacancy_phrases",)
    inlines = (ResourceInline,)

    @admin.display(description=_("vacancy phrases"))
    def vacancy_phrases(self, obj: ChecklistItem) -> str:
        """How many phrases the item has, with links to them and to add one: kept on their own paged list, so the
        item's page stays short however many there are."""
        if obj.pk is None:
            return _("Save the item first; then add its phrases.")
        phrases = reverse("admin:skills_itemphrase_changelist")
        only_these = urlencode({"item__id__exact": obj.pk})
        add = (
            f"{reverse('admin:skills_itemphrase_add')}?{urlencode({'item': obj.pk, '_changelist_filters': only_these})}"
        )
        count = obj.phrases.count()
        return format_html(
            '{} · <a href="{}?{}">{}</a> · <a href="{}">{}</a>',
            ngettext("%(count)d phrase", "%(count)d phrases", count) % {"count": count},
            phrases,
            only_these,
            _("Edit them"),
            add,
            _("Add a phrase"),
        )


class RoleRequirementInline(admin.TabularInline):
    model = RoleRequirement
    extra = 1
    fields = ("item", "min_level", "weight", "is_must_have")
    autocomplete_fields = ("item",)


@admin.register(Role)
class RoleAdmin(BilingualAdmin):
    # Beside the navigation and the filters a laptop's screen leaves about 630 pixels for the table: the role's
    # facts and the state of its matches share one column that wraps.
    list_display = ("title", "published", "order", "details")
    readonly_fields = ("recompute_status",)
    list_editable = ("published", "order")
    list_filter = ("published", "is_senior")
    search_fields = ("title_en", "title_nl", "summary_en", "summary_nl")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("title",)}
    inlines = (RoleRequirementInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Role]:
        """The editors' roles only: a recruiter's vacancy search is theirs until proposed (see its own admin)."""
        roles = super().get_queryset(request).editorial()
        return with_recompute_state(roles.annotate(requirement_count=Count("requirements")))

    @admin.display(description=_("details"))
    def details(self, obj: Role) -> str:
        """Whether the role is senior, how many requirements it has and when it changed; then its matches' state."""
        return render_to_string("admin/skills/role/details.html", {"role": obj, **recompute_context(obj)})

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        """After the requirements are saved, a job refreshes every engineer's stored match with this role; and the
        market, which counts what published roles ask, is rebuilt when that changed."""
        super().save_related(request, form, formsets, change)
        recomputes.request_role_recompute(role=form.instance, requested_by=request.user)
        if role_changes_the_market(form, formsets, change=change):
            queue_snapshot_for_market_change()
        self.message_user(request, _("The matches with this role are being recomputed in the background."))

    def delete_model(self, request: HttpRequest, obj: Role) -> None:
        self.delete_queryset(request, Role.objects.filter(pk=obj.pk))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Role]) -> None:
        """A published role deleted takes what it asked off the market, as retiring it does."""
        published = queryset.published().exists()
        super().delete_queryset(request, queryset)
        if published:
            queue_snapshot_for_market_change()

    def changelist_view(self, request: HttpRequest, extra_context=None):
        recomputes.reclaim_stale_recomputes()
        return super().changelist_view(request, extra_context)

    def change_view(self, request: HttpRequest, object_id, form_url="", extra_context=None):
        recomputes.reclaim_stale_recomputes()
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("matches"))
    def recompute_status(self, obj: Role) -> str:
        """What the role's recompute jobs say: running (how far), queued, failed (why), when the last run finished,
        or that none ran yet."""
        return render_to_string("admin/skills/role/recompute_status.html", recompute_context(obj))


class SuperuserReadOnlyAdmin(ReadOnlyAdmin):
    """Engineers' data: superusers may look (for support), nobody edits it here, editors never see it."""

    def may_view(self, request: HttpRequest) -> bool:
        return request.user.is_superuser


@admin.register(EngineerProfile)
class EngineerProfileAdmin(SuperuserReadOnlyAdmin):
    list_display = ("user", "headline", "visibility", "open_to_work", "target_role", "updated_at")
    list_filter = ("visibility", "open_to_work")
    list_select_related = ("user", "target_role")
    search_fields = ("user__email", "headline")


@admin.register(RoleMatch)
class RoleMatchAdmin(SuperuserReadOnlyAdmin):
    list_display = ("profile", "role", "score", "requirements_met", "requirements_total", "must_haves_missing")
    list_filter = ("role",)
    list_select_related = ("profile__user", "role")
    search_fields = ("profile__user__email",)
