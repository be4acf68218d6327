"""The portal's own jobs (Django's Tasks API)."""

from django_tasks import task

from portal.mail import send_queued_email


@task()
def send_email(*, message: dict, attempt: int = 1) -> None:
    send_queued_email(message=message, attempt=attempt)
