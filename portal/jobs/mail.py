"""E-mail that leaves through a job: the request renders the message, a worker hands it to SMTP.

Every e-mail of the portal goes this way, so no request ever waits on (or fails with) the mail server:
:func:`queue_email` for the portal's own messages, and :class:`QueuedEmailBackend` as the connection of
allauth's (``portal.accounts.adapter``). Each message is queued as plain data, and the ``send_email`` task sends
it through ``EMAIL_BACKEND``, retrying with backoff when the server refuses or is unreachable, or the database
goes away while it sends. This module
is the only one that imports ``django.core.mail`` (a test holds every other to it).
"""

import logging
import smtplib
from datetime import datetime, timedelta
from typing import NoReturn

from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import DatabaseError, close_old_connections, transaction
from django.utils import timezone
from django_tasks import task

from portal.jobs import lifecycle
from portal.models import EmailDelivery

logger = logging.getLogger(__name__)

EMAIL_MAX_ATTEMPTS = 5


def message_to_data(message: EmailMessage) -> dict:
    """What the job needs to send the message again, as JSON (no attachments: account mail has none)."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(key): str(value) for key, value in message.extra_headers.items()},
        "content_subtype": message.content_subtype,
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }


def message_from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data.get("content_subtype", "plain")
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message for the ``send_email`` job instead of sending it, with its delivery row."""

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            delivery = EmailDelivery.objects.create()
            lifecycle.enqueue(send_email, message=message_to_data(message), attempt=1, delivery_id=delivery.pk)
        return len(email_messages)


def queue_email(*, subject: str, body: str, to: list[str]) -> None:
    """Queue a plain-text message from ``DEFAULT_FROM_EMAIL``; a subject is one line, whatever text went into it."""
    message = EmailMessage(subject=" ".join(subject.split()), body=body, to=to)
    QueuedEmailBackend().send_messages([message])


@task()
def send_email(
    *, message: dict, attempt: int = 1, delivery_id: int | None = None, accepted_at: str | None = None
) -> None:
    send_queued_email(message=message, attempt=attempt, delivery_id=delivery_id, accepted_at=accepted_at)


def send_queued_email(
    *, message: dict, attempt: int, delivery_id: int | None = None, accepted_at: str | None = None
) -> None:
    """The job: send one message through the configured backend, at most once after the server accepted it; on a
    passing error (SMTP, the network, the database: ``lifecycle.is_retryable``), queue it again later.

    The message's :class:`~portal.models.EmailDelivery` row is read under its lock before the send and marked after
    it, before the connection is closed: a retry, the worker that takes over a lost one, or a second
    worker finds it sent and skips it. The database failing at that read retries the message; failing at the mark,
    after the accept, queues only the mark (``accepted_at``), never the message. One window remains, between the
    server's accept and the commit of that mark: a worker killed there, or one whose mark fails and which then cannot
    write its task's outcome either (the database still away), leaves the message unmarked and its task running,
    and the sweep sends it again. A task queued before deliveries were recorded (no ``delivery_id``) is sent as it
    was.
    """
    this_attempt = {"message": message, "attempt": attempt, "delivery_id": delivery_id}
    if accepted_at is not None:  # only the mark is owed: the server accepted the message then
        _record_accept(**this_attempt, accepted_at=accepted_at)
        return
    try:
        to_send = delivery_id is None or _begin_sending(delivery_id=delivery_id)
    except DatabaseError as error:
        _try_again_later(error, **this_attempt)
    if not to_send:
        logger.info("%r to %s was sent already; not sending it again", message["subject"], message["to"])
        return
    connection = get_connection(fail_silently=False)
    try:
        connection.open()  # opened here, so sending leaves it open until the accept is recorded
        connection.send_messages([message_from_data(message)])
    except (smtplib.SMTPException, OSError) as error:
        _close_quietly(connection)
        _try_again_later(error, **this_attempt)
    try:
        if delivery_id is not None:
            _record_accept(**this_attempt, accepted_at=timezone.now().isoformat())
    finally:
        _close_quietly(connection)


def _begin_sending(*, delivery_id: int) -> bool:
    """Whether the delivery is still to be sent, read under its lock: False once sent (or forgotten, a week after)."""
    with transaction.atomic():
        return EmailDelivery.objects.select_for_update().filter(pk=delivery_id, sent_at=None).exists()


