"""Negation by hand-over, scope and phase-out (skills.vacancies.handover, skills.vacancies.negation and the demo
negation cues), read through read_vacancy: another team that handles a tool, a tool outside the role, a tool retired
or replaced; each beside a look-alike that still asks (a task of taking it over, of moving or replacing it). With them
the pointers their texts showed ("dat", "it" after "so") and a nice cue that reaches back past a semicolon."""

import pytest

from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_reading import asked_items, asked_tools, not_asked_tools

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "tool"),
    [
        ("Spark is handled by our platform team.", "pyspark"),
        ("Airflow stays with the analytics team.", "airflow"),
        ("Our ML engineers train the models with scikit-learn; that part stays theirs.", "scikit-learn"),
        ("Our data team owns the Airflow setup. None of that will be on your plate.", "airflow"),
        ("Het beheer van Airflow ligt bij het platformteam.", "airflow"),
        ("Spark wordt beheerd door het platformteam.", "pyspark"),
        ("Our Airflow jobs are operated by the SRE team.", "airflow"),
        ("Kubernetes and Spark are the responsibility of our infrastructure group.", "pyspark"),
        ("Kubernetes en Spark zijn de verantwoordelijkheid van het platformteam.", "pyspark"),
        ("Airflow valt onder het BI-team.", "airflow"),
        ("Het beheer van Airflow ligt bij de collega's van het platformteam.", "airflow"),
        ("Spark-clusters? Daar zorgt het platformteam voor.", "pyspark"),
        ("Het rapportagedeel, de dbt-modellen waarmee we rapporteren, valt buiten deze rol.", "dbt"),
        ("Databricks laten we over aan het platformteam van de holding.", "pyspark"),
        ("De Airflow-DAG's laten we graag aan de analisten over.", "airflow"),
        ("Alles wat met Python te maken heeft, ligt buiten je takenpakket.", None),
        ("Anything to do with Python is outside your role.", None),
    ],
)
def test_what_another_team_handles_or_lies_outside_the_role_is_not_asked(demo, text, tool):
    reading = read_vacancy(text=text)
    assert asked_tools(reading) == []
    assert reading.items == ()
    if tool:
        assert not_asked_tools(reading) == [tool]


@pytest.mark.parametrize(
    "text",
    [
        "Airflow is owned by you and one colleague.",
        "The Airflow work stays with you.",
        "Take over the Airflow setup from the platform team.",
        "Spark-clusters? Daar zorg jij voor.",
        "De Spark-clusters worden door jou beheerd.",
        "Je orkestreert de jobs met Airflow, beheerd door jou en een collega.",
        "Het beheer van Airflow ligt bij jou.",
        "De Airflow-DAG's laten we graag aan jou over.",
        "Het rapportagedeel, de Airflow-DAG's, valt onder jouw verantwoordelijkheid.",
    ],
)
def test_what_the_candidate_handles_or_takes_over_is_asked(demo, text):
    reading = read_vacancy(text=text)
    assert not_asked_tools(reading) == []
    assert asked_tools(reading) in (["airflow"], ["pyspark"])


@pytest.mark.parametrize(
    ("text", "tool"),
    [
        ("We retired our last Spark job this spring.", "pyspark"),
        ("The Databricks workspace will be wound down by the end of the year.", "pyspark"),
        ("We are moving away from Pandas.", "pandas"),
        ("Airflow has been decommissioned.", "airflow"),
        ("De laatste Databricks-notebooks worden dit jaar uitgezet.", "pyspark"),
        ("Vorig jaar zijn we gestopt met Spark.", "pyspark"),
        ("Dit jaar nemen we afscheid van Airflow.", "airflow"),
        ("Airflow is bij ons vervangen door Kubeflow Pipelines.", "airflow"),
        ("Last quarter we replaced Airflow with Dagster.", "airflow"),
        ("Dagster vervangt bij ons Airflow.", "airflow"),
        ("Pandas was replaced by Polars last year.", "pandas"),
    ],
)
def test_a_tool_phased_out_or_replaced_is_not_asked(demo, text, tool):
    reading = read_vacancy(text=text)
    assert asked_tools(reading) == []
    assert not_asked_tools(reading) == [tool]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Our cron jobs are being replaced by Airflow.", ["airflow"]),
        ("De nadruk ligt bij de Spark-pipelines.", ["pyspark"]),
        ("The focus sits with the Spark jobs.", ["pyspark"]),
        ("Last year Airflow replaced our cron jobs.", ["airflow"]),
        ("De Spark-job stopt met een duidelijke foutmelding.", ["pyspark"]),
        ("We vervangen de cronjobs door Airflow.", ["airflow"]),
        ("Replacing slow pandas loops with vectorised NumPy code.", ["pandas", "numpy"]),
        ("Je vervangt trage pandas-loops door NumPy.", ["pandas", "numpy"]),
        ("Help us move from Pandas to Polars: port the remaining Pandas transformations.", ["pandas"]),
        ("The client is replacing its hand-written pandas scripts with a tested package.", ["pandas"]),
    ],
)
def test_what_takes_over_and_a_task_of_replacing_are_asked(demo, text, asked):
    reading = read_vacancy(text=text)
    assert asked_tools(reading) == asked
    assert not_asked_tools(reading) == []


