"""Which lines open a section (skills.vacancies.layout): a list entry or a line of requirements that starts with
a company or offer heading's words ("Over 5 years", "About 3 years", "Working at scale", "Training …") stays in its
section, while real headings ("About Acme", "Over ons", "Salary and benefits") still open theirs; read through
read_vacancy."""

import pytest

from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_reading import asked_items, asked_tools

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "line",
    [
        "- Over 5 years of experience with Spark",
        "- About 3 years of Spark",
        "- Working at scale with Spark",
        "- Training ML models in Spark",
        "- Werken bij hoge volumes met Spark",
        "- Over Spark weet je alles",
        "• Your development work runs on Spark",
        "1. Training models in Spark",
        "About 5 years with Spark and Airflow",
        "Working at scale with Spark and Airflow",
        "Training ML models in Spark",
    ],
)
def test_a_requirement_line_that_starts_like_a_company_or_offer_heading_is_asked(demo, line):
    reading = read_vacancy(text=f"Requirements:\n{line}\n- Python and Airflow\n")
    assert {"pyspark", "airflow"} <= set(asked_tools(reading))
    assert asked_items(reading)["python-fundamentals/functions"] is True


@pytest.mark.parametrize(
    "heading",
    [
        "About us",
        "Over ons",
        "About Acme",
        "Over Stroomwijs",
        "Over Groenrijk Online",
        "Working at Acme",
        "Werken bij de Gemeente Utrecht",
        "Working at the Port of Rotterdam",
        "About this company",
        "Training",
        "Training:",
        "Your development",
        "Jouw ontwikkeling",
        "Salary and benefits",
        "We offer you",
        "Wij bieden jou",
        "What we offer in return",
        "- Over ons:",
    ],
)
def test_a_company_or_offer_heading_still_asks_nothing(demo, heading):
    reading = read_vacancy(text=f"Requirements\n- SQL\n\n{heading}\nWe run Airflow and dbt on Azure.\n")
    assert asked_items(reading) == {"sql/joins": True}
    assert asked_tools(reading) == []


def test_a_list_entry_that_is_a_heading_alone_opens_its_section(demo):
    text = "Requirements\n- Must have:\n  - Python\n- Nice to have:\n  - Docker\n"
    assert asked_items(read_vacancy(text=text)) == {"python-fundamentals/functions": True, "ci-cd/docker": False}


def test_a_question_in_a_list_of_pluses_stays_a_plus(demo):
    text = "Pluspunten\n- Ken je Docker?\n- Ervaring met Airflow\n"
    assert asked_items(read_vacancy(text=text)) == {"ci-cd/docker": False, "orchestration/airflow-dags": False}


@pytest.mark.parametrize(
    ("line", "years"),
    [("Over 5 years as a data engineer", 5), ("- 3 jaar als BI-developer", 3), ("About 2 years as an engineer", 2)],
)
def test_years_in_a_role_ask_for_experience(demo, line, years):
    assert read_vacancy(text=f"Requirements:\n{line}\n- Python\n").requirements.years == years


@pytest.mark.parametrize(
    "title",
    ["Het platform waar je aan werkt", "The platform you'll work on", "Het team waar je in komt"],
)
def test_a_six_word_title_after_the_company_paragraph_starts_the_job(demo, title):
    text = f"Over ons\nEen verzekeraar in Amsterdam.\n\n{title}\nOns platform draait op Databricks in Azure.\n"
    assert {"pyspark/scalable-pipelines", "cloud/cloud-platform"} <= set(asked_items(read_vacancy(text=text)))


@pytest.mark.parametrize(
    "text",
    [
        "What you'll bring\n- Six years as a data engineer, ideally in payments.\n- Strong Python and SQL.",
        "Wat neem je mee\n- Vijf jaar ervaring, bij voorkeur in de zorg.\n- Goede kennis van Python en SQL.",
    ],
)
def test_a_nice_cue_deep_in_the_first_entry_leaves_the_list_required(demo, text):
    assert asked_items(read_vacancy(text=text)) == {"python-fundamentals/functions": True, "sql/joins": True}


@pytest.mark.parametrize(
    "text", ["Good to know\n- Preferably Airflow\n- Docker", "Ook handig\n- Bij voorkeur Airflow\n- Docker"]
)
def test_a_nice_cue_that_opens_the_line_after_a_heading_makes_its_list_nice(demo, text):
    assert asked_items(read_vacancy(text=text)) == {"orchestration/airflow-dags": False, "ci-cd/docker": False}


@pytest.mark.parametrize(
    ("text", "docker_required"),
    [
        (
            "Wat vragen wij?\n- Python\n\nPré:\n- Kennis van dbt\nGeen ervaring met Spark nodig.\n- Ervaring met Docker",
            False,
        ),
        ("What we ask\n- Python\n\nNice to have:\n- dbt\nNo Spark experience needed.\n- Docker", False),
        ("Wat vragen wij?\n- Python\n\nPré:\n- Kennis van dbt\n\nJe werkt met Docker.\n- Python-scripts", True),
    ],
)
def test_a_sentence_between_entries_of_a_list_of_pluses_leaves_the_list_a_plus(demo, text, docker_required):
    """A sentence with the list going on straight after it is an aside; prose after an empty line ends the list."""
    reading = read_vacancy(text=text)
    assert asked_items(reading)["ci-cd/docker"] is docker_required
    assert "pyspark/scalable-pipelines" not in asked_items(reading)
