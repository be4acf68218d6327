"""What another party uses is not asked (skills.vacancies.parties): customers, and a team or people of a role the
vacancy's title does not name, as the subject of a clause; a team of the title's own role, one without a role, or one
the candidate joins still asks. Read through read_vacancy."""

import pytest

from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_reading import asked_items, asked_tools, not_asked_tools

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "tools"),
    [
        (
            "Account Executive\nOur customers are data teams who run dbt and Airflow every day. You sell them our product.",
            ["airflow", "dbt"],
        ),
        (
            "Frontend Developer\nYou build the web app in React. The data team next to you works with Spark.",
            ["pyspark"],
        ),
        ("Data Scientist\nOur ML engineers deploy the models with FastAPI; you train them.", ["fastapi"]),
        ("Product Owner\nYou own the backlog of our data platform team, which builds on Databricks.", ["pyspark"]),
        (
            "Data-analist\nHet platformteam beheert Databricks en Airflow. Jij maakt de rapportages.",
            ["airflow", "pyspark"],
        ),
        ("Accountmanager\nOnze klanten draaien dbt in de cloud.", ["dbt"]),
        ("Data Engineer\nAnother team runs Airflow for the whole company.", ["airflow"]),
        ("Analytics Engineer\nOur reports are refreshed by Airflow, which another team looks after.", ["airflow"]),
        ("Data-analist\nDe rapporten draaien op Databricks, dat het platformteam beheert.", ["pyspark"]),
        ("Frontend Developer\nThe API you talk to is written in FastAPI by the backend squad next door.", ["fastapi"]),
        ("Data-analist\nDe Airflow-DAG's worden gebouwd door het platformteam.", ["airflow"]),
        ("Analytics Engineer\nIngestion sits with the platform group, whose Spark streams land in Snowflake.", ["pyspark"]),
        ("Energy Trader\nSeveral aggregators forecast their own fleets with scikit-learn and send us the results.", ["scikit-learn"]),
        ("Frontend-ontwikkelaar\nEen paar schouwburgen trekken met hun eigen Airflow cijfers uit onze API.", ["airflow"]),
    ],
)  # fmt: skip
def test_what_another_party_uses_is_not_asked(demo, text, tools):
    reading = read_vacancy(text=text)
    assert asked_tools(reading) == []
    assert sorted(not_asked_tools(reading)) == tools


@pytest.mark.parametrize(
    ("text", "tool"),
    [
        ("Data Engineer\nOur data engineers build the pipelines on Databricks.", "pyspark"),
        ("Analytics Engineer\nOur team works with dbt every day.", "dbt"),
        ("Data Engineer\nSupport the analytics team with their Airflow DAGs.", "airflow"),
        ("Data Engineer\nThe platform team you join runs Airflow.", "airflow"),
        ("Data Engineer\nThe data team and you build the Spark jobs together.", "pyspark"),
        ("Data Engineer bij Vinkel\nHet datateam waar je in komt werkt met dbt.", "dbt"),
        ("Data-analist\nJe draait je modellen op Databricks, dat het platformteam beheert.", "pyspark"),
        ("Data Engineer\nOur loads run on Airflow, which our data engineers look after.", "airflow"),
        ("Data Engineer\nOur pipelines are built in Airflow by our data engineers.", "airflow"),
        ("Data Engineer\nYou maintain dbt models built by the analytics team.", "dbt"),
        ("Solutions Engineer\nYou help customers run their own Airflow.", "airflow"),
        ("Data Engineer\nWe run their own Airflow for our clients.", "airflow"),
    ],
)
def test_what_the_candidates_own_team_uses_is_asked(demo, text, tool):
    reading = read_vacancy(text=text)
    assert asked_tools(reading) == [tool]
    assert not_asked_tools(reading) == []


@pytest.mark.parametrize(
    "text",
    [
        "Platform Engineer\nDe ontwikkelteams leveren hun applicaties aan als container-images.\n- Ervaring met Docker",
        "Frontend Developer\nOur backend developers run the APIs in Docker.\n- Docker and Kubernetes",
    ],
)
def test_another_partys_use_leaves_the_jobs_own_mention_asked(demo, text):
    reading = read_vacancy(text=text)
    assert "ci-cd/docker" in asked_items(reading)
    assert not reading.not_asked_items, text


def test_a_customers_process_the_job_replaces_is_asked(demo):
    reading = read_vacancy(text="Data Engineer\nThe client's current loading process is a collection of cron jobs.")
    assert "orchestration/scheduling" in asked_items(reading)


@pytest.mark.parametrize(
    ("title", "text", "tool"),
    [
        ("Data Engineer", "What you will do\n- Review dbt models written by analysts", "dbt"),
        ("Data Engineer", "Requirements\n- Experience maintaining DAGs written in Airflow by other teams", "airflow"),
        ("Data Engineer", "The data team builds their own DAGs in Airflow, and you will be part of it.", "airflow"),
        ("Data Engineer", "Our data engineers own their own pipelines in Airflow.", "airflow"),
        ("Data Engineer", "Requirements\n- Strong Airflow skills\n- Our scheduler: think of it as a lighter Airflow.", "airflow"),
        ("Data Engineer", "Je werkt als een Spark-engineer aan onze streaming pipelines.", "pyspark"),
        ("Data Engineer", "Taken\n- Je reviewt het werk van anderen in dbt.", "dbt"),
    ],
)  # fmt: skip
def test_a_duty_or_a_tool_asked_beside_another_partys_is_still_asked(demo, title, text, tool):
    """Look-alikes of the rules above (a review found them): the candidate's duty, their own team, a comparison
    beside the same tool asked."""
    reading = read_vacancy(text=f"{title}\n{text}\n")
    assert tool in asked_tools(reading)
