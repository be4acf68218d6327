"""Tools named in passing: a tool a vacancy names only in its prose about the company, the team or the product is
shown apart from those asked, on the page and in the API; one it also asks for anywhere stays asked."""

import re

import pytest
from django.urls import reverse

from skills.vacancies.reading import read_vacancy
from tests.factories import UserFactory
from tests.skills.vacancies.test_reading import asked_tools

pytestmark = pytest.mark.django_db

ENGLISH = (
    "Data Engineer, route planning\n\n"
    "Our drivers get their routes from a FastAPI service that the mobile team built last spring.\n\n"
    "What you bring\n- Solid Python\n- Pipelines in Airflow\n"
)
DUTCH = (
    "Data Engineer bij Groenlijn\n\n"
    "De ritplanning draait al jaren op een Django-applicatie met een eigen beheerscherm.\n\n"
    "Wat je meebrengt\n- Goede Python-kennis\n- Ervaring met Airflow\n"
)


def in_passing(reading) -> list[str]:
    return [entry.tool.slug for entry in reading.tools_in_passing]


@pytest.mark.parametrize(("text", "tool"), [(ENGLISH, "fastapi"), (DUTCH, "django")])
def test_a_tool_named_only_in_prose_about_the_product_is_named_in_passing_not_asked(demo, text, tool):
    reading = read_vacancy(text=text)
    assert in_passing(reading) == [tool]
    assert tool not in asked_tools(reading)
    assert "airflow" in asked_tools(reading)
    [hit] = reading.tools_in_passing[0].phrases
    assert text[hit.start : hit.end] == hit.text


@pytest.mark.parametrize(
    "asking",
    [
        "You will add endpoints to that FastAPI service.",  # a sentence to the candidate
        "- Experience with FastAPI",  # a list entry
        "Nice to have: FastAPI.",  # called a plus
        "Je breidt die FastAPI-service uit.",
    ],
)
def test_a_tool_asked_anywhere_is_asked_and_not_named_in_passing(demo, asking):
    reading = read_vacancy(text=f"{ENGLISH}\n{asking}\n")
    assert "fastapi" in asked_tools(reading)
    assert in_passing(reading) == []


@pytest.mark.parametrize(
    "text",
    [
        "Take over the Airflow setup from the platform team.",  # a task, in a text that asks nowhere else
        "Requirements:\nAbout 5 years with Spark and Airflow\n",  # a line of a list without its marks
    ],
)
def test_a_text_that_asks_in_no_other_way_asks_what_it_names(demo, text):
    reading = read_vacancy(text=text)
    assert "airflow" in asked_tools(reading)
    assert in_passing(reading) == []


def test_the_api_names_them_apart_from_the_tools_asked(client, demo):
    body = client.post("/api/vacancies/analyze", {"text": ENGLISH}, content_type="application/json").json()
    assert [entry["tool"] for entry in body["tools_in_passing"]] == ["fastapi"]
    assert "fastapi" not in [entry["tool"] for entry in body["tools"]]
    [hit] = body["tools_in_passing"][0]["phrases"]
    assert ENGLISH[hit["start"] : hit["end"]] == hit["text"] == "FastAPI service"


@pytest.mark.parametrize(
    ("language", "text", "named", "said"),
    [
        ("en", ENGLISH, "FastAPI", "Named in passing"),
        ("nl", DUTCH, "Django", "Terloops genoemd"),
    ],
)
def test_the_page_lists_them_under_named_but_not_asked(client, demo, language, text, named, said):
    client.force_login(UserFactory())
    html = client.post(reverse("skills:vacancy"), {"text": text}, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    not_asked = re.search(r'id="vacancy-not-asked">(.*?)</section>', html, re.S).group(1)
    assert f"<dt>{said}</dt>" in not_asked and f">{named}</span>" in not_asked
    assert f"<del>{named}</del>" not in not_asked  # named, not denied
    asked = re.search(r'id="vacancy-tools-asked">(.*?)</ul>', html, re.S).group(1)
    assert named not in asked and "Airflow" in asked