@pytest.mark.parametrize(
    "text",
    [
        "Its platform is moving to Fabric, so this assignment does not involve any Spark development.",
        "Docker images are built for you from the platform team's templates.",
        "De Docker-images worden voor je gebouwd door het platformteam.",
    ],
)
def test_work_that_is_not_involved_or_done_for_the_candidate_is_not_asked(demo, text):
    reading = read_vacancy(text=text)
    assert reading.items == ()
    assert asked_tools(reading) == []


@pytest.mark.parametrize(
    "text",
    [
        "You build Airflow DAGs; that part is fun.",
        "Als je Spark kent, is dat mooi meegenomen.",
        "We test every load in dbt, so that no row is lost.",
    ],
)
def test_a_pointer_or_a_verb_first_clause_that_denies_no_hand_over_asks(demo, text):
    reading = read_vacancy(text=text)
    assert not_asked_tools(reading) == []
    assert len(asked_tools(reading)) == 1


def test_a_second_dat_after_a_comma_goes_on_a_list_of_clauses(demo):
    reading = read_vacancy(
        text="Je bent verantwoordelijk voor de datakwaliteit: je legt vast dat elk bonnummer uniek is, dat kortingen "
        "nooit hoger zijn dan de prijs en dat elke regel aan een filiaal hangt."
    )
    assert "data-quality/data-tests" in asked_items(reading)


def test_a_dat_that_points_back_still_negates(demo):
    reading = read_vacancy(text="We werken met Spark, dat hoef je niet te kennen.")
    assert not_asked_tools(reading) == ["pyspark"]


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "Python gebruiken we voor tooling; ervaring daarmee is mooi meegenomen.",
            {"python-fundamentals/functions": False},
        ),
        ("We use Docker for everything; experience with it is a plus.", {"ci-cd/docker": False}),
        (
            "You write Python every day; it is the core of the job and Docker is a plus.",
            {"python-fundamentals/functions": True, "ci-cd/docker": False},
        ),
    ],
)
def test_a_nice_cue_after_a_semicolon_reaches_back_through_a_pronoun(demo, text, items):
    assert asked_items(read_vacancy(text=text)) == items


@pytest.mark.parametrize(
    ("text", "asked", "not_asked"),
    [
        ("Find the merchant that makes one Spark task run for an hour, and fix the job so it no longer stalls.", 1, 0),
        ("We moved off Airflow last year, so it isn't used any more.", 0, 1),
    ],
)
def test_it_after_so_points_back_only_when_it_denies_a_need(demo, text, asked, not_asked):
    reading = read_vacancy(text=text)
    assert (len(asked_tools(reading)), len(not_asked_tools(reading))) == (asked, not_asked)


@pytest.mark.parametrize(
    "text",
    [
        "Retired members' pension data is processed with Spark.",
        "We build data products for end-of-life care in Spark.",
        "Our analysts use Spark to do their job.",
        "You run Spark clusters managed by Databricks.",
        "Spark-jobs draaien op clusters beheerd door AWS.",
    ],
)
def test_a_product_that_runs_a_tool_or_a_word_of_retiring_people_negates_nothing(demo, text):
    reading = read_vacancy(text=text)
    assert not_asked_tools(reading) == []
    assert asked_tools(reading) == ["pyspark"]


def test_a_replacement_under_way_leaves_the_work_it_replaces_asked(demo):
    reading = read_vacancy(
        text="Data Engineer\nOur client is replacing a pile of cron jobs with a proper pipeline.\n"
        "- Backfill two years of history once the new loads run"
    )
    assert "orchestration/scheduling" in asked_items(reading)
    assert reading.not_asked_items == ()


@pytest.mark.parametrize(
    ("text", "left", "moved_to"),
    [
        ("Last year we moved away from pandas to PySpark.", "pandas", "pyspark"),
        ("We have phased out pandas in favour of PySpark.", "pandas", "pyspark"),
        ("We zijn overgestapt van pandas naar PySpark.", "pandas", "pyspark"),
    ],
)
def test_what_the_team_moved_away_from_is_not_asked_and_where_it_moved_to_is(demo, text, left, moved_to):
    reading = read_vacancy(text=f"Requirements\n- SQL\n{text}\n")
    assert left in not_asked_tools(reading) and left not in asked_tools(reading)
    assert moved_to in asked_tools(reading)


