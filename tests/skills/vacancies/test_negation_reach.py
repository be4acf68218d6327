"""Where a negation, a nice-to-have cue and a section reach beyond the words next to a mention
(skills.vacancies.layout): negations after a mention, pronouns that point back, questions answered, the end of a
list, and the sections that ask nothing; read through read_vacancy."""

import pytest

from skills.models import VacancyCue
from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_reading import asked_items, asked_tools, not_asked_tools

pytestmark = pytest.mark.django_db


def not_asked_items(reading) -> list[str]:
    return [f"{entry.item.skill.slug}/{entry.item.slug}" for entry in reading.not_asked_items]


@pytest.mark.parametrize(
    ("line", "negated"),
    [
        ("Spark and Airflow are not used in this team.", {"pyspark", "airflow"}),
        ("Airflow, dbt and Spark aren't things you need to know.", {"airflow", "dbt", "pyspark"}),
        ("Spark or Airflow experience is not something we look for.", {"pyspark", "airflow"}),
        ("We moved off Airflow last year, so you won't need it.", {"airflow"}),
        ("Spark, Airflow and dbt - none of these are needed.", {"pyspark", "airflow", "dbt"}),
        ("Forget about Airflow; we don't use it.", {"airflow"}),
        ("Nobody on this team touches Pandas or NumPy.", {"pandas", "numpy"}),
        ("Experience with Spark is not needed, nor is Airflow or dbt.", {"pyspark", "airflow", "dbt"}),
        ("Pandas and NumPy? Not needed here.", {"pandas", "numpy"}),
        (
            "You do not need to have any hands-on experience with Spark or Airflow, our data team runs those.",
            {"pyspark", "airflow"},
        ),
        ("Airflow en dbt gebruiken we niet, dus die hoef je niet te kennen.", {"airflow", "dbt"}),
        ("Spark en Airflow: die gebruiken we hier niet.", {"pyspark", "airflow"}),
        ("Niemand in het team werkt met Pandas.", {"pandas"}),
        ("Spark en Airflow vallen buiten deze functie.", {"pyspark", "airflow"}),
        ("Spark? Niet nodig.", {"pyspark"}),
        ("Spark is voor ons volume te zwaar, dus ook dat hoef je niet te kennen.", {"pyspark"}),  # an adverb between
    ],
)
def test_a_negation_reaches_its_mentions_wherever_it_stands(demo, line, negated):
    for text in (f"Requirements\n- SQL\n- {line}\n", f"Nice to have\n- Docker\n\n{line}\n"):
        reading = read_vacancy(text=text)
        assert set(asked_tools(reading)).isdisjoint(negated), text
        assert set(not_asked_tools(reading)) == negated, text


@pytest.mark.parametrize(
    "text",
    [
        "You build Airflow DAGs that don't need manual restarts.",
        "We use Airflow every day; don't use it for heavy transformations.",
        "You know Airflow. It is not required to know Spark.",
        "Je beheert Airflow, dat niet altijd meewerkt.",
    ],
)
def test_a_negation_of_something_else_leaves_the_mention_asked(demo, text):
    assert "airflow" in asked_tools(read_vacancy(text=text))


def test_not_null_is_a_check_not_a_negation(demo):
    reading = read_vacancy(text="Tests on your models: uniqueness, not-null and accepted values.")
    assert {"data-quality/data-tests", "data-quality/null-checks"} <= set(asked_items(reading))
    assert not_asked_items(reading) == []


@pytest.mark.parametrize(
    "heading", ["What's not required:", "Wat niet nodig is:", "No need to know:", "Don't worry if you lack:"]
)
def test_a_heading_that_negates_opens_what_is_not_needed(demo, heading):
    reading = read_vacancy(text=f"Requirements\n- SQL\n\n{heading}\n- Spark\n- Airflow\n")
    assert asked_tools(reading) == []
    assert set(not_asked_tools(reading)) == {"pyspark", "airflow"}
    assert asked_items(reading) == {"sql/joins": True}


