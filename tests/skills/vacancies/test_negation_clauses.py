"""The clause rule of negation (skills.vacancies.negation, skills.vacancies.clauses): a negation or a hedge anywhere
in a mention's clause says it is not asked, in both languages, unless the negation is part of a phrase that matched,
an idiom that asks, before a contrast that restores, or in a subordinate clause it does not belong to; read through
read_vacancy."""

import pytest

from skills.models import VacancyCue
from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_reading import asked_items, asked_tools, not_asked_tools

pytestmark = pytest.mark.django_db


def read(line: str):
    return read_vacancy(text=f"Requirements\n- SQL\n- {line}\n")


def named(reading) -> tuple[set[str], set[str]]:
    """The items and tools asked, and those not asked, as "skill/item" and tool slugs."""
    not_asked = {f"{entry.item.skill.slug}/{entry.item.slug}" for entry in reading.not_asked_items}
    return set(asked_items(reading)) | set(asked_tools(reading)), not_asked | set(not_asked_tools(reading))


@pytest.mark.parametrize(
    ("line", "negated"),
    [
        ("Spark plays no part in this role.", {"pyspark"}),
        ("Spark speelt in onze omgeving geen rol.", {"pyspark"}),
        ("Spark is hardly used here.", {"pyspark"}),
        ("Spark wordt nauwelijks gebruikt.", {"pyspark"}),
        ("Airflow isn't relevant for this position.", {"airflow"}),
        ("Airflow or dbt is irrelevant for this role.", {"airflow", "dbt"}),
        ("Deploying with Docker is out of scope here.", {"ci-cd/docker"}),
        ("Docker is bijzaak.", {"ci-cd/docker"}),
        ("Airflow hoort bij een ander team.", {"airflow"}),
        ("Airflow belongs to another team.", {"airflow"}),
        ("Airflow is being phased out.", {"airflow"}),
        ("Bij onze klant wordt Django uitgefaseerd.", {"django"}),
        ("Programmeren in Python of Java hoort niet bij deze functie.", {"python-fundamentals/functions"}),
        ("Spark, Kafka or Flink experience is not needed.", {"pyspark"}),
        ("Kennis van Spark en streamingplatforms is niet vereist.", {"pyspark"}),
        ("You don't need a degree or any experience with Spark.", {"pyspark"}),
    ],
)
def test_a_negation_or_a_hedge_anywhere_in_the_clause_says_not_asked(demo, line, negated):
    reading = read(line)
    asked, not_asked = named(reading)
    assert asked == {"sql/joins"}
    assert negated <= not_asked


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Airflow? Daar doen we niets mee.", {"airflow"}),
        ("Do I need to know Pandas? No.", {"pandas"}),
        ("Is Spark een pré?\nNee, onze datasets zijn daar niet groot genoeg voor.", {"pyspark"}),
        (
            "En Docker of Airflow?\nDie beheert onze ICT-dienstverlener. Daar hoef je je niet mee bezig te houden.",
            {"airflow"},
        ),
        ("What about Flask or Django? Those are used only by our clients' web teams.", {"flask", "django"}),
        ("Pandas gebruiken alleen de analisten; in jouw werk speelt het geen rol.", {"pandas"}),
        (
            "Spark, Airflow and dbt belong to the data team — none of that is your concern.",
            {"pyspark", "airflow", "dbt"},
        ),
        ("Django? We moved away from it, so don't worry if you've never touched it.", {"django"}),
        ("Python or SQL? Not needed. Neither is any of their tooling, such as dbt or Airflow.", {"dbt", "airflow"}),
        ("Kafka – not required. Airflow – niet nodig.", {"airflow"}),
        ("Geen vereiste: Docker of Airflow.", {"airflow"}),
        ("No big data tooling: Spark, Airflow.", {"pyspark", "airflow"}),
        ("Geen big-data-tooling (Spark, Airflow).", {"pyspark", "airflow"}),
    ],
)
def test_questions_labels_and_pronouns_reach_what_they_speak_of(demo, text, negated):
    asked, not_asked = named(read_vacancy(text=text))
    assert asked.isdisjoint(negated)
    assert negated <= not_asked


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Je zorgt dat er geen lege velden in de bronbestanden doorglippen.", "data-quality/null-checks"),
        ("You make sure no row is lost between the source and the warehouse.", "data-quality/data-tests"),
        ("You build pipelines that never fail silently.", "orchestration/retries"),
        ("Nothing reaches production without passing the automated tests.", "ci-cd/ci-pipelines"),
        ("Niets gaat live zonder groene unittests.", "ci-cd/ci-pipelines"),
        ("Je brengt nieuwe versies met Azure DevOps zonder downtime naar productie.", "ci-cd/deploying-services"),
        ("Make sure no column quietly changes type between deliveries.", "data-quality/schema-drift"),
        ("Je vangt het op als een leverancier zonder waarschuwing een veld hernoemt.", "data-quality/schema-drift"),
        ("Je controleert dat er geen dubbele rijen in de tabellen staan.", "data-quality/data-tests"),
    ],
)
def test_a_negation_that_is_part_of_the_requirement_asks_for_it(demo, text, item):
    """(a) and (d): in a matched phrase, a double negation, a goal or a subordinate clause."""
    assert item in asked_items(read_vacancy(text=text))


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("You don't shy away from SQL.", "sql/joins"),
        ("Je schrikt niet terug voor ingewikkelde SQL.", "sql/joins"),
        ("Not only Python but also SQL.", "python-fundamentals/functions"),
        ("Niet alleen Python, maar ook SQL.", "python-fundamentals/functions"),
        ("Je hebt geen moeite met SQL.", "sql/joins"),
        ("You are no stranger to Docker.", "ci-cd/docker"),
        ("You are not afraid of Docker.", "ci-cd/docker"),
        ("Type hints zijn bij ons geen luxe maar standaard.", "python-fundamentals/typing"),
        ("3+ years of Python (no Spark or Scala needed).", "python-fundamentals/functions"),
        ("Geen Scala nodig: wij werken in Python.", "python-fundamentals/functions"),
    ],
)
def test_an_idiom_or_a_replacing_contrast_still_asks(demo, text, asked):
    """(b) and (c)."""
    assert asked in asked_items(read_vacancy(text=text))


