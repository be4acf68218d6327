"""A term the reader did not know leaves the editors' list once the phrasebook knows it, whichever way it came to know
it (made known from the list, a phrase on the phrases' page or on a tool's page, a tool published, an import), and
making one known says what it became. Counted by real readings of several engineers (editors see a term only once
UNRECOGNISED_TERM_MIN_READERS readers met it), seen through the admin as a signed-in editor."""

import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import Tool, ToolPhrase
from catalog.translation import translator
from skills.models import ChecklistItem, ItemPhrase, UnrecognisedTerm
from skills.vacancies.reading import read_vacancy
from skills.vacancies.services import count_unrecognised_terms
from tests.clients import DUTCH
from tests.factories import UserFactory
from tests.portal.test_admin_actions import change_page_data
from tests.skills.vacancies.test_reading import asked_items

pytestmark = pytest.mark.django_db

VACANCY = "Wat vragen wij?\n- Ervaring met Kubernetes en Zorblax\n- SQL"
LIST_URL = reverse("admin:skills_unrecognisedterm_changelist")


def counted(text: str = VACANCY, *, readers: int = 3) -> None:
    """Signed-in readings of ``text`` by ``readers`` engineers, counted as the reader's page counts them: three are
    as many as editors need to see a term."""
    for reader in UserFactory.create_batch(readers):
        count_unrecognised_terms(reading=read_vacancy(text=text), reader=reader)


def listed(client, **headers) -> dict[str, str]:
    """The terms the editors' list shows, each with the page its "make it known" link leads to."""
    page = client.get(LIST_URL, **headers).content.decode()
    shown = {}
    for row in re.findall(r"<tr>(.*?)</tr>", page.split("<tbody>")[1], re.S) if "<tbody>" in page else []:
        term = re.search(r'<t[hd][^>]* class="field-term"[^>]*>(.*?)</t[hd]>', row, re.S).group(1)
        link = re.search(r'<td[^>]* class="field-adopt_link"[^>]*><a href="([^"]*)"', row).group(1)
        shown[unescape(re.sub(r"<[^>]+>", "", term))] = link
    return shown


def adopt_url(term: str) -> str:
    return reverse("admin:skills_unrecognisedterm_adopt", args=[UnrecognisedTerm.objects.get(term=term).pk])


def cloud_item() -> ChecklistItem:
    return ChecklistItem.objects.get(slug="cloud-platform")


def as_phrase_on_the_phrases_page(client) -> None:
    data = {"item": cloud_item().pk, "text": "Kubernetes", "language": "nl"}
    assert client.post(reverse("admin:skills_itemphrase_add"), data).status_code == 302


def as_phrase_on_a_tools_page(client) -> None:
    url = reverse("admin:catalog_tool_change", args=[Tool.objects.get(slug="airflow").pk])
    data = change_page_data(client.get(url))
    new = int(data["phrases-TOTAL_FORMS"])
    data.update({"phrases-TOTAL_FORMS": new + 1, f"phrases-{new}-text": "Kubernetes", f"phrases-{new}-language": "en"})
    assert client.post(url, data).status_code == 302
    assert ToolPhrase.objects.filter(text="Kubernetes").exists()


def as_a_draft_tool_published_from_the_tools_list(client) -> None:
    """A tool an editor wrote earlier and kept unpublished, published with the list's action (a bulk update, which
    sends no save signal)."""
    tool = Tool.objects.get(slug="airflow")
    draft = Tool.objects.create(
        name="Kubernetes", slug="kubernetes", category=tool.category, tool_type=tool.tool_type, published=False
    )
    for field in translator.get_options_for_model(Tool).fields:
        for language in ("en", "nl"):
            setattr(draft, f"{field}_{language}", getattr(tool, f"{field}_{language}"))
    draft.save()
    assert read_vacancy(text=VACANCY).terms_for_editors == ["Kubernetes", "Zorblax"]  # a draft: not known yet
    action = {"action": "publish_selected", "_selected_action": [draft.pk]}
    assert client.post(reverse("admin:catalog_tool_changelist"), action).status_code == 302
    assert Tool.objects.public().filter(pk=draft.pk).exists()


