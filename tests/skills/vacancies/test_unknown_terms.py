"""The terms the reader does not know, named: products, languages, formats and technical acronyms, wherever and
however a vacancy writes them, and no ordinary word, place, company or business acronym among them."""

import pytest

from skills.models import VacancyCue
from skills.vacancies.reading import read_vacancy

pytestmark = pytest.mark.django_db


def named(text: str) -> list[str]:
    reading = read_vacancy(text=text)
    for hit in reading.unrecognised:
        assert text[hit.start : hit.end] == hit.text
    return [hit.text for hit in reading.unrecognised if hit not in reading.out_of_context]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        # lower case, as some products write themselves
        ("You analyse locally with duckdb and sync sources with airbyte.", ["duckdb", "airbyte"]),
        # glued to a Dutch word
        ("Je beheert de Kafka-topics en de Snowflake-omgeving.", ["Kafka", "Snowflake"]),
        ("Je bouwt Power BI-rapportages en Azure Data Factory-pipelines.", ["Power BI", "Azure Data Factory"]),
        # whole when a different product holds a known word
        (
            "Data comes from SQL Server and Kafka Streams into Looker Studio.",
            ["SQL Server", "Kafka Streams", "Looker Studio"],
        ),
        ("We run Delta Live Tables with Unity Catalog.", ["Delta Live Tables", "Unity Catalog"]),
        # first in a sentence or on a bullet, where a capital says nothing
        (
            "Snowflake is our warehouse.\n- Fivetran loads the CRM.\n- Looker for dashboards",
            ["Snowflake", "Fivetran", "Looker"],
        ),
        # digits, dots and languages
        (
            "Services in Go, TypeScript on Node.js and .NET; scripts in Bash or R.",
            ["Go", "TypeScript", "Node.js", ".NET", "Bash", "R"],
        ),
        # written with symbols: not "C" in "C-level", not "net" in "net als"
        ("Code in C#, C++ or F# on ASP.NET; a C-level sponsor.", ["C#", "C++", "F#", "ASP.NET"]),
        # whole, though it holds a known word or a term
        (
            "Fallback to Azure OpenAI; logs in Grafana Loki; models on ONNX Runtime.",
            ["Azure OpenAI", "Grafana Loki", "ONNX Runtime"],
        ),
        # formats and technical acronyms
        (
            "ELT jobs read Parquet, Avro and JSON; CDC feeds REST endpoints.",
            ["ELT", "Parquet", "Avro", "JSON", "CDC", "REST"],
        ),
        # an enterprise stack, glued and first on a bullet
        (
            "- Mendix-applicaties en TOPdesk leveren data aan Cognos en Azure Monitor.",
            ["Mendix", "TOPdesk", "Cognos", "Azure Monitor"],
        ),
        # inside a negation
        ("No Flink experience needed.", ["Flink"]),
    ],
)
def test_products_languages_formats_and_acronyms_are_named(demo, text, terms):
    assert named(text) == terms


@pytest.mark.parametrize(
    "text",
    [
        "We go live every quarter and net als jij houden we van rust.",  # "Go", "net", "rust" as ordinary words
        "Je volgde een opleiding informatica.",
        "Spark SQL and dbt Cloud are what we use.",  # products the phrasebook knows, whole
        "You work at our depot in Venlo with team Klantdata and De Nederlandsche Bank.",  # places and names
        "Data from the CRM and ERP, under the AVG and GDPR, in the DevOps-team and with the BI and ML teams.",
        "Je kent de BIO, NIS2 en DORA en hebt een VOG.",
        "Three or more years of experience. English at C1 level. Knowledge of Django.",
        # the rest of the team is no REST, and the words of any data job (a DAG, a DataFrame, IDs) name no product
        "The rest of the team writes the Airflow DAGs; de rest van het team schrijft DAG's.",
        "Rest assured: we pay well.",
        "Joins on IDs over DataFrames of 40 GB, before 09:00 CET.",
        "A 13th month and a 13e maand.",
    ],
)
def test_ordinary_words_places_names_and_business_acronyms_are_not_named(demo, text):
    assert named(text) == []


def test_a_capitalised_word_in_a_list_with_a_term_is_named(demo):
    assert named("Experience with Kafka, Redpanda or a similar broker.") == ["Kafka", "Redpanda"]


def test_a_term_in_the_company_or_offer_section_is_not_named(demo):
    text = "About us\nOur app runs on Kotlin.\n\nWhat we offer\nA Snowflake certification.\n"
    assert named(text) == []


