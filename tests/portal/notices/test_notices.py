"""Notices: both sides of a contact request are told, in the portal and by email as each chose; the menu counts
what waits unread, the notices page shows them and marks them read."""

import re
from datetime import timedelta

import pytest
from django.contrib import admin
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.models import Notice, NoticePreference, PersonLanguage
from portal.notices.kinds import NoticeChannel, NoticeKind
from portal.notices.selectors import NOTICES_PER_PAGE
from portal.notices.services import notify
from recruiting.models import ContactRequest
from skills.privacy.personal_data import export_user_data
from skills.services.profiles import delete_account
from tests.clients import signed_in
from tests.factories import EditorFactory, EngineerProfileFactory, RecruiterFactory, UserFactory
from tests.jobs import queue_in_database, work_off_queue

pytestmark = pytest.mark.django_db

ENGINEER_EMAIL = "noor.private@example.com"
NOTICES = reverse("notices")


@pytest.fixture
def profile():
    user = UserFactory(email=ENGINEER_EMAIL, username=ENGINEER_EMAIL)
    return EngineerProfileFactory(user=user, visibility="recruiters", display_name="Noor Visser")


def ask_through_the_page(recruiter, profile, name="Rita Recruiter") -> ContactRequest:
    url = reverse("recruiting:contact-request", kwargs={"pk": profile.pk})
    data = {"name": name, "company": "Acme Data", "message": "Shall we talk about our lakehouse?"}
    assert signed_in(recruiter).post(url, data).status_code == 302
    return ContactRequest.objects.filter(recruiter=recruiter).latest("created_at")


def answer(engineer_client, contact, answer_with: str) -> None:
    url = reverse("recruiting:contact-answer", kwargs={"pk": contact.pk})
    assert engineer_client.post(url, {"answer": answer_with}).status_code == 302


def mail_jobs() -> int:
    return DBTaskResult.objects.filter(task_path="portal.jobs.mail.send_email").count()


def test_every_contact_email_is_queued_by_the_request_and_sent_by_the_mail_job(settings, profile):
    queue_in_database(settings)
    rita = RecruiterFactory(email="rita@acme.example")
    bob = RecruiterFactory(email="bob@bytes.example")
    PersonLanguage.objects.create(user=rita, language="nl")  # each is written to in their own language
    engineer = signed_in(profile.user)

    first = ask_through_the_page(rita, profile)
    answer(engineer, first, "accept")
    withdraw = reverse("recruiting:contact-withdraw", kwargs={"pk": first.pk})
    assert engineer.post(withdraw).status_code == 302
    second = ask_through_the_page(bob, profile, name="Bob Bytes")
    answer(engineer, second, "decline")

    assert mail.outbox == []  # no request talked to the mail server
    assert mail_jobs() == 5
    work_off_queue()
    sent = [(message.to[0], message.subject) for message in mail.outbox]
    assert sent == [
        (ENGINEER_EMAIL, "[DE skills] Rita Recruiter of Acme Data would like to get in touch"),
        ("rita@acme.example", "[DE skills] Kandidaat Noor Visser heeft je contactverzoek geaccepteerd"),
        ("rita@acme.example", f"[DE skills] Kandidaat {profile.pseudonym} heeft de acceptatie ingetrokken"),
        (ENGINEER_EMAIL, "[DE skills] Bob Bytes of Acme Data would like to get in touch"),
        ("bob@bytes.example", f"[DE skills] Candidate {profile.pseudonym} declined your contact request"),
    ]  # fmt: skip
    accepted = mail.outbox[1].body
    assert f"/recruiting/candidates/{profile.pk}/" in accepted  # named: she accepted, so Rita sees her name
    assert "Noor Visser" not in mail.outbox[2].body  # withdrawn: the name is hidden again
    assert "Shall we talk about our lakehouse?" in mail.outbox[0].body


