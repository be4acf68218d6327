"""An item's pair ("crash + restart"): two parts that name the item when both stand in one sentence, in either order,
with other words between them, and not when they stand apart. Editors add one in the admin like any phrase."""

import pytest
from django.urls import reverse

from skills.vacancies.reading import read_vacancy
from tests.factories import ChecklistItemFactory, EditorFactory
from tests.skills.vacancies.test_reading import asked_items

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Jobs that crash get restarted automatically, and we hear about it.", "orchestration/retries"),
        ("Als een koppeling uitvalt, start de verwerking zichzelf opnieuw op.", "orchestration/retries"),
        ("You look at why a query needs twenty minutes and fix it.", "sql/query-performance"),
        ("Je zoekt uit waarom bij een deel van de records het veld leeg is.", "data-quality/null-checks"),
        ("Gaat een stap mis, dan probeert die het automatisch opnieuw.", "orchestration/retries"),
        ("Je zorgt dat de runs elke nacht volgens schema starten.", "orchestration/scheduling"),
        ("Your tests flag a duplicate order before the report goes out.", "data-quality/data-tests"),
        ("Je bouwt controles die dubbele boekingen tegenhouden.", "data-quality/data-tests"),
        ("Je bouwt controles die ontbrekende meetwaarden melden.", "data-quality/null-checks"),
    ],
)
def test_both_parts_of_a_pair_in_one_sentence_name_its_item(demo, text, item):
    assert item in asked_items(read_vacancy(text=text))


@pytest.mark.parametrize(
    "text",
    [
        "Our old servers crash now and then. We will restart the project next year.",  # two sentences
        "A crash course in our product, the history of the company and its founders, our values, and how we "
        "restart the year with a team day.",  # too far apart
        "Jobs that crash are rare.",  # one part alone
    ],
)
def test_parts_apart_or_alone_name_nothing(demo, text):
    assert "orchestration/retries" not in asked_items(read_vacancy(text=text))


def test_an_editor_adds_a_pair_and_the_next_reading_finds_it(client):
    item = ChecklistItemFactory(name="Lineage")
    text = "You can say for every figure which source tables it came from."
    assert read_vacancy(text=text).items == ()
    client.force_login(EditorFactory())
    form = client.get(reverse("admin:skills_itemphrase_add")).content.decode()
    assert "+" in form and "one sentence" in form  # the help text says how a pair is written
    response = client.post(
        reverse("admin:skills_itemphrase_add"), {"item": item.pk, "text": "figure + source tables", "language": "en"}
    )
    assert response.status_code == 302
    assert [asked.item for asked in read_vacancy(text=text).items] == [item]


@pytest.mark.parametrize("text", ["crash + restart + alert", "crash + ", " + restart", "crash + !"])
def test_a_pair_of_more_or_fewer_than_two_worded_parts_is_refused_and_kept(client, text):
    item = ChecklistItemFactory(name="Retries")
    client.force_login(EditorFactory())
    response = client.post(reverse("admin:skills_itemphrase_add"), {"item": item.pk, "text": text, "language": "en"})
    assert response.status_code == 200
    assert "A pair is two parts with words" in response.content.decode()
    assert not item.phrases.exists()