def test_prose_after_a_list_of_what_is_not_needed_is_asked(demo):
    reading = read_vacancy(text="What you don't need\n- Spark\n- Airflow\n\nWe write Python every day.\n")
    assert asked_items(reading) == {"python-fundamentals/functions": True}
    assert set(not_asked_tools(reading)) == {"pyspark", "airflow"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SQL is a must, Docker is a plus.", {"sql/joins": True, "ci-cd/docker": False}),
        ("Docker is a plus, but SQL is a must.", {"sql/joins": True, "ci-cd/docker": False}),
        (
            "Python is essential and Docker is nice to have.",
            {"python-fundamentals/functions": True, "ci-cd/docker": False},
        ),
        ("Basiskennis van SQL is een must, ervaring met Docker een pré.", {"sql/joins": True, "ci-cd/docker": False}),
        ("Ervaring met Docker is geen vereiste, maar wel een plus.", {"ci-cd/docker": False}),
        ("Docker is not a must, but nice.", {"ci-cd/docker": False}),
        ("Great if you also know Docker and CI/CD.", {"ci-cd/docker": False, "ci-cd/ci-pipelines": False}),
        ("Docker is een extraatje.", {"ci-cd/docker": False}),
        ("You write SQL. Know Docker? Great, that counts as a bonus.", {"sql/joins": True, "ci-cd/docker": False}),
        (
            "Je kent SQL. Heb je al eens met Docker gewerkt? Dan is dat een pluspunt.",
            {"sql/joins": True, "ci-cd/docker": False},
        ),
    ],
)
def test_a_nice_cue_reaches_its_own_mentions_only(demo, text, expected):
    assert asked_items(read_vacancy(text=text)) == expected


@pytest.mark.parametrize(
    "heading", ["Pluses:", "Extraatje", "Wat het extra leuk maakt", "What would make you stand out", "Ook leuk"]
)
def test_more_headings_open_a_nice_to_have_list(demo, heading):
    assert asked_items(read_vacancy(text=f"Requirements\n- SQL\n\n{heading}\n- Docker\n")) == {
        "sql/joins": True,
        "ci-cd/docker": False,
    }


def test_a_sentence_straight_after_a_nice_to_have_list_is_asked(demo):
    text = "Pluspunten\n- Docker\n- Airflow\nJe werkt dagelijks met Python.\n"
    assert asked_items(read_vacancy(text=text))["python-fundamentals/functions"] is True
    wrapped = "Pluspunten\n- Docker and a CI/CD\n  pipeline in GitLab CI.\n"
    assert asked_items(read_vacancy(text=wrapped)) == {"ci-cd/docker": False, "ci-cd/ci-pipelines": False}


@pytest.mark.parametrize("heading", ["About Voltwise", "Over Zekerzorg", "Jouw ontwikkeling", "Your development"])
def test_the_company_and_what_you_will_learn_ask_nothing(demo, heading):
    reading = read_vacancy(text=f"Requirements\n- SQL\n\n{heading}\nWe run Airflow and dbt on Azure.\n")
    assert asked_items(reading) == {"sql/joins": True}
    assert asked_tools(reading) == []


@pytest.mark.parametrize(
    "text",
    [
        "About the team\nYou join six engineers who run Airflow.\n",
        "Over het team\nJe werkt met Airflow.\n",
        "About the project\nYou move our jobs to Airflow.\n",
        "Over de opdracht\nJe bouwt DAG's in Airflow.\n",
        "Requirements\n- SQL\nAbout half of your time goes to Airflow.\n",
        "Wat vragen wij\n- SQL\nOver drie maanden werk je zelfstandig met Airflow.\n",
    ],
)
def test_a_line_that_starts_like_the_company_heading_but_is_not_asks(demo, text):
    assert "airflow" in asked_tools(read_vacancy(text=text))


@pytest.mark.parametrize(
    "text",
    [
        "You build pipelines in Python. We will train you in Airflow and dbt during your first month.",
        "Je bouwt pipelines in Python. In de eerste maand leer je werken met Airflow en dbt.",
    ],
)
def test_what_a_sentence_offers_as_training_is_not_asked(demo, text):
    reading = read_vacancy(text=text)
    assert "python-fundamentals/functions" in asked_items(reading)
    assert asked_tools(reading) == []
    assert not_asked_tools(reading) == []


