"""CSV/JSON import and export of tools for editors (django-import-export).

A file is imported whole or not at all: every row is validated with the
model's own rules, a bad row is reported with its row number, and any error
rolls the whole import back.

Each text has an English and a Dutch column (``summary_en``, ``summary_nl``…).
Files from before the texts were bilingual name the English column without a
suffix (``summary``); such a column imports as the English text.

A published tool needs its Dutch texts, as on its admin page
(:func:`catalog.translation.missing_dutch`): a row that would leave a published
tool without one is refused, naming the columns to fill in; ``published`` 0
imports it unpublished.
"""

from functools import partial

from diff_match_patch import diff_match_patch
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext, gettext_lazy, ngettext
from import_export import fields, resources, widgets
from modeltranslation.fields import TranslationField

from catalog.models import Category, Keyword, Tool, ToolPhrase
from catalog.services import get_or_create_keywords
from catalog.translation import TOOL_TEXTS, missing_dutch

LIST_SEPARATOR = "|"
BILINGUAL_COLUMNS = tuple(f"{text}_{code}" for text in TOOL_TEXTS for code, _name in settings.LANGUAGES)


class BySlugWidget(widgets.ForeignKeyWidget):
    """A row by slug, with a readable error (``unknown``, given the slug) instead of DoesNotExist."""

    def __init__(self, model, *, unknown: str, **kwargs):
        super().__init__(model, field="slug", **kwargs)
        self.unknown = unknown

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row=row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(self.unknown % {"slug": value}) from None


DIFF_TAGS = {
    diff_match_patch.DIFF_INSERT: "ins",
    diff_match_patch.DIFF_DELETE: "del",
    diff_match_patch.DIFF_EQUAL: "span",
}


class PreviewDiff(resources.Diff):
    """What an import changes in a row, marked as the library marks it (<ins>, <del>, a line break as ¶) but without
    the inline colour diff-match-patch writes on each mark, which the portal's CSP refuses: admin.css colours them."""

    def as_html(self) -> list[SafeString]:
        matcher = diff_match_patch()
        line_break = format_html("{}<br>", "¶")
        cells = []
        for old, new in zip(self.left, self.right, strict=False):
            parts = matcher.diff_main("" if old != new and self.new else str(old), str(new))
            matcher.diff_cleanupSemantic(parts)
            marks = (
                (DIFF_TAGS[operation], format_html_join(line_break, "{}", ((line,) for line in text.split("\n"))))
                for operation, text in parts
                if text
            )
            cells.append(format_html_join("", "<{0}>{1}</{0}>", marks))
        return cells


class WholeFileResource(resources.ModelResource):
    """A file is imported whole or not at all: every row is checked with the model's own rules, in one transaction
    that invalid rows roll back too, not only errors (the library's default). Every import of the editors' goes
    through it."""

    class Meta:
        clean_model_instances = True
        use_transactions = True

    def import_data(self, dataset, *args, **kwargs):
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(dataset, *args, **kwargs)

    @classmethod
    def get_diff_class(cls):
        return PreviewDiff

    @classmethod
    def field_label(cls, field_name: str) -> str:
        """How the export page names a column: as the admin names the model field behind it, in the reader's
        language, with the language of a text kept in two ("One-line summary (English)"); a column holding a
        related row's key ("item__skill__slug") by its relation ("Skill"). The file keeps the column's code."""
        field = cls.fields[field_name]
        model, named = cls._meta.model, None
        try:
            for name in (field.attribute or field_name).split("__"):
                model_field = model._meta.get_field(name)
                if named is not None and not model_field.is_relation:
                    break
                named = model_field
                if not model_field.is_relation:
                    break
                model = model_field.related_model
        except FieldDoesNotExist:
            return capfirst(field_name.replace("_", " "))
        if isinstance(named, TranslationField):
            return gettext("%(field)s (%(language)s)") % {
                "field": capfirst(named.translated_field.verbose_name),
                "language": get_language_info(named.language)["name_translated"],
            }
        return capfirst(named.verbose_name)


class KeywordsWidget(widgets.ManyToManyWidget):
    """Vacancy keywords by name, separated by "|"; new names become new keywords."""

    def __init__(self, **kwargs):
        super().__init__(Keyword, separator=LIST_SEPARATOR, field="name", **kwargs)

    def clean(self, value, row=None, **kwargs):
        if not value:
            return []
        return get_or_create_keywords(names=str(value).split(self.separator))


