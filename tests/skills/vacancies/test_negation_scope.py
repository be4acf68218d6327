"""How far a negation, a nice-to-have cue and a heading reach in a vacancy (skills.vacancies.layout), and the
generic phrases that count only in context (skills.demo_phrases), read through read_vacancy."""

import pytest

from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_reading import asked_items, asked_tools, not_asked_tools

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Wat vragen wij\n- SQL\n- Databricks hoef je niet te kennen, en met Airflow werken we niet.\n",
        "Requirements\n- SQL\n- Cloud experience is welcome, Airflow is not.\n",
        "Wat vragen wij\n- SQL\n- Kafka is geen vereiste; Airflow evenmin.\n",
        "Requirements:\n- SQL\n- Neither Airflow nor Kafka is needed.\n",
    ],
)
def test_a_negation_at_the_end_of_its_clause_wins_over_the_section(demo, text):
    reading = read_vacancy(text=text)
    assert "airflow" not in asked_tools(reading)
    assert "airflow" in not_asked_tools(reading)
    assert asked_items(reading)["sql/joins"] is True


def test_a_trailing_negation_does_not_reach_across_and(demo):
    reading = read_vacancy(text="Python is een must en Airflow gebruiken we niet.")
    assert "python-fundamentals/functions" in asked_items(reading)
    assert "airflow" not in asked_tools(reading)


def test_what_follows_the_colon_of_a_not_needed_line_explains_and_asks(demo):
    reading = read_vacancy(
        text="Not needed\n- Pandas experience.\n- Airflow: we orchestrate with Databricks Workflows.\n"
    )
    assert asked_tools(reading) == ["pyspark"]
    assert set(not_asked_tools(reading)) == {"pandas", "airflow"}
    assert "orchestration/airflow-dags" not in asked_items(reading)


def test_a_list_line_that_starts_like_a_heading_stays_in_its_list(demo):
    text = "Pluspunten\n- Je hebt gewerkt met Google Cloud.\n- Ervaring met typering en mypy.\n"
    items = asked_items(read_vacancy(text=text))
    assert items == {"cloud/cloud-platform": False, "python-fundamentals/typing": False}


@pytest.mark.parametrize(
    "heading", ["Zou fijn zijn", "Geen must, wel fijn", "Helemaal top als je", "It would be great if you"]
)
def test_more_headings_open_a_nice_to_have_section(demo, heading):
    assert asked_items(read_vacancy(text=f"Je kent SQL.\n\n{heading}\n- Docker\n")) == {
        "sql/joins": True,
        "ci-cd/docker": False,
    }


@pytest.mark.parametrize("heading", ["Dit bieden wij", "In return", "Waar ga je werken?", "Where you will work"])
def test_more_headings_open_a_section_that_asks_nothing(demo, heading):
    reading = read_vacancy(text=f"You know SQL.\n\n{heading}\n- A Databricks course and Airflow training.\n")
    assert asked_items(reading) == {"sql/joins": True}
    assert asked_tools(reading) == []


def test_bij_voorkeur_makes_only_what_follows_it_nice(demo):
    items = asked_items(read_vacancy(text="Je bent bekend met Docker en cloudomgevingen, bij voorkeur AWS."))
    assert items == {"cloud/cloud-platform": True, "ci-cd/docker": True}
    assert asked_items(read_vacancy(text="Bij voorkeur ken je Docker."))["ci-cd/docker"] is False


def test_a_nice_extra_that_is_not_a_must_is_nice_to_have(demo):
    assert asked_items(read_vacancy(text="Docker is a nice extra, but not a must."))["ci-cd/docker"] is False
    assert (
        asked_items(read_vacancy(text="Deploying on Kubernetes is a nice extra, but not a must."))[
            "ci-cd/deploying-services"
        ]
        is False
    )


