"""The recruiter's outreach overview: counted by a job from their own contact requests, per role of their
shortlists; the page reads the stored rows only."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recruiting.models import ContactRequest, OutreachSummary, ShortlistEntry, Stage
from recruiting.services.contacts import answer_contact_request, send_contact_request, withdraw_acceptance
from recruiting.services.outreach import recount_outreach
from tests.clients import DUTCH
from tests.factories import (
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

STATUSES = [choice.value for choice in ContactRequest.Status]


def request_to(profile, recruiter, *, status, waited_hours=None, age_days=1):
    created = timezone.now() - timedelta(days=age_days)
    return ContactRequest.objects.create(
        recruiter=recruiter, profile=profile, recruiter_name="Rita", recruiter_company="Acme", message="Hi",
        status=status, created_at=created,
        answered_at=None if waited_hours is None else created + timedelta(hours=waited_hours),
    )  # fmt: skip


def overview_of(recruiter) -> dict:
    return {row.role_id: row for row in OutreachSummary.objects.filter(recruiter=recruiter)}


def test_a_contact_request_queues_the_count_for_its_recruiter():
    recruiter = RecruiterFactory()
    request_to(EngineerProfileFactory(visibility="recruiters"), recruiter, status="accepted", waited_hours=5)
    total = overview_of(recruiter)[None]  # the tests' immediate backend runs the job at once
    assert (total.sent, total.accepted, total.declined, total.median_answer_seconds) == (1, 1, 0, 5 * 3600)


def test_an_answer_stamped_before_its_request_counts_as_an_instant_answer_not_a_failed_count():
    """Two web servers whose clocks differ by a few seconds can stamp an answer before its request: the count still
    runs (the median cannot go below zero) and the request counts as answered at once."""
    recruiter = RecruiterFactory()
    request_to(EngineerProfileFactory(), recruiter, status="accepted", waited_hours=-0.001)
    total = overview_of(recruiter)[None]
    assert (total.sent, total.accepted, total.median_answer_seconds) == (1, 1, 0)


def test_counts_per_role_follow_the_shortlists_for_that_role():
    recruiter = RecruiterFactory()
    role = RoleFactory(published=True)
    shortlisted, other = EngineerProfileFactory(), EngineerProfileFactory()
    ShortlistEntryFactory(shortlist=ShortlistFactory(recruiter=recruiter, role=role), profile=shortlisted)
    request_to(shortlisted, recruiter, status="declined", waited_hours=2)
    request_to(other, recruiter, status="accepted", waited_hours=4)
    rows = overview_of(recruiter)
    assert (rows[role.pk].sent, rows[role.pk].declined, rows[role.pk].median_answer_seconds) == (1, 1, 7200)
    assert (rows[None].sent, rows[None].accepted, rows[None].declined) == (2, 1, 1)


def overview_cells(client, **headers) -> dict[str, str]:
    """The total row of the overview page, as label → number."""
    page = client.get(reverse("recruiting:overview"), **headers).content.decode()
    row = page.split('<th scope="row">', 1)[1].split("</tr>", 1)[0]
    return dict(re.findall(r'data-label="([^"]+)">(\d+)</td>', row))


@pytest.mark.parametrize(
    ("headers", "accepted", "withdrawn"), [({}, "Accepted", "Withdrawn"), (DUTCH, "Geaccepteerd", "Ingetrokken")]
)
def test_an_acceptance_withdrawn_counts_as_withdrawn_not_as_accepted(client, headers, accepted, withdrawn):
    recruiter = RecruiterFactory()
    profile = EngineerProfileFactory(visibility="recruiters")
    contact = send_contact_request(
        recruiter=recruiter, profile=profile, message="Hi", name="Rita", company="Acme", answer_url="https://x.test/"
    )
    answer_contact_request(engineer=profile.user, contact_request=contact, accept=True)
    client.force_login(recruiter)
    assert overview_cells(client, **headers)[accepted] == "1"
    withdraw_acceptance(engineer=profile.user, contact_request=contact)
    cells = overview_cells(client, **headers)
    assert (cells[accepted], cells[withdrawn]) == ("0", "1")
    assert ShortlistEntry.objects.filter(profile=profile, stage=Stage.ACCEPTED).count() == 0


def test_another_recruiters_requests_never_count():
    recruiter, other = RecruiterFactory(), RecruiterFactory()
    request_to(EngineerProfileFactory(), other, status="accepted", waited_hours=1)
    recount_outreach(recruiter=recruiter)
    assert overview_of(recruiter)[None].sent == 0


def test_the_overview_page_reads_the_stored_rows_only(client, django_assert_max_num_queries):
    recruiter = RecruiterFactory()
    role = RoleFactory(published=True, title="Lakehouse lead")
    for _ in range(3):
        profile = EngineerProfileFactory()
        ShortlistEntryFactory(shortlist=ShortlistFactory(recruiter=recruiter, role=role), profile=profile)
        request_to(profile, recruiter, status="accepted", waited_hours=26)
    client.force_login(recruiter)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("recruiting:overview")).content.decode()
    assert "Lakehouse lead" in page and "All your requests" in page
    assert "1\xa0day, 2\xa0hours" in page  # the median wait, in words


def test_the_overview_shows_nothing_of_another_recruiter(client):
    other = RecruiterFactory()
    request_to(EngineerProfileFactory(), other, status="accepted", waited_hours=1)
    client.force_login(RecruiterFactory())
    assert "Your numbers appear here" in client.get(reverse("recruiting:overview")).content.decode()


request_rows = st.lists(
    st.tuples(
        st.sampled_from(STATUSES),
        st.one_of(st.none(), st.integers(min_value=0, max_value=500)),  # hours to the answer
        st.integers(min_value=0, max_value=40),  # days ago
        st.booleans(),  # the candidate is on the recruiter's shortlist for the role
    ),
    max_size=10,
)


def median_of(values: list[float]) -> float | None:
    values = sorted(values)
    if not values:
        return None
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=request_rows)
def test_the_overview_equals_a_count_over_the_contact_rows(rows):
    recruiter, stranger = RecruiterFactory(), RecruiterFactory()
    role = RoleFactory(published=True)
    shortlist = ShortlistFactory(recruiter=recruiter, role=role)
    for status, hours, days, on_role in rows:
        profile = EngineerProfileFactory(user=UserFactory(password=None))  # one open request per candidate
        if on_role:
            ShortlistEntryFactory(shortlist=shortlist, profile=profile)
        request_to(profile, recruiter, status=status, waited_hours=hours, age_days=days)
        request_to(profile, stranger, status=status, waited_hours=hours, age_days=days)
    recount_outreach(recruiter=recruiter)
    mine = ContactRequest.objects.filter(recruiter=recruiter)
    for role_id, counted in ((None, mine), (role.pk, mine.filter(profile__shortlist_entries__shortlist=shortlist))):
        row = (
            OutreachSummary.objects.get(recruiter=recruiter, role_id=role_id)
            if role_id is None or any(on_role for *_, on_role in rows)
            else None
        )
        if row is None:  # no candidate on the role's shortlist: no row for the role
            assert not OutreachSummary.objects.filter(recruiter=recruiter, role_id=role_id).exists()
            continue
        ignored = counted.filter(status="pending", created_at__lte=timezone.now() - timedelta(days=14))
        median = median_of(
            [
                (request.answered_at - request.created_at).total_seconds()
                for request in counted.exclude(status="pending").exclude(answered_at=None)
            ]
        )
        assert row.sent == counted.count()
        assert row.accepted == counted.filter(status="accepted").count()
        assert row.withdrawn == counted.filter(status="withdrawn").count()
        assert row.declined == counted.filter(status__in=("declined", "expired")).count() + ignored.count()
        assert row.median_answer_seconds == (None if median is None else round(median))
