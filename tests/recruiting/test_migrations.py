"""Moving shortlists and profile views from ``skills`` to ``recruiting`` changes no table and loses no row."""

from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from recruiting.models import ContactRequest, OutreachSummary, ProfileView, Shortlist, ShortlistEntry
from tests.factories import EngineerProfileFactory, ProfileViewFactory, ShortlistEntryFactory, UserFactory

BEFORE_MOVE = [("skills", "0006_rolematch_profile_visible"), ("recruiting", None)]
LAST_SKILLS_STATE_BEFORE_MOVE = [("skills", "0006_rolematch_profile_visible")]

# Every column of the moved models, read the same way before and after the move.
COLUMNS = {
    "Shortlist": ("pk", "recruiter_id", "name", "created_at"),
    "ShortlistEntry": ("pk", "shortlist_id", "profile_id", "note", "added_at"),
    "ProfileView": ("pk", "recruiter_id", "profile_id", "viewed_at"),
}
MOVED_MODELS = {"Shortlist": Shortlist, "ShortlistEntry": ShortlistEntry, "ProfileView": ProfileView}


def rows(models: dict) -> dict[str, list[tuple]]:
    return {name: sorted(model.objects.values_list(*COLUMNS[name])) for name, model in models.items()}


def apps_before_move(executor: MigrationExecutor):
    """The models as the migrations left them just before the move, with the moved ones still in ``skills``."""
    return executor.loader.project_state(LAST_SKILLS_STATE_BEFORE_MOVE, at_end=True).apps


@pytest.mark.django_db(transaction=True)
def test_the_move_keeps_every_row_and_content_type_both_ways(executor):
    """One round trip (each costs seconds): the rows made after the move survive going back, and the rows and the
    content type made before the move, at the old place, survive going forward again."""
    recruiter = UserFactory(password=None)
    profile = EngineerProfileFactory(user=UserFactory(password=None))
    ShortlistEntryFactory(shortlist__recruiter=recruiter, profile=profile, note="Ask about Airflow")
    ProfileViewFactory(recruiter=recruiter, profile=profile)
    made_after = rows(MOVED_MODELS)

    executor.migrate(BEFORE_MOVE)

    old_apps = apps_before_move(executor)
    old = {name: old_apps.get_model("skills", name) for name in COLUMNS}
    assert rows(old) == made_after
    User = old_apps.get_model(settings.AUTH_USER_MODEL)
    Profile = old_apps.get_model("skills", "EngineerProfile")
    engineers = [
        Profile.objects.create(
            user=User.objects.create(username=f"engineer{n}", email=f"engineer{n}@example.com", password="!"),
            headline=f"Data Engineer {n}",
        )
        for n in range(2)
    ]
    shortlists = [old["Shortlist"].objects.create(recruiter_id=recruiter.pk, name=name) for name in ("Lake", "Spark")]
    old["ShortlistEntry"].objects.create(shortlist=shortlists[0], profile=engineers[0], note="Strong on skew, ask")
    old["ShortlistEntry"].objects.create(shortlist=shortlists[0], profile=engineers[1])
    old["ShortlistEntry"].objects.create(shortlist=shortlists[1], profile=engineers[1], note="ünïcødé · ✓")
    for engineer in engineers:
        old["ProfileView"].objects.create(
            recruiter_id=recruiter.pk, profile=engineer, viewed_at=datetime(2024, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)
        )
    before = rows(old)
    ContentType.objects.filter(app_label="recruiting").delete()
    old_type, _ = ContentType.objects.get_or_create(app_label="skills", model="shortlist")  # as made before the move

    latest = MigrationExecutor(connection)
    latest.migrate(latest.loader.graph.leaf_nodes())

    assert (rows(MOVED_MODELS), [len(before[name]) for name in COLUMNS]) == (before, [3, 4, 3])
    old_type.refresh_from_db()
    assert (old_type.app_label, old_type.model) == ("recruiting", "shortlist")


@pytest.mark.django_db
def test_the_models_need_no_new_migration():
    """A model changed without its migration (or a move half done) shows here, not on the production deploy."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_stored_overview_rows_move_withdrawn_acceptances_out_of_accepted(executor):
    recruiter = UserFactory(password=None)
    kept, taken_back = EngineerProfileFactory(), EngineerProfileFactory()
    executor.migrate([("recruiting", "0012_job_failures_as_codes")])
    old_apps = executor.loader.project_state([("recruiting", "0012_job_failures_as_codes")], at_end=True).apps
    requests = old_apps.get_model("recruiting", "ContactRequest")
    for profile, status in ((kept, "accepted"), (taken_back, "withdrawn")):
        requests.objects.create(
            recruiter_id=recruiter.pk, profile_id=profile.pk, recruiter_name="Rita", recruiter_company="Acme",
            message="Hi", status=status,
        )  # fmt: skip
    summaries = old_apps.get_model("recruiting", "OutreachSummary")
    summaries.objects.filter(recruiter_id=recruiter.pk).delete()
    summaries.objects.create(recruiter_id=recruiter.pk, sent=2, accepted=2)  # counted as before: both accepted

    latest = MigrationExecutor(connection)
    latest.migrate(latest.loader.graph.leaf_nodes())

    total = OutreachSummary.objects.get(recruiter=recruiter, role=None)
    assert (total.sent, total.accepted, total.withdrawn) == (2, 1, 1)


@pytest.mark.django_db(transaction=True)
def test_a_request_accepted_again_before_the_fix_loses_its_withdrawal_time(executor):
    recruiter = UserFactory(password=None)
    again, withdrawn = EngineerProfileFactory(), EngineerProfileFactory()
    before = [("recruiting", "0014_superuser_pages_labels_in_dutch")]
    executor.migrate(before)
    requests = executor.loader.project_state(before, at_end=True).apps.get_model("recruiting", "ContactRequest")
    for profile, status in ((again, "accepted"), (withdrawn, "withdrawn")):
        requests.objects.create(
            recruiter_id=recruiter.pk, profile_id=profile.pk, recruiter_name="Rita", recruiter_company="Acme",
            message="Hi", status=status, withdrawn_at=datetime(2026, 11, 2, 9, 0, tzinfo=UTC),
        )  # fmt: skip

    latest = MigrationExecutor(connection)
    latest.migrate(latest.loader.graph.leaf_nodes())

    assert dict(ContactRequest.objects.values_list("status", "withdrawn_at")) == {
        "accepted": None,
        "withdrawn": datetime(2026, 11, 2, 9, 0, tzinfo=UTC),
    }
