"""The job queue's admin pages (django_tasks_db's task results) name a result by what it is, in the reader's
language: its task, its state and when it was queued, not "DBTaskResult object (<uuid>)"."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_tasks_db.models import DBTaskResult

from tests.clients import DUTCH, ENGLISH
from tests.factories import EditorFactory, RecruiterFactory, SuperuserFactory, UserFactory
from tests.jobs import queue_in_database

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued_email(client, settings) -> DBTaskResult:
    """A password-reset e-mail waiting on the queue."""
    queue_in_database(settings)
    client.post(reverse("account_reset_password"), {"email": UserFactory().email})
    return DBTaskResult.objects.get()


def shown(response) -> str:
    return " ".join(unescape(response.content.decode()).split())


@pytest.mark.parametrize(
    ("headers", "language", "label", "history"),
    [
        (ENGLISH, "en", "send_email: Ready, enqueued {when}", "Change history: {label}"),
        (DUTCH, "nl", "send_email: In de wachtrij, in de wachtrij gezet op {when}", "Wijzigingsgeschiedenis: {label}"),
    ],
)  # fmt: skip
def test_a_job_result_is_named_by_its_task_state_and_queuing_time(
    client, queued_email, headers, language, label, history
):
    client.force_login(SuperuserFactory())
    with translation.override(language):
        label = label.format(when=date_format(timezone.localtime(queued_email.enqueued_at), "SHORT_DATETIME_FORMAT"))
    change = shown(
        client.get(reverse("admin:django_tasks_database_dbtaskresult_change", args=[queued_email.pk]), **headers)
    )
    assert re.search(rf"<title>{re.escape(label)} \|", change)  # the browser tab
    assert f"<h2>{label}</h2>" in change  # the heading
    assert f"&rsaquo; {label} </div>" in change.replace("›", "&rsaquo;")  # the breadcrumbs
    page = shown(
        client.get(reverse("admin:django_tasks_database_dbtaskresult_history", args=[queued_email.pk]), **headers)
    )
    assert f"<h1>{history.format(label=label)}</h1>" in page
    assert f">{label}</a> &rsaquo;" in page.replace("›", "&rsaquo;")
    assert "DBTaskResult object" not in change + page


def heading(response) -> str:
    return re.search(r"<h1>(.*?)</h1>", shown(response)).group(1)


def test_a_job_results_pages_read_in_the_readers_language_in_sentence_case(client, queued_email):
    """The library names its model "Task Result": in English the pages say "View task result", as they say "View
    tool", and in Dutch "Taakresultaat weergeven"."""
    client.force_login(SuperuserFactory())
    change = reverse("admin:django_tasks_database_dbtaskresult_change", args=[queued_email.pk])
    changelist = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    assert heading(client.get(change, **ENGLISH)) == "View task result"
    assert heading(client.get(change, **DUTCH)) == "Taakresultaat weergeven"
    assert heading(client.get(changelist, **ENGLISH)) == "Select task result to view"
    assert heading(client.get(changelist, **DUTCH)) == "Selecteer taakresultaat om te bekijken"
    pages = [
        client.get(url, **headers)
        for url in (change, changelist, reverse("admin:index"))
        for headers in (ENGLISH, DUTCH)
    ]
    assert not [page.request["PATH_INFO"] for page in pages if "Task Result" in shown(page)]


@pytest.mark.parametrize(("staff", "status"), [(EditorFactory, 403), (RecruiterFactory, 302)])
def test_editors_and_recruiters_never_open_a_queued_email_nor_see_the_queue(client, queued_email, staff, status):
    """A queued email holds its recipient's address and, for a password reset, the link: editors see content, never
    people (refused), and recruiters have no admin at all (sent to its login)."""
    client.force_login(staff())
    address = queued_email.args_kwargs["kwargs"]["message"]["to"][0]
    for url in (
        reverse("admin:django_tasks_database_dbtaskresult_change", args=[queued_email.pk]),
        reverse("admin:django_tasks_database_dbtaskresult_changelist"),
        reverse("admin:django_tasks_database_dbtaskresult_history", args=[queued_email.pk]),
    ):
        response = client.get(url, **DUTCH)
        assert response.status_code == status, url
        assert address not in response.content.decode()
    index = shown(client.get(reverse("admin:index"), **DUTCH))
    assert "Taakresultaten" not in index and "Achtergrondtaken" not in index