@pytest.mark.parametrize(
    ("text", "asked", "negated"),
    [
        ("Cloudervaring: geen Azure, wel Docker.", "ci-cd/docker", "cloud/cloud-platform"),
        (
            "No Scala or Spark needed, but strong Python is.",
            "python-fundamentals/functions",
            "pyspark/scalable-pipelines",
        ),
        ("We build in Python and do not use Spark.", "python-fundamentals/functions", "pyspark/scalable-pipelines"),
        ("Python is key and Spark plays no part.", "python-fundamentals/functions", "pyspark/scalable-pipelines"),
        ("We use Docker instead of Airflow.", "ci-cd/docker", "orchestration/airflow-dags"),
    ],
)
def test_a_contrast_or_a_clause_of_its_own_restores_what_it_names(demo, text, asked, negated):
    items = asked_items(read_vacancy(text=text))
    assert asked in items
    assert negated not in items


@pytest.mark.parametrize(
    "text",
    [
        "Make sure Spark jobs don't run out of memory.",
        "You debug Spark jobs when the numbers don't add up.",
        "You build Spark jobs that don't need manual restarts.",
    ],
)
def test_a_negation_in_a_subordinate_clause_negates_no_main_mention(demo, text):
    assert "pyspark" in asked_tools(read_vacancy(text=text))


@pytest.mark.parametrize(
    "text",
    [
        "It doesn't matter if you have never used Airflow.",
        "Als je nog nooit met Airflow hebt gewerkt, is dat geen probleem.",
        "We verwachten niet dat je Airflow kent.",
        "Airflow is a tool that is not used here.",
        "Je kunt starten zonder dat je Airflow kent.",
    ],
)
def test_a_denial_of_needing_reaches_into_and_out_of_subordinate_clauses(demo, text):
    reading = read_vacancy(text=text)
    assert "airflow" in not_asked_tools(reading)


@pytest.mark.parametrize(
    "text",
    [
        "Docker is a plus but not a must.",
        "Docker is fijn maar niet noodzakelijk.",
        "Docker is a nice bonus, not a requirement.",
    ],
)
def test_welcome_but_not_essential_stays_nice_to_have(demo, text):
    assert asked_items(read_vacancy(text=text)) == {"ci-cd/docker": False}


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Cloudervaring: geen Azure, wel AWS.", "cloud/cloud-platform"),
        ("No Pandas for the big tables, but Pandas for the small ones.", "pandas/cleaning"),
    ],
)
def test_an_item_its_sentence_restores_after_a_contrast_is_asked(demo, text, item):
    assert item in asked_items(read_vacancy(text=text))


def test_an_item_said_not_needed_elsewhere_is_not_asked_anywhere(demo):
    reading = read_vacancy(text="Requirements\n- Pandas for reports.\n\nWhat you don't need\n- Pandas\n")
    assert "pandas/cleaning" not in asked_items(reading)


def test_an_editors_hedge_is_read_at_once(demo):
    text = "Requirements: SQL. Airflow staat op een laag pitje."
    assert "airflow" in asked_tools(read_vacancy(text=text))
    VacancyCue.objects.create(kind=VacancyCue.Kind.NEGATION, language="nl", text="op een laag pitje")
    assert "airflow" in not_asked_tools(read_vacancy(text=text))
