"""Texts built to make the reader work hard, as anyone may send them to the API: each is read in a time that grows
with its length, not its square (bench.vacancies times them against the reading target; a reading whose work grew
with the square of these 20,000 characters would take seconds here), and read as a careful reader would."""

import random
import re

import pytest

from bench.vacancies import hostile_vacancies
from portal.cache.fragments import touch
from skills.vacancies import text as vacancy_text
from skills.vacancies.limits import VACANCY_MAX_CHARS
from skills.vacancies.phrasebook import VACANCY_PHRASES_KIND
from skills.vacancies.reading import read_vacancy
from skills.vacancies.unknown import MOST_TERMS

pytestmark = pytest.mark.django_db

HOSTILE = hostile_vacancies(length=VACANCY_MAX_CHARS, seed=27)
TERMS = re.compile(r"\bKafka\b|\bZ[a-z]+\b")  # the product before the made-up names, and the names


def named(text: str) -> list[str]:
    return [hit.text for hit in read_vacancy(text=text).unrecognised]


def test_the_hostile_texts_are_as_long_as_a_vacancy_may_be():
    assert {len(text) for text in HOSTILE.values()} == {VACANCY_MAX_CHARS}


@pytest.mark.parametrize(
    "kind", ["names after a product", "one name repeated", "names after such as", "bullets of names"]
)
def test_made_up_names_in_a_list_of_tech_are_named_up_to_the_most_shown(demo, kind):
    assert named(HOSTILE[kind]) == TERMS.findall(HOSTILE[kind])[:MOST_TERMS]


@pytest.mark.parametrize("kind", ["names and no product", "names after colons"])
def test_capitalised_words_beside_no_tech_are_no_terms(demo, kind):
    assert named(HOSTILE[kind]) == []


def test_years_and_languages_named_thousands_of_times_in_one_sentence_are_read_once(demo):
    assert read_vacancy(text=HOSTILE["years in one sentence"]).requirements.years is None  # no experience asked
    assert read_vacancy(text=HOSTILE["a language in one sentence"]).requirements.languages == ()  # no how well
    assert read_vacancy(text=HOSTILE["a language a plus"]).requirements.languages == ()
    asked = "You have 5 years of experience, " + ", ".join(["5 years"] * 3000)
    assert read_vacancy(text=asked[:VACANCY_MAX_CHARS]).requirements.years == 5
    fluent = "You speak fluent Dutch, " + ", ".join(["Dutch"] * 3000)
    assert read_vacancy(text=fluent[:VACANCY_MAX_CHARS]).requirements.languages == ("nl",)


def test_the_negation_and_wish_rules_read_thousands_of_mentions_in_one_sentence(demo):
    topic = read_vacancy(text=HOSTILE["a topic before an aside"])
    assert [entry.tool.slug for entry in topic.not_asked_tools] == ["pyspark"]
    assert topic.tools == ()
    assert [
        (entry.item.slug, entry.required) for entry in read_vacancy(text=HOSTILE["contrasts in one sentence"]).items
    ] == [("docker", False)]
    assert [entry.tool.slug for entry in read_vacancy(text=HOSTILE["pronouns pointing back"]).not_asked_tools] == [
        "pandas"
    ]


def test_a_word_longer_than_any_compound_is_read_whole_without_trying_its_cuts(demo, monkeypatch):
    tried = []
    split_compound = vacancy_text.split_compound
    monkeypatch.setattr(
        vacancy_text, "split_compound", lambda word, *args: tried.append(word) or split_compound(word, *args)
    )
    touch(VACANCY_PHRASES_KIND)  # a phrasebook of its own: an earlier test's has split the known word already
    known = " Datakwaliteitscontroles"
    glued = HOSTILE["one glued word"][: -len(known)]
    reading = read_vacancy(text=glued + known)
    assert [entry.item.slug for entry in reading.items] == ["data-tests"]  # the known word beside it is still read
    assert "datakwaliteitscontroles" in tried
    assert glued not in tried


def test_a_text_of_blank_lines_names_no_place_and_a_label_after_them_is_read(demo):
    """Each of 20,000 line starts once made the location label's pattern read every blank line below it again: a
    minute of one worker's time per reading (two with CRLF line breaks), for anyone who posts to the API."""
    assert read_vacancy(text=HOSTILE["blank lines"]).requirements.location is None
    assert read_vacancy(text=HOSTILE["blank lines then a location"]).requirements.location == "Utrecht"


SALAD = (
    "you do not need don't expect that which whether if als of dat die wat niet geen no not hoeft je te kennen "
    "Spark Python Airflow dbt Docker pandas SQL tune know kent use we wij , , , . ; : but maar however echter "
    "whereas terwijl at any point matter it doesn't nodig required vereist is are or and en of also ook wel "
    "experience ervaring with met luxe standaard and nor without zonder - \n"
)


def test_word_salads_of_negations_contrasts_and_asides_are_read_without_error(demo):
    """Random strings of the words the negation rules read: a clause denied by the one before it, with a contrast
    after it, once raised (an IndexError, a 500 on the API)."""
    salads, words = random.Random(0), SALAD.split(" ")
    for _ in range(300):
        text = " ".join(salads.choice(words) for _ in range(salads.randint(3, 40)))
        assert read_vacancy(text=text) is not None, text


@pytest.mark.parametrize("number", ["ſix", "fıve", "fİve", "ſeven", "ſix-plus"])
def test_a_number_word_of_look_alike_letters_asks_no_years(demo, number):
    """Ignoring case, the years pattern takes "ſ" for "s" and "ı" for "i": such a word names no number."""
    reading = read_vacancy(text=f"You have {number} years of experience in data engineering, at least 3 years.")
    assert reading.requirements.years == 3
