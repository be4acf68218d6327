"""E-mail that leaves through a job: the request renders the message, a worker hands it to SMTP.

Every e-mail of the portal goes this way, so no request ever waits on (or fails with) the mail server:
:func:`queue_email` for the portal's own messages, and :class:`QueuedEmailBackend` as the connection of
allauth's (``portal.accounts.adapter``). Each message is queued as plain data, and the ``send_email`` task sends
it through ``EMAIL_BACKEND``, retrying with backoff when the server refuses or is unreachable. This module
is the only one that imports ``django.core.mail`` (a test holds every other to it).
"""

import logging
import smtplib

from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task

from portal.jobs import lifecycle

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
    """Queues each message for the ``send_email`` job instead of sending it."""

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            lifecycle.enqueue(send_email, message=message_to_data(message), attempt=1)
        return len(email_messages)


def queue_email(*, subject: str, body: str, to: list[str]) -> None:
    """Queue a plain-text message from ``DEFAULT_FROM_EMAIL``; a subject is one line, whatever text went into it."""
    message = EmailMessage(subject=" ".join(subject.split()), body=body, to=to)
    QueuedEmailBackend().send_messages([message])


@task()
def send_email(*, message: dict, attempt: int = 1) -> None:
    send_queued_email(message=message, attempt=attempt)


def send_queued_email(*, message: dict, attempt: int) -> None:
    """The job: send one message through the configured backend; on an SMTP or network error, queue it again later."""
    try:
        get_connection(fail_silently=False).send_messages([message_from_data(message)])
    except (smtplib.SMTPException, OSError) as error:
        if attempt >= EMAIL_MAX_ATTEMPTS:
            logger.error("Gave up sending %r to %s after %s attempts", message["subject"], message["to"], attempt)
            raise
        delay = lifecycle.retry_delay(attempt)
        logger.warning("Sending %r failed (%r); retrying in %s", message["subject"], error, delay)
        lifecycle.enqueue(send_email, message=message, attempt=attempt + 1, delay=delay)
        raise lifecycle.Retrying from error


def take_over_email(*, message: dict, attempt: int = 1) -> None:
    """The worker sending this message died: send it again (it may arrive twice), up to EMAIL_MAX_ATTEMPTS. Queued
    in the sweep's transaction that marks the lost task failed: the message has no other record to be found by."""
    if attempt < EMAIL_MAX_ATTEMPTS:
        lifecycle.enqueue(send_email, message=message, attempt=attempt + 1, in_transaction=True)
    else:
        logger.error(
            "Gave up sending %r to %s: its workers were lost %s times", message["subject"], message["to"], attempt
        )
