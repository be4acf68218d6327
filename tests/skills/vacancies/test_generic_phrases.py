"""Generic phrases ("needs context") count beside their skill, or beside a second generic phrase of the same item on
other words, one of them of more than one word; one generic word alone, two single words, or the same words twice,
name nothing."""

import pytest

from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_reading import asked_items

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "item"),
    [
        # how often loads run, twice in one sentence, with no orchestration word beside them
        ("You build the loads that run every night and the ones that run every fifteen minutes.", "scheduling"),
        ("Je bouwt de laadprocessen die elke nacht draaien en de processen die ieder kwartier lopen.", "scheduling"),
        # what a retry is, in everyday words
        ("A task that fails should try again a few times and give up after a sensible wait.", "retries"),
        ("Een stap die blijft hangen wordt na een vaste tijd afgebroken.", "retries"),
    ],
)
def test_two_generic_phrases_of_one_item_in_a_sentence_name_it(demo, text, item):
    assert f"orchestration/{item}" in asked_items(read_vacancy(text=text))


@pytest.mark.parametrize(
    "text",
    [
        "You report the cumulative spend of each client and the most recent invoice of every contract.",
        "Je toont de cumulatieve omzet per winkel en de meest recente levering van elke leverancier.",
    ],
)
def test_a_generic_word_seconds_a_generic_phrase_of_the_same_item(demo, text):
    assert "sql/window-functions" in asked_items(read_vacancy(text=text))


@pytest.mark.parametrize(
    "text",
    [
        "Our cumulative experience as a team is forty years.",  # the word alone
        "The most recent of our offices opened in Gent.",  # the phrase alone
    ],
)
def test_either_alone_names_no_window_functions(demo, text):
    assert "sql/window-functions" not in asked_items(read_vacancy(text=text))


@pytest.mark.parametrize(
    "text",
    [
        "We meet every night for a game of darts.",  # one generic phrase alone
        "Je houdt bij wat een cluster per run kost en stelt de clusters goed in.",  # the same word twice
        "You enjoy tuning and debugging the search engine.",  # single generic words second nothing
        "Billing retries failed card payments automatically.",  # retries of something else
    ],
)
def test_one_generic_phrase_or_the_same_words_twice_name_nothing(demo, text):
    reading = read_vacancy(text=text)
    assert not {"orchestration/scheduling", "orchestration/retries", "sql/query-performance"} & set(
        asked_items(reading)
    )
    assert not {"pyspark/runtime-debugging", "pandas/debugging"} & set(asked_items(reading))


def test_a_vector_database_is_no_vectorised_code(demo):
    assert "python-fundamentals/vectorised-code" not in asked_items(
        read_vacancy(text="Experience with a vector database such as Qdrant.")
    )
    assert "python-fundamentals/vectorised-code" in asked_items(
        read_vacancy(text="You write vectorized NumPy code in Python.")
    )


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("The managers' morning report times out on Mondays because it reads a week of raw scans.", False),
        ("De kwartaalversie van de rapportage loopt vast op een time-out.", False),
        ("A load that times out is retried after a pause, and the on-call engineer hears of it.", True),
    ],
)
def test_a_time_out_is_a_retry_only_beside_the_words_of_failing_jobs(demo, text, asked):
    """A report or a page that times out is slow, not a job that fails and tries again."""
    assert ("orchestration/retries" in asked_items(read_vacancy(text=text))) is asked


@pytest.mark.parametrize(
    "text",
    [
        "You help ship the next new version of the sales dashboard, side by side with the release of our booking app.",
        "Je test elke nieuwe versie van de klantenapp, zij aan zij met de vorige versie van het ledenportaal.",
    ],
)
def test_a_release_of_a_product_deploys_no_service(demo, text):
    assert "ci-cd/deploying-services" not in asked_items(read_vacancy(text=text))


@pytest.mark.parametrize(
    "text",
    [
        "You roll out new versions of the pricing API side by side with the old one, and switch back if it fails.",
        "Nieuwe versies van de laadjobs gaan eerst naar de testomgeving en pas daarna naar productie.",
    ],
)
def test_a_release_of_a_service_or_job_still_deploys_it(demo, text):
    assert "ci-cd/deploying-services" in asked_items(read_vacancy(text=text))
