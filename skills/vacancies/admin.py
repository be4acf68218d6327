"""Admin for what the vacancy reader reads with: the items' phrases, the section and negation cues, and the terms it
did not know, each made a phrase or a new tool in one step. Registered when skills.admin imports it (the admin
discovers an app's admin module only)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import JSON

from catalog.admin import ImportFileForm, LabelledExportForm
from catalog.models import Category, Tool, ToolPhrase
from portal.guards.spreadsheets import SpreadsheetSafeCSV, SpreadsheetSafeXLSX
from skills.models import ChecklistItem, ItemPhrase, UnrecognisedTerm, VacancyCue
from skills.models.phrases import min_readers_for_editors
from skills.resources import ItemPhraseResource
from skills.vacancies.services import adopt_unrecognised_term, forget_if_recognised, forget_recognised_terms


@admin.register(ItemPhrase)
class ItemPhraseAdmin(ImportExportModelAdmin):
    """All items' vacancy phrases in one list, for import and export, a page at a time; an item's page links to
    its own phrases here (filtered by item), as an item may have a hundred or more."""

    list_display = ("text", "item", "skill", "language", "needs_context")
    list_editable = ("language", "needs_context")
    list_per_page = 50
    list_filter = ("language", "needs_context", "item__skill")
    list_select_related = ("item__skill",)
    search_fields = ("text", "item__name_en", "item__name_nl")
    autocomplete_fields = ("item",)
    resource_classes = (ItemPhraseResource,)
    import_form_class = ImportFileForm
    export_form_class = LabelledExportForm
    import_formats = (SpreadsheetSafeCSV, JSON)
    export_formats = (SpreadsheetSafeCSV, JSON, SpreadsheetSafeXLSX)

    @admin.display(description=_("skill"), ordering="item__skill")
    def skill(self, obj: ItemPhrase):
        return obj.item.skill


@admin.register(VacancyCue)
class VacancyCueAdmin(admin.ModelAdmin):
    """The headings that open a vacancy's sections, the words that make a mention nice to have or negate it, and
    the terms (products, languages) the reader names as unrecognised wherever they stand."""

    list_display = ("text", "kind", "language")
    list_filter = ("kind", "language")
    search_fields = ("text",)


class ItemsBySkill(forms.models.ModelChoiceIterator):
    """The checklist items under their skill's name: "Functions and modules" alone does not say Python or SQL."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[int, tuple[str, list]] = {}
        for item in self.queryset:
            groups.setdefault(item.skill_id, (item.skill.name, []))[1].append(self.choice(item))
        yield from groups.values()


class ItemChoiceField(forms.ModelChoiceField):
    iterator = ItemsBySkill


class AdoptTermForm(forms.Form):
    """What an unrecognised term names: a checklist item, a tool, or a new tool in a category (one of them)."""

    item = ItemChoiceField(
        ChecklistItem.objects.select_related("skill").order_by("skill__order", "order"),
        required=False,
        label=_("A phrase of this checklist item"),
    )
    tool = forms.ModelChoiceField(Tool.objects.order_by("name"), required=False, label=_("A phrase of this tool"))
    new_tool_category = forms.ModelChoiceField(
        Category.objects.all(), required=False, label=_("A new tool in this category")
    )

    def clean(self):
        cleaned = super().clean()
        if sum(cleaned.get(name) is not None for name in ("item", "tool", "new_tool_category")) != 1:
            raise forms.ValidationError(_("Choose one: an item, a tool, or a category for a new tool."))
        return cleaned


@admin.register(UnrecognisedTerm)
class UnrecognisedTermAdmin(admin.ModelAdmin):
    """Terms the vacancy reader did not know, counted by the people who met them (no vacancy text is kept), each one shown once
    several readers met it; each one becomes a phrase or a new tool in one step."""

    list_display = ("term", "adopt_link", "count", "language", "last_seen")  # on a phone, the link in view
    list_display_links = None  # a term's own page shows nothing more than its row
    list_filter = ("language",)
    search_fields = ("term",)
    ordering = ("-count", "term")

    def get_queryset(self, request):
        return super().get_queryset(request).shown_to_editors()  # the list, the adopt and delete pages alike

    def has_add_permission(self, request) -> bool:
        return False  # counted by readings only

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("make it known"))
    def adopt_link(self, obj: UnrecognisedTerm):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:skills_unrecognisedterm_adopt", args=[obj.pk]),
            _("Make it recognised"),
        )

    def changelist_view(self, request, extra_context=None):
        forget_recognised_terms()  # those the phrasebook came to know since, however it did
        title = self.model._meta.verbose_name_plural.capitalize()  # not "Select … to view": there is nothing to see
        context = {"title": title, "min_readers": min_readers_for_editors(), **(extra_context or {})}
        return super().changelist_view(request, context)

    def get_urls(self):
        return [
            path(
                "<int:pk>/adopt/",
                self.admin_site.admin_view(self.adopt_view),
                name="skills_unrecognisedterm_adopt",
            ),
            *super().get_urls(),
        ]

    def adopt_view(self, request, pk: int):
        term = get_object_or_404(self.get_queryset(request), pk=pk)
        may_adopt = request.user.has_perms(("skills.add_itemphrase", "catalog.add_toolphrase", "catalog.add_tool"))
        if not (self.has_view_permission(request, term) and may_adopt):
            raise PermissionDenied
        if forget_if_recognised(term=term):  # a page opened before the term became known another way
            message = _("“%(term)s” is recognised already, and has left the list.") % {"term": term.term}
            self.message_user(request, message)
            return redirect("admin:skills_unrecognisedterm_changelist")
        form = AdoptTermForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                made = adopt_unrecognised_term(term=term, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, *adopted_message(term.term, made))
                return redirect("admin:skills_unrecognisedterm_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Make “%(term)s” recognised") % {"term": term.term},
            "opts": self.model._meta,
            "term": term,
            "form": form,
        }
        return TemplateResponse(request, "admin/skills/unrecognisedterm/adopt.html", context)


def adopted_message(term: str, made: ItemPhrase | ToolPhrase | Tool) -> tuple[str, int]:
    """What a term became, with a link to it, and whether the reader knows it now: a phrase of a published item or
    tool at once, one of an unpublished item or tool once that is published, a new tool once its texts are written
    and it is published."""
    if isinstance(made, Tool):
        context = {"term": term, "tool": made}
        return render_to_string("admin/skills/unrecognisedterm/unpublished_tool.html", context), messages.WARNING
    if isinstance(made, ItemPhrase):
        item = made.item
        url = reverse("admin:skills_checklistitem_change", args=[made.item_id])
        name = format_html('“<a href="{}">{}</a>” ({})', url, item.name, item.skill.name)
        public = item.published and item.skill.published
        known = gettext("“{term}” is now recognised, as a phrase of the checklist item {target}.")
        waiting = gettext(
            "“{term}” is now a phrase of the checklist item {target}, which is not published: the reader "
            "recognises it once the item is published."
        )
    else:
        tool = made.tool
        name = format_html(
            '“<a href="{}">{}</a>”', reverse("admin:catalog_tool_change", args=[made.tool_id]), tool.name
        )
        public = tool.published and tool.category.published
        known = gettext("“{term}” is now recognised, as a phrase of the tool {target}.")
        waiting = gettext(
            "“{term}” is now a phrase of the tool {target}, which is not published: the reader recognises it once "
            "the tool is published."
        )
    return format_html(known if public else waiting, term=term, target=name), (
        messages.SUCCESS if public else messages.WARNING
    )
