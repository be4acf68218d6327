"""A recruiter pastes a vacancy, reads what it asks, and saves it as a search ranked at once."""

import re

import pytest
from django.urls import reverse

from recruiting.models import VacancySearch
from skills.models import RoleRecompute
from skills.vacancies.fit import vacancy_requirements
from skills.vacancies.limits import VACANCY_MAX_CHARS
from skills.vacancies.reading import read_vacancy
from tests.clients import DUTCH, PortalClient
from tests.factories import EditorFactory, RecruiterFactory, UserFactory

pytestmark = pytest.mark.django_db

# An English vacancy as a recruiter pastes it; the vacancy search journey (tests/e2e) pastes it too.
VACANCY_TITLE = "Senior Data Engineer — Lakehouse platform"
VACANCY = f"""{VACANCY_TITLE}

About the role
You build and run batch pipelines on Databricks for our analytics team.

Requirements
- At least 5 years of experience as a data engineer
- Strong Python and SQL, including window functions
- Experience with PySpark: partitioning and handling data skew
- Orchestration with Airflow: retries and backfills

Nice to have
- Experience with dbt and data quality tests
- Docker

What we offer
- A learning budget
"""


@pytest.fixture
def recruiter_client(client, demo):
    client.force_login(RecruiterFactory())
    return client


def paste(client, text, *, action="read", title="", **headers):
    return client.post(reverse("recruiting:search-new"), {"title": title, "text": text, "action": action}, **headers)


def test_reading_shows_marked_phrases_items_tools_and_seniority_and_keeps_nothing(recruiter_client):
    response = paste(recruiter_client, VACANCY)
    assert response.status_code == 200
    body = response.content.decode()
    assert (
        '<mark class="hl hl-required">window functions<span class="visually-hidden"> (must-have)</span></mark>' in body
    )
    assert 'Seniority: senior. <span id="vacancy-language">Written in English.</span>' in body
    items = {
        row.item.name: (row.asked.required, row.min_level)
        for group in response.context["skills"]
        for row in group.items
    }
    assert items["Window functions"] == (True, 3), "a senior's required item needs level 3"
    assert items["Docker"] == (False, 2), "a nice-to-have needs 2"
    assert [asked.tool.name for asked in response.context["reading"].tools] == ["PySpark", "Airflow", "dbt"]
    assert "Save as a search and rank the candidates" in body
    assert not VacancySearch.objects.exists()


def test_terms_a_recruiter_s_reading_did_not_know_reach_the_editors_as_the_page_says(demo):
    """The page promises that editors see the terms it did not know: recruiters' readings count them too, by the
    same rule as engineers' (shown once three people met a term)."""
    text = VACANCY.replace("- Docker", "- Docker and Snowflake")
    for _ in range(3):
        client = PortalClient()
        client.force_login(RecruiterFactory())
        assert "Snowflake" in paste(client, text).context["reading"].terms_for_editors
    editor = PortalClient()
    editor.force_login(EditorFactory())
    listed = editor.get(reverse("admin:skills_unrecognisedterm_changelist")).content.decode()
    assert re.search(r">Snowflake<", listed)


def test_once_read_the_reading_comes_before_the_form_that_sent_it(recruiter_client):
    """On a phone the reading stood about 1,160 px below the form, and "Read the vacancy" seemed to do nothing."""
    empty = recruiter_client.get(reverse("recruiting:search-new")).content.decode()
    assert 'd-none d-lg-block" aria-labelledby="reading-heading"' in empty  # the hint alone: wide screens only
    body = paste(recruiter_client, VACANCY).content.decode()
    assert (
        body.index('id="reading-heading"') < body.index('id="vacancy-text-heading"') < body.index('id="paste-heading"')
    )
    assert 'd-none d-lg-block" aria-labelledby="reading-heading"' not in body


def test_saving_keeps_the_vacancy_rules_requirements_and_ranks_the_candidates(recruiter_client):
    response = paste(recruiter_client, VACANCY, action="save")
    assert response.status_code == 303
    search = VacancySearch.objects.get()
    assert response["Location"] == search.get_absolute_url()
    assert search.title == "Senior Data Engineer — Lakehouse platform", "the first line, when no title is given"
    assert search.text == VACANCY
    expected = {
        (spec.item_id, spec.min_level, spec.weight, spec.is_must_have)
        for spec in vacancy_requirements(reading=read_vacancy(text=VACANCY))
    }
    stored = set(search.role.requirements.values_list("item_id", "min_level", "weight", "is_must_have"))
    assert stored == expected
    assert search.role.is_search and search.role.is_senior
    assert RoleRecompute.objects.get(role=search.role).status == "done"
    page = recruiter_client.get(search.get_absolute_url()).content.decode()
    assert "Ranking computed" in page and "Window functions" in page


def test_a_given_title_is_kept(recruiter_client):
    paste(recruiter_client, VACANCY, action="save", title="Lakehouse lead, Acme")
    assert VacancySearch.objects.get().title == "Lakehouse lead, Acme"


