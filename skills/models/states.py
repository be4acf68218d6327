"""What an engineer marks besides a level: an item they are learning now or keep for later, and the learning
resources they have done."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from skills.models.checklist import ChecklistItem
from skills.models.resources import Resource


class ItemState(models.Model):
    """One engineer's plan for one checklist item; no row means no plan."""

    class State(models.TextChoices):
        LEARNING = "learning", _("learning now")
        LATER = "later", _("for later")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="item_states")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="states")
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("user", "item"), name="unique_item_state_per_user_item"),
            models.CheckConstraint(condition=models.Q(state__in=("learning", "later")), name="item_state_known"),
        )
        verbose_name = _("item state")
        verbose_name_plural = _("item states")

    def __str__(self) -> str:
        return f"{self.user} · {self.item}: {self.state}"


class ResourceDone(models.Model):
    """A learning resource one engineer marked done."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resources_done")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="done_by")
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (models.UniqueConstraint(fields=("user", "resource"), name="unique_resource_done_per_user"),)
        verbose_name = _("resource done")
        verbose_name_plural = _("resources done")

    def __str__(self) -> str:
        return f"{self.user} · {self.resource}"