@pytest.mark.parametrize(
    "text",
    [
        "You'll learn Airflow from our seniors, but dbt is a must.",
        "Je leert de business kennen en bouwt je eerste pipelines in de cloud met dbt.",
    ],
)
def test_an_offer_reaches_neither_past_a_must_nor_far(demo, text):
    assert "dbt" in asked_tools(read_vacancy(text=text))


def test_an_editor_adds_an_offer_cue_and_the_next_reading_follows_it(demo):
    text = "Je bouwt pipelines in Python. Wij betalen je Airflow-certificering."
    assert "airflow" in asked_tools(read_vacancy(text=text))
    VacancyCue.objects.create(kind=VacancyCue.Kind.OFFER, language="nl", text="wij betalen je")
    assert asked_tools(read_vacancy(text=text)) == []


def test_a_line_on_the_language_you_speak_after_the_offer_asks_it(demo):
    reading = read_vacancy(
        text="Wat wij bieden\nEen vaste baan en een leerbudget.\n\nJe spreekt vloeiend Nederlands.\n"
    )
    assert list(reading.requirements.languages) == ["nl"]


@pytest.mark.parametrize("heading", ["Wat het werk extra leuk maakt", "Wat je extra interessant maakt"])
def test_extra_leuk_opens_a_nice_to_have_list(demo, heading):
    assert asked_items(read_vacancy(text=f"Wat vragen wij\n- SQL\n\n{heading}\n- Je kent Docker.\n")) == {
        "sql/joins": True,
        "ci-cd/docker": False,
    }


@pytest.mark.parametrize(
    ("line", "negated"),
    [
        ("Instead of Airflow we orchestrate with cron.", {"airflow"}),
        ("In plaats van Airflow gebruiken we cron.", {"airflow"}),
        ("Airflow is run by the platform team, so it's not part of your job.", {"airflow"}),
        ("Spark is used by the data science team; you will not work with it.", {"pyspark"}),
    ],
)
def test_instead_of_and_a_pronoun_after_so_negate(demo, line, negated):
    reading = read_vacancy(text=f"Requirements\n- SQL\n- {line}\n")
    assert set(asked_tools(reading)).isdisjoint(negated)
    assert set(not_asked_tools(reading)) == negated


@pytest.mark.parametrize("heading", ["Not required, but a plus:", "Not required but helpful:", "Not a must:"])
def test_a_heading_that_negates_but_calls_it_a_plus_opens_a_nice_to_have_list(demo, heading):
    assert asked_items(read_vacancy(text=f"Requirements\n- SQL\n\n{heading}\n- Docker\n")) == {
        "sql/joins": True,
        "ci-cd/docker": False,
    }


@pytest.mark.parametrize(
    ("required", "nice"), [("Eisen", "Wensen"), ("Essential", "Desirable"), ("Must have", "Should have")]
)
def test_tender_headings_split_what_is_required_from_what_is_wished(demo, required, nice):
    assert asked_items(read_vacancy(text=f"{required}\n- SQL\n\n{nice}\n- Docker\n")) == {
        "sql/joins": True,
        "ci-cd/docker": False,
    }


@pytest.mark.parametrize("line", ["Docker experience is appreciated.", "Kennis van Docker is gewenst."])
def test_appreciated_and_gewenst_make_a_plus(demo, line):
    assert asked_items(read_vacancy(text=f"Requirements\n- SQL.\n- {line}\n")) == {
        "sql/joins": True,
        "ci-cd/docker": False,
    }


def test_a_label_of_what_is_not_needed_with_its_list_after_the_colon_is_one_line(demo):
    text = "Wensen\n- Docker\n\nNiet nodig voor deze opdracht: Pandas of dbt.\n- Airflow\n"
    reading = read_vacancy(text=text)
    assert set(not_asked_tools(reading)) == {"pandas", "dbt"}
    assert asked_items(reading) == {"ci-cd/docker": False, "orchestration/airflow-dags": False}


def test_a_short_title_after_a_list_starts_the_next_part(demo):
    text = "Wensen\n- Docker\n\nOverige informatie\nJe schrijft Python en spreekt vloeiend Nederlands.\n"
    reading = read_vacancy(text=text)
    assert asked_items(reading) == {"ci-cd/docker": False, "python-fundamentals/functions": True}
    assert list(reading.requirements.languages) == ["nl"]
