"""Denials that give their verdict late: a question answered by a shrug at the end of its answer, a judgement that
points back at what was tried, a tool that is "nowhere" beside another name of it, a list that leaves a tool out on
purpose; and the sentences of the same shape that still ask. Read through read_vacancy."""

import pytest

from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_reading import asked_tools, not_asked_tools

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Requirements\n- SQL\n\nNumPy? The quants look after it, day and night — you won't.", {"numpy"}),
        ("Requirements\n- SQL\n\nAirflow? Our platform team runs it for you, so you won't have to.", {"airflow"}),
        ("Eisen\n- SQL\n\nDjango? Een keer geprobeerd, maar we zijn er niet mee doorgegaan.", {"django"}),
        ("Requirements\n- SQL\n\nWe trialled Airflow last winter and found it was not worth it.", {"airflow"}),
        ("Requirements\n- SQL\n\nWe tried Databricks once and decided it was overkill.", {"pyspark"}),
        ("Requirements\n- SQL\n\nWe ran Databricks for a year — today Spark is nowhere in our stack.", {"pyspark"}),
        ("Requirements\n- SQL\n- Docker\nNote that Airflow is missing from this list on purpose.", {"airflow"}),
        ("Eisen\n- SQL\n- Docker\nAirflow ontbreekt bewust in dit lijstje.", {"airflow"}),
        ("Requirements\n- SQL\n\nAnd dbt? That belongs to the analytics team.", {"dbt"}),
        (
            "Requirements\n- SQL\n\nScheduling was Airflow's job. It was retired in May, once dbt Cloud could run it all.",
            {"airflow"},
        ),
        ("Requirements\n- SQL\n\nIf you long for Spark clusters, this is not the role for you.", {"pyspark"}),
        ("Eisen\n- SQL\n\nAls je vooral met Flask wilt bouwen, is deze baan niets voor jou.", {"flask"}),
        (
            "Requirements\n- SQL\n\nWe tried NumPy for the pricing maths once, and you will not meet it here.",
            {"numpy"},
        ),
        (
            "Requirements\n- SQL\n\nIs Airflow part of it? Some clients schedule our exports from it. You do not need it.",
            {"airflow"},
        ),
        ("Requirements\n- SQL\n\nThe old models used scikit-learn; they were retired last year.", {"scikit-learn"}),
        ("Eisen\n- SQL\n\nOok Django valt bij ons af.", {"django"}),
        ("Requirements\n- SQL\n\nThe reports are built in SQL behind that dashboard and not in pandas.", {"pandas"}),
        ("Eisen\n- SQL\n\nSpark? Big data? Niet bij ons.", {"pyspark"}),
    ],
)
def test_a_late_verdict_denies_what_it_is_about(demo, text, negated):
    reading = read_vacancy(text=text)
    assert set(not_asked_tools(reading)) == negated
    assert set(asked_tools(reading)).isdisjoint(negated)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Requirements\n\nSpark? We use it every day, but we don't tune the clusters.", "pyspark"),
        ("Requirements\n\nSpark? We use it daily, but not for streaming.", "pyspark"),
        ("Requirements\n\nWe tried Dagster and decided on Airflow, which you will run.", "airflow"),
        ("Requirements\n- Airflow\nNote that the list is short on purpose.", "airflow"),
        ("Requirements\n\nIf you know Airflow, you will not need long to settle into the team.", "airflow"),
        ("Requirements\n\nIs Airflow part of it? Yes, every day. You will not need Kubernetes.", "airflow"),
    ],
)
def test_a_verdict_that_denies_nothing_named_keeps_it_asked(demo, text, asked):
    reading = read_vacancy(text=text)
    assert asked in asked_tools(reading)
    assert asked not in not_asked_tools(reading)


def test_nowhere_of_a_state_the_job_keeps_does_not_deny_it(demo):
    reading = read_vacancy(text="Wat ga je doen\n- Wachtwoorden staan nergens in de code, maar in Key Vault.\n")
    (access,) = [asked for asked in reading.items if asked.item.slug == "access"]
    assert access.phrases[0].text == "Wachtwoorden"
    assert reading.not_asked_items == ()
