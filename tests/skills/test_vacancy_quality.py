"""The reader against 32 labelled vacancies (tests/skills/vacancies/): the quality targets of issue #19."""

import pytest

from bench.vacancies import ACCURACY_TARGET, PRECISION_TARGET, RECALL_TARGET, evaluate, labelled_vacancies
from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def vacancies():
    return labelled_vacancies()


def test_the_labelled_set_is_large_and_half_dutch(vacancies):
    languages = [vacancy.language for vacancy in vacancies]
    assert len(vacancies) >= 30
    assert languages.count("nl") == languages.count("en")
    assert {vacancy.seniority for vacancy in vacancies} >= {"junior", "medior", "senior"}


def test_reading_meets_the_quality_targets_in_both_languages(vacancies):
    load_catalog_demo()
    load_skills_demo()
    qualities = evaluate(vacancies)
    report = "\n".join([*(qualities[key].line(key) for key in ("nl", "en", "all")), *qualities["all"].misses])
    for key in ("nl", "en", "all"):
        quality = qualities[key]
        assert quality.items.precision >= PRECISION_TARGET, report
        assert quality.items.recall >= RECALL_TARGET, report
        assert quality.tools.precision >= PRECISION_TARGET, report
        assert quality.tools.recall >= RECALL_TARGET, report
        assert quality.flag_accuracy >= ACCURACY_TARGET, report
        assert quality.seniority_accuracy >= ACCURACY_TARGET, report


def test_the_language_is_read_right_for_every_labelled_vacancy(vacancies):
    from skills.vacancies.reading import read_vacancy

    load_catalog_demo()
    load_skills_demo()
    assert {vacancy.name: read_vacancy(text=vacancy.text).language for vacancy in vacancies} == {
        vacancy.name: vacancy.language for vacancy in vacancies
    }
