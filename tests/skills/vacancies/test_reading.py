"""Reading a vacancy: phrases in any word form and both languages, their places, sections, negation, seniority."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.models import ToolPhrase
from portal.cache.fragments import touch
from skills.models import ChecklistItem, ItemPhrase
from skills.vacancies.limits import VACANCY_MAX_CHARS
from skills.vacancies.phrasebook import VACANCY_PHRASES_KIND
from skills.vacancies.reading import read_vacancy

pytestmark = pytest.mark.django_db


def asked_items(reading) -> dict[str, bool]:
    return {f"{asked.item.skill.slug}/{asked.item.slug}": asked.required for asked in reading.items}


def asked_tools(reading) -> list[str]:
    return [asked.tool.slug for asked in reading.tools]


def test_every_phrase_hit_is_exactly_the_text_at_its_offsets(demo):
    text = "Wij zoeken iemand met Spark-ervaring,\nkennis van analytische functies en een Azure-cloudplatform."
    reading = read_vacancy(text=text)
    hits = [hit for asked in (*reading.items, *reading.tools) for hit in asked.phrases]
    assert hits
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text
    assert {hit.text for hit in hits} >= {"Spark", "analytische functies", "Azure", "cloudplatform"}


def test_a_phrase_never_reaches_across_a_line(demo):
    """ "SQL" ending one bullet and "Kennis" starting the next are not the phrase "SQL-kennis"."""
    text = "Wat vragen wij\n- Kennis van SQL\n- Kennis van Docker"
    reading = read_vacancy(text=text)
    hits = [hit for asked in reading.items for hit in asked.phrases]
    assert "sql/joins" in asked_items(reading) and all("\n" not in hit.text for hit in hits), hits


def test_building_data_pipelines_is_not_a_ci_pipeline(demo):
    assert "ci-cd/ci-pipelines" not in asked_items(read_vacancy(text="Requirements:\n- You build pipelines in Python."))
    assert "ci-cd/ci-pipelines" in asked_items(read_vacancy(text="Je onderhoudt de build-pipelines in GitLab CI/CD."))


def test_word_forms_match_in_english(demo):
    reading = read_vacancy(text="You write window function queries and tune partitions of Spark jobs.")
    assert {"sql/window-functions", "pyspark/partitioning", "pyspark/scalable-pipelines"} <= set(asked_items(reading))


def test_word_forms_match_in_dutch(demo):
    reading = read_vacancy(text="Je bent bekend met partitionering in Spark en schrijft analytische functie-aanroepen.")
    assert {"sql/window-functions", "pyspark/partitioning"} <= set(asked_items(reading))


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Ruime Pythonkennis is nodig.", "python-fundamentals/functions"),
        ("Je hebt SQL-kennis.", "sql/joins"),
        ("Ervaring met een cloudplatform.", "cloud/cloud-platform"),
        ("Je bewaakt de datakwaliteitscontroles.", "data-quality/data-tests"),
        ("Je werkt aan onze datalake.", "cloud/storage-compute"),
    ],
)
def test_dutch_compounds_are_split_on_known_words(demo, text, item):
    assert item in asked_items(read_vacancy(text=text))


def test_a_phrase_inside_a_longer_unrelated_word_is_ignored(demo):
    reading = read_vacancy(text="Sparkling water, a cloudless sky, NoSQL stores and cronjobs in Pythonesque prose.")
    assert "pyspark" not in asked_tools(reading)
    assert "sql/joins" not in asked_items(reading)
    assert "python-fundamentals/functions" not in asked_items(reading)


@pytest.mark.parametrize(
    "text",
    [
        "Geen Spark-ervaring nodig.",
        "No Spark needed.",
        "Kennis van Spark is niet vereist.",
        "Experience with Spark is not required.",
        "You don't need to know Spark.",
    ],
)
def test_a_negated_mention_is_not_asked(demo, text):
    reading = read_vacancy(text=text)
    assert "pyspark" not in asked_tools(reading)
    assert [style for _piece, style in reading.highlights() if style] == ["not-asked"]


def test_a_negation_reaches_mentions_joined_by_or(demo):
    reading = read_vacancy(text="No prior experience with Spark or Airflow is needed. You know SQL.")
    assert asked_tools(reading) == []
    assert set(asked_items(reading)) == {"sql/joins"}


def not_asked_tools(reading) -> list[str]:
    return [entry.tool.slug for entry in reading.not_asked_tools]


@pytest.mark.parametrize(
    "text",
    [
        "Pré\n- Docker\n- Kennis van Azure\n\nGeen ervaring met FastAPI of Django nodig.\n",
        "Nice to have\n- Docker\n\nYou don't need any FastAPI or Django experience.\n",
        "Nice to have:\n- Docker\n- FastAPI and Django are not required.\n",
        "Requirements\n- Docker\n- FastAPI, Django of Airflow is niet nodig\n",
    ],
)
def test_a_negation_after_a_nice_to_have_list_is_not_asked(demo, text):
    reading = read_vacancy(text=text)
    assert not {"fastapi", "django", "airflow"} & set(asked_tools(reading))
    assert {"fastapi", "django"} <= set(not_asked_tools(reading))
    assert asked_items(reading)["ci-cd/docker"] is ("Requirements" in text)


def test_negated_items_are_in_their_own_group(demo):
    reading = read_vacancy(text="You know SQL. No Spark experience needed.")
    assert set(asked_items(reading)) == {"sql/joins"}
    assert [f"{entry.item.skill.slug}/{entry.item.slug}" for entry in reading.not_asked_items] == [
        "pyspark/scalable-pipelines"
    ]
    assert [hit.text for entry in reading.not_asked_tools for hit in entry.phrases] == ["Spark"]


def test_a_tool_said_not_to_be_needed_is_never_asked_elsewhere(demo):
    reading = read_vacancy(text="Our stack: Airflow and Spark.\nNo Spark experience needed, we teach you.")
    assert asked_tools(reading) == ["airflow"]
    assert not_asked_tools(reading) == ["pyspark"]


def test_not_required_but_a_plus_is_nice_to_have(demo):
    assert asked_items(read_vacancy(text="Docker is not required, but a plus."))["ci-cd/docker"] is False


def test_wont_need_negates(demo):
    assert asked_tools(read_vacancy(text="You won't need Spark here.")) == []


def test_an_item_phrase_inside_a_longer_tool_phrase_names_the_tool_only(demo):
    reading = read_vacancy(text="Experience with dbt Cloud.")
    assert asked_tools(reading) == ["dbt"]
    assert reading.items == ()


def test_a_negation_idiom_still_asks(demo):
    reading = read_vacancy(text="Je hebt geen moeite met SQL en werkt niet alleen met Airflow.")
    assert {"sql/joins", "orchestration/airflow-dags"} <= set(asked_items(reading))


def test_negation_stops_at_the_clause(demo):
    reading = read_vacancy(text="Geen Scala nodig, maar wel Airflow.")
    assert "airflow" in asked_tools(reading)


def test_sections_decide_required_or_nice(demo):
    text = (
        "Data Engineer\n\nWat vragen wij?\n- Ervaring met SQL en Python\n- Airflow\n\nPluspunten\n- Docker\n"
        "- Kennis van Azure\n\nWat bieden wij\n- Een Databricks-training\n"
    )
    items = asked_items(read_vacancy(text=text))
    assert items["sql/joins"] and items["python-fundamentals/functions"] and items["orchestration/airflow-dags"]
    assert items["ci-cd/docker"] is False
    assert items["cloud/cloud-platform"] is False
    assert "pyspark/scalable-pipelines" not in items


def test_inline_cues_make_a_mention_nice_to_have(demo):
    text = "Requirements: strong SQL. Experience with Docker is a plus. Terraform-deployments zijn een pré."
    items = asked_items(read_vacancy(text=text))
    assert items == {"sql/joins": True, "ci-cd/docker": False, "ci-cd/deploying-services": False}


def test_an_item_asked_both_ways_is_required(demo):
    text = "Requirements\n- Docker\n\nNice to have\n- Docker and rollbacks\n"
    items = asked_items(read_vacancy(text=text))
    assert items["ci-cd/docker"] is True
    assert items["ci-cd/deploying-services"] is False


def test_a_heading_line_with_content_is_its_own_section(demo):
    text = "Je hebt ervaring met SQL.\nPré: kennis van Docker.\nJe werkt met Airflow.\n"
    items = asked_items(read_vacancy(text=text))
    assert items == {"sql/joins": True, "ci-cd/docker": False, "orchestration/airflow-dags": True}


@pytest.mark.parametrize(
    ("text", "seniority"),
    [
        ("Senior Data Engineer\nJe werkt met Spark.", "senior"),
        ("Lead Data Engineer\nYou lead a team.", "senior"),
        ("Junior Data Engineer\nWe coach you with our senior engineers.", "junior"),
        ("Medior/Senior Data Engineer\nSpark.", "medior"),
        ("Data Engineer\nJe hebt minimaal 5 jaar ervaring met Python.", "senior"),
        ("Data Engineer\nYou have at least 3 years of experience in data engineering.", "medior"),
        ("Data Engineer\nYou bring 3-5 years of experience.", "medior"),
        ("Data Engineer\nStarters zijn welkom, je krijgt een opleiding.", "junior"),
        ("Data Engineer\nWij bestaan al 25 jaar.", "unknown"),
        ("Data Engineer\nWat bieden wij\n- Na 2 jaar een vast contract.", "unknown"),
    ],
)
def test_seniority_from_wording_and_years(demo, text, seniority):
    assert read_vacancy(text=text).seniority == seniority


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Wij zoeken een data engineer die het leuk vindt om met data te werken.", "nl"),
        ("We are looking for a data engineer who loves to work with the data of our clients.", "en"),
        ("Wij zoeken een data engineer voor het team. You will work with the data of our clients.", "mixed"),
        ("Python, SQL", "mixed"),
        ("Frontend: React, TypeScript and some Docker.", "en"),
        ("Frontend: React, TypeScript en Docker.", "nl"),
    ],
)
def test_language_from_stopwords(demo, text, language):
    assert read_vacancy(text=text).language == language


def test_items_come_in_order_of_first_mention_with_their_skill(demo):
    reading = read_vacancy(text="Docker, then SQL, then Docker again.")
    assert [asked.item.slug for asked in reading.items] == ["docker", "joins"]
    assert reading.items[0].item.skill.slug == "ci-cd"
    assert len(reading.items[0].phrases) == 2


def test_highlights_cover_the_text_without_overlap(demo):
    text = "Airflow DAGs en Kafka, Delta Lake op Databricks."
    reading = read_vacancy(text=text)
    pieces = reading.highlights()
    assert "".join(piece for piece, _style in pieces) == text
    assert [(piece, style) for piece, style in pieces if style] == [
        ("Airflow", "required"),  # "DAGs" is plain text: no phrase ("dag" is also Dutch for day), nor a product
        ("Kafka", "unrecognised"),
        ("Delta Lake", "required"),
        ("Databricks", "required"),
    ]


def test_each_phrase_is_highlighted_as_its_own_place_asks_it(demo):
    """An item required in one place and called a plus in another is required, yet the plus is marked nice there."""
    text = "Requirements\n- Strong Airflow skills\n\nNice to have\n- Airflow certification\n- dbt\n"
    reading = read_vacancy(text=text)
    assert next(tool for tool in reading.tools if tool.tool.slug == "airflow").required
    assert [(piece, style) for piece, style in reading.highlights() if style] == [
        ("Airflow", "required"),
        ("Airflow", "nice"),
        ("dbt", "nice"),
    ]


def test_a_text_over_the_limit_is_refused(demo):
    with pytest.raises(ValidationError):
        read_vacancy(text="a" * (VACANCY_MAX_CHARS + 1))
    assert read_vacancy(text="a" * VACANCY_MAX_CHARS).items == ()


def test_a_nul_character_is_refused(demo):
    with pytest.raises(ValidationError):
        read_vacancy(text="SQL\x00")


def test_an_empty_text_asks_for_nothing(demo):
    reading = read_vacancy(text="")
    assert (reading.items, reading.tools, reading.seniority, reading.language) == ((), (), "unknown", "mixed")


def test_reading_costs_no_query_once_the_phrasebook_is_built(demo, django_assert_num_queries):
    text = "Senior Data Engineer met Spark, SQL en Airflow. " * 50
    touch(VACANCY_PHRASES_KIND)  # as an editor's change does: the next reading builds the phrasebook
    with django_assert_num_queries(6):
        first = read_vacancy(text=text)
    with django_assert_num_queries(0):
        again = read_vacancy(text=text)
    assert [asked.item.pk for asked in again.items] == [asked.item.pk for asked in first.items]


def test_an_editors_new_phrase_is_read_at_once(demo):
    text = "Je werkt met Snowflake."
    assert read_vacancy(text=text).items == ()
    ItemPhrase.objects.create(item=ChecklistItem.objects.get(slug="cloud-platform"), text="Snowflake", language="en")
    assert asked_items(read_vacancy(text=text)) == {"cloud/cloud-platform": True}


def test_an_editors_new_tool_phrase_is_read_at_once(demo):
    text = "Je bouwt modellen in Lakeflow."
    assert read_vacancy(text=text).tools == ()
    ToolPhrase.objects.create(tool_id=ToolPhrase.objects.first().tool_id, text="Lakeflow", language="nl")
    assert len(read_vacancy(text=text).tools) == 1


def test_an_unpublished_tool_is_not_read(demo):
    from catalog.models import Tool

    tool = Tool.objects.get(slug="dbt")
    tool.published = False
    tool.save()
    assert "dbt" not in asked_tools(read_vacancy(text="Je bouwt modellen in dbt."))


WORDS = ["Spark", "SQL", "geen", "no", "Pré", "Nice to have", "Requirements", ":", "\n", " ", "-", "5+ jaar", "İ", "ß"]


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=40).map("".join))
def test_any_text_reads_without_error_and_every_hit_is_its_own_text(demo, text):
    # The demo is loaded once for all examples (a function-scoped fixture, hence the suppressed health check).
    text = text.replace("\x00", "")
    reading = read_vacancy(text=text)
    for asked in (*reading.items, *reading.tools):
        for hit in asked.phrases:
            assert text[hit.start : hit.end] == hit.text
    assert "".join(piece for piece, _match in reading.highlights()) == text
    assert reading.language in ("nl", "en", "mixed")
    assert reading.seniority in ("junior", "medior", "senior", "unknown")


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Debugging Spark executors that run out of memory.", "pyspark/runtime-debugging"),
        ("You handle partitioning, skew and shuffles.", "pyspark/skew"),
        ("Je bouwt een lakehouse op Azure.", "cloud/storage-compute"),
        ("Debugging Pandas scripts that give wrong totals.", "pandas/debugging"),
    ],
)
def test_a_generic_phrase_counts_beside_its_skill(demo, text, item):
    assert item in asked_items(read_vacancy(text=text))


def test_a_generic_phrase_alone_is_unrecognised_not_guessed(demo):
    text = "You like debugging. Our lakehouse grows fast."
    reading = read_vacancy(text=text)
    assert reading.items == ()
    assert [(hit.text, text[hit.start : hit.end]) for hit in reading.unrecognised] == [
        ("debugging", "debugging"),
        ("lakehouse", "lakehouse"),
    ]


def test_a_ci_pipeline_is_the_ci_item(demo):
    assert "ci-cd/ci-pipelines" in asked_items(read_vacancy(text="You keep a CI pipeline green."))


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Je werkt met Snowflake, Kafka en Terraform-modules.", ["Snowflake", "Kafka", "Terraform"]),
        ("You load data from BigQuery and SSIS into Power BI reports.", ["BigQuery", "SSIS", "Power BI"]),
        ("We use EC2 and a bit of Looker.", ["EC2", "Looker"]),
    ],
)
def test_tech_looking_terms_it_does_not_know_are_named_with_their_offsets(demo, text, terms):
    reading = read_vacancy(text=text)
    assert [hit.text for hit in reading.unrecognised] == terms
    for hit in reading.unrecognised:
        assert text[hit.start : hit.end] == hit.text


def test_ordinary_words_and_known_terms_are_not_unrecognised(demo):
    text = (
        "Senior Data Engineer Amsterdam\n\nWe zoeken een Data Engineer in Utrecht. Je werkt met Python, SQL en "
        "Airflow. Kennis van datamodellen, HBO-niveau. Our Team builds APIs. Je spreekt vloeiend Nederlands."
    )
    assert read_vacancy(text=text).unrecognised == ()


def test_terms_in_the_company_section_are_not_unrecognised(demo):
    assert read_vacancy(text="About us\nWe are Acme, backed by Sequoia.\n").unrecognised == ()


@pytest.mark.parametrize(
    ("text", "languages", "years", "location"),
    [
        ("Je spreekt vloeiend Nederlands en minimaal 3 jaar ervaring.\nLocatie: Utrecht", ("nl",), 3, "Utrecht"),
        (
            "Fluent Dutch and English are required. 5+ years of experience. Based in Rotterdam.",
            ("nl", "en"),
            5,
            "Rotterdam",
        ),
        ("Nederlands is niet vereist; ons team spreekt Engels op C1-niveau.", ("en",), None, None),
        # either language will do: neither is asked
        ("Wat vragen wij?\n- Je spreekt Nederlands of Engels; in het team spreken we beide.", (), None, None),
        ("Requirements\n- You speak Dutch or English fluently.", (), None, None),
        ("We write SQL all day.", (), None, None),
    ],
)
def test_requirements_that_are_not_skills(demo, text, languages, years, location):
    requirements = read_vacancy(text=text).requirements
    assert (requirements.languages, requirements.years, requirements.location) == (languages, years, location)


def test_unknown_products_listed_at_the_start_of_lines_are_named(demo):
    text = "Onze stack:\n- Snowflake\n- Kafka en Flink\n- Ervaring is fijn.\nKafka is onze ruggengraat."
    named = [hit.text for hit in read_vacancy(text=text).unrecognised]
    assert named == ["Snowflake", "Kafka", "Flink", "Kafka"]  # a term editors keep counts first in a sentence too


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("We are an open team; open to graduates.", False),  # the Dutch stem of "open" is the English one of "OOP"
        ("Je werkt in een open team.", False),
        ("You know OOP and design patterns.", True),
        ("Je programmeert objectgeoriënteerd.", True),
    ],
)
def test_a_phrase_matches_the_vacancys_stems_in_its_own_language(demo, text, asked):
    assert ("python-fundamentals/classes" in asked_items(read_vacancy(text=text))) is asked


@pytest.mark.parametrize("text", ["Je deployt je services zelf.", "Je schedulet de nachtelijke jobs."])
def test_dutch_verbs_made_of_english_ones_name_their_item(demo, text):
    assert set(asked_items(read_vacancy(text=text))) & {"ci-cd/deploying-services", "orchestration/scheduling"}


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("We are a Dutch company with a business focus.", ()),
        ("Je werkt voor een goede Nederlandse werkgever.", ()),
        ("Requirements\n- Dutch and English\n", ("nl", "en")),
        ("You are comfortable working in English.", ("en",)),
        ("Je bent communicatief vaardig in het Nederlands.", ("nl",)),
        ("Je beheerst het Nederlands en het Engels goed.", ("nl", "en")),
        ("Good written English. Dutch is a plus, as some clients write in Dutch.", ("en",)),
        ("Dutch is nice to have, but English is our working language.", ("en",)),
        ("Fluent English. Knowledge of Dutch is helpful but not required.", ("en",)),
        ("Requirements\n- Experience with Dutch and European privacy law\n", ()),
        ("Je kunt goed uitleggen wat je doet, in het Nederlands en in het Engels.", ("nl", "en")),
    ],
)
def test_a_language_is_asked_only_as_a_language_and_not_only_as_a_plus(demo, text, languages):
    assert read_vacancy(text=text).requirements.languages == languages


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("The job\nYou build pipelines.\n", None),  # "The" of "The Hague" is no place of its own
        ("Location: Den Haag. Dutch is a plus.", "Den Haag"),
        ("Twee dagen per week op kantoor in het centrum van Zwolle.", "Zwolle"),
        ("Je werkt vanuit ons hoofdkantoor in Heerlen.", "Heerlen"),
        ("Vestiging: Assen", "Assen"),
    ],
)
def test_the_place_is_the_place_alone(demo, text, location):
    assert read_vacancy(text=text).requirements.location == location


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("Minimaal 5 jaar ervaring, waarvan 2 jaar met Spark.", 5),
        ("Six years of experience, of which two years in a lead role.", 6),
        ("Four years of professional Python development.", 4),
    ],
)
def test_years_that_are_part_of_earlier_years_do_not_count(demo, line, years):
    assert read_vacancy(text=line).requirements.years == years


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Je verbetert de performance van SQL-queries.", {"sql/joins", "sql/query-performance"}),
        ("You tune slow SQL.", {"sql/joins", "sql/query-performance"}),
    ],
)
def test_a_skills_name_inside_a_longer_phrase_still_names_the_skill(demo, text, items):
    assert set(asked_items(read_vacancy(text=text))) == items