def test_the_mail_is_queued_only_once_the_request_commits(settings, profile, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # on commit, as in production
    recruiter = RecruiterFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ask_through_the_page(recruiter, profile)
    assert mail_jobs() == 0 and Notice.objects.count() == 1
    for callback in callbacks:
        callback()
    assert mail_jobs() == 1


@pytest.mark.parametrize(
    ("channel", "notice", "email"),
    [(NoticeChannel.EMAIL, False, True), (NoticeChannel.PORTAL, True, False), (NoticeChannel.BOTH, True, True)],
)
def test_each_person_is_told_the_way_they_chose(profile, channel, notice, email):
    recruiter = RecruiterFactory(email="rita@acme.example")
    choices = {
        "contact_accepted": channel,
        **dict.fromkeys(("contact_declined", "contact_withdrawn", "search_published"), "both"),
    }
    assert signed_in(recruiter).post(NOTICES, choices).status_code == 302
    engineer = signed_in(profile.user)
    assert engineer.post(NOTICES, {"contact_requested": channel}).status_code == 302

    contact = ask_through_the_page(recruiter, profile)
    answer(engineer, contact, "accept")

    told_in_portal = {
        kind: Notice.objects.filter(kind=kind).exists()
        for kind in (NoticeKind.CONTACT_REQUESTED, NoticeKind.CONTACT_ACCEPTED)
    }
    assert told_in_portal == {NoticeKind.CONTACT_REQUESTED: notice, NoticeKind.CONTACT_ACCEPTED: notice}
    emailed = sorted(message.to[0] for message in mail.outbox)
    assert emailed == (sorted([ENGINEER_EMAIL, "rita@acme.example"]) if email else [])


def test_the_choices_offered_are_the_persons_kinds_and_a_wrong_one_is_refused(profile):
    engineer = signed_in(profile.user)
    assert list(engineer.get(NOTICES).context["form"].fields) == ["contact_requested"]
    recruiter = signed_in(RecruiterFactory())
    assert list(recruiter.get(NOTICES).context["form"].fields) == [
        "contact_accepted", "contact_declined", "contact_withdrawn", "search_published",
    ]  # fmt: skip
    response = engineer.post(NOTICES, {"contact_requested": "carrier-pigeon"})
    assert response.status_code == 400
    assert not NoticePreference.objects.exists()
    assert signed_in(EditorFactory()).get(NOTICES).status_code == 200  # nothing to choose, nothing shown


def unread_badge(client) -> str | None:
    html = client.get(reverse("account-menu")).content.decode()
    marker = '<span class="badge rounded-pill text-bg-warning nav-notices-count">'
    if marker not in html:
        return None
    return html.split(marker, 1)[1].split("<", 1)[0]


def tell(user, count: int, about=None) -> None:
    for number in range(count):
        notify(
            recipient=user,
            about=about,
            kind=NoticeKind.CONTACT_ACCEPTED,
            params={"candidate": f"Olive Plover {number}"},
            url=f"/recruiting/candidates/{number}/",
        )


def test_the_menu_counts_unread_notices_and_the_page_marks_those_it_shows_read(profile):
    recruiter = RecruiterFactory()
    tell(recruiter, NOTICES_PER_PAGE + 3)
    client = signed_in(recruiter)
    assert unread_badge(client) == str(NOTICES_PER_PAGE + 3)

    assert client.head(NOTICES).status_code == 200
    assert unread_badge(client) == str(NOTICES_PER_PAGE + 3)  # a HEAD shows nothing: nothing is read
    first = client.get(NOTICES)
    assert "no-store" in first["Cache-Control"]
    assert len(first.context["unread"]) == NOTICES_PER_PAGE  # shown as new this once
    assert first.content.decode().count(">new</span>") == NOTICES_PER_PAGE
    assert "Candidate Olive Plover 22 accepted your contact request." in first.content.decode()
    assert unread_badge(client) == "3"
    client.get(NOTICES, {"page": 2})
    assert unread_badge(client) is None
    assert client.get(NOTICES).context["unread"] == set()
    assert client.get(NOTICES, {"page": "not-a-number"}).status_code == 200

    engineer = signed_in(profile.user)
    tell(profile.user, 1)
    assert unread_badge(engineer) == "1"
    header = engineer.get(reverse("account-menu")).content.decode().split('id="main-nav"', 1)[0]
    assert ">1 unread notice</a>" in header  # beside the folded menu's button on a phone, not inside the fold
    assert Notice.objects.filter(recipient=recruiter, read_at__isnull=True).count() == 0  # each their own


def test_answering_a_request_where_it_is_shown_marks_its_notice_read(profile):
    """A tester accepted from the profile page and the menu still said "1 unread notice" until /notices/."""
    first, other = ask_through_the_page(RecruiterFactory(), profile), ask_through_the_page(RecruiterFactory(), profile)
    engineer = signed_in(profile.user)
    assert unread_badge(engineer) == "2"
    answer(engineer, first, "accept")
    assert unread_badge(engineer) == "1"  # the other request's notice still waits
    answer(engineer, other, "decline")
    assert unread_badge(engineer) is None


def test_a_notice_reads_in_the_readers_language(profile):
    tell(profile.user, 1)
    html = signed_in(profile.user).get(NOTICES, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Kandidaat Olive Plover 0 heeft je contactverzoek geaccepteerd." in html


def notice_sentences(client, language: str = "en") -> list[str]:
    html = client.get(NOTICES, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    sentences = re.findall(r'<li class="border-bottom py-2 notice">\s*<p class="mb-1">(.*?)</p>', html, re.S)
    return [re.sub(r"<[^>]+>", "", sentence).removeprefix("new: ").removeprefix("nieuw: ") for sentence in sentences]


def test_the_engineers_notice_of_a_request_says_what_became_of_it(profile):
    rita, sam = RecruiterFactory(), RecruiterFactory()
    first = ask_through_the_page(rita, profile, name="Rita Recruiter")
    ask_through_the_page(sam, profile, name="Sam Sourcer")
    engineer = signed_in(profile.user)
    assert notice_sentences(engineer) == [
        "Sam Sourcer of Acme Data asks you for contact. It waits for your answer.",
        "Rita Recruiter of Acme Data asks you for contact. It waits for your answer.",
    ]

    answer(engineer, first, "decline")
    ContactRequest.objects.filter(recruiter=sam).update(created_at=timezone.now() - timedelta(days=15))
    assert notice_sentences(engineer) == [
        "Sam Sourcer of Acme Data asks you for contact. You did not answer it in time, so it counts as declined.",
        "Rita Recruiter of Acme Data asks you for contact. You declined it.",
    ]

    # Rita asks again once the decline is 30 days old: the old notice keeps its answer, the new one has its own.
    a_month_ago = timezone.now() - timedelta(days=31)
    ContactRequest.objects.update(created_at=a_month_ago - timedelta(days=1))
    ContactRequest.objects.filter(pk=first.pk).update(answered_at=a_month_ago)
    Notice.objects.filter(recipient=profile.user).update(created_at=a_month_ago)
    answer(engineer, ask_through_the_page(rita, profile, name="Rita Recruiter"), "accept")
    assert notice_sentences(engineer, "nl")[:2] == [
        "Rita Recruiter van Acme Data vraagt je om contact. Je hebt het geaccepteerd.",
        "Sam Sourcer van Acme Data vraagt je om contact. Je antwoordde niet op tijd, dus het telt als afgewezen.",
    ]


@pytest.mark.parametrize(("language", "said"), [("en", "new: Candidate"), ("nl", "nieuw: Kandidaat")])
def test_the_new_mark_is_set_off_from_the_sentence_as_text(profile, language, said):
    tell(profile.user, 1)
    html = signed_in(profile.user).get(NOTICES, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    sentence = re.search(r'<li class="border-bottom py-2 notice">\s*<p class="mb-1">(.*?)</p>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", sentence).startswith(f"{said} Olive Plover 0 ")


def notice_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum('"portal_notice"' in query["sql"] for query in queries.captured_queries)


@pytest.mark.parametrize("count", [1, 30])
def test_the_menu_count_is_one_query_on_a_cold_cache_and_none_after(count):
    recruiter = RecruiterFactory()
    tell(recruiter, count)
    client = signed_in(recruiter)
    assert notice_queries(client, reverse("account-menu")) == 1
    assert notice_queries(client, reverse("account-menu")) == 0  # from the cache
    assert unread_badge(client) == str(count)


@pytest.mark.parametrize("count", [1, 30])
def test_the_notices_page_runs_a_fixed_number_of_queries(django_assert_max_num_queries, count):
    recruiter = RecruiterFactory()
    tell(recruiter, count)
    client = signed_in(recruiter)
    client.get(reverse("account-menu"))  # the session and access records are warm, as on a second page
    # the session, the user, the choices, the page's count and rows, marking them read, the menu's count
    with django_assert_max_num_queries(9):
        response = client.get(NOTICES)
    assert len(response.context["notices"]) == min(count, NOTICES_PER_PAGE)


@pytest.mark.parametrize("count", [1, 12])
def test_an_engineers_notices_page_says_each_requests_answer_in_a_fixed_number_of_queries(
    django_assert_max_num_queries, profile, count
):
    for number in range(count):
        recruiter = RecruiterFactory()
        ContactRequest.objects.create(
            recruiter=recruiter,
            profile=profile,
            recruiter_name=f"Rita {number}",
            recruiter_company="Acme",
            message="Hi",
        )
        notify(
            recipient=profile.user,
            about=recruiter,
            kind=NoticeKind.CONTACT_REQUESTED,
            params={"recruiter": f"Rita {number}", "company": "Acme"},
            email_params={"message": "Hi", "reveals_name": True},
            url="/skills/profile/",
        )
    client = signed_in(profile.user)
    client.get(reverse("account-menu"))  # the session and access records are warm, as on a second page
    # as a recruiter's page (above), and one query for the requests' answers
    with django_assert_max_num_queries(10):
        response = client.get(NOTICES)
    assert response.content.decode().count("It waits for your answer.") == count


def test_deleting_the_other_persons_account_deletes_the_notice_about_them(profile):
    recruiter = RecruiterFactory()
    ask_through_the_page(recruiter, profile)
    assert Notice.objects.filter(recipient=profile.user, about=recruiter).count() == 1
    delete_account(user=recruiter)
    assert not Notice.objects.exists()


def test_editors_get_no_admin_view_of_notices():
    assert not admin.site.is_registered(Notice) and not admin.site.is_registered(NoticePreference)


def test_the_data_export_holds_ones_notices_and_choices(profile):
    tell(profile.user, 1)
    tell(RecruiterFactory(), 1)  # someone else's
    NoticePreference.objects.create(user=profile.user, kind=NoticeKind.CONTACT_REQUESTED, channel="portal")
    data = export_user_data(user=profile.user)
    assert [notice["text"] for notice in data["notices"]] == ["Candidate Olive Plover 0 accepted your contact request."]
    assert data["notice_choices"] == {"contact_requested": "portal"}
