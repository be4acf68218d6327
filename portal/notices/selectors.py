"""Reads of notices: the unread count in the menu (cached per person), a page of them, and one's preferences."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.core.paginator import Page, Paginator

from portal.models import Notice, NoticePreference
from portal.notices.kinds import DEFAULT_CHANNEL

NOTICES_PER_PAGE = 20
UNREAD_SECONDS = 10 * 60


def unread_key(user_id: int) -> str:
    return f"notices:unread:{user_id}"


def unread_count(*, user: AbstractBaseUser) -> int:
    """How many notices wait unread: from the cache, else one indexed count (the services drop the entry)."""
    key = unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notice.objects.filter(recipient=user, read_at__isnull=True).count()
        cache.set(key, count, UNREAD_SECONDS)
    return count


def notices_page(*, user: AbstractBaseUser, number: object) -> Page:
    """One page of the person's notices, newest first; a page number past the end gives the last page."""
    notices = Notice.objects.filter(recipient=user).only("kind", "about", "params", "url", "created_at", "read_at")
    return Paginator(notices, NOTICES_PER_PAGE).get_page(number)


def channels_of(*, user: AbstractBaseUser) -> dict[str, str]:
    """The person's choice per kind; a kind they never chose for is absent (``DEFAULT_CHANNEL`` applies)."""
    return dict(NoticePreference.objects.filter(user=user).values_list("kind", "channel"))


def channel_for(*, user: AbstractBaseUser, kind: str) -> str:
    return channels_of(user=user).get(kind, DEFAULT_CHANNEL)
