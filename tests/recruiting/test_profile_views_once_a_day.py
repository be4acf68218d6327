"""A recruiter's views of one profile on one day (the portal's time zone) are one row, and the database holds that
rule: two first views of the day arriving together store one row, and both pages still answer."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from recruiting.models import ProfileView
from tests.factories import EngineerProfileFactory, RecruiterFactory, UserFactory

pytestmark = pytest.mark.django_db

BEFORE_THE_RULE = [("recruiting", "0015_accepted_again_without_withdrawal")]

# Another request's first view of the day, written just after this request looked for one and found none: a
# trigger inserts it right before this request's own insert, as the twin request's would land in that gap.
TWIN_REQUEST_SQL = {
    "sqlite": [
        """CREATE TEMP TRIGGER twin_request BEFORE INSERT ON skills_profileview
        WHEN NOT EXISTS (SELECT 1 FROM skills_profileview WHERE recruiter_id = NEW.recruiter_id
                         AND profile_id = NEW.profile_id)
        BEGIN
          INSERT INTO skills_profileview (recruiter_id, profile_id, viewed_at)
          VALUES (NEW.recruiter_id, NEW.profile_id, NEW.viewed_at);
        END""",
    ],
    "postgresql": [
        """CREATE FUNCTION twin_request() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM skills_profileview WHERE recruiter_id = NEW.recruiter_id
                         AND profile_id = NEW.profile_id) THEN
            INSERT INTO skills_profileview (recruiter_id, profile_id, viewed_at)
            VALUES (NEW.recruiter_id, NEW.profile_id, NEW.viewed_at);
          END IF;
          RETURN NEW;
        END $$""",
        # Not again for the twin's own insert (SQLite's triggers do not fire themselves by default).
        """CREATE TRIGGER twin_request BEFORE INSERT ON skills_profileview
        FOR EACH ROW WHEN (pg_trigger_depth() < 1) EXECUTE FUNCTION twin_request()""",
    ],
}
NO_TWIN_SQL = {
    "sqlite": ["DROP TRIGGER IF EXISTS twin_request"],
    "postgresql": ["DROP TRIGGER IF EXISTS twin_request ON skills_profileview", "DROP FUNCTION IF EXISTS twin_request"],
}


@pytest.fixture
def twin_request():
    """Every first view of the day meets a twin request's view of the same profile, stored a moment before."""
    with connection.cursor() as cursor:
        for statement in TWIN_REQUEST_SQL[connection.vendor]:
            cursor.execute(statement)
    yield
    with connection.cursor() as cursor:
        for statement in NO_TWIN_SQL[connection.vendor]:
            cursor.execute(statement)


@pytest.fixture
def visible():
    return EngineerProfileFactory(user=UserFactory(password=None), visibility="recruiters")


def test_two_first_views_of_the_day_at_the_same_moment_store_one_row_and_the_page_answers(
    client, visible, twin_request
):
    recruiter = RecruiterFactory()
    client.force_login(recruiter)
    response = client.get(reverse("recruiting:candidate-detail", kwargs={"pk": visible.pk}))
    assert response.status_code == 200
    assert ProfileView.objects.filter(recruiter=recruiter, profile=visible).count() == 1


def test_the_database_refuses_a_second_view_of_a_profile_by_one_recruiter_on_one_day_of_the_portal(visible):
    """The day is Amsterdam's: 23:30 and 00:30 there are two days, though one day in UTC (winter, UTC+1)."""
    recruiter = RecruiterFactory()
    ProfileView.objects.create(recruiter=recruiter, profile=visible, viewed_at=datetime(2026, 1, 1, 8, 0, tzinfo=UTC))
    with pytest.raises(IntegrityError), transaction.atomic():
        ProfileView.objects.create(
            recruiter=recruiter, profile=visible, viewed_at=datetime(2026, 1, 1, 22, 29, tzinfo=UTC)
        )
    ProfileView.objects.create(recruiter=recruiter, profile=visible, viewed_at=datetime(2026, 1, 1, 23, 30, tzinfo=UTC))
    ProfileView.objects.create(
        recruiter=RecruiterFactory(), profile=visible, viewed_at=datetime(2026, 1, 1, 8, tzinfo=UTC)
    )
    assert ProfileView.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_views_stored_twice_on_one_day_before_the_rule_are_merged_into_the_latest(executor):
    recruiter = UserFactory(password=None)
    profile = EngineerProfileFactory(user=UserFactory(password=None))
    executor.migrate(BEFORE_THE_RULE)
    views = executor.loader.project_state(BEFORE_THE_RULE, at_end=True).apps.get_model("recruiting", "ProfileView")
    morning = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    for when in (morning, morning + timedelta(hours=3), morning + timedelta(hours=1), morning - timedelta(days=1)):
        views.objects.create(recruiter_id=recruiter.pk, profile_id=profile.pk, viewed_at=when)

    latest = MigrationExecutor(connection)
    latest.migrate(latest.loader.graph.leaf_nodes())

    assert sorted(ProfileView.objects.values_list("viewed_at", flat=True)) == [
        morning - timedelta(days=1),
        morning + timedelta(hours=3),
    ]
