"""Section and negation cues are content: editors keep them per language, the reader reads them at once."""

import pytest
from django.urls import reverse

from skills.demo import load_skills_demo
from skills.models import VacancyCue
from skills.vacancies.reading import read_vacancy
from tests.clients import DUTCH
from tests.factories import EditorFactory, UserFactory
from tests.portal.test_admin_actions import change_page_data
from tests.skills.vacancies.test_reading import asked_items

pytestmark = pytest.mark.django_db


def test_the_demo_holds_cues_of_every_kind_in_both_languages(demo):
    for kind in set(VacancyCue.Kind.values) - {VacancyCue.Kind.TERM}:  # a product's name is one in both
        assert set(VacancyCue.objects.filter(kind=kind).values_list("language", flat=True)) == {"en", "nl"}, kind


def test_loading_the_demo_twice_keeps_one_set_of_cues(demo):
    count = VacancyCue.objects.count()
    load_skills_demo()
    assert VacancyCue.objects.count() == count


def test_editor_adds_a_heading_in_the_admin_and_the_next_reading_follows_it(demo, client):
    text = "Requirements\n- SQL\n\nKrijg je extra punten voor\n- Docker\n"
    assert asked_items(read_vacancy(text=text))["ci-cd/docker"] is True
    client.force_login(EditorFactory())
    response = client.post(
        reverse("admin:skills_vacancycue_add"),
        {"kind": VacancyCue.Kind.NICE_HEADING, "language": "nl", "text": "Krijg je extra punten voor"},
    )
    assert response.status_code == 302
    assert asked_items(read_vacancy(text=text)) == {"sql/joins": True, "ci-cd/docker": False}


def test_editor_adds_a_negation_cue_and_the_next_reading_follows_it(demo):
    text = "Requirements: SQL. Kennis van Docker is achterhaald."
    assert "ci-cd/docker" in asked_items(read_vacancy(text=text))
    VacancyCue.objects.create(kind=VacancyCue.Kind.NEGATION, language="nl", text="is achterhaald")
    reading = read_vacancy(text=text)
    assert asked_items(reading) == {"sql/joins": True}
    assert [entry.item.slug for entry in reading.not_asked_items] == ["docker"]


@pytest.mark.parametrize(
    "heading",
    ["Leuk als je ook hebt", "Leuk als je ook hebt:", "Would be even better if you know:"],
)
def test_an_unknown_heading_takes_the_cue_in_its_first_words(demo, heading):
    text = f"Requirements\n- SQL\n\n{heading}\n- Docker\n- Azure\n"
    assert asked_items(read_vacancy(text=text)) == {
        "sql/joins": True,
        "ci-cd/docker": False,
        "cloud/cloud-platform": False,
    }


def test_an_unknown_heading_without_a_cue_asks_as_the_role_does(demo):
    text = "Pluspunten\n- Docker\n\nDagelijks gebruik je:\n- SQL\n"
    assert asked_items(read_vacancy(text=text)) == {"ci-cd/docker": False, "sql/joins": True}


def test_the_company_section_asks_for_nothing(demo):
    text = "Over ons\nWij bouwen een lakehouse op Azure met Databricks en Airflow.\n\nWat vragen wij?\n- SQL\n"
    reading = read_vacancy(text=text)
    assert asked_items(reading) == {"sql/joins": True}
    assert reading.tools == ()


def test_editor_sees_unrecognised_terms_counted_and_makes_one_a_phrase_in_one_step(demo, client):
    from skills.models import UnrecognisedTerm
    from skills.vacancies.services import count_unrecognised_terms

    text = "Je laadt de data in Snowflake en je schrijft SQL voor het team."
    for reader in UserFactory.create_batch(3):  # as many engineers as editors need to see a term
        count_unrecognised_terms(reading=read_vacancy(text=text), reader=reader)
    term = UnrecognisedTerm.objects.get()
    assert (term.term, term.language, term.count) == ("Snowflake", "nl", 3)
    client.force_login(EditorFactory())
    listing = client.get(reverse("admin:skills_unrecognisedterm_changelist")).content.decode()
    assert "Snowflake" in listing and reverse("admin:skills_unrecognisedterm_adopt", args=[term.pk]) in listing
    from skills.models import ChecklistItem

    item = ChecklistItem.objects.get(slug="cloud-platform")
    response = client.post(reverse("admin:skills_unrecognisedterm_adopt", args=[term.pk]), {"item": item.pk})
    assert response.status_code == 302
    reading = read_vacancy(text=text)
    assert "cloud/cloud-platform" in asked_items(reading)
    assert reading.unrecognised == ()
    assert not UnrecognisedTerm.objects.exists()


def test_a_term_becomes_a_draft_tool_whose_page_the_editor_is_sent_to_and_an_unclear_choice_changes_nothing(
    demo, client
):
    """A tool is published only with its Dutch texts: one made from a term has none yet, so it is saved as a draft,
    with English texts whatever the editor's language, and the editor is sent to complete it. The reader knows it
    once it is published."""
    from catalog.models import Category, Tool
    from skills.models import UnrecognisedTerm

    term = UnrecognisedTerm.objects.create(term="Flink", language="en", count=3)
    client.force_login(EditorFactory())
    url = reverse("admin:skills_unrecognisedterm_adopt", args=[term.pk])
    response = client.post(url, {})
    assert response.status_code == 200 and "Choose one: an item, a tool, or a category" in response.content.decode()
    assert UnrecognisedTerm.objects.filter(pk=term.pk).exists()
    response = client.post(url, {"new_tool_category": Category.objects.first().pk}, follow=True, **DUTCH)
    flink = Tool.objects.get(slug="flink")
    assert not flink.published and not flink.summary_nl
    assert flink.summary_en == "Named in vacancies; an editor still has to describe it."
    change_url = reverse("admin:catalog_tool_change", args=[flink.pk])
    assert f'href="{change_url}"' in response.content.decode() and "ongepubliceerd" in response.content.decode()
    assert not UnrecognisedTerm.objects.filter(pk=term.pk).exists()
    assert read_vacancy(text="You build jobs in Flink.").tools == ()
    data = change_page_data(client.get(change_url))
    data.update(summary_nl="Verwerkt datastromen.", used_for_nl="Streaming op schaal.", published="on")
    assert client.post(change_url, data).status_code == 302
    assert [asked.tool for asked in read_vacancy(text="You build jobs in Flink.").tools] == [flink]
