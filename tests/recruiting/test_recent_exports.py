"""The recruiter's "Your last exports": each line says its file format and the filters the export was made with, so
two exports of one role tell apart."""

import re

import pytest
from django.urls import reverse

from recruiting.models import CandidateExport
from skills.models import EngineerProfile
from tests.clients import DUTCH, ENGLISH
from tests.factories import ChecklistItemFactory, EngineerProfileFactory, RoleFactory, RoleMatchFactory, UserFactory
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

EXPORT_URL = reverse("recruiting:candidate-export")


@pytest.fixture
def role():
    role = RoleFactory(title="Senior Data Engineer — lakehouse", slug="lakehouse", order=1)
    profile = EngineerProfileFactory(user=UserFactory(password=None), visibility=EngineerProfile.Visibility.RECRUITERS)
    RoleMatchFactory(profile=profile, role=role, score=80)
    return role


def export(client, query: str, file_format: str) -> None:
    assert client.post(f"{EXPORT_URL}?{query}", {"file_format": file_format}).status_code == 303


def export_lines(client, **language) -> list[str]:
    """The lines of "Your last exports" on the candidate list, newest first, as text."""
    page = client.get(reverse("recruiting:candidate-list"), **language).content.decode()
    listed = page.split('class="list-unstyled small recent-exports">')[1].split("</section>")[0]
    return [
        " ".join(re.sub(r"<[^>]+>", " ", line).split()) for line in listed.split('<li class="mb-2 recent-export">')[1:]
    ]


def test_two_exports_of_one_list_say_their_format_and_the_filters_they_were_made_with(recruiter_client, role):
    joins = ChecklistItemFactory(name_en="Joins", name_nl="Tabellen koppelen")
    export(recruiter_client, "role=lakehouse", "csv")
    export(recruiter_client, f"role=lakehouse&min_score=50&location=Utrecht&items={joins.pk}&sort=experience", "xlsx")
    assert CandidateExport.objects.count() == 2
    newest, oldest = export_lines(recruiter_client, **ENGLISH)
    assert "Excel (XLSX), 0 rows" in newest  # nobody in Utrecht with Joins
    assert newest.endswith(
        "Filtered by: Minimum match score: 50; Location contains: Utrecht; "
        "Has these checklist items: Joins (at least level 2); Sort by: Years of experience"
    )
    assert "CSV, 1 row" in oldest and oldest.endswith("No filters")
    newest, oldest = export_lines(recruiter_client, **DUTCH)
    assert "Minimale matchscore: 50" in newest and "Tabellen koppelen (minstens niveau 2)" in newest
    assert oldest.endswith("Geen filters")


def test_the_last_exports_take_one_query_more_for_the_items_of_any_number_of_exports(recruiter_client, role):
    items = [ChecklistItemFactory() for _ in range(3)]
    export(recruiter_client, "role=lakehouse", "csv")
    page = reverse("recruiting:candidate-list")
    without_items = page_queries(recruiter_client, page)
    for item in items:
        export(recruiter_client, f"role=lakehouse&items={item.pk}", "csv")
    with_items = page_queries(recruiter_client, page)
    assert len(with_items) == len(without_items) + 1, "\n".join(with_items)


def test_an_export_filtered_only_by_items_deleted_since_names_no_empty_item_filter(recruiter_client, role):
    gone = ChecklistItemFactory(name_en="Joins", name_nl="Tabellen koppelen")
    export(recruiter_client, f"role=lakehouse&items={gone.pk}&min_score=50", "csv")
    gone.delete()  # an item nobody assessed and no role asks for may be deleted on its own page
    (line,) = export_lines(recruiter_client, **ENGLISH)
    assert line.endswith("Filtered by: Minimum match score: 50")


def test_the_facts_of_an_export_line_are_a_fact_list_with_no_typed_dot(recruiter_client, role):
    """The dots between name, time and format come from the .fact-list's CSS, which never ends a line with one."""
    export(recruiter_client, "role=lakehouse", "csv")
    page = recruiter_client.get(reverse("recruiting:candidate-list"), **ENGLISH).content.decode()
    listed = page.split('class="list-unstyled small recent-exports">')[1].split("</section>")[0]
    facts = re.search(r'<ul class="fact-list mb-0">(.*?)</ul>', listed, re.S).group(1)
    name, _when, file = (" ".join(re.sub(r"<[^>]+>", " ", fact).split()) for fact in facts.split("<li>")[1:])
    assert (name, file) == ("Senior Data Engineer — lakehouse", "CSV, 1 row")
    assert "·" not in listed
