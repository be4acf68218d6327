"""Every e-mail leaves through a job: the request only queues it, a worker sends, SMTP errors are retried."""

import ast
import smtplib
from pathlib import Path

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.jobs.mail import EMAIL_MAX_ATTEMPTS
from recruiting.models import ContactRequest
from tests.factories import EngineerProfileFactory, RecruiterFactory, RoleFactory, RoleMatchFactory, UserFactory
from tests.jobs import queue_in_database, run_worker_batch, work_off_queue

pytestmark = pytest.mark.django_db


class RefusingBackend(BaseEmailBackend):
    """An SMTP server that answers every message with a temporary failure."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def ask_for_password_reset(client, email: str) -> None:
    response = client.post(reverse("account_reset_password"), {"email": email})
    assert response.status_code == 302


def test_the_reset_mail_is_queued_by_the_request_and_sent_by_the_job(client, settings):
    queue_in_database(settings)
    UserFactory(email="ada@example.com")
    ask_for_password_reset(client, "ada@example.com")
    assert mail.outbox == []  # the request did not talk to the mail server
    assert DBTaskResult.objects.filter(task_path="portal.jobs.mail.send_email").count() == 1
    work_off_queue()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.com"]
    assert message.subject.startswith("[DE skills] ")
    assert "/accounts/password/reset/key/" in message.body


def test_signup_verification_mail_arrives_once_the_job_ran(client, settings):
    queue_in_database(settings)
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "password1": "a-long-and-Unusual-42", "password2": "a-long-and-Unusual-42"},
    )
    assert response.status_code == 302
    assert mail.outbox == []
    work_off_queue()
    assert [message.to for message in mail.outbox] == [["new@example.com"]]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    # in the portal's own words, not allauth's "because user new@example.com has given your email address"
    assert "Someone, we hope you, signed up for DE skills as new@example.com." in mail.outbox[0].body
    assert "has given your email address" not in mail.outbox[0].body
    client.post(
        reverse("account_signup"),
        {"email": "nieuw@example.com", "password1": "a-long-and-Unusual-42", "password2": "a-long-and-Unusual-42"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    work_off_queue()
    assert "Iemand, hopelijk jij, heeft zich bij DE skills geregistreerd als nieuw@example.com." in mail.outbox[1].body


def test_an_smtp_failure_is_retried_later_then_the_mail_goes_out(client, settings):
    queue_in_database(settings)
    UserFactory(email="ada@example.com")
    ask_for_password_reset(client, "ada@example.com")
    settings.EMAIL_BACKEND = "tests.portal.test_mail_jobs.RefusingBackend"
    work_off_queue()
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > timezone.now()  # backoff: not before its time
    work_off_queue()
    assert mail.outbox == []  # still waiting
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    work_off_queue()
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_job_fails_for_the_operators_to_see(settings):
    from portal.jobs.mail import send_email

    queue_in_database(settings)
    settings.EMAIL_BACKEND = "tests.portal.test_mail_jobs.RefusingBackend"
    message = {
        "subject": "s", "body": "b", "from_email": "portal@localhost", "to": ["a@example.com"], "cc": [], "bcc": [],
        "reply_to": [], "headers": {}, "alternatives": [],
    }  # fmt: skip
    send_email.enqueue(message=message, attempt=EMAIL_MAX_ATTEMPTS)
    work_off_queue()
    result = DBTaskResult.objects.get()
    assert result.status == "FAILED"
    assert "SMTPServerDisconnected" in result.exception_class_path


@pytest.mark.django_db(transaction=True)
def test_a_real_db_worker_process_sends_the_queued_mail(client, settings):
    queue_in_database(settings)
    UserFactory(email="grace@example.com")
    ask_for_password_reset(client, "grace@example.com")
    output = run_worker_batch(EMAIL_HOST="")  # the worker's console backend prints what it sends
    assert "To: grace@example.com" in output
    assert "/accounts/password/reset/key/" in output
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)  # the e-mail is handed over when the request's transaction commits
def test_a_contact_request_succeeds_with_smtp_down_and_its_mail_goes_out_from_the_job(client, settings):
    queue_in_database(settings)
    settings.EMAIL_BACKEND = "tests.portal.test_mail_jobs.RefusingBackend"
    profile = EngineerProfileFactory(user=UserFactory(email="noor@example.com"), visibility="recruiters")
    RoleMatchFactory(profile=profile, role=RoleFactory(published=True), score=70)
    client.force_login(RecruiterFactory())
    url = reverse("recruiting:contact-request", kwargs={"pk": profile.pk})
    response = client.post(url, {"name": "Rita", "company": "Acme", "message": "Shall we talk?"})
    assert response.status_code == 302
    assert ContactRequest.objects.filter(profile=profile).count() == 1
    queued = DBTaskResult.objects.get(task_path="portal.jobs.mail.send_email")
    assert queued.args_kwargs["kwargs"]["message"]["to"] == ["noor@example.com"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    work_off_queue()
    assert [message.to for message in mail.outbox] == [["noor@example.com"]]
    assert "Shall we talk?" in mail.outbox[0].body


def test_only_the_mail_module_talks_to_djangos_mail_api():
    """Sending goes through portal.jobs.mail (queued) alone; any other module importing django.core.mail could send
    inside a request."""
    root = Path(__file__).resolve().parents[2]
    importers = set()
    for app in ("portal", "catalog", "skills", "recruiting", "api", "bench"):
        for path in (root / app).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [alias.name for alias in node.names]
                    if isinstance(node, ast.Import)
                    else []
                )
                if any(name == "django.core.mail" or name.startswith("django.core.mail.") for name in names):
                    importers.add(path.relative_to(root).as_posix())
    assert importers == {"portal/jobs/mail.py"}


def test_allauths_messages_are_queued_by_the_configured_adapter(settings):
    from allauth.account.adapter import get_adapter

    from portal.accounts.adapter import QueuedMailAccountAdapter

    assert isinstance(get_adapter(), QueuedMailAccountAdapter)