def as_phrases_imported_from_a_file(client) -> None:
    content = "skill,item,text,language\ncloud,cloud-platform,Kubernetes,en\n"
    upload = SimpleUploadedFile("phrases.csv", content.encode(), content_type="text/csv")
    preview = client.post(
        reverse("admin:skills_itemphrase_import"), {"resource": "0", "format": "0", "import_file": upload}
    )
    confirm = preview.context["confirm_form"]
    assert client.post(reverse("admin:skills_itemphrase_process_import"), confirm.initial).status_code == 302
    assert ItemPhrase.objects.filter(text="Kubernetes").exists()


@pytest.mark.parametrize(
    "make_known",
    [
        as_phrase_on_the_phrases_page,
        as_phrase_on_a_tools_page,
        as_a_draft_tool_published_from_the_tools_list,
        as_phrases_imported_from_a_file,
    ],
)
def test_a_term_made_known_another_way_leaves_the_list_and_the_others_stay(demo, editor_client, make_known):
    counted()
    assert set(listed(editor_client)) == {"Kubernetes", "Zorblax"}
    stays = adopt_url("Zorblax")
    make_known(editor_client)
    reading = read_vacancy(text=VACANCY)
    assert reading.terms_for_editors == ["Zorblax"], "the next reading knows it"
    assert listed(editor_client) == {"Zorblax": stays}
    assert list(UnrecognisedTerm.objects.values_list("term", "count")) == [("Zorblax", 3)]
    counted(readers=1)
    assert list(UnrecognisedTerm.objects.values_list("term", "count")) == [("Zorblax", 4)]


def test_only_what_the_reader_would_know_alone_leaves_the_list(demo, editor_client):
    """A term of which the phrasebook knows a word ("Azure" of "Azure Data Factory") and a generic word it trusts only
    beside its skill ("lakehouse") are still named by a reading, so they stay listed after an editor's change."""
    counted("Requirements\n- Experience with Azure Data Factory and Zorblax\n- Kubernetes, Spark and SQL")
    counted("Requirements\n- Build a lakehouse")
    before = set(listed(editor_client))
    assert {"Azure Data Factory", "lakehouse", "Kubernetes"} <= before
    as_phrase_on_the_phrases_page(editor_client)
    assert set(listed(editor_client)) == before - {"Kubernetes"}


def test_the_adopt_page_of_a_term_known_meanwhile_says_so_and_makes_no_second_phrase(demo, editor_client):
    counted()
    url = adopt_url("Kubernetes")  # a page opened before another editor made the term known
    as_phrase_on_the_phrases_page(editor_client)
    response = editor_client.post(url, {"tool": Tool.objects.get(slug="airflow").pk}, follow=True, **DUTCH)
    assert "“Kubernetes” wordt al herkend en staat niet meer in de lijst." in unescape(response.content.decode())
    assert not ToolPhrase.objects.filter(text="Kubernetes").exists()
    assert ItemPhrase.objects.filter(text="Kubernetes").count() == 1
    assert not UnrecognisedTerm.objects.filter(term="Kubernetes").exists()


def test_the_list_asks_no_more_of_the_database_for_more_terms_and_sweeps_once_per_change(
    demo, editor_client, django_assert_max_num_queries
):
    counted()
    editor_client.get(LIST_URL)  # swept for the current phrasebook
    with CaptureQueriesContext(connection) as queries:
        editor_client.get(LIST_URL)
    few = len(queries)  # now: the next request empties the connection's log
    first = [q["sql"][:120] for q in queries.captured_queries]
    for number in range(40):
        UnrecognisedTerm.objects.create(term=f"Zorblax{number}", language="en", count=3)
    with CaptureQueriesContext(connection) as queries:
        editor_client.get(LIST_URL)
    assert len(queries) == few, (first, [q["sql"][:120] for q in queries.captured_queries])
    as_phrase_on_the_phrases_page(editor_client)
    # The phrasebook built afresh, the terms read, then deleted with their readers (the deletion's own reads).
    with django_assert_max_num_queries(few + 6 + 4):
        editor_client.get(LIST_URL)


