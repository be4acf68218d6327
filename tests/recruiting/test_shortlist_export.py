"""The export of a shortlist: the candidate export's job and file, for the shortlist's visible candidates, with each
one's stage and the recruiter's note; only for the shortlist's owner."""

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from portal.jobs.lifecycle import JobStatus
from recruiting.models import CandidateExport, ContactRequest, ExportFailure, Stage
from recruiting.selectors.export_rows import shortlist_rows
from recruiting.selectors.shortlists import entries_to_export
from recruiting.services.exports import request_shortlist_export
from skills.models import EngineerProfile
from tests.clients import DUTCH
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
    RoleRequirementFactory,
    ShortlistEntryFactory,
    ShortlistFactory,
    UserFactory,
    assess,
)
from tests.jobs import queue_in_database, work_off_queue
from tests.spreadsheet_cases import FORMULA_PAYLOADS

pytestmark = pytest.mark.django_db

VISIBLE = EngineerProfile.Visibility.RECRUITERS


@pytest.fixture
def shortlist(recruiter):
    role = RoleFactory(title="Senior Data Engineer — lakehouse", slug="lakehouse")
    return ShortlistFactory(recruiter=recruiter, name="Utrecht medior", role=role)


def shortlisted(shortlist, *, stage=Stage.TO_CONTACT, note="", score=None, visibility=VISIBLE, **fields):
    profile = EngineerProfileFactory(user=UserFactory(password=None), visibility=visibility, **fields)
    if score is not None:
        skew = ChecklistItemFactory(name="Skew")
        RoleMatchFactory(profile=profile, role=shortlist.role, score=score, missing_must_have_ids=[skew.pk])
    ShortlistEntryFactory(shortlist=shortlist, profile=profile, stage=stage, note=note)
    return profile


def post_export(client, shortlist, file_format="csv", **headers) -> CandidateExport:
    url = reverse("recruiting:shortlist-export", kwargs={"pk": shortlist.pk})
    response = client.post(url, {"file_format": file_format}, **headers)
    assert response.status_code == 303
    export = CandidateExport.objects.latest("created_at")
    assert response["Location"] == export.get_absolute_url()
    return export


def downloaded_rows(client, export) -> list[dict[str, str]]:
    response = client.get(reverse("recruiting:export-download", kwargs={"pk": export.pk}))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    delimiter = ";" if export.language == "nl" else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def test_the_owner_exports_the_visible_candidates_with_their_stage_and_note(recruiter_client, shortlist):
    shortlisted(shortlist, headline="Lead", stage=Stage.CONTACTED, note="Call after the summer.", score=81)
    shortlisted(shortlist, headline="Hidden since", score=99, visibility=EngineerProfile.Visibility.PRIVATE)
    export = post_export(recruiter_client, shortlist)
    export.refresh_from_db()
    assert (export.status, export.rows_written, export.shortlist_name) == (JobStatus.DONE, 1, "Utrecht medior")
    [row] = downloaded_rows(recruiter_client, export)
    assert row["headline"] == "Lead"
    assert (row["role"], row["score"], row["must-haves missing"]) == ("Senior Data Engineer — lakehouse", "81", "Skew")
    assert (row["stage"], row["your note"]) == ("Contacted", "Call after the summer.")


def test_a_dutch_export_names_the_missing_must_haves_in_dutch_as_the_items_are_named_now(recruiter_client, recruiter):
    item = ChecklistItemFactory(name_en="Scalable pipelines", name_nl="Schaalbare pipelines")
    role = RoleFactory(title_en="Lakehouse lead", title_nl="Lakehouse-lead", published=True)
    RoleRequirementFactory(role=role, item=item, min_level=3, is_must_have=True)
    shortlist = ShortlistFactory(recruiter=recruiter, name="Lakehouse", role=role)
    profile = shortlisted(shortlist)
    assess(user=profile.user, item=item, level=1)  # the stored match misses the must-have
    item.name_en, item.name_nl = "Scalable data flows", "Schaalbare datastromen"  # an editor's later wording is read
    item.save()
    [row] = downloaded_rows(recruiter_client, post_export(recruiter_client, shortlist, **DUTCH))
    assert (row["rol"], row["ontbrekende must-haves"]) == ("Lakehouse-lead", "Schaalbare datastromen")


def test_a_shortlist_without_a_role_exports_its_candidates_without_scores(recruiter_client, recruiter):
    shortlist = ShortlistFactory(recruiter=recruiter, role=None)
    shortlisted(shortlist, headline="No role yet")
    export = post_export(recruiter_client, shortlist)
    [row] = downloaded_rows(recruiter_client, export)
    assert (row["headline"], row["role"], row["score"], row["must-haves missing"]) == ("No role yet", "", "", "")


