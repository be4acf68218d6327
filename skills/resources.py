"""CSV/JSON import and export of the vacancy phrases of checklist items for editors (django-import-export).

One phrase per row: skill slug, item slug, phrase, language (en or nl). A file is imported whole or not at all;
a bad row is reported with its row number.
"""

from django.utils.translation import gettext as _
from import_export import fields, widgets

from catalog.resources import WholeFileResource
from skills.models import ChecklistItem, ItemPhrase


class ItemBySlugsWidget(widgets.ForeignKeyWidget):
    """A checklist item by its slug and the slug of its skill (the row's "skill" column)."""

    def __init__(self, **kwargs):
        super().__init__(ChecklistItem, field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        skill = str((row or {}).get("skill") or "").strip()
        slug = str(value or "").strip()
        try:
            return ChecklistItem.objects.select_related("skill").get(skill__slug=skill, slug=slug)
        except ChecklistItem.DoesNotExist:
            raise ValueError(
                _("There is no checklist item “%(item)s” under skill “%(skill)s”.") % {"item": slug, "skill": skill}
            ) from None


class ItemPhraseResource(WholeFileResource):
    skill = fields.Field(attribute="item__skill__slug", column_name="skill", readonly=True)
    item = fields.Field(attribute="item", column_name="item", widget=ItemBySlugsWidget())

    class Meta:
        model = ItemPhrase
        import_id_fields = ("item", "text")
        fields = ("skill", "item", "text", "language")
        export_order = fields

    def get_queryset(self):
        return ItemPhrase.objects.select_related("item__skill")