@pytest.mark.parametrize(
    ("text", "message", "status"),
    [
        ("", "Paste the text of a vacancy first.", 400),
        ("   \n  ", "Paste the text of a vacancy.", 400),
        ("x" * (VACANCY_MAX_CHARS + 1), "at most 20,000 characters", 413),  # as the API and the engineer's page
    ],
)
@pytest.mark.parametrize("action", ["read", "save"])
def test_bad_text_rerenders_with_the_error_and_saves_nothing(recruiter_client, text, message, status, action):
    response = paste(recruiter_client, text, action=action)
    assert response.status_code == status
    assert message in " ".join(response.context["form"].errors["text"])
    assert response.context["reading"] is None
    assert not VacancySearch.objects.exists()


def test_the_paste_box_cuts_nothing_off_and_a_longer_text_is_refused_and_kept(recruiter_client):
    box = re.search(r"<textarea[^>]*>", recruiter_client.get(reverse("recruiting:search-new")).content.decode())
    assert "maxlength" not in box.group(0)
    text = "x" * VACANCY_MAX_CHARS + " end-of-the-vacancy"
    body = paste(recruiter_client, text).content.decode()
    assert f"at most {VACANCY_MAX_CHARS:,} characters long; this one has {len(text):,}." in body
    assert "end-of-the-vacancy</textarea>" in body


def test_a_text_of_exactly_the_limit_is_read(recruiter_client):
    text = ("SQL window functions. " * 1000)[:VACANCY_MAX_CHARS]
    assert paste(recruiter_client, text).status_code == 200


def test_a_nul_character_or_a_too_long_title_is_refused_and_saves_nothing(recruiter_client):
    assert paste(recruiter_client, "SQL\x00", action="save").status_code == 400
    too_long = paste(recruiter_client, VACANCY, action="save", title="t" * 121)
    assert too_long.status_code == 400 and too_long.context["form"].errors["title"]
    assert not VacancySearch.objects.exists()


def test_a_vacancy_without_known_items_can_be_saved_empty(recruiter_client):
    reading = paste(recruiter_client, "We are a friendly team in Utrecht.")
    assert "No checklist item was recognised" in reading.content.decode()
    assert paste(recruiter_client, "We are a friendly team in Utrecht.", action="save").status_code == 303
    assert not VacancySearch.objects.get().role.requirements.exists()


@pytest.mark.parametrize(
    ("headers", "must", "nice"),
    [({"HTTP_ACCEPT_LANGUAGE": "en"}, "must-have", "nice-to-have"), (DUTCH, "must-have", "nice-to-have")],
)
def test_asked_as_reads_must_have_and_nice_to_have_in_lower_case_as_everywhere(recruiter_client, headers, must, nice):
    """As the role pages write them; "Must-have / Nice-to-have" with capitals stood out on the search page."""
    paste(recruiter_client, VACANCY, action="save")
    search = VacancySearch.objects.get()
    for page in (
        paste(recruiter_client, VACANCY, **headers),
        recruiter_client.get(search.get_absolute_url(), **headers),
    ):
        cells = re.findall(r'<td data-label="(?:Asked as|Gevraagd als)">([^<]*)</td>', page.content.decode())
        assert set(cells) == {must, nice}


def test_the_reading_says_what_a_tool_was_found_as_when_it_is_not_its_name(recruiter_client):
    body = paste(recruiter_client, "What we ask\n- Experience with Delta Lake on Databricks\n").content.decode()
    asked = re.search(r'id="vacancy-tools-asked">(.*?)</ul>', body, re.S).group(1)
    assert "PySpark" in asked and "(found as “Delta Lake”, “Databricks”)" in asked


@pytest.mark.parametrize("headers", [{"HTTP_ACCEPT_LANGUAGE": "en"}, DUTCH], ids=["en", "nl"])
def test_an_item_found_by_a_pair_is_said_as_its_two_parts_together_as_the_engineer_reads_it(recruiter_client, headers):
    """'uitvalt' and 'opnieuw' stood apart in 'Because the vacancy says', though neither alone names retries."""
    text = "Wat vragen wij\n- Als een koppeling uitvalt, start de verwerking zichzelf opnieuw op."
    body = paste(recruiter_client, text, **headers).content.decode()
    rows = re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", body, re.S)
    (row,) = [row for row in rows if "uitvalt" in row]
    said = re.findall(r"<td data-label=\"[^\"]*\">(.*?)</td>", row, re.S)[-1]
    assert said == "“uitvalt … opnieuw”"


def test_a_first_line_of_marks_or_invisible_characters_is_no_title(recruiter_client):
    """The recruiter's search and the engineer's save form take the same title: the first line that shows a letter
    or digit, without its list marks."""
    text = "\u200d\u00ad\u200f\n## Medior Data Engineer — Utrecht\n\n- Python and SQL.\n"
    assert paste(recruiter_client, text, action="save").status_code == 303
    assert VacancySearch.objects.get().title == "Medior Data Engineer — Utrecht"
    engineer = PortalClient()
    engineer.force_login(UserFactory())
    response = engineer.post(reverse("skills:vacancy"), {"text": text})
    assert response.context["save_form"].initial["title"] == "Medior Data Engineer — Utrecht"
