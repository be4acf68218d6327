"""What the team uses instead of a skill the vacancy says is not needed asks nothing (skills.vacancies.reading): the
negated skill stays "not asked", its replacement is no requirement, unless the sentence gives it to the candidate."""

import pytest

from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_reading import asked_items, not_asked_tools

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Not needed\n- Airflow: no experience required, our jobs are scheduled by Prefect.\n",
        "We don't use Airflow. The nightly schedule runs on Step Functions, and you keep it healthy.\n",
        "Wat je niet nodig hebt\n- Airflow: niet nodig, onze jobs draaien elke nacht vanzelf in Dagster.\n",
        "Airflow gebruiken we niet. Onze planning van de nachtelijke runs loopt via cron.\n",
    ],
)
def test_the_alternative_in_use_after_a_negation_asks_nothing(demo, text):
    reading = read_vacancy(text=text)
    assert not_asked_tools(reading) == ["airflow"]
    assert "orchestration/scheduling" not in asked_items(reading)


@pytest.mark.parametrize(
    "text",
    [
        "Airflow is not needed; you will schedule the nightly loads yourself.\n",
        "Airflow is niet nodig; jij plant de nachtelijke runs zelf in.\n",
    ],
)
def test_the_alternative_given_to_the_candidate_asks(demo, text):
    reading = read_vacancy(text=text)
    assert not_asked_tools(reading) == ["airflow"]
    assert asked_items(reading)["orchestration/scheduling"] is True


@pytest.mark.parametrize(
    "text",
    [
        "Airflow? Long gone. We orchestrate with Dagster now.\n",
        "Airflow? Dat is verleden tijd. Wij orkestreren tegenwoordig met Dagster.\n",
    ],
)
def test_the_alternative_after_a_verdict_of_its_own_is_not_marked_as_not_asked(demo, text):
    reading = read_vacancy(text=text)
    assert not_asked_tools(reading) == ["airflow"]
    (dags,) = reading.not_asked_items
    assert [phrase.text for phrase in dags.phrases] == ["Airflow"]  # not the alternative's "orchestrate" as well
