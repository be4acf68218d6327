"""Words that look like a negation but ask: a condition of the data a check keeps ("never empty", "no duplicates"),
something done without a mishap ("zero downtime", "without warning"), and a plus that is no requirement; read through
read_vacancy, in English and Dutch."""

import pytest

from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_negation_reach import not_asked_items
from tests.skills.vacancies.test_reading import asked_items, asked_tools, not_asked_tools

pytestmark = pytest.mark.django_db


def read_requirement(line: str):
    return read_vacancy(text=f"Requirements\n- {line}\n")


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("You deploy Docker containers with zero downtime.", "ci-cd/docker"),
        ("Je rolt Docker-containers uit zonder downtime.", "ci-cd/docker"),
        ("Airflow DAGs that run without surprises.", "orchestration/airflow-dags"),
        ("Airflow-DAGs die zonder verrassingen draaien.", "orchestration/airflow-dags"),
        ("Sources change sometimes without warning to our Airflow DAGs.", "orchestration/airflow-dags"),
        ("A vendor renames columns without warning in the Spark job, and you fix it.", "pyspark/scalable-pipelines"),
        ("Leveranciers hernoemen kolommen zonder waarschuwing in de Spark-job.", "pyspark/scalable-pipelines"),
        ("Without good data tests, our Airflow DAGs break.", "data-quality/data-tests"),
    ],
)
def test_something_done_without_a_mishap_is_asked(demo, line, item):
    reading = read_requirement(line)
    assert asked_items(reading)[item] is True
    assert not_asked_tools(reading) == []


@pytest.mark.parametrize(
    "line",
    [
        "You find customers without an address and duplicate rows in Pandas.",
        "Je vindt klanten zonder adres en dubbele rijen met Pandas.",
    ],
)
def test_without_negates_the_noun_after_it_not_the_list_that_follows(demo, line):
    reading = read_requirement(line)
    assert asked_items(reading) == {"data-quality/data-tests": True, "pandas/cleaning": True}
    assert asked_tools(reading) == ["pandas"]


@pytest.mark.parametrize(
    ("line", "items"),
    [
        ("The Airflow DAG output is never empty.", {"orchestration/airflow-dags"}),
        ("De output van de Airflow-DAG is nooit leeg.", {"orchestration/airflow-dags"}),
        (
            "You make sure there are no duplicates and no null values.",
            {"data-quality/data-tests", "data-quality/null-checks"},
        ),
        (
            "Je schrijft datatests: geen duplicaten, geen lege waarden.",
            {"data-quality/data-tests", "data-quality/null-checks"},
        ),
        ("Deduplication: no duplicate rows in the warehouse.", {"data-quality/data-tests"}),
        ("Je zorgt dat er geen dubbele rijen in het warehouse staan.", {"data-quality/data-tests"}),
    ],
)
def test_a_condition_of_the_data_is_asked(demo, line, items):
    reading = read_requirement(line)
    assert set(asked_items(reading)) == items
    assert reading.not_asked_items == ()


@pytest.mark.parametrize(
    "line",
    [
        "Airflow would help, though it isn't a requirement.",
        "Airflow experience helps, though it is not a requirement.",
        "Airflow would be useful, though not required.",
        "Airflow zou helpen, al is het geen vereiste.",
        "Ervaring met Airflow helpt, maar het is geen vereiste.",
        "Airflow is handig, hoewel geen vereiste.",
    ],
)
def test_a_plus_that_is_no_requirement_is_nice_to_have(demo, line):
    reading = read_vacancy(text=f"Requirements\n- SQL\n- {line}\n")
    assert asked_items(reading) == {"sql/joins": True, "orchestration/airflow-dags": False}
    assert not_asked_tools(reading) == []
    assert [(asked.tool.slug, asked.required) for asked in reading.tools] == [("airflow", False)]


@pytest.mark.parametrize(
    ("line", "item"),
    [
        (
            "Find and fix skew: a few products hold most of the rows, and you never let one hot key stall the run.",
            "pyspark/skew",
        ),
        (
            "Je lost skew op: een paar producten hebben de meeste rijen, en je laat nooit één hot key de run ophouden.",
            "pyspark/skew",
        ),
        (
            "You don't write row-by-row loops, and you can explain why vectorised code is faster.",
            "python-fundamentals/vectorised-code",
        ),
        ("De laadprocessen gebruiken managed identities in plaats van wachtwoorden.", "cloud/access"),
    ],
)
def test_a_negation_beside_the_same_item_asked_in_its_sentence_asks(demo, line, item):
    reading = read_requirement(line)
    assert asked_items(reading)[item] is True
    assert item not in not_asked_items(reading)


def test_a_strong_negation_beside_the_same_item_still_denies_it(demo):
    reading = read_vacancy(text="Requirements\n- Spark is not needed, and you never tune Spark jobs.\n")
    assert "pyspark" in not_asked_tools(reading)
    assert asked_tools(reading) == []


@pytest.mark.parametrize(
    ("line", "item"),
    [
        ("Je duikt in trage jobs: shuffles die niet nodig zijn, clusters die te ruim zijn.", "pyspark/shuffles"),
        ("Je laat geen ontbrekende waarde ongemoeid.", "data-quality/null-checks"),
        ("You leave no missing value unexplained.", "data-quality/null-checks"),
    ],
)
def test_a_fault_the_job_removes_is_asked(demo, line, item):
    assert asked_items(read_requirement(line))[item] is True