@pytest.mark.parametrize(
    "text",
    [
        "SQL isn't part of this job, and neither is Spark.",
        "SQL is een must, Spark niet: onze volumes zijn klein.",
        "Heb je nog nooit met Spark gewerkt? Dat leer je hier.",
    ],
)
def test_isnt_part_of_a_dutch_tail_before_a_colon_and_nooit_negate(demo, text):
    reading = read_vacancy(text=text)
    assert "pyspark/scalable-pipelines" not in asked_items(reading)
    assert "pyspark" in {entry.tool.slug for entry in reading.not_asked_tools}


def test_a_colon_ends_only_the_dutch_tail_not_a_negation_after_it(demo):
    assert "orchestration/airflow-dags" in asked_items(read_vacancy(text="Airflow: we plannen alles, ook backfills."))
    reading = read_vacancy(text="- Scala: niet nodig, wel Airflow.")
    assert "orchestration/airflow-dags" in asked_items(reading)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Join the team that runs our Kubernetes clusters with Terraform.", set()),
        ("You deploy our services to Kubernetes.", {"ci-cd/deploying-services"}),
        ("Je ontwerpt partities voor grote tabellen in PostgreSQL.", set()),
        ("Je kiest de partities van je PySpark-jobs bewust.", {"pyspark/partitioning", "pyspark/scalable-pipelines"}),
        ("You write SQL joins across billing and CRM data.", {"sql/joins"}),
        ("Our dashboards send alerts when revenue looks off.", set()),
        ("Set up alerting so that failed loads are retried.", {"orchestration/retries"}),
    ],
)
def test_generic_words_count_only_beside_their_skill(demo, text, kept):
    assert set(asked_items(read_vacancy(text=text))) == kept


def test_what_you_will_learn_asks_for_nothing(demo):
    reading = read_vacancy(text="What you will learn\n- Python and SQL from day one.\n\nWhat we ask\n- Curiosity.")
    assert asked_items(reading) == {}
    reading = read_vacancy(text="Wat ga je leren?\n- Programmeren in Python.\n\nWat vragen wij?\n- Kennis van SQL.")
    assert set(asked_items(reading)) == {"sql/joins"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je doet performance tuning van trage SQL-query's.", {"sql/query-performance": True, "sql/joins": True}),
        (
            "Performance tuning of our Spark jobs.",
            {"pyspark/scalable-pipelines": True, "pyspark/runtime-debugging": True},
        ),
        (
            "Senior-level Python: packaging, typing, testing.",
            {"python-fundamentals/functions": True, "python-fundamentals/typing": True},
        ),
        (
            "Ervaring met Airflow voor het plannen van workflows.",
            {"orchestration/airflow-dags": True, "orchestration/scheduling": True},
        ),
        ("We plannen een heidag.", {}),
    ],
)
def test_generic_phrases_count_only_beside_their_skill(demo, text, expected):
    assert asked_items(read_vacancy(text=text)) == expected


def test_generic_phrases_without_their_skill_are_named_as_unrecognised(demo):
    reading = read_vacancy(text="Je doet performance tuning van trage SQL-query's.")
    assert "performance tuning" in [hit.text for hit in reading.unrecognised]