def test_an_editor_adds_a_term_and_the_next_reading_names_it_however_written(demo):
    text = "Our events land in redpanda."
    assert named(text) == []
    VacancyCue.objects.create(kind=VacancyCue.Kind.TERM, text="Redpanda", language="en")
    assert named(text) == ["redpanda"]


def test_the_employers_and_its_products_names_are_not_named(demo):
    text = (
        "Data Engineer bij ZorgNet\n\nOver ons\nOns eigen platform ZorgLink deelt verwijzingen.\n\n"
        "Wat ga je doen?\nJe bouwt bij ZorgNet de datastromen achter ZorgLink, uit HiX en PostgreSQL."
    )
    assert named(text) == ["HiX", "PostgreSQL"]


def test_a_capitalised_word_after_a_term_and_with_is_in_its_list(demo):
    assert named("You load them into Snowflake with Meltrix, Quorra and Census.") == [
        "Snowflake",
        "Meltrix",
        "Quorra",
        "Census",
    ]


def test_capitalised_words_after_such_as_are_examples_of_products(demo):
    assert named("Experience with a vector store such as Zilvra, Quorra or Meltrix. Zoals Nimbo.") == [
        "Zilvra",
        "Quorra",
        "Meltrix",
        "Nimbo",
    ]


def test_a_percentile_is_no_product(demo):
    assert named("Keep p99 latency under 50 ms.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Geen Airflow-ervaring nodig, wel kennis van Kubernetes en Zorblax.",
        "Geen Airflow-ervaring nodig, maar kennis van Kubernetes en Zorblax is een must.",
        "No Airflow experience needed, but knowledge of Kubernetes and Zorblax.",
        # a line of two sentences is no title, however many capitals its short words have
        "Geen Airflow nodig. Wel Kubernetes en Zorblax.",
        "No Airflow needed. You know Kubernetes and Zorblax.",
    ],
)
def test_a_clause_that_asks_again_after_a_negation_names_its_unknown_terms(demo, text):
    reading = read_vacancy(text=text)
    assert [asked.item.slug for asked in reading.not_asked_items] == ["airflow-dags"]
    assert named(text) == ["Kubernetes", "Zorblax"]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Pré:\n- Ervaring met Zorblax Streamhub\n- Kennis van Kafka", ["Zorblax Streamhub", "Kafka"]),
        (
            "Wat vragen wij?\n- Ervaring met Zorblax Streamhub.\n- Je bent bekend met Quorra.",
            ["Zorblax Streamhub", "Quorra"],
        ),
        ("Nice to have:\n- Experience with Zorblax Streamhub", ["Zorblax Streamhub"]),
        (
            "Requirements\n- Hands-on experience with Zorblax Streamhub\n- Familiar with Quorra",
            ["Zorblax Streamhub", "Quorra"],
        ),
    ],
)
def test_a_made_up_product_alone_on_a_requirement_line_is_named(demo, text, terms):
    assert named(text) == terms


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Wat ga je doen?\nWe gebruiken Quarkflow voor de dagelijkse ladingen.", ["Quarkflow"]),
        ("What you will do\nWe use Quarkflow and Zorblax every day.", ["Quarkflow", "Zorblax"]),
        ("What you will do\nYou load the orders using Quarkflow.", ["Quarkflow"]),
    ],
)
def test_a_made_up_product_the_job_uses_is_named(demo, text, terms):
    """A product named in an ordinary sentence of the job, after "we use" or "using", is as unknown as one in a list:
    the reader must say it did not understand it, not stay silent."""
    assert named(text) == terms


@pytest.mark.parametrize(
    "text",
    [
        "Wat vragen wij?\n- Ervaring met Nederlandse gemeenten\n- Kennis van Python",
        "Requirements\n- Experience with Dutch municipalities\n- Knowledge of SQL",
        "What you will do\nYou plan deliveries using Belgian and Irish suppliers' data.",
        "What you will do\nYou work with Product Owners and Marketing.",  # whom the job works with, not a product
        "Wat ga je doen?\nJe werkt met Finance en Marketing.",
        "Over ons\nWij werken met Zorblax Streamhub.\n\nWat vragen wij?\n- Ervaring met SQL",  # the company's stack
    ],
)
def test_what_a_candidate_knows_is_no_product_when_it_is_an_ordinary_word_or_the_companys(demo, text):
    assert named(text) == []


def test_terms_that_start_at_the_same_place_come_shortest_first(demo):
    """A set of hits sorted by their start alone came in the order of the process's string hashes: with six such
    places, in the right order in one process out of 64."""
    reading = read_vacancy(text="Je bouwt de frontend in TypeScript.\n" * 6)
    hits = [(hit.start, hit.end) for hit in reading.unrecognised]
    assert hits == sorted(hits)
