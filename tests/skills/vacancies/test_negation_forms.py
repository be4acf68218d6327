"""The everyday ways a vacancy says it does not ask for a tool, in English and Dutch, after a list of what is nice to
have (where a careless reader takes them for nice to have): each is "not asked", never among the tools asked; read
through read_vacancy."""

import pytest

from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_negation_reach import not_asked_items
from tests.skills.vacancies.test_reading import asked_items, asked_tools, not_asked_tools

pytestmark = pytest.mark.django_db


def read_after_a_nice_list(line: str, *, dutch: bool):
    heading = "Pré" if dutch else "Nice to have"
    return read_vacancy(text=f"{heading}\n- Docker\n\n{line}\n")


@pytest.mark.parametrize(
    ("line", "negated"),
    [
        ("Don't worry if you've never used Spark or Airflow before.", {"pyspark", "airflow"}),
        ("We don't use Spark here; our data fits on one machine.", {"pyspark"}),
        ("You won't be touching Airflow or Databricks: the platform team runs them.", {"airflow", "pyspark"}),
        ("Airflow isn't part of this job.", {"airflow"}),
        ("Spark knowledge: zero required.", {"pyspark"}),
        ("Spark is neither needed nor particularly useful here, since our volumes are small.", {"pyspark"}),
        ("Not expected: experience with Databricks, Airflow or dbt.", {"pyspark", "airflow", "dbt"}),
        ("We don't expect Spark or Databricks expertise.", {"pyspark"}),
        ("Spark plays no part in this role, and Airflow plays no role either.", {"pyspark", "airflow"}),
        ("Airflow isn't relevant for this team.", {"airflow"}),
        ("You will not need Spark, nor Airflow, nor dbt.", {"pyspark", "airflow", "dbt"}),
        ("Spark, Airflow and dbt are not needed.", {"pyspark", "airflow", "dbt"}),
        ("Spark is overkill for our volumes.", {"pyspark"}),
        ("For us, Airflow is a thing of the past.", {"airflow"}),
        ("Spark and Airflow: you can leave them at home.", {"pyspark", "airflow"}),
        ("Forget Spark: our data fits on one machine.", {"pyspark"}),
        ("Hadoop and Spark are things of the past here.", {"pyspark"}),
        ("We moved everything off Databricks in 2024.", {"pyspark"}),
        ("We migrated all pipelines away from Spark.", {"pyspark"}),
        ("Our Spark days are behind us.", {"pyspark"}),
        ("Spark? Nope.", {"pyspark"}),
        ("Our sister team runs Databricks; this team does not.", {"pyspark"}),
        ("Without needing Spark, you will load millions of rows.", {"pyspark"}),
        ("Without having to learn Airflow, you will load every table.", {"airflow"}),
        ("We decided it was overkill for us, so Spark is nowhere in this job.", {"pyspark"}),
        ("We do not ask for Airflow, not even as a plus.", {"airflow"}),
        ("Airflow? Long gone: we schedule in the warehouse now.", {"airflow"}),
        ("Tools we have dropped along the way: Spark, dbt.", {"pyspark", "dbt"}),
        ("Databricks was abandoned after a six-month trial.", {"pyspark"}),
        ("Django is off the table for this team.", {"django"}),
    ],
)
def test_an_english_negation_after_a_nice_list_is_not_asked(demo, line, negated):
    reading = read_after_a_nice_list(line, dutch=False)
    assert set(not_asked_tools(reading)) == negated
    assert asked_tools(reading) == []
    assert asked_items(reading) == {"ci-cd/docker": False}


@pytest.mark.parametrize(
    ("line", "negated"),
    [
        ("Maak je geen zorgen als je nog nooit met Spark of Airflow hebt gewerkt.", {"pyspark", "airflow"}),
        ("Spark gebruiken we hier niet; onze data past op één machine.", {"pyspark"}),
        ("Met Airflow en Databricks ga je niet aan de slag: dat doet het platformteam.", {"airflow", "pyspark"}),
        ("Airflow is geen onderdeel van deze functie.", {"airflow"}),
        ("Spark is niet nodig en ook niet echt nuttig, want onze volumes zijn klein.", {"pyspark"}),
        ("Niet verwacht: ervaring met Databricks, Airflow of dbt.", {"pyspark", "airflow", "dbt"}),
        ("We verwachten geen Spark- of Databricks-expertise.", {"pyspark"}),
        ("Spark speelt geen rol in deze functie, en Airflow evenmin.", {"pyspark", "airflow"}),
        ("Airflow en dbt spelen bij ons geen enkele rol.", {"airflow", "dbt"}),
        ("Spark komt in deze rol niet voor.", {"pyspark"}),
        ("Airflow is geen vereiste.", {"airflow"}),
        ("Spark is niet relevant voor dit team.", {"pyspark"}),
        ("Airflow, Databricks noch dbt is een vereiste.", {"airflow", "pyspark", "dbt"}),
        ("Spark is hier overbodig.", {"pyspark"}),
        ("We zijn vorig jaar van Airflow afgestapt.", {"airflow"}),
        ("Je Databricks-kennis kun je thuislaten.", {"pyspark"}),
        ("Databricks hebben we in 2024 achter ons gelaten.", {"pyspark"}),
        ("Ons zusterteam draait Databricks; dit team niet.", {"pyspark"}),
        ("Ervaring met Airflow vragen we uitdrukkelijk niet, ook niet als pluspunt.", {"airflow"}),
        ("Databricks is vorig jaar de deur uit gegaan.", {"pyspark"}),
        ("Onze oude Airflow-omgeving is sinds maart met pensioen.", {"airflow"}),
        ("Flask kennen we alleen van horen zeggen.", {"flask"}),
        ("De losse dbt-projecten hebben we afgeschaft.", {"dbt"}),
    ],
)
def test_a_dutch_negation_after_a_nice_list_is_not_asked(demo, line, negated):
    reading = read_after_a_nice_list(line, dutch=True)
    assert set(not_asked_tools(reading)) == negated
    assert asked_tools(reading) == []
    assert asked_items(reading) == {"ci-cd/docker": False}