def test_a_product_glued_to_ervaring_at_the_start_of_a_line_is_named(demo):
    reading = read_vacancy(text="Wij vragen\n- Snowflake-ervaring is een pré.\n")
    assert reading.unrecognised_terms == ["Snowflake"]


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Het testen van data en kwaliteitschecks.", "data-quality/data-tests"),
        ("Kennis van containertechnologie.", "ci-cd/docker"),
        ("Je richt toegangsrechten in.", "cloud/access"),
        ("Ervaring met testautomatisering.", "ci-cd/ci-pipelines"),
        ("Je verwerkt grote hoeveelheden data.", "pyspark/scalable-pipelines"),
        ("Je vangt lege velden af.", "data-quality/null-checks"),
        ("Je richt data-validatie in voor elke bron.", "data-quality/data-tests"),
        ("Je zorgt dat nulwaarden bewust worden behandeld.", "data-quality/null-checks"),
        ("Je vangt wijzigingen in het schema van bronsystemen op.", "data-quality/schema-drift"),
        ("Je optimaliseert SQL-queries.", "sql/query-performance"),
        ("Je pakt ongelijk verdeelde sleutels in Spark aan.", "pyspark/skew"),
        ("Je schrijft objectgeoriënteerde Python-code.", "python-fundamentals/classes"),
        ("Failed tasks page the on-call engineer.", "orchestration/retries"),
        ("Catch incomplete records and duplicate rows.", "data-quality/null-checks"),
        ("Keep the warehouse queries fast.", "sql/query-performance"),
        ("Run Spark on EMR and small handlers on AWS Lambda.", "cloud/storage-compute"),
        ("Je optimaliseert de SQL van bestaande datamodellen.", "sql/query-performance"),
        ("Je richt een CI-straat in met Azure Pipelines.", "ci-cd/ci-pipelines"),
    ],
)
def test_everyday_wording_names_its_item(demo, text, item):
    assert item in asked_items(read_vacancy(text=text))


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("- 3–5 years in a data engineering role.", 3),
        ("- Two to four years in analytics.", 2),
        ("- Five or more years of building pipelines.", 5),
        ("- Drie tot vijf jaar werkervaring.", 3),
        ("- Twee of meer jaar ervaring.", 2),
        ("- Six years of data engineering.", 6),
    ],
)
def test_a_range_of_years_asks_for_experience_by_itself(demo, line, years):
    reading = read_vacancy(text=f"Data Engineer\n\nWhat you'll need\n{line}\n")
    assert (reading.seniority, reading.requirements.years) == ("senior" if years >= 5 else "medior", years)


def test_a_negation_that_ends_before_a_colon_stops_there(demo):
    reading = read_vacancy(text="- Geen Scala-ervaring nodig: wij werken volledig in Python.")
    assert "python-fundamentals/functions" in asked_items(reading)


def test_a_negation_before_a_colon_still_reaches_its_list(demo):
    reading = read_vacancy(text="- Niet vereist: Spark of Airflow.")
    assert "airflow" in not_asked_tools(reading)


@pytest.mark.parametrize(
    "text",
    ["Je debugt Pandas-code als de uitkomsten niet kloppen.", "Je debugt Pandas-code wanneer een rapport niet klopt."],
)
def test_a_negation_in_a_clause_of_its_own_negates_nothing_before_it(demo, text):
    assert "pandas/debugging" in asked_items(read_vacancy(text=text))


def test_a_short_title_after_the_company_paragraph_starts_the_job(demo):
    text = "Who we are\nA garden centre chain.\n\nYour work\nYou build pipelines in Python and SQL.\n"
    assert {"python-fundamentals/functions", "sql/joins"} <= set(asked_items(read_vacancy(text=text)))


def test_a_paragraph_after_a_nice_to_have_list_is_asked(demo):
    text = "Nice to have\n- Airflow\n\nYou write SQL every day.\n"
    assert asked_items(read_vacancy(text=text)) == {"orchestration/airflow-dags": False, "sql/joins": True}


@pytest.mark.parametrize("cue", ["but not required", "maar niet noodzakelijk"])
def test_not_required_but_welcome_is_nice_to_have(demo, cue):
    assert asked_items(read_vacancy(text=f"Airflow helps, {cue}."))["orchestration/airflow-dags"] is False


@pytest.mark.parametrize(
    "text",
    ["Je brengt nieuwe versies via Azure DevOps in productie.", "Ervaring met scikit-learn-modellen in productie."],
)
def test_in_productie_is_a_deployment_only_beside_its_skill(demo, text):
    asked = "ci-cd/deploying-services" in asked_items(read_vacancy(text=text))
    assert asked is ("DevOps" in text)


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Je plant de trainingsjobs in met Airflow.", True),
        ("Pipelines in Cloud Composer (Airflow) die elk uur draaien.", True),
        ("Je plant je eigen werk.", False),
        ("Clinics send us their data every night.", False),
    ],
)
def test_how_often_a_job_runs_is_scheduling_beside_orchestration(demo, text, asked):
    assert ("orchestration/scheduling" in asked_items(read_vacancy(text=text))) is asked


