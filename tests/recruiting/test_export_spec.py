"""An export's filters: parsed once into a JSON-safe spec; old rows' query strings become specs in a migration."""

from importlib import import_module

import pytest
from django.http import QueryDict
from django.urls import reverse

from recruiting.filters import CandidateFilter, CandidateSpec
from recruiting.models import CandidateExport
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleMatchFactory,
)
from tests.jobs import queue_in_database

spec_of = import_module("recruiting.migrations.0008_export_spec").spec_of


def test_an_old_exports_query_string_becomes_the_spec_the_job_reads():
    spec = spec_of("items=4&items=3&items=x&min_score=50&open_to_work=on&role=lakehouse&updated_since=2026-01-02")
    assert CandidateSpec.from_json(spec) == CandidateSpec(
        role="lakehouse", min_score=50, open_to_work=True, updated_since="2026-01-02", items=(3, 4)
    )


def test_what_the_old_form_refused_is_left_out_of_the_spec():
    spec = CandidateSpec.from_json(spec_of("min_score=lots&updated_since=yesterday&sort=name&role=x"))
    assert spec == CandidateSpec(role="x")


@pytest.mark.django_db
def test_a_spec_goes_through_json_and_back_unchanged_and_links_to_the_same_list():
    RoleFactory(slug="lakehouse", order=1, is_senior=True)
    items = ChecklistItemFactory.create_batch(2)
    query = QueryDict(f"role=lakehouse&min_years=3&items={items[1].pk}&items={items[0].pk}&open_to_work=on&page=4")
    spec = CandidateFilter(query).spec
    assert CandidateSpec.from_json(spec.to_json()) == spec
    assert CandidateFilter(QueryDict(spec.to_query())).spec == spec


@pytest.mark.django_db
def test_the_page_of_an_export_filtered_by_an_item_at_another_level_links_back_to_its_list(client, settings):
    """The progress page's link back to the list read the level's default as a list, and answered 500."""
    queue_in_database(settings)  # no worker runs: the page shows the export waiting
    role = RoleFactory(slug="lakehouse", order=1)
    RoleMatchFactory(profile=EngineerProfileFactory(visibility="recruiters"), role=role, score=50)
    item = ChecklistItemFactory()
    client.force_login(RecruiterFactory())
    response = client.post(f"{reverse('recruiting:candidate-export')}?items={item.pk}&item_level=3")
    assert response.status_code == 303
    page = client.get(reverse("recruiting:export-detail", args=[CandidateExport.objects.get().pk]))
    assert page.status_code == 200
    assert f"items={item.pk}&amp;item_level=3" in page.content.decode()