@pytest.mark.parametrize(
    "text",
    [
        "Requirements\n- Python\n- Spark? You won't need it.\n- Airflow and dbt? You won't need them either.\n",
        "Nice to have\n- Docker\n\nSpark, Airflow or dbt? We don't use either.\n",
        "Wat vragen wij\n- Python\n- Spark? Dat hoef je niet te kunnen.\n- Airflow en dbt? Die hoef je niet te kennen.\n",
        "Pré\n- Docker\n\nSpark, Airflow of dbt? Die gebruiken we niet.\n",
    ],
)
def test_a_pronoun_that_answers_a_question_negates_what_it_asks_about(demo, text):
    reading = read_vacancy(text=text)
    assert set(not_asked_tools(reading)) == {"pyspark", "airflow", "dbt"}
    assert asked_tools(reading) == []


@pytest.mark.parametrize(
    "heading",
    [
        "What this job is not",
        "Out of scope",
        "Outside the scope of this role",
        "Not for you if…",
        "Wat deze baan niet is",
        "Buiten scope",
        "Buiten de scope van deze functie",
        "Niet voor jou als…",
    ],
)
def test_a_list_under_a_heading_of_what_the_job_is_not_is_not_asked(demo, heading):
    reading = read_vacancy(text=f"You know SQL.\n\n{heading}\n- Spark clusters\n- Airflow\n\nNice to have\n- Docker\n")
    assert set(not_asked_tools(reading)) == {"pyspark", "airflow"}
    assert asked_tools(reading) == []
    assert asked_items(reading) == {"sql/joins": True, "ci-cd/docker": False}


@pytest.mark.parametrize(
    "line",
    [
        "Of je Spark of Airflow kent, speelt geen rol.",
        "Of je Spark of Airflow kent, maakt niet uit.",
        "Whether you know Spark or Airflow, it does not matter.",
    ],
)
def test_whether_you_know_it_does_not_matter_is_not_asked(demo, line):
    reading = read_vacancy(text=f"Requirements\n- SQL\n- {line}\n")
    assert set(not_asked_tools(reading)) == {"pyspark", "airflow"}
    assert asked_items(reading) == {"sql/joins": True}


@pytest.mark.parametrize(
    "explanation",
    [
        "We chose SQLMesh instead, and if your SQL is good you will pick it up in a week.",
        "We kozen voor SQLMesh; met jouw SQL-kennis leer je dat in een week.",
    ],
)
def test_the_candidates_own_skill_in_a_section_of_what_is_not_needed_stays_asked(demo, explanation):
    reading = read_vacancy(text=f"Requirements\n- Excellent SQL\n\nNot needed\n- dbt. {explanation}\n")
    assert not_asked_tools(reading) == ["dbt"]
    assert "sql/joins" in asked_items(reading)


def test_a_whether_clause_that_matters_still_asks(demo):
    reading = read_vacancy(text="Wat vragen wij\n- Of je nu met Airflow of Dagster werkt: je bouwt betrouwbare DAGs.\n")
    assert asked_tools(reading) == ["airflow"]


def test_what_is_another_teams_turf_is_not_asked(demo):
    reading = read_vacancy(
        text="Wat vragen wij\n- Python\n\nData-analyse speelt geen rol: pandas en dashboards zijn het terrein van "
        "onze marketingcollega's.\n"
    )
    assert not_asked_tools(reading) == ["pandas"]
    assert asked_tools(reading) == []


@pytest.mark.parametrize(
    "text",
    [
        "Over ons\nOnze data draait op een platform op Azure. Daar ga jij niet mee werken.\n\nWat vragen wij\n- SQL\n",
        "About us\nOur data runs on a platform on Azure. You won't work with it.\n\nRequirements\n- SQL\n",
    ],
)
def test_a_negation_in_the_company_text_is_not_asked(demo, text):
    reading = read_vacancy(text=text)
    assert asked_items(reading) == {"sql/joins": True}
    assert not_asked_items(reading) == ["cloud/cloud-platform"]


def test_a_negation_in_the_company_text_does_not_deny_what_the_job_asks(demo):
    text = "About us\nWe don't use Azure yet.\n\nRequirements\n- Azure experience\n"
    assert asked_items(read_vacancy(text=text)) == {"cloud/cloud-platform": True}


@pytest.mark.parametrize(
    "line",
    [
        "What you won't do: tune Spark clusters.",
        "Wat je niet gaat doen: Spark-clusters tunen.",
        "Not for this role\n- Databricks, Spark and the like: our marketing team uses them.",
        "Niet voor deze rol\n- Databricks en Spark: die gebruikt ons marketingteam.",
    ],
)
def test_a_heading_of_what_the_job_does_not_do_on_the_line_it_opens_asks_nothing(demo, line):
    reading = read_vacancy(text=f"Requirements\n- Python\n\n{line}\n")
    assert not_asked_tools(reading) == ["pyspark"]
    assert "pyspark/scalable-pipelines" in not_asked_items(reading)
    assert asked_tools(reading) == []
    assert asked_items(reading) == {"python-fundamentals/functions": True}
