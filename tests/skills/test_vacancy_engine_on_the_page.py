"""The vacancy page with the real reading (skills.vacancies) over the demo phrases: what the engine reads is what the
page shows and scores, in a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo
from skills.engineer_vacancies import save_vacancy
from skills.models import ChecklistItem
from skills.scoring import compute_match
from skills.selectors import user_levels
from skills.services import set_assessment
from skills.vacancies.fit import vacancy_requirements
from skills.vacancies.reading import read_vacancy
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SHORT = "Medior data engineer. Wat vragen wij: SQL-kennis en dbt."
DUTCH = """Senior Data Engineer – lakehouse

Wat vragen wij
- Minimaal vijf jaar ervaring als data engineer
- Sterke SQL-kennis, met window functions en analytische functies
- Ervaring met PySpark en partitionering op Databricks
- Orkestratie met Airflow: retries en scheduling
- Geen Kafka-ervaring nodig

Pré
- Docker
"""


@pytest.fixture
def engineer(client):
    load_catalog_demo()
    load_skills_demo()
    user = UserFactory()
    set_assessment(user=user, item=ChecklistItem.objects.get(skill__slug="sql", slug="window-functions"), level=3)
    set_assessment(user=user, item=ChecklistItem.objects.get(skill__slug="sql", slug="joins"), level=1)
    client.force_login(user)
    return user


def test_the_page_marks_what_the_engine_found_and_scores_it_by_the_rule(client, engineer):
    reading = read_vacancy(text=DUTCH)
    response = client.post(reverse("skills:vacancy"), {"text": DUTCH})
    body = response.content.decode()
    marked = re.findall(r"<mark>(.*?)</mark>", body)
    assert marked == [piece for piece, is_match in reading.highlights() if is_match]
    assert "window functions" in marked and "analytische functies" in marked
    assert "Kafka" not in marked  # negated: "geen Kafka-ervaring nodig"
    expected = compute_match(vacancy_requirements(reading=reading), user_levels(user=engineer))
    assert response.context["fit"].result == expected
    assert f'id="vacancy-fit">{expected.score}<' in body
    assert 'id="vacancy-seniority">senior<' in body and 'id="vacancy-language">Dutch<' in body


def test_the_gaps_page_scores_a_saved_vacancy_as_its_page_does(client, engineer):
    vacancy = save_vacancy(owner=engineer, title="Lakehouse", link="", text=DUTCH)
    on_its_page = client.get(vacancy.get_absolute_url()).context["fit"].result.score
    gaps = client.get(reverse("skills:gaps")).content.decode()
    assert f'id="vacancy-{vacancy.pk}-score">Fit: <strong>{on_its_page}</strong> out of 100' in gaps


def test_reading_takes_as_many_queries_for_a_long_vacancy_as_for_a_short_one(client, engineer):
    assert read_vacancy(text=SHORT).tools  # an item and a tool: every kind of query is there already
    client.post(reverse("skills:vacancy"), {"text": SHORT})  # the phrasebook is built once per process
    with CaptureQueriesContext(connection) as short:
        client.post(reverse("skills:vacancy"), {"text": SHORT})
    with CaptureQueriesContext(connection) as long:
        response = client.post(reverse("skills:vacancy"), {"text": DUTCH * 20})
    assert len(response.context["fit"].reading.items) > len(read_vacancy(text=SHORT).items)
    assert len(long.captured_queries) <= len(short.captured_queries)
