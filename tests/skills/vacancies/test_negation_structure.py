"""Negations read from the structure of a sentence rather than from a phrase (skills.vacancies.negation and
skills.vacancies.headings), and a wish as nice to have (skills.vacancies.layout), read through read_vacancy. Each
rule has its form in both languages beside a look-alike that still asks."""

import pytest

from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_reading import asked_items, asked_tools, not_asked_tools

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "What you won't be doing\nWriting Airflow DAGs or tuning Spark jobs.\n\nRequirements\n- SQL\n",
        "Wat je bij ons níet doet\nAirflow-DAG's onderhouden of Spark-jobs tunen.\n\nWat vragen wij?\n- SQL\n",
    ],
)
def test_a_negated_title_opens_what_is_not_asked_above_prose(demo, text):
    reading = read_vacancy(text=text)
    assert set(not_asked_tools(reading)) == {"airflow", "pyspark"}
    assert asked_items(reading) == {"sql/joins": True}


def test_a_title_without_a_negation_asks(demo):
    reading = read_vacancy(text="What you will do\nWriting Airflow DAGs or tuning Spark jobs.\n")
    assert set(asked_tools(reading)) == {"airflow", "pyspark"}


def test_under_a_negated_title_a_sentence_that_explains_a_negation_asks(demo):
    reading = read_vacancy(
        text="Wat niet gevraagd wordt\nAirflow gebruiken we niet; onze jobs worden door AWS zelf ingepland.\n"
    )
    assert not_asked_tools(reading) == ["airflow"]
    assert asked_items(reading) == {"cloud/cloud-platform": True}


@pytest.mark.parametrize(
    "text",
    [
        "We do not, at any point in this job, expect you to write Scala or to tune Spark clusters.",
        "Wij verwachten niet, ook later niet, dat je Spark-clusters beheert.",
    ],
)
def test_a_negated_auxiliary_reaches_its_verb_past_an_aside(demo, text):
    reading = read_vacancy(text=text)
    assert asked_tools(reading) == []
    assert not_asked_tools(reading) == ["pyspark"]


def test_a_contrast_ends_a_negation_carried_past_an_aside(demo):
    reading = read_vacancy(text="We do not, as a rule, work weekends, but you will write Spark jobs.")
    assert asked_tools(reading) == ["pyspark"]


@pytest.mark.parametrize(
    "text",
    [
        "Our analysts love pandas. It isn't part of this job, though.",
        "Onze analisten werken graag met pandas. Het is voor deze functie geen vereiste.",
        "Onze analisten werken graag met pandas. Het hoort niet bij deze functie.",
    ],
)
def test_it_opening_the_next_sentence_carries_its_negation_back(demo, text):
    reading = read_vacancy(text=text)
    assert asked_tools(reading) == []
    assert not_asked_tools(reading) == ["pandas"]


@pytest.mark.parametrize(
    "text",
    [
        "You will use pandas daily. It is not required to come to the office.",
        "Je werkt dagelijks met pandas. Het is niet nodig om elke dag naar kantoor te komen.",
        "Je werkt dagelijks met pandas. Het team werkt niet op vrijdag.",
    ],
)
def test_it_that_stands_for_a_clause_or_an_article_carries_nothing_back(demo, text):
    assert asked_tools(read_vacancy(text=text)) == ["pandas"]


def test_a_pronoun_reaches_back_through_a_sentence_that_points_back_itself(demo):
    reading = read_vacancy(
        text="Vroeger draaiden onze modellen op Databricks. Dat platform hebben we vorig jaar uitgezet; je komt het "
        "dus nergens meer tegen."
    )
    assert not_asked_tools(reading) == ["pyspark"]
    reading = read_vacancy(
        text="We draaien op Databricks. De kantine is vernieuwd; je komt het dus nergens meer tegen."
    )
    assert asked_tools(reading) == ["pyspark"]


@pytest.mark.parametrize(
    "text",
    [
        "Spark, no. Airflow, also no.",
        "Spark, nee. Airflow, ook niet.",
        "You will write SQL daily. Spark, on the other hand, you will not need. Airflow, either way, you won't use.",
        "Je schrijft dagelijks SQL. Spark, daarentegen, hoef je niet te kennen. Airflow, eerlijk gezegd, gebruiken "
        "we niet.",
    ],
)
def test_a_topic_is_denied_by_a_bare_answer_or_by_the_verb_it_is_the_object_of(demo, text):
    reading = read_vacancy(text=text)
    assert set(not_asked_tools(reading)) == {"pyspark", "airflow"}
    assert asked_tools(reading) == []