MESSAGES = {
    "en": "“Kubernetes” is now recognised, as a phrase of the checklist item “{item}” ({skill}).",
    "nl": "“Kubernetes” wordt nu herkend, als zinsdeel van het checklistpunt “{item}” ({skill}).",
}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_made_known_as_an_items_phrase_the_message_names_the_item_and_its_skill(demo, editor_client, language):
    counted()
    item = cloud_item()
    response = editor_client.post(
        adopt_url("Kubernetes"), {"item": item.pk}, follow=True, HTTP_ACCEPT_LANGUAGE=language
    )
    page = unescape(response.content.decode())
    names = {"item": getattr(item, f"name_{language}"), "skill": getattr(item.skill, f"name_{language}")}
    assert MESSAGES[language].format(**names) in re.sub(r"<[^>]+>", "", page)
    assert f'href="{reverse("admin:skills_checklistitem_change", args=[item.pk])}"' in page
    assert "Kubernetes" not in listed(editor_client)
    assert "cloud/cloud-platform" in asked_items(read_vacancy(text=VACANCY))


@pytest.mark.parametrize(
    ("language", "published", "message"),
    [
        ("en", True, "“Kubernetes” is now recognised, as a phrase of the tool “Airflow”."),
        ("nl", True, "“Kubernetes” wordt nu herkend, als zinsdeel van de tool “Airflow”."),
        (
            "en",
            False,
            "“Kubernetes” is now a phrase of the tool “Airflow”, which is not published: the reader recognises it once "
            "the tool is published.",
        ),
        (
            "nl",
            False,
            "“Kubernetes” is nu een zinsdeel van de tool “Airflow”, die niet gepubliceerd is: de lezer herkent het "
            "zodra die tool gepubliceerd is.",
        ),
    ],
)
def test_made_known_as_a_tools_phrase_the_message_names_the_tool_and_whether_the_reader_knows_it_yet(
    demo, editor_client, language, published, message
):
    counted()
    tool = Tool.objects.get(slug="airflow")
    Tool.objects.filter(pk=tool.pk).update(published=published)
    response = editor_client.post(
        adopt_url("Kubernetes"), {"tool": tool.pk}, follow=True, HTTP_ACCEPT_LANGUAGE=language
    )
    page = unescape(response.content.decode())
    assert message in re.sub(r"<[^>]+>", "", page)
    assert f'href="{reverse("admin:catalog_tool_change", args=[tool.pk])}"' in page
    assert ("Kubernetes" in read_vacancy(text=VACANCY).terms_for_editors) is not published


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "en",
            "“Kubernetes” is now a new tool in {category}, saved unpublished: the reader recognises it once it is "
            "published, and a tool is published only with its Dutch texts. Write the texts of Kubernetes and publish it.",
        ),
        (
            "nl",
            "“Kubernetes” is nu een nieuwe tool in {category}, ongepubliceerd bewaard: de lezer herkent hem zodra hij "
            "gepubliceerd is, en een tool komt pas online met zijn Nederlandse teksten. Schrijf de teksten van "
            "Kubernetes en publiceer hem.",
        ),
    ],
)
def test_made_known_as_a_new_tool_the_message_names_its_category_and_what_is_left_to_do(
    demo, editor_client, language, message
):
    counted()
    category = Tool.objects.get(slug="airflow").category
    response = editor_client.post(
        adopt_url("Kubernetes"), {"new_tool_category": category.pk}, follow=True, HTTP_ACCEPT_LANGUAGE=language
    )
    text = " ".join(re.sub(r"<[^>]+>", "", unescape(response.content.decode())).split())
    assert message.format(category=getattr(category, f"name_{language}")) in text


def test_the_items_are_offered_under_their_skills(demo, editor_client):
    counted()
    page = editor_client.get(adopt_url("Kubernetes"), **DUTCH).content.decode()
    select = re.search(r'<select name="item"[^>]*>(.*?)</select>', page, re.S).group(1)
    groups = re.findall(r'<optgroup label="([^"]*)">', select)
    assert groups and len(groups) == len(set(groups))
    item = cloud_item()
    group = re.search(rf'<optgroup label="{re.escape(item.skill.name_nl)}">(.*?)</optgroup>', select, re.S).group(1)
    assert f'value="{item.pk}"' in group
