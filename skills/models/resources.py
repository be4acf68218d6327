"""Learning resources: what to learn a checklist item with, the learning path's next step."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models import public_tool_lookup
from skills.validators import http_url_validator


class ResourceQuerySet(models.QuerySet):
    def public(self) -> "ResourceQuerySet":
        """What the public pages show: external links, and catalog tools the public may see."""
        return self.filter(models.Q(tool__isnull=True) | public_tool_lookup("tool__"))


class Resource(models.Model):
    """Something to learn a checklist item with: a catalog tool or an external link; the learning path's next step."""

    class Kind(models.TextChoices):
        DOCS = "docs", _("Documentation")
        COURSE = "course", _("Course")
        EXERCISE = "exercise", _("Exercise")
        BOOK = "book", _("Book")

    item = models.ForeignKey("skills.ChecklistItem", on_delete=models.CASCADE, related_name="resources")
    tool = models.ForeignKey(
        "catalog.Tool",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="resources",
        verbose_name=_("catalog tool"),
        help_text=_("Either a tool from the catalog, or a link with a title below."),
    )
    title = models.CharField(_("title"), max_length=160, blank=True, help_text=_("For a link; a tool shows its name."))
    url = models.URLField(_("link"), max_length=500, blank=True, validators=[http_url_validator])
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DOCS)
    note = models.CharField(_("what it teaches"), max_length=240, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ("order", "id")
        constraints = (
            models.CheckConstraint(
                condition=(models.Q(tool__isnull=False) & models.Q(url=""))
                | (models.Q(tool__isnull=True) & ~models.Q(url="")),
                name="resource_is_a_tool_or_a_link",
            ),
            models.UniqueConstraint(fields=("item", "tool"), name="unique_tool_resource_per_item"),
        )
        verbose_name = _("learning resource")
        verbose_name_plural = _("learning resources")

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if bool(self.tool_id) == bool(self.url):
            raise ValidationError(_("Choose a catalog tool or enter a link, not both."))
        if self.url and not self.title:
            raise ValidationError({"title": _("A link needs a title.")})

    @property
    def label(self) -> str:
        return self.tool.name if self.tool_id else self.title

    @property
    def href(self) -> str:
        return self.tool.get_absolute_url() if self.tool_id else self.url

    @property
    def is_external(self) -> bool:
        return not self.tool_id
