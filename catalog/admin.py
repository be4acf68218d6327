"""Editors keep the catalog here; list pages stay at a constant number of queries.

Texts are edited in English and Dutch side by side (django-modeltranslation).
"""

import json
from functools import partial
from typing import ClassVar

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.db.models.functions import Lower
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, override
from import_export.admin import ImportExportModelAdmin
from import_export.formats.base_formats import JSON
from import_export.forms import ImportForm, SelectableFieldsExportForm
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from catalog.models import Category, ChooserOption, ChooserRecommendation, FaqEntry, Keyword, Tool, ToolPhrase
from catalog.resources import ToolPhraseResource, ToolResource
from catalog.services import set_published
from catalog.translation import TOOL_CONTENT, bilingual_texts, missing_dutch
from portal.admin import RowKeysHistoryAdmin
from portal.guards.spreadsheets import SpreadsheetSafeCSV, SpreadsheetSafeXLSX


class NeededToPublishBoundField(forms.BoundField):
    """A Dutch field whose English twin is required: its label looks like a required field's (Django's "required"
    class), as publishing needs it, though saving the row unpublished does not."""

    def label_tag(self, contents=None, attrs=None, label_suffix=None, tag=None):
        classes = {*(attrs or {}).get("class", "").split(), "required"}
        return super().label_tag(contents, {**(attrs or {}), "class": " ".join(sorted(classes))}, label_suffix, tag)


