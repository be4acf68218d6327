"""Admin for the skills content editors keep: skills, checklist items, roles and their requirements.

Engineers' own data (assessments, history) is not registered at all; profiles,
matches and profile views are read-only and for superusers only. Any change
that can move a score refreshes the stored matches through the services.
Texts are edited in English and Dutch side by side (django-modeltranslation).
"""

from typing import ClassVar

from django.contrib import admin
from django.db import models
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from catalog.admin import BilingualAdmin
from skills import services
from skills.models import ChecklistItem, EngineerProfile, Resource, Role, RoleMatch, RoleRequirement, Skill


def _roles_requiring(item_ids) -> list[int]:
    return list(RoleRequirement.objects.filter(item_id__in=item_ids).values_list("role_id", flat=True).distinct())


class ChecklistItemInline(TranslationTabularInline):
    model = ChecklistItem
    extra = 1
    fields = ("name", "slug", "is_senior", "order", "description")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("name",)}


class RecomputesOnItemDeletion:
    """Deleting checklist items drops their requirements; the roles that had them get fresh matches."""

    def _item_ids(self, obj_or_queryset) -> list[int]:
        raise NotImplementedError

    def delete_model(self, request: HttpRequest, obj) -> None:
        role_ids = _roles_requiring(self._item_ids(obj))
        super().delete_model(request, obj)
        services.recompute_matches_for_roles(role_ids=role_ids)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        role_ids = _roles_requiring(self._item_ids(queryset))
        super().delete_queryset(request, queryset)
        services.recompute_matches_for_roles(role_ids=role_ids)


@admin.register(Skill)
class SkillAdmin(RecomputesOnItemDeletion, BilingualAdmin):
    list_display = ("name", "growth_stage", "order", "item_count")
    list_editable = ("order",)
    list_filter = ("growth_stage",)
    search_fields = ("name_en", "name_nl", "description_en", "description_nl", "items__name_en", "items__name_nl")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("name",)}
    filter_horizontal = ("tools",)
    inlines = (ChecklistItemInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Skill]:
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description=_("items"), ordering="item_count")
    def item_count(self, obj: Skill) -> int:
        return obj.item_count

    def _item_ids(self, obj_or_queryset) -> list[int]:
        skills = obj_or_queryset if isinstance(obj_or_queryset, QuerySet) else [obj_or_queryset]
        return list(ChecklistItem.objects.filter(skill__in=skills).values_list("id", flat=True))

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        role_ids = _roles_requiring([form.instance.pk for form in formset.deleted_forms if form.instance.pk])
        super().save_formset(request, form, formset, change)
        services.recompute_matches_for_roles(role_ids=role_ids)


class ResourceInline(TranslationTabularInline):
    """What teaches the item, in order: a catalog tool, or a link with a title and kind."""

    model = Resource
    extra = 1
    fields = ("order", "tool", "title", "url", "kind", "note")
    autocomplete_fields = ("tool",)
    formfield_overrides: ClassVar[dict] = {models.URLField: {"assume_scheme": "https"}}


@admin.register(ChecklistItem)
class ChecklistItemAdmin(RecomputesOnItemDeletion, BilingualAdmin):
    list_display = ("name", "skill", "is_senior", "order")
    list_filter = ("skill__growth_stage", "skill", "is_senior")
    list_select_related = ("skill",)
    search_fields = ("name_en", "name_nl", "description_en", "description_nl", "skill__name_en", "skill__name_nl")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("name",)}
    inlines = (ResourceInline,)

    def _item_ids(self, obj_or_queryset) -> list[int]:
        if isinstance(obj_or_queryset, QuerySet):
            return list(obj_or_queryset.values_list("id", flat=True))
        return [obj_or_queryset.pk]


class RoleRequirementInline(admin.TabularInline):
    model = RoleRequirement
    extra = 1
    fields = ("item", "min_level", "weight", "is_must_have")
    autocomplete_fields = ("item",)


@admin.register(Role)
class RoleAdmin(BilingualAdmin):
    list_display = ("title", "is_senior", "published", "order", "requirement_count", "updated_at")
    list_editable = ("published", "order")
    list_filter = ("published", "is_senior")
    search_fields = ("title_en", "title_nl", "summary_en", "summary_nl")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("title",)}
    inlines = (RoleRequirementInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Role]:
        return super().get_queryset(request).annotate(requirement_count=Count("requirements"))

    @admin.display(description=_("requirements"), ordering="requirement_count")
    def requirement_count(self, obj: Role) -> int:
        return obj.requirement_count

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        """After the requirements are saved, every engineer's stored match with this role is refreshed."""
        super().save_related(request, form, formsets, change)
        services.recompute_role_matches(role=form.instance)


class SuperuserReadOnlyAdmin(admin.ModelAdmin):
    """Engineers' data: superusers may look (for support), nobody edits it here, editors never see it."""

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


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
