"""An engineer's item states and resources done, read the way the checklist, learning path and home show them."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from skills.models import ChecklistItem, ItemState, ResourceDone


def item_states(*, user: AbstractBaseUser) -> dict[int, str]:
    """Each marked item's state, per item id."""
    return dict(ItemState.objects.filter(user=user).values_list("item_id", "state"))


def state_of_item(*, user: AbstractBaseUser, item_id: int) -> str:
    """One item's state, "" when unmarked."""
    return ItemState.objects.filter(user=user, item_id=item_id).values_list("state", flat=True).first() or ""


def done_resource_ids(*, user: AbstractBaseUser) -> frozenset[int]:
    return frozenset(ResourceDone.objects.filter(user=user).values_list("resource_id", flat=True))


def learning_now(*, user: AbstractBaseUser) -> QuerySet[ItemState]:
    """The items the engineer is learning now, in checklist order, for the home."""
    return (
        ItemState.objects.filter(user=user, state=ItemState.State.LEARNING, item__in=ChecklistItem.objects.published())
        .select_related("item__skill")
        .order_by("item__skill__growth_stage", "item__skill__order", "item__order", "item__name")
    )
