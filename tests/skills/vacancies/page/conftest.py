"""The fixtures of the /skills/vacancy/ tests: a small checklist and catalog (``world``), a reading of ``TEXT`` in
it, every text read as that reading (``fake_reader``), and the engineer signed in."""

import pytest

from skills.models import Resource
from skills.vacancies.reading import VacancyReading, read_vacancy
from tests.factories import CategoryFactory, ChecklistItemFactory, SkillFactory, ToolFactory, UserFactory
from tests.skills.vacancies.page.support import TEXT, read_every_text_with, reading_of


@pytest.fixture
def world():
    sql = SkillFactory(name="SQL", growth_stage=1, order=1)
    spark = SkillFactory(name="PySpark", growth_stage=3, order=1)
    orchestration = SkillFactory(name="Orchestration", growth_stage=2, order=1)
    public = CategoryFactory(published=True)
    airflow = ToolFactory(name="Airflow", slug="airflow", category=public)
    spark_tool = ToolFactory(name="PySpark", slug="pyspark", category=public)
    spark.tools.add(spark_tool)
    items = {
        "window": ChecklistItemFactory(skill=sql, name="Window functions"),
        "retries": ChecklistItemFactory(skill=orchestration, name="Retries"),
        "skew": ChecklistItemFactory(skill=spark, name="Skew"),
    }
    Resource.objects.create(item=items["window"], title="Window functions kata", url="https://example.org/kata")
    return {"items": items, "airflow": airflow, "spark_tool": spark_tool, "hidden_tool": ToolFactory(published=False)}


@pytest.fixture
def reading(world):
    items = world["items"]
    return reading_of(
        TEXT,
        items=[
            (items["window"], True, "window functions"),
            (items["retries"], True, "Airflow"),
            (items["skew"], False, "skew"),
        ],
        tools=[(world["airflow"], "Airflow"), (world["spark_tool"], "Spark"), (world["hidden_tool"], "Acme")],
    )


@pytest.fixture
def fake_reader(monkeypatch, reading):
    """Every text reads as ``reading`` (with the posted text); the engine's own refusals still apply."""
    engine_read = read_vacancy

    def read(*, text: str) -> VacancyReading:
        engine_read(text=text)
        return VacancyReading(
            text=text, language=reading.language, seniority=reading.seniority, items=reading.items, tools=reading.tools
        )

    read_every_text_with(monkeypatch, read)


@pytest.fixture
def engineer(client):
    user = UserFactory(email="me@example.com")
    client.force_login(user)
    return user
