"""A two-word phrase of an item found with a modifier between its words (skills.vacancies.phrasebook), read through
read_vacancy: a writer describes the phrase's noun ("empty battery readings"), but a word of grammar between the two
joins, negates or stands for something else."""

import pytest

from skills.vacancies.reading import read_vacancy
from tests.skills.vacancies.test_reading import asked_items

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text, item",
    [
        ("You count the empty battery readings every morning.", "data-quality/null-checks"),
        ("Je zorgt dat elke wijziging automatisch wordt getest.", "ci-cd/ci-pipelines"),
    ],
)
def test_a_word_between_the_two_of_a_phrase_still_names_its_item(demo, text, item):
    assert item in asked_items(read_vacancy(text=text))


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Billing retries them automatically.", "Billing retries automatically."),
        ("You write small or large functions.", "You write small functions."),
    ],
)
def test_a_word_of_grammar_between_them_does_not(demo, text, phrase):
    assert asked_items(read_vacancy(text=phrase))
    assert asked_items(read_vacancy(text=text)) == {}