class PublishedNeedsDutchForm(forms.ModelForm):
    """Refuses to publish a row while a Dutch text is missing whose English one is filled in
    (:func:`catalog.translation.missing_dutch`); saving it unpublished stays possible. Fields the form lacks (a
    changelist's "published" column) are read from the row.

    The Dutch fields say so beforehand (:func:`catalog.translation.bilingual_texts`): a help text, and the label of a
    required English text's Dutch twin looks required as well (in a tabular inline, its column's head: the widget's
    class ``needed-to-publish``, which templates/admin/edit_inline/tabular.html reads)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for english, dutch in bilingual_texts(self._meta.model):
            if english in self.fields and dutch in self.fields:
                mark_needed_to_publish(self.fields[dutch], always=self.fields[english].required)

    def clean(self):
        cleaned = super().clean()

        def text_of(name: str) -> object:
            return cleaned.get(name) if name in self.fields else getattr(self.instance, name, "")

        if not text_of("published"):
            return cleaned
        missing = missing_dutch(model=self._meta.model, text_of=text_of)
        for name in missing:
            if name in self.fields:
                self.add_error(name, _("Needed to publish."))
        if missing:
            self.add_error(None, missing_dutch_message(self._meta.model, missing))
        return cleaned


def mark_needed_to_publish(field: forms.Field, *, always: bool) -> None:
    """Tell the editor that publishing needs this Dutch field: always (its English twin is required), or once its
    English twin is filled in."""
    needed = _("Needed to publish.") if always else _("Needed to publish once the English text is filled in.")
    field.help_text = format_lazy("{} {}", field.help_text, needed) if field.help_text else needed
    if always:
        field.bound_field_class = NeededToPublishBoundField
        field.widget.attrs["class"] = " ".join(filter(None, (field.widget.attrs.get("class"), "needed-to-publish")))


def missing_dutch_message(model: type[models.Model], missing: list[str]) -> str:
    names = ", ".join(str(model._meta.get_field(name).verbose_name) for name in missing)
    return _(
        "To publish, fill in the Dutch texts too: %(fields)s. Or untick “Published” to save it unpublished for now."
    ) % {"fields": names}


class BilingualAdmin(TranslationAdmin):
    """English and Dutch fields side by side; saved in the default language whatever the editor's language.

    The original column of a translated field then always holds the English
    text, so its unique constraint is the one the form checks on the English field.
    A row is published only with its Dutch texts (:class:`PublishedNeedsDutchForm`), on its page and in the list.
    """

    form = PublishedNeedsDutchForm

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, **{"form": PublishedNeedsDutchForm, **kwargs})

    def save_model(self, request, obj, form, change) -> None:
        with override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change) -> None:
        with override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            super().save_formset(request, form, formset, change)


class PublishActionsMixin:
    """Bulk publish/unpublish for editors with change rights; changes go through catalog.services."""

    actions = ("publish_selected", "unpublish_selected")

    def get_fields(self, request, obj=None):
        """The texts first, then the place in the list and whether it is published (``catalog.models.Publishable``
        defines those two first)."""
        last = ("order", "published")
        return [*(field for field in super().get_fields(request, obj) if field not in last), *last]

    def publish_rows(self, *, queryset, published: bool, user) -> int:
        """The service that publishes or hides the rows; returns how many changed."""
        return set_published(queryset=queryset, published=published, user=user)

    def _set_published(self, request, queryset, published: bool) -> None:
        if published:
            queryset = self._with_dutch(request, queryset)
        changed = self.publish_rows(queryset=queryset, published=published, user=request.user)
        if published:
            message = ngettext("%(count)d item published.", "%(count)d items published.", changed)
        else:
            message = ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", changed)
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)

    def _with_dutch(self, request, queryset):
        """The rows that may be published; the editor is told which ones lack Dutch texts and stay as they were."""
        lacking = [row for row in queryset if missing_dutch(model=queryset.model, text_of=partial(getattr, row))]
        if lacking:
            names = ", ".join(str(row) for row in lacking)
            message = _("Not published, as their Dutch texts are missing: %(rows)s.") % {"rows": names}
            self.message_user(request, message, messages.WARNING)
        return queryset.exclude(pk__in=[row.pk for row in lacking])

    @admin.action(description=_("Publish selected"), permissions=("change",))
    def publish_selected(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description=_("Unpublish selected"), permissions=("change",))
    def unpublish_selected(self, request, queryset):
        self._set_published(request, queryset, False)


class ToolCountMixin:
    """A sortable "tools" column: how many tools a row leads to (``tool_relation``), counted in the list's one query.
    The annotated (grouped) query drops Meta.ordering, so an admin with this column sets ``ordering`` itself."""

    tool_relation = "tools"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(tool_count=Count(self.tool_relation))

    @admin.display(description=_("tools"), ordering="tool_count")
    def tool_count(self, obj) -> int:
        return obj.tool_count


@admin.register(Category)
class CategoryAdmin(ToolCountMixin, PublishActionsMixin, BilingualAdmin):
    list_display = ("name", "slug", "kind", "tool_count", "order", "published")
    ordering = ("order", "name")  # explicit: see ToolCountMixin
    list_editable = ("order",)
    list_filter = ("kind", "published")
    search_fields = ("name_en", "name_nl", "slug", "description_en", "description_nl")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("name",)}

    def view_on_site(self, obj: Category) -> str:
        return f"{reverse('catalog:tool-list')}?category={obj.slug}"


@admin.register(Keyword)
class KeywordAdmin(ToolCountMixin, BilingualAdmin):
    list_display = ("name", "slug", "tool_count")
    ordering = (Lower("name"),)  # explicit: see ToolCountMixin
    search_fields = ("name_en", "name_nl", "slug")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("name",)}

    def view_on_site(self, obj: Keyword) -> str:
        return f"{reverse('catalog:tool-list')}?keyword={obj.slug}"


def import_file_problem(*, import_format, content: bytes) -> str | None:
    """What keeps the import from reading the file in the chosen format, in the editor's words (None when nothing
    does): django-import-export names only the Python exception, and reads a JSON file chosen as CSV as one header.

    A text format is read as UTF-8 (``ImportMixin.from_encoding``, a spreadsheet's byte order mark allowed); a NUL
    is UTF-8 too, but no text file holds one. A JSON import is a list of rows, as the export writes it.
    """
    if import_format.is_binary():
        return None
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or "\x00" in text:
        return _("The file is not UTF-8 text. Save it as UTF-8 (a spreadsheet calls it “CSV UTF-8”) and try again.")
    try:
        is_json_rows = isinstance(json.loads(text), list)
    except ValueError:
        is_json_rows = False
    if isinstance(import_format, JSON) and not is_json_rows:
        return _("The file is not valid JSON: choose the format it is in (CSV or JSON) and try again.")
    if not isinstance(import_format, JSON) and is_json_rows:
        return _("The file is JSON, not CSV: choose JSON as the format and try again.")
    return None


class LabelledExportForm(SelectableFieldsExportForm):
    """The export page's choice of columns, each named by its resource (``WholeFileResource.field_label``) as the
    admin names the field, in the reader's language: the library titles the column's code ("Summary En")."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        for resource in resources:
            for field_name in resource().get_export_order():
                self.fields[self.create_boolean_field_name(resource, field_name)].label = resource.field_label(
                    field_name
                )


class ImportFileForm(ImportForm):
    """The admin's import form, refusing in the editor's words a file the import could not read.

    Files count towards no request limit and are read whole into memory: the body limit applies to them too.
    """

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.import_formats = formats

    def clean_import_file(self):
        import_file = self.cleaned_data["import_file"]
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if import_file.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(size)s; split it into smaller files.") % {"size": filesizeformat(limit)}
            )
        return import_file

    def clean(self):
        cleaned_data = super().clean()
        import_file, chosen = cleaned_data.get("import_file"), cleaned_data.get("format")
        if import_file and chosen:
            content = import_file.read()
            import_file.seek(0)
            problem = import_file_problem(import_format=self.import_formats[int(chosen)](), content=content)
            if problem:
                self.add_error("import_file", problem)
        return cleaned_data