def test_optimising_without_sql_is_no_query_performance(demo):
    assert "sql/query-performance" not in asked_items(read_vacancy(text="Je optimaliseert onze bedrijfsprocessen."))


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Handle the one key that holds most of the rows, for example by salting it.", "pyspark/skew"),
        ("Je pakt de ene klant aan met het grootste deel van de rijen.", "pyspark/skew"),
        ("Cut down the network traffic between executors.", "pyspark/shuffles"),
        ("Je beperkt het netwerkverkeer tussen executors.", "pyspark/shuffles"),
        ("Decide how the data is split across the cluster.", "pyspark/partitioning"),
        ("Je bepaalt hoe de data over het cluster wordt verdeeld.", "pyspark/partitioning"),
        ("Keep intermediate DataFrames in memory between steps.", "pyspark/caching"),
        ("Je houdt tussenresultaten in het geheugen.", "pyspark/caching"),
        ("Read the query plan and avoid full-table scans.", "sql/query-performance"),
        ("Je leest het queryplan en voorkomt volledige tabelscans.", "sql/query-performance"),
        ("Show the latest record per customer.", "sql/window-functions"),
        ("Je berekent lopende totalen per maand.", "sql/window-functions"),
        ("Rank customers by revenue in SQL.", "sql/window-functions"),
        ("Check that order IDs are unique and that amounts stay within expected ranges.", "data-quality/data-tests"),
        ("Je bewaakt de uniciteit van klantnummers.", "data-quality/data-tests"),
        ("Decide what happens to fields that are left empty.", "data-quality/null-checks"),
        ("Je zoekt uit waarom velden leeg blijven.", "data-quality/null-checks"),
        ("Notice when a supplier changes the format of its files.", "data-quality/schema-drift"),
        ("Je merkt het als een kolom van type verandert.", "data-quality/schema-drift"),
        ("Replace row-by-row loops with operations on whole columns.", "python-fundamentals/vectorised-code"),
        ("Je vervangt loops die rij voor rij door de data gaan.", "python-fundamentals/vectorised-code"),
        ("Je kiest zuinige datatypes.", "pandas/memory"),
        ("Je schrijft objectgerichte code.", "python-fundamentals/classes"),
        ("Find out where in the pipeline the totals went wrong.", "pandas/debugging"),
        ("Loads run every 15 minutes and a missed day is caught up.", "orchestration/scheduling"),
        ("Raw files land in buckets and storage accounts.", "cloud/storage-compute"),
        ("Keep secrets out of the code.", "cloud/access"),
        ("Every pull request is tested automatically.", "ci-cd/ci-pipelines"),
        ("Een pipeline draait bij elk merge request automatisch de tests.", "ci-cd/ci-pipelines"),
        ("A failed release is rolled back within minutes.", "ci-cd/deploying-services"),
        ("Ervaring met het uitrollen van jobs.", "ci-cd/deploying-services"),
        ("Release new versions safely.", "ci-cd/deploying-services"),
        ("Work out month-over-month growth per channel in SQL.", "sql/window-functions"),
        ("Credentials live in a secret scope.", "cloud/access"),
        ("Wachtwoorden staan nooit in de code.", "cloud/access"),
        ("Run sanity checks on every load: row counts against the day before.", "data-quality/data-tests"),
        ("Je voegt plausibiliteitscontroles toe.", "data-quality/data-tests"),
        ("Report incomplete rows and missing fields.", "data-quality/null-checks"),
        ("Onvolledige regels en ongevulde velden meld je terug.", "data-quality/null-checks"),
        ("Agree data contracts with the largest suppliers.", "data-quality/schema-drift"),
        ("Trace the difference back to its cause.", "pandas/debugging"),
        ("Je zoekt de oorzaak van het verschil.", "pandas/debugging"),
        ("A failed night is rerun the next morning.", "orchestration/retries"),
        ("Je verwerkt grote hoeveelheden data.", "pyspark/scalable-pipelines"),
        ("Spark jobs over large datasets.", "pyspark/scalable-pipelines"),
        ("Make sure those heavy keys do not slow down the whole job.", "pyspark/skew"),
        ("Keep our Databricks costs in check.", "pyspark/runtime-debugging"),
        ("Wachtwoorden en API-sleutels staan in een kluis.", "cloud/access"),
        ("De ruwe data staat in een opslagaccount.", "cloud/storage-compute"),
        ("Trage dashboards maak je sneller.", "sql/query-performance"),
        ("Airflow runs the loads on a fixed schedule.", "orchestration/scheduling"),
        ("You reprocess a week of data when corrections arrive.", "orchestration/scheduling"),
        ("You adapt the loads when a column is renamed.", "data-quality/schema-drift"),
        ("Je bouwt controles op dubbele aanslagen.", "data-quality/data-tests"),
        ("Je signaleert bedragen buiten de normale bandbreedte.", "data-quality/data-tests"),
        ("You release the service with zero downtime.", "ci-cd/deploying-services"),
        ("Je kunt snel terug naar de vorige versie.", "ci-cd/deploying-services"),
        ("Find the step in the pipeline where it went wrong.", "pandas/debugging"),
        ("Elke wijziging doorloopt automatische codecontroles.", "ci-cd/ci-pipelines"),
    ],
)
def test_everyday_words_name_their_item(demo, text, item):
    assert item in asked_items(read_vacancy(text=text))


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("You have a weekly catch-up with your lead.", "orchestration/scheduling"),
        ("You improve the search ranking of our help pages.", "sql/window-functions"),
        ("You follow training classes of your choice.", "python-fundamentals/classes"),
        ("You segment customers with clustering.", "sql/query-performance"),
        ("You manage permissions in our content management system.", "cloud/access"),
        ("Your experience is cumulative.", "sql/window-functions"),
        ("Ervaring met Docker, Kubernetes en Terraform.", "ci-cd/deploying-services"),
        ("Comfortable with Docker and Terraform.", "ci-cd/deploying-services"),
        ("New dashboards reach the marketing team in a monthly release.", "ci-cd/deploying-services"),
        ("Nieuwe rapportages gaan eens per maand in een release naar de inkopers.", "ci-cd/deploying-services"),
        ("Build dbt models on large datasets in BigQuery.", "pyspark/scalable-pipelines"),
        ("Je bouwt dbt-modellen op grote datasets in Snowflake.", "pyspark/scalable-pipelines"),
        ("We lezen elk kwartier de slimme meters uit.", "orchestration/scheduling"),
        ("You get a flexible schedule.", "orchestration/scheduling"),
        ("Your academic credentials matter less than your curiosity.", "cloud/access"),
        ("In your daily job you build dashboards.", "orchestration/scheduling"),
        ("You are responsible for the daily running of the platform.", "orchestration/scheduling"),
        ("You work on a fixed schedule from Monday to Thursday.", "orchestration/scheduling"),
        ("Our secret sauce is the people.", "cloud/access"),
        ("We change the format of our meetings often.", "data-quality/schema-drift"),
        ("You review every pull request of your teammates.", "ci-cd/ci-pipelines"),
        ("Het salaris ligt binnen de normale bandbreedte van de cao.", "data-quality/data-tests"),
        ("We make salt and sugar for bakeries.", "pyspark/skew"),
        ("The dashboard shows year-over-year growth.", "sql/window-functions"),
        ("Our app scales with autoscaling on Kubernetes.", "pyspark/runtime-debugging"),
    ],
)
def test_generic_words_without_their_skill_name_nothing(demo, text, item):
    assert item not in asked_items(read_vacancy(text=text))