@pytest.mark.parametrize(
    ("text", "left", "moved_to"),
    [
        ("Vorig jaar zijn we van Databricks naar Snowflake verhuisd.", "pyspark", None),
        ("In 2023 the team switched from Flask to FastAPI.", "flask", "fastapi"),
        ("Our reports moved from pandas notebooks to dbt models last spring.", "pandas", "dbt"),
        ("De rapportages zijn van onze Flask-app naar FastAPI overgezet.", "flask", "fastapi"),
    ],
)
def test_what_a_finished_move_came_from_is_not_asked_and_where_it_went_is(demo, text, left, moved_to):
    """Only the mention between "from", "van" and "to", "naar" in a move the team made: the clause asks the rest."""
    reading = read_vacancy(text=f"Requirements\n- SQL\n{text}\n")
    assert left in not_asked_tools(reading) and left not in asked_tools(reading)
    assert moved_to is None or moved_to in asked_tools(reading)


@pytest.mark.parametrize(
    ("text", "tools"),
    [
        ("You will migrate our pipelines from Airflow to Dagster, so you know Airflow well.", {"airflow"}),
        ("Je hebt eerder van Hadoop naar Databricks gemigreerd en kent PySpark.", {"pyspark"}),
        ("We zijn aan het migreren van pandas naar PySpark; je helpt mee.", {"pandas", "pyspark"}),
        ("From pandas to PySpark: we moved every step of a pipeline and you will know both.", {"pandas", "pyspark"}),
        ("Data is moved from pandas to PySpark in each step of the pipeline.", {"pandas", "pyspark"}),
        ("Modellen worden van pandas naar PySpark overgezet zodra ze groeien.", {"pandas", "pyspark"}),
        ("We migrated from Airflow to Dagster; you need Airflow experience for the legacy jobs.", {"airflow"}),
        ("- Strong pandas skills\nIn 2023 the team switched from pandas to PySpark.", {"pandas", "pyspark"}),
    ],
)
def test_a_move_that_is_the_candidates_task_or_still_under_way_asks_for_both_sides(demo, text, tools):
    reading = read_vacancy(text=f"Requirements\n- SQL\n{text}\n")
    assert tools <= set(asked_tools(reading))


@pytest.mark.parametrize(
    ("text", "tool"),
    [
        ("Deploying pipelines to Airflow is off your plate: the platform team does that.", "airflow"),
        ("Het deployen naar Airflow is het werk van het platformteam.", "airflow"),
        ("Het publiceren naar Airflow is de verantwoordelijkheid van het platformteam.", "airflow"),
    ],
)
def test_a_tool_after_to_in_a_hand_over_that_is_no_move_is_not_asked(demo, text, tool):
    reading = read_vacancy(text=f"Requirements\n- SQL\n{text}\n")
    assert tool not in asked_tools(reading)


@pytest.mark.parametrize(
    ("text", "tools"),
    [
        ("We moved from Rotterdam to a bigger office in Amsterdam and build our pipelines with Airflow and dbt.", {"airflow", "dbt"}),
        ("We migrated from on-premise servers to the cloud and now run everything on Airflow.", {"airflow"}),
        ("Alle pipelines zijn gemigreerd naar Airflow en draaien op PySpark.", {"airflow", "pyspark"}),
        ("Je schrijft transformaties in dbt, en die vervangen de oude stored procedures.", {"dbt"}),
        ("Je bouwt API's met FastAPI, en die vervangen onze oude Flask-app.", {"fastapi"}),
        ("Net als bij een andere vacature van ons werk je met Airflow en dbt.", {"airflow", "dbt"}),
    ],
)  # fmt: skip
def test_a_move_of_offices_or_what_takes_over_is_still_asked(demo, text, tools):
    reading = read_vacancy(text=f"Requirements\n- SQL\n{text}\n")
    assert tools <= set(asked_tools(reading))


@pytest.mark.parametrize(
    "text",
    [
        "Misschien staan FastAPI of Flask op je cv. Mooi, maar die horen bij de vacature voor backendontwikkelaar, niet "
        "bij deze.",
        "FastAPI or Flask may be on your CV. Great, but those belong to the vacancy for a backend developer.",
        "FastAPI and Flask belong to another vacancy of ours.",
    ],
)
def test_what_belongs_to_another_vacancy_is_not_asked(demo, text):
    reading = read_vacancy(text=f"Requirements\n- SQL\n{text}\n")
    assert asked_tools(reading) == []
    assert {"fastapi", "flask"} <= set(not_asked_tools(reading))


def test_a_pronoun_that_says_what_a_tool_does_not_do_well_does_not_deny_it(demo):
    reading = read_vacancy(text="Requirements\n- SQL\nWe use Airflow, and that doesn't always work smoothly.\n")
    assert "airflow" in asked_tools(reading)