@pytest.mark.parametrize(
    "text",
    ["Python, yes. Docker, too.", "Airflow, as you know, is what we use.", "Spark, Python and SQL, you'll need."],
)
def test_a_topic_with_an_answer_that_asks_stays_asked(demo, text):
    reading = read_vacancy(text=text)
    assert not_asked_tools(reading) == []
    assert asked_items(reading)


@pytest.mark.parametrize(
    "text",
    [
        "None of these are needed: Spark, Airflow.",
        "Geen van beide is nodig: Spark en Airflow.",
        "Geen van de volgende tools is nodig: Spark, Airflow.",
    ],
)
def test_a_negated_label_that_points_ahead_negates_the_list_after_its_colon(demo, text):
    reading = read_vacancy(text=text)
    assert set(not_asked_tools(reading)) == {"pyspark", "airflow"}


@pytest.mark.parametrize(
    "text", ["Airflow is iets wat je hier nooit zult zien.", "Airflow is something you will never see here."]
)
def test_a_negated_relative_clause_on_something_describes_its_subject(demo, text):
    assert not_asked_tools(read_vacancy(text=text)) == ["airflow"]


def test_a_relative_clause_on_something_without_a_negation_asks(demo):
    assert asked_tools(read_vacancy(text="Spark is something that we run every night, not a hobby.")) == ["pyspark"]


@pytest.mark.parametrize("text", ["Airflow: n.v.t.", "Airflow: N/A", "pandas laten we links liggen: alles is SQL."])
def test_not_applicable_and_leaving_aside_negate(demo, text):
    reading = read_vacancy(text=text)
    assert asked_tools(reading) == []
    assert len(not_asked_tools(reading)) == 1


@pytest.mark.parametrize(
    "text, item",
    [
        ("Python would be handy for the odd script.", "python-fundamentals/functions"),
        ("Kennis van Docker zou handig zijn.", "ci-cd/docker"),
        ("Experience with Docker would really help us.", "ci-cd/docker"),
    ],
)
def test_a_wish_in_the_conditional_is_nice_to_have(demo, text, item):
    assert asked_items(read_vacancy(text=text)) == {item: False}


@pytest.mark.parametrize(
    "text", ["You would be building Spark jobs.", "Spark would be essential.", "Je zou vooral Spark-jobs bouwen."]
)
def test_a_conditional_before_the_mention_or_with_a_must_asks(demo, text):
    assert asked_items(read_vacancy(text=text)) == {"pyspark/scalable-pipelines": True}


@pytest.mark.parametrize(
    "text, asked",
    [
        (
            "Keep IAM roles tight: each pipeline reads only the buckets it needs and no credentials live in code.",
            {"cloud/access": True, "cloud/storage-compute": True},
        ),
        (
            "Op Azure zorg je dat er geen wachtwoorden in de code staan.",
            {"cloud/cloud-platform": True, "cloud/access": True},
        ),
    ],
)
def test_no_before_a_generic_word_of_a_concept_describes_the_state_the_job_keeps(demo, text, asked):
    assert asked_items(read_vacancy(text=text)) == asked


@pytest.mark.parametrize(
    "text",
    [
        "On AWS, no credentials are needed for this job.",
        "Each job writes to the S3 buckets it owns and no Spark is used.",
    ],
)
def test_no_before_a_name_or_beside_a_need_still_denies(demo, text):
    reading = read_vacancy(text=text)
    assert "cloud/access" not in asked_items(reading)
    assert "pyspark" not in asked_tools(reading)


@pytest.mark.parametrize(
    "text",
    [
        "You might also know Docker.",
        "Misschien heb je al met Docker gewerkt.",
        "If you know Docker, we will be glad.",
        "Als je Docker kent, is dat fijn.",
        "Heb je Docker-ervaring, dan is dat mooi.",
        "Docker is mooi, maar geen eis.",
        "Docker would not hurt.",
        "Docker is not required, but it will not hurt.",
        "Docker kan geen kwaad.",
        "Ervaring met Docker mag, maar hoeft niet.",
        "Docker: you may, but need not, know it.",
    ],
)
def test_a_guess_a_condition_on_the_candidate_or_a_denied_must_is_nice_to_have(demo, text):
    reading = read_vacancy(text=text)
    assert asked_items(reading) == {"ci-cd/docker": False}


@pytest.mark.parametrize(
    "text",
    [
        "You might work on Docker images and Spark jobs.",
        "Als er een Docker-build mislukt, zoek je uit waarom.",
        "Als je bij ons werkt, bouw je Docker-images.",
        "Docker is a must, but not Kubernetes.",
    ],
)
def test_a_guess_at_tasks_an_event_or_a_must_still_asks(demo, text):
    assert asked_items(read_vacancy(text=text))["ci-cd/docker"] is True
