"""The reader against two labelled sets (tests/skills/vacancies/): the tuned one and the blind one it was never
tuned on, with the quality targets of issue #27. A failure prints the tuned set's misses, but only the blind set's
figures."""

import pytest

from bench.vacancies import BLIND, LABELLED, labelled_vacancies, report
from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def sets():
    return {"tuned": labelled_vacancies(LABELLED), "blind": labelled_vacancies(BLIND)}


@pytest.fixture
def demo():
    load_catalog_demo()
    load_skills_demo()


def test_the_labelled_sets_are_large_and_half_dutch(sets):
    for name, minimum in (("tuned", 30), ("blind", 40)):
        languages = [vacancy.language for vacancy in sets[name]]
        assert len(languages) >= minimum, name
        assert abs(languages.count("nl") - languages.count("en")) <= len(languages) // 10, name
        assert {vacancy.seniority for vacancy in sets[name]} >= {"junior", "medior", "senior"}, name


@pytest.mark.parametrize("name", ["tuned", "blind"])
def test_reading_meets_the_quality_targets_in_both_languages(sets, demo, name):
    lines, qualities = report(sets)
    text = "\n".join(lines)
    for language in ("nl", "en", "all"):
        assert qualities[name][language].missed_targets() == [], f"{name} {language}\n{text}"


def test_the_language_is_read_right_for_every_tuned_vacancy(sets, demo):
    from skills.vacancies.reading import read_vacancy

    assert {vacancy.name: read_vacancy(text=vacancy.text).language for vacancy in sets["tuned"]} == {
        vacancy.name: vacancy.language for vacancy in sets["tuned"]
    }
