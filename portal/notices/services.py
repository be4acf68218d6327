"""Writes of notices. :func:`notify` is the one way anyone is told anything: the notice in the portal and the email
(queued through ``portal.jobs.mail``, sent by the mail job once the transaction commits), as the recipient chose."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from portal.jobs.mail import queue_email
from portal.languages.selectors import language_of
from portal.models import Notice, NoticePreference
from portal.notices.kinds import NoticeKind, goes_by_email, notice_email, shows_in_portal
from portal.notices.selectors import channel_for, unread_key


def _forget_unread_count(user_id: int) -> None:
    """Drop the cached count now and again on commit, so no request in between caches the old one for long."""
    cache.delete(unread_key(user_id))
    transaction.on_commit(lambda: cache.delete(unread_key(user_id)))


def notify(
    *,
    recipient: AbstractBaseUser,
    kind: NoticeKind,
    params: dict,
    url: str,
    about: AbstractBaseUser | None = None,
    email_params: dict | None = None,
) -> Notice | None:
    """Tell ``recipient``: a notice in the portal, an email, or both, by their choice for this kind.

    ``params`` are the names the text mentions (plain strings); ``url`` is where to act, absolute, as the email
    needs it; ``email_params`` go into the email alone, never stored (a recruiter's message). The notice, if any, is
    returned. The email is in the recipient's language, whoever's request sends it.
    """
    channel = channel_for(user=recipient, kind=kind)
    params = {**params, "url": url}
    notice = None
    if shows_in_portal(channel):
        notice = Notice.objects.create(recipient=recipient, about=about, kind=kind, params=params, url=url)
        _forget_unread_count(recipient.pk)
    if goes_by_email(channel) and recipient.email:
        with translation.override(language_of(user=recipient)):
            subject, body = notice_email(kind, {**params, **(email_params or {})})
        queue_email(subject=subject, body=body, to=[recipient.email])
    return notice


def mark_read(*, user: AbstractBaseUser, notices: list[Notice]) -> int:
    """Mark these of the person's notices read (the ones they have just seen); how many were unread."""
    unread = [notice.pk for notice in notices if notice.read_at is None]
    return _mark_read(user=user, notices=Notice.objects.filter(pk__in=unread)) if unread else 0


def mark_read_about(*, user: AbstractBaseUser, about: AbstractBaseUser, kind: str) -> int:
    """Mark read the person's notices of ``kind`` about ``about``: they acted on what those told (answered the
    request), wherever they did it, so the menu does not keep counting them."""
    return _mark_read(user=user, notices=Notice.objects.filter(about=about, kind=kind))


def _mark_read(*, user: AbstractBaseUser, notices) -> int:
    marked = notices.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
    if marked:
        _forget_unread_count(user.pk)
    return marked


@transaction.atomic
def save_channels(*, user: AbstractBaseUser, channels: dict[str, str]) -> None:
    """Keep the person's choice per kind (email, portal or both)."""
    for kind, channel in channels.items():
        NoticePreference.objects.update_or_create(user=user, kind=kind, defaults={"channel": channel})