class ToolResource(WholeFileResource):
    category = fields.Field(
        attribute="category",
        column_name="category",
        widget=BySlugWidget(Category, unknown=gettext_lazy("There is no category with slug “%(slug)s”.")),
    )
    keywords = fields.Field(attribute="keywords", column_name="keywords", widget=KeywordsWidget())
    # Related tools may point at rows further down the same file, so they are
    # checked per row but linked only once every row has been saved.
    related_tools = fields.Field(column_name="related_tools")

    class Meta:
        model = Tool
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "name",
            "category",
            "tool_type",
            *BILINGUAL_COLUMNS,
            "is_optional",
            "website_url",
            "docs_url",
            "keywords",
            "related_tools",
            "order",
            "published",
        )
        export_order = fields

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._slugs_in_file: set[str] = set()
        self._pending_related: list[tuple[Tool, list[str]]] = []

    def get_queryset(self):
        return Tool.objects.select_related("category").prefetch_related("keywords", "related_tools")

    def dehydrate_related_tools(self, tool: Tool) -> str:
        if tool.pk is None:
            return ""
        return LIST_SEPARATOR.join(sorted(other.slug for other in tool.related_tools.all()))

    @staticmethod
    def _current_column(header: str, headers: list[str]) -> str:
        """A text column without language suffix is the English text, unless the file has that column too."""
        english = f"{header}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
        return english if header in TOOL_TEXTS and english not in headers else header

    @staticmethod
    def _related_slugs(row) -> list[str]:
        value = row.get("related_tools") or ""
        return [slug.strip() for slug in str(value).split(LIST_SEPARATOR) if slug.strip()]

    def before_import(self, dataset, **kwargs):
        dataset.headers = [self._current_column(header, dataset.headers) for header in dataset.headers or ()]
        self._pending_related = []
        self._slugs_in_file = {str(slug).strip() for slug in dataset["slug"]} if "slug" in dataset.headers else set()

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        wanted = self._related_slugs(row)
        known = self._slugs_in_file | set(Tool.objects.filter(slug__in=wanted).values_list("slug", flat=True))
        unknown = [slug for slug in wanted if slug not in known]
        if unknown:
            errors["related_tools"] = [
                ValidationError(
                    ngettext("Unknown related tool: %(slugs)s.", "Unknown related tools: %(slugs)s.", len(unknown))
                    % {"slugs": ", ".join(unknown)}
                )
            ]
        for column, column_errors in self._published_without_dutch(instance).items():
            errors.setdefault(column, []).extend(column_errors)
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _published_without_dutch(tool: Tool) -> dict[str, list[ValidationError]]:
        """The errors of a row that leaves a published tool without a Dutch text, as the row would save it (columns
        the file lacks keep the tool's current texts)."""
        if not tool.published:
            return {}
        missing = missing_dutch(model=Tool, text_of=partial(getattr, tool))
        if not missing:
            return {}
        message = gettext(
            "A published tool needs its Dutch texts too: fill in %(columns)s, or set published to 0 to import it "
            "unpublished for now."
        ) % {"columns": ", ".join(missing)}
        return {
            NON_FIELD_ERRORS: [ValidationError(message)],
            **{column: [ValidationError(gettext("Needed to publish."))] for column in missing},
        }

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if "related_tools" in row:
            self._pending_related.append((instance, self._related_slugs(row)))

    def after_import(self, dataset, result, **kwargs):
        """Link related tools; a pair in the file is linked when either of its rows names the other.

        The relation is symmetrical, so taking the union keeps the outcome independent of row order.
        """
        if result.has_errors() or result.has_validation_errors():
            return
        wanted = {tool.slug: set(slugs) for tool, slugs in self._pending_related}
        for slug, others in list(wanted.items()):
            for other in list(others):
                if other in wanted:
                    wanted[other].add(slug)
        for tool, _slugs in self._pending_related:
            tool.related_tools.set(Tool.objects.filter(slug__in=wanted[tool.slug]).exclude(pk=tool.pk))


class ToolPhraseResource(WholeFileResource):
    """Vacancy phrases of tools, one per row: tool slug, phrase, language (en or nl); imported whole or not at all."""

    tool = fields.Field(
        attribute="tool",
        column_name="tool",
        widget=BySlugWidget(Tool, unknown=gettext_lazy("There is no tool with slug “%(slug)s”.")),
    )

    class Meta:
        model = ToolPhrase
        import_id_fields = ("tool", "text")
        fields = ("tool", "text", "language")
        export_order = fields

    def get_queryset(self):
        return ToolPhrase.objects.select_related("tool")