def test_the_email_shows_only_for_candidates_who_accepted_this_recruiters_request(
    recruiter_client, shortlist, recruiter
):
    accepted = shortlisted(shortlist, headline="Accepted mine")
    other_recruiters = shortlisted(shortlist, headline="Accepted another's")
    for profile, asker in ((accepted, recruiter), (other_recruiters, RecruiterFactory())):
        ContactRequest.objects.create(
            recruiter=asker, profile=profile, recruiter_name="R", recruiter_company="C", message="Hi",
            status=ContactRequest.Status.ACCEPTED,
        )  # fmt: skip
    rows = {row["headline"]: row for row in downloaded_rows(recruiter_client, post_export(recruiter_client, shortlist))}
    assert rows["Accepted mine"]["email"] == accepted.user.email
    assert rows["Accepted another's"]["email"] == ""
    assert rows["Accepted another's"]["name"] != other_recruiters.user.email


def test_a_dutch_export_names_its_columns_and_stages_in_dutch(recruiter_client, shortlist):
    shortlisted(shortlist, stage=Stage.INTERVIEWING, note="Tweede gesprek", score=70)
    export = post_export(recruiter_client, shortlist, file_format="xlsx", **DUTCH)
    response = recruiter_client.get(reverse("recruiting:export-download", kwargs={"pk": export.pk}))
    header, row = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True)
    assert header[-2:] == ("Fase", "Je notitie")  # a workbook's headings start with a capital
    assert row[-2:] == ("In gesprek", "Tweede gesprek")
    assert response["Content-Disposition"].startswith('attachment; filename="shortlist-utrecht-medior-')


@pytest.mark.parametrize("payload", FORMULA_PAYLOADS[:4])
def test_a_note_that_looks_like_a_formula_is_quoted(recruiter_client, shortlist, payload):
    shortlisted(shortlist, note=payload)
    [row] = downloaded_rows(recruiter_client, post_export(recruiter_client, shortlist))
    assert row["your note"] == f"'{payload}"


def test_another_recruiter_cannot_export_the_shortlist(client, shortlist):
    shortlisted(shortlist)
    other = RecruiterFactory()
    client.force_login(other)
    response = client.post(reverse("recruiting:shortlist-export", kwargs={"pk": shortlist.pk}), {"file_format": "csv"})
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        request_shortlist_export(recruiter=other, shortlist=shortlist, profile_url_base="http://testserver/")
    assert not CandidateExport.objects.exists()


def test_two_clicks_give_one_export_and_a_shortlist_deleted_before_the_job_fails_it(
    recruiter_client, shortlist, settings
):
    queue_in_database(settings)
    shortlisted(shortlist)
    first = post_export(recruiter_client, shortlist)
    assert post_export(recruiter_client, shortlist).pk == first.pk
    assert DBTaskResult.objects.count() == 1
    shortlist.delete()
    work_off_queue()
    first.refresh_from_db()
    assert first.status == JobStatus.FAILED
    assert first.error == ExportFailure.SHORTLIST_GONE
    page = recruiter_client.get(first.get_absolute_url()).content.decode()
    assert "Export of the shortlist “Utrecht medior”" in page
    assert "The shortlist of this export was deleted." in page


def test_the_progress_page_leads_back_to_the_shortlist(recruiter_client, shortlist):
    shortlisted(shortlist)
    page = recruiter_client.get(post_export(recruiter_client, shortlist).get_absolute_url()).content.decode()
    assert f'href="{shortlist.get_absolute_url()}"' in page
    assert "Back to the shortlist" in page
    assert f'<li class="breadcrumb-item"><a href="{reverse("recruiting:shortlist-list")}">Shortlists</a></li>' in page


def test_the_shortlist_page_offers_the_export_only_with_candidates_on_it(recruiter_client, shortlist):
    assert "Export this shortlist" not in recruiter_client.get(shortlist.get_absolute_url()).content.decode()
    shortlisted(shortlist)
    assert "Export this shortlist" in recruiter_client.get(shortlist.get_absolute_url()).content.decode()


EXPORT_QUERIES = 2  # the item names in the export's language, the rows (fetched a chunk at a time)


@pytest.mark.parametrize("count", [1, 30])
def test_the_rows_take_the_same_few_queries_however_many_candidates(
    shortlist, recruiter, count, django_assert_max_num_queries
):
    for _ in range(count):
        shortlisted(shortlist, score=50)
    with django_assert_max_num_queries(EXPORT_QUERIES):
        rows = list(
            shortlist_rows(
                entries=entries_to_export(shortlist=shortlist),
                role=shortlist.role,
                profile_url=str,
                language="en",
                recruiter=recruiter,
            )
        )
    assert len(rows) == count