class ToolPhraseInline(admin.TabularInline):
    """The words that tell a vacancy asks for the tool, besides its name."""

    model = ToolPhrase
    extra = 1
    fields = ("text", "language")


@admin.register(Tool)
class ToolAdmin(PublishActionsMixin, ImportExportModelAdmin, RowKeysHistoryAdmin, BilingualAdmin):
    # Beside the navigation and the filters a 1280 px screen leaves about 680 pixels for the table: whether a tool
    # is optional is a filter, and its page opens it on the site ("View on site"), so neither is a column.
    list_display = ("name", "category", "tool_type", "published", "order", "updated_at")
    list_filter = ("category", "tool_type", "published", "is_optional")
    list_select_related = ("category",)
    search_fields = ("name", "slug", "summary_en", "summary_nl")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("name",)}
    autocomplete_fields = ("category", "keywords", "related_tools")
    formfield_overrides: ClassVar[dict] = {models.URLField: {"assume_scheme": "https"}}
    resource_classes = (ToolResource,)
    import_form_class = ImportFileForm
    export_form_class = LabelledExportForm
    import_formats = (SpreadsheetSafeCSV, JSON)
    export_formats = (SpreadsheetSafeCSV, JSON, SpreadsheetSafeXLSX)
    history_list_display = ("published",)
    inlines = (ToolPhraseInline,)
    fieldsets = (
        (None, {"fields": ("name", "slug", "category", "tool_type", "summary", "is_optional", "order", "published")}),
        (_("Content"), {"fields": TOOL_CONTENT}),
        (_("Links and relations"), {"fields": ("website_url", "docs_url", "keywords", "related_tools")}),
    )


@admin.register(ToolPhrase)
class ToolPhraseAdmin(ImportExportModelAdmin):
    """All tools' vacancy phrases in one list, for import and export; each tool's page edits its own."""

    list_display = ("text", "tool", "language")
    list_filter = ("language", "tool")
    list_select_related = ("tool",)
    search_fields = ("text", "tool__name")
    autocomplete_fields = ("tool",)
    resource_classes = (ToolPhraseResource,)
    import_form_class = ImportFileForm
    export_form_class = LabelledExportForm
    import_formats = (SpreadsheetSafeCSV, JSON)
    export_formats = (SpreadsheetSafeCSV, JSON, SpreadsheetSafeXLSX)


class ChooserRecommendationInline(TranslationTabularInline):
    model = ChooserRecommendation
    extra = 1
    fields = ("tool", "reason", "order")
    autocomplete_fields = ("tool",)


@admin.register(ChooserOption)
class ChooserOptionAdmin(ToolCountMixin, PublishActionsMixin, BilingualAdmin):
    list_display = ("question", "slug", "tool_count", "order", "published")
    ordering = ("order", "question")  # explicit: see ToolCountMixin
    list_filter = ("published",)
    search_fields = ("question_en", "question_nl", "slug", "explanation_en", "explanation_nl")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("question",)}
    inlines = (ChooserRecommendationInline,)
    tool_relation = "recommendations"  # one recommended tool each

    def view_on_site(self, obj: ChooserOption) -> str:
        return f"{reverse('catalog:chooser')}?option={obj.slug}"


@admin.register(FaqEntry)
class FaqEntryAdmin(PublishActionsMixin, BilingualAdmin):
    list_display = ("question", "slug", "order", "published")
    list_editable = ("order",)
    list_filter = ("published",)
    search_fields = ("question_en", "question_nl", "answer_en", "answer_nl")
    prepopulated_fields: ClassVar[dict[str, tuple[str, ...]]] = {"slug": ("question",)}

    def view_on_site(self, obj: FaqEntry) -> str:
        return f"{reverse('catalog:faq')}#{obj.slug}"