def _record_accept(*, message: dict, attempt: int, delivery_id: int, accepted_at: str) -> None:
    """Mark the delivery sent as of the server's accept (the row's lock, for its commit); on a passing database
    error, queue this mark again, never the message."""
    try:
        EmailDelivery.objects.filter(pk=delivery_id, sent_at=None).update(sent_at=datetime.fromisoformat(accepted_at))
    except DatabaseError as error:
        _try_again_later(error, message=message, attempt=attempt, delivery_id=delivery_id, accepted_at=accepted_at)


def _try_again_later(
    error: Exception, *, message: dict, attempt: int, delivery_id: int | None, accepted_at: str | None = None
) -> NoReturn:
    """End this attempt on ``error``: queue the next one after ``lifecycle.retry_delay`` when the error passes
    (``lifecycle.is_retryable``) and attempts are left, else fail with it. The next attempt sends the message, or
    with ``accepted_at`` only marks it sent.

    When the retry cannot be queued either (the database still away), the task fails with
    ``lifecycle.RetryNotQueued``, or stays running where even that cannot be written: the workers' sweep hands the
    message on in both cases, once the database is back. Not a mark's: handing that on would send the message again,
    so it fails with ``error`` (the message went out once; its row stays unmarked).
    """
    if not lifecycle.is_retryable(error):
        raise error
    what = f"{'Recording the accept of' if accepted_at else 'Sending'} {message['subject']!r} to {message['to']}"
    if attempt >= EMAIL_MAX_ATTEMPTS:
        logger.error("%s failed %s times; giving up: %r", what, attempt, error)
        raise error
    delay = lifecycle.retry_delay(attempt)
    logger.warning("%s failed (%r); retrying in %s", what, error, delay)
    try:
        _drop_broken_connections(error)
        _queue_next_attempt(
            message=message, attempt=attempt, delivery_id=delivery_id, accepted_at=accepted_at, delay=delay
        )
    except DatabaseError as queue_error:
        _drop_broken_connections(queue_error)
        logger.error("%s: its retry could not be queued either (%r)", what, queue_error)
        if accepted_at is not None:
            raise error  # noqa: B904 - the mark failed the task, not the queue
        raise lifecycle.RetryNotQueued from error
    raise lifecycle.Retrying from error


def _queue_next_attempt(
    *, message: dict, attempt: int, delivery_id: int | None, accepted_at: str | None, **when
) -> None:
    """Queue the attempt after ``attempt`` (``when``: ``lifecycle.enqueue``'s ``delay`` or ``in_transaction``)."""
    lifecycle.enqueue(
        send_email, message=message, attempt=attempt + 1, delivery_id=delivery_id, accepted_at=accepted_at, **when
    )


def _drop_broken_connections(error: Exception) -> None:
    """After a database error, close this thread's connections that no longer work, so the next write (the retry,
    the worker's record of this attempt) opens a new one instead of failing on the old. Never inside a transaction,
    which belongs to the caller."""
    if isinstance(error, DatabaseError) and not transaction.get_connection().in_atomic_block:
        close_old_connections()


def _close_quietly(connection) -> None:
    """Say goodbye to the server; a goodbye that fails costs nothing, the message was handed over (or was not)."""
    try:
        connection.close()
    except (smtplib.SMTPException, OSError) as error:
        logger.info("Closing the mail connection failed: %r", error)


def take_over_email(
    *, message: dict, attempt: int = 1, delivery_id: int | None = None, accepted_at: str | None = None
) -> None:
    """The worker sending this message died, or its retry could not be queued: send it again unless it was marked
    sent (a mark's task: mark it), up to EMAIL_MAX_ATTEMPTS. Queued in the sweep's transaction that marks the lost
    task failed: the message has no other record to be found by."""
    if attempt < EMAIL_MAX_ATTEMPTS:
        _queue_next_attempt(
            message=message, attempt=attempt, delivery_id=delivery_id, accepted_at=accepted_at, in_transaction=True
        )
    else:
        logger.error(
            "Gave up sending %r to %s: its workers were lost %s times", message["subject"], message["to"], attempt
        )


DELIVERIES_KEPT = timedelta(days=7)


def forget_old_deliveries() -> int:
    """The workers' timer: deliveries sent a week ago are forgotten, long after any retry or takeover could ask; one
    not sent yet stays however old, since its task may still wait (workers down for a week): without its row it would
    be taken for sent. None re-queued."""
    EmailDelivery.objects.filter(sent_at__lt=timezone.now() - DELIVERIES_KEPT).delete()
    return 0
