"""The one write of an engineer's item states ("learning now", "for later") and of the resources they did."""

from django.contrib.auth.models import AbstractBaseUser

from portal.cache.fragments import person_kind, touch
from skills.models import ChecklistItem, ItemState, Resource, ResourceDone


def set_item_state(*, user: AbstractBaseUser, item: ChecklistItem, state: str) -> ItemState | None:
    """Mark an item "learning now" or "for later"; an empty state clears the mark. The checklist, the learning path
    and the home show it (their cached fragments are renewed)."""
    if state:
        marked, _created = ItemState.objects.update_or_create(
            user=user, item=item, defaults={"state": ItemState.State(state)}
        )
    else:
        ItemState.objects.filter(user=user, item=item).delete()
        marked = None
    touch(person_kind(user.pk))
    return marked


def set_resource_done(*, user: AbstractBaseUser, resource: Resource, done: bool) -> None:
    """Mark a learning resource done, or not done again."""
    if done:
        ResourceDone.objects.get_or_create(user=user, resource=resource)
    else:
        ResourceDone.objects.filter(user=user, resource=resource).delete()
    touch(person_kind(user.pk))
