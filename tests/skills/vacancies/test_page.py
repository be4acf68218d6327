"""/skills/vacancy/: a pasted vacancy read against the engineer's own levels, and the private list of saved ones.

The page's own behaviour is tested with readings built here (``fake_reader``), so that what is marked, asked
and needed is known exactly; tests/skills/vacancies/test_engine_on_the_page.py runs the real reading through it.
"""

import html
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from skills.models import Resource, SavedVacancy
from skills.models.saved_vacancies import MAX_SAVED_VACANCIES
from skills.scoring import compute_match
from skills.selectors.profiles import user_levels
from skills.services.profiles import delete_account
from skills.vacancies import fit as rule
from skills.vacancies import services as vacancy_services
from skills.vacancies import views as vacancy_views
from skills.vacancies.fit import vacancy_rule
from skills.vacancies.limits import VACANCY_MAX_CHARS
from skills.vacancies.reading import ItemAsked, PhraseHit, ToolAsked, VacancyReading, read_vacancy
from skills.vacancies.seniority import MEDIOR, SENIOR
from skills.vacancies.services import save_vacancy
from tests.clients import PortalClient
from tests.factories import (
    CategoryFactory,
    ChecklistItemFactory,
    SkillFactory,
    ToolFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db

TEXT = (
    "Senior Data Engineer <script>alert('x')</script> bij Acme & Co.\n"
    "Wat vragen wij: window functions en Airflow-ervaring.\n"
    "Pré: kennis van skew in Spark."
)


def hits(text: str, phrase: str) -> tuple[PhraseHit, ...]:
    return tuple(
        PhraseHit(text=match.group(0), start=match.start(), end=match.end())
        for match in re.finditer(re.escape(phrase), text)
    )


def reading_of(text: str, *, items=(), tools=(), seniority="senior", language="nl") -> VacancyReading:
    """A reading as the engine gives one: ``items`` are (item, required, phrase), ``tools`` (tool, phrase)."""
    return VacancyReading(
        text=text,
        language=language,
        seniority=seniority,
        items=tuple(
            ItemAsked(item=item, required=required, phrases=hits(text, phrase)) for item, required, phrase in items
        ),
        tools=tuple(ToolAsked(tool=tool, phrases=hits(text, phrase)) for tool, phrase in tools),
    )


@pytest.fixture
def world():
    sql = SkillFactory(name="SQL", growth_stage=1, order=1)
    spark = SkillFactory(name="PySpark", growth_stage=3, order=1)
    orchestration = SkillFactory(name="Orchestration", growth_stage=2, order=1)
    public = CategoryFactory(published=True)
    airflow = ToolFactory(name="Airflow", slug="airflow", category=public)
    spark_tool = ToolFactory(name="PySpark", slug="pyspark", category=public)
    spark.tools.add(spark_tool)
    items = {
        "window": ChecklistItemFactory(skill=sql, name="Window functions"),
        "retries": ChecklistItemFactory(skill=orchestration, name="Retries"),
        "skew": ChecklistItemFactory(skill=spark, name="Skew"),
    }
    Resource.objects.create(item=items["window"], title="Window functions kata", url="https://example.org/kata")
    return {"items": items, "airflow": airflow, "spark_tool": spark_tool, "hidden_tool": ToolFactory(published=False)}


@pytest.fixture
def reading(world):
    items = world["items"]
    return reading_of(
        TEXT,
        items=[
            (items["window"], True, "window functions"),
            (items["retries"], True, "Airflow"),
            (items["skew"], False, "skew"),
        ],
        tools=[(world["airflow"], "Airflow"), (world["spark_tool"], "Spark"), (world["hidden_tool"], "Acme")],
    )


def read_every_text_with(monkeypatch, read) -> None:
    """The page and the save read with ``read`` instead of the engine."""
    for module in (vacancy_views, vacancy_services):
        monkeypatch.setattr(module, "read_vacancy", read)


@pytest.fixture
def fake_reader(monkeypatch, reading):
    """Every text reads as ``reading`` (with the posted text); the engine's own refusals still apply."""
    engine_read = read_vacancy

    def read(*, text: str) -> VacancyReading:
        engine_read(text=text)
        return VacancyReading(
            text=text, language=reading.language, seniority=reading.seniority, items=reading.items, tools=reading.tools
        )

    read_every_text_with(monkeypatch, read)


@pytest.fixture
def engineer(client):
    user = UserFactory(email="me@example.com")
    client.force_login(user)
    return user


def read_page(client, text=TEXT):
    return client.post(reverse("skills:vacancy"), {"text": text})


def save(client, *, title="Lakehouse engineer at Acme", link="https://jobs.example.org/42", text=TEXT):
    return client.post(reverse("skills:vacancy-save"), {"save-text": text, "save-title": title, "save-link": link})


# Reading -----------------------------------------------------------------------------------------


def test_the_paste_form_is_an_engineer_page_whose_textarea_cuts_nothing_off(client, engineer):
    """A browser would cut a longer paste silently, and the end of a vacancy (its "nice to have", its "no …") with
    it; the form refuses it instead, saying so (below)."""
    response = client.get(reverse("skills:vacancy"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<textarea" in body and "maxlength" not in re.search(r"<textarea[^>]*>", body).group(0)
    assert '<a class="nav-link active" aria-current="page" href="/skills/vacancy/">Vacancy</a>' in body
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert PortalClient().get(reverse("skills:vacancy")).status_code == 302


def test_the_text_comes_back_with_marks_exactly_where_the_reading_found_phrases(client, engineer, fake_reader, reading):
    body = read_page(client).content.decode()
    box = re.search(r'<div class="vacancy-text[^"]*"[^>]*>(.*?)</div>', body, re.S).group(1)
    marks = re.findall(r'<mark class="hl hl-[a-z-]+">(.*?)<span class="visually-hidden"> \([^)<]*\)</span></mark>', box)
    assert marks == [html.escape(piece) for piece, style in reading.highlights() if style]
    assert marks == ["Acme", "window functions", "Airflow", "skew", "Spark"]
    plain = re.sub(r'<mark class="hl hl-[a-z-]+">|<span class="visually-hidden">[^<]*</span></mark>', "", box)
    assert html.unescape(plain) == TEXT  # nothing added, nothing lost


def test_pasted_markup_is_shown_as_text_never_run(client, engineer, fake_reader):
    body = read_page(client).content.decode()
    assert "<script>alert('x')</script>" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "Acme &amp; Co." in body


def links_leading_away(body: str) -> list[tuple[str, str]]:
    """Every link in the reading's results (tools, learning path), as (tag, text)."""
    results = body[body.index('id="tools-heading"') :]
    results = results[: results.index("</section>", results.index('id="path-heading"'))]
    return re.findall(r"(<a [^>]*>)(.*?)</a>", results, re.S)


@pytest.mark.parametrize(("language", "said"), [("en", "(opens in a new tab)"), ("nl", "(opent in een nieuw tabblad)")])
def test_links_in_the_reading_open_in_a_new_tab_so_the_reading_stays(
    client, engineer, fake_reader, world, language, said
):
    """Back from a page the reading links to would ask to post the vacancy again (personal pages are not stored)."""
    links = links_leading_away(read_page_in(client, language))
    names = {re.sub(r"<span.*", "", text, flags=re.S) for _, text in links}
    assert {"Airflow", "PySpark", "Window functions kata"} <= names
    for tag, text in links:
        assert 'target="_blank"' in tag and "noopener" in tag, tag
        assert text.endswith(f'<span class="visually-hidden"> {said}</span>'), text


def read_page_in(client, language: str) -> str:
    return client.post(reverse("skills:vacancy"), {"text": TEXT}, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_items_are_grouped_by_skill_with_your_level_against_the_level_needed(client, engineer, fake_reader, world):
    items = world["items"]
    assess(user=engineer, item=items["window"], level=2)
    assess(user=engineer, item=items["skew"], level=1)
    body = read_page(client).content.decode()
    asked = body[body.index('id="asked-heading"') : body.index('id="tools-heading"')]
    # growth order: SQL, then orchestration, then Spark
    assert asked.index(">SQL</h3>") < asked.index(">Orchestration</h3>") < asked.index(">PySpark</h3>")
    senior = rule.needed_level(required=True, seniority=SENIOR)
    window = asked[asked.index(f'id="asked-{items["window"].pk}"') :]
    assert f"level 2, needs {senior} · not yet" in window.split("</li>")[0]
    assert "must-have</span>" in window.split("</li>")[0]
    skew = asked[asked.index(f'id="asked-{items["skew"].pk}"') :].split("</li>")[0]
    assert (
        f"level 1, needs {rule.needed_level(required=False, seniority=SENIOR)} · not yet" in skew
        and "nice to have</span>" in skew
    )
    assert "Found as: “skew”" in skew


def test_in_dutch_a_required_item_is_a_must_have_as_on_the_roles(client, engineer, fake_reader, world):
    body = client.post(reverse("skills:vacancy"), {"text": TEXT}, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    window = body[body.index(f'id="asked-{world["items"]["window"].pk}"') :].split("</li>")[0]
    assert "must-have</span>" in window
    assert "Ontbrekende must-haves" in body
    assert not re.search(r"\b[Vv]ereiste?\b", re.sub(r"<textarea.*?</textarea>|<mark.*?</mark>", "", body, flags=re.S))


def test_in_english_too_a_required_item_is_a_must_have_as_on_the_roles(client, engineer, fake_reader, world):
    body = client.post(reverse("skills:vacancy"), {"text": TEXT}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    window = body[body.index(f'id="asked-{world["items"]["window"].pk}"') :].split("</li>")[0]
    assert "must-have</span>" in window
    assert "Missing must-haves</dt>" in body and "within a stage, must-haves come first" in body
    shown = re.sub(r"<textarea.*?</textarea>|<mark.*?</mark>|<!--.*?-->", "", body, flags=re.S)
    assert not re.search(r"\b[Rr]equired\b", re.sub(r"<[^>]+>", " ", shown))


def test_a_vacancy_that_is_not_senior_needs_the_lower_level(client, engineer, monkeypatch, world, reading):
    medior = VacancyReading(text=TEXT, language="en", seniority="medior", items=reading.items[:1], tools=())
    read_every_text_with(monkeypatch, lambda *, text: medior)
    body = read_page(client).content.decode()
    assert f"not yet rated, needs level {rule.needed_level(required=True, seniority=MEDIOR)}" in body
    assert 'id="vacancy-seniority">medior<' in body and 'id="vacancy-language">Written in English<' in body


@pytest.mark.parametrize(
    ("language", "unrated", "rated_zero", "left_to_go"),
    [
        ("en", "not yet rated, needs level {needed}", "level 0, needs {needed} · not yet", "Not yet rated, needed"),
        (
            "nl",
            "nog niet beoordeeld, niveau {needed} nodig",
            "niveau 0, nodig {needed} · nog niet",
            "Nog niet beoordeeld",
        ),
    ],
)
def test_an_item_never_rated_reads_apart_from_one_rated_0(
    client, engineer, fake_reader, world, language, unrated, rated_zero, left_to_go
):
    items = world["items"]
    assess(user=engineer, item=items["window"], level=0)
    body = client.post(reverse("skills:vacancy"), {"text": TEXT}, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    needed = rule.needed_level(required=True, seniority=SENIOR)
    window = body[body.index(f'id="asked-{items["window"].pk}"') :].split("</li>")[0]
    retries = body[body.index(f'id="asked-{items["retries"].pk}"') :].split("</li>")[0]
    assert rated_zero.format(needed=needed) in window
    assert unrated.format(needed=needed) in retries and "0," not in retries
    path = body[body.index('id="path-heading"') : body.index('id="missing-heading"')]
    assert path.count(left_to_go) == 2  # Retries and Skew, never rated; Window functions is at level 0
    missing = body[body.index('id="missing-heading"') :].split("</table>")[0]
    assert missing.count("fst-italic") == 2


def test_the_fit_is_the_roles_score_over_the_rules_requirements(client, engineer, fake_reader, world, reading):
    items = world["items"]
    assess(user=engineer, item=items["window"], level=3)
    assess(user=engineer, item=items["retries"], level=1)
    response = read_page(client)
    expected = compute_match(rule.vacancy_requirements(reading=reading), user_levels(user=engineer))
    assert response.context["fit"].result == expected
    assert 0 < expected.score < 100
    body = response.content.decode()
    assert f'id="vacancy-fit">{expected.score}<' in body
    assert "Missing must-haves</dt><dd>Retries</dd>" in body


def test_the_note_explains_the_rule_with_its_own_numbers(client, engineer, fake_reader):
    body = read_page(client).content.decode()
    note = re.search(r'id="vacancy-rule">(.*?)</p>', body, re.S).group(1)
    assert (
        f"needs level {rule.needed_level(required=True, seniority=SENIOR)} when the vacancy asks for a senior" in note
    )
    assert f"level {rule.needed_level(required=True, seniority=MEDIOR)} otherwise" in note
    assert f"counts {vacancy_rule().nice_to_have_percent}% of a must-have" in note
    assert vacancy_rule().nice_to_have_percent == 50  # the issue: nice-to-haves count half


def test_public_tools_link_to_the_catalog_and_hidden_ones_are_left_out(client, engineer, fake_reader, world):
    body = read_page(client).content.decode()
    tools = body[body.index('id="tools-heading"') : body.index('id="path-heading"')]
    assert '<a href="/catalog/airflow/" target="_blank" rel="noopener">Airflow<' in tools
    assert '<a href="/catalog/pyspark/" target="_blank" rel="noopener">PySpark<' in tools
    assert world["hidden_tool"].name not in tools


def test_gaps_and_the_learning_path_come_as_for_a_role(client, engineer, fake_reader, world):
    assess(user=engineer, item=world["items"]["retries"], level=3)
    body = read_page(client).content.decode()
    path = body[body.index('id="path-heading"') : body.index('id="missing-heading"')]
    steps = re.findall(r"<li class=\"mb-2\">\s*<strong>(.*?)</strong>", path)
    assert steps == ["Window functions", "Skew"]  # growth order; Retries is met
    assert "https://example.org/kata" in path and 'href="/catalog/pyspark/"' in path
    assert "must-have</span>" in path
    assert 'id="met-heading"' in body and '<th scope="row">Retries</th>' in body


def test_reading_stores_nothing(client, engineer, fake_reader):
    assert read_page(client).status_code == 200
    assert not SavedVacancy.objects.exists()


# Bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_an_empty_text_gets_an_error(client, engineer, text):
    response = read_page(client, text)
    assert response.status_code == 200
    assert "Paste the text of a vacancy first." in response.content.decode()
    assert "fit" not in response.context or response.context["fit"] is None


def test_a_text_over_the_limit_is_refused_and_kept(client, engineer):
    text = "Spark " * (VACANCY_MAX_CHARS // 6) + "tail-end-marker"
    assert len(text) > VACANCY_MAX_CHARS
    response = read_page(client, text)
    body = response.content.decode()
    assert response.status_code == 413  # as the API and the recruiter's search page answer
    assert f"at most {VACANCY_MAX_CHARS} characters long; this one has {len(text)}." in body
    assert "tail-end-marker</textarea>" in body


def test_a_nul_byte_is_refused_without_a_server_error(client, engineer):
    response = read_page(client, "Spark\x00Airflow")
    assert response.status_code == 400
    assert not SavedVacancy.objects.exists()


def test_the_form_itself_refuses_a_nul_byte():
    from skills.vacancies.forms import VacancyForm

    form = VacancyForm({"text": "Spark\x00Airflow"})
    assert not form.is_valid() and "text" in form.errors


def test_a_text_the_engine_refuses_comes_back_with_its_reason_on_every_page(client, engineer, fake_reader, monkeypatch):
    vacancy = save_vacancy(owner=engineer, title="Kept", link="", text=TEXT)

    def refuse(*, text):
        raise ValidationError("The reader cannot read this text.")

    read_every_text_with(monkeypatch, refuse)
    for response in (
        read_page(client),
        save(client),
        client.get(vacancy.get_absolute_url()),
    ):
        body = response.content.decode()
        assert response.status_code == 200
        assert "The reader cannot read this text." in body and 'name="text"' in body
        assert "vacancy-fit" not in body
    assert SavedVacancy.objects.count() == 1


def test_line_breaks_are_read_as_one_character(client, engineer, fake_reader):
    response = read_page(client, "Senior\r\nwindow functions\r\n")
    assert response.context["fit"].reading.text == "Senior\nwindow functions"


# Saving ------------------------------------------------------------------------------------------


def test_saving_keeps_the_vacancy_for_its_owner_and_opens_its_reading(client, engineer, fake_reader, world):
    response = save(client)
    vacancy = SavedVacancy.objects.get()
    assert response.status_code == 302 and response["Location"] == vacancy.get_absolute_url()
    assert (vacancy.owner, vacancy.title, vacancy.link, vacancy.text) == (
        engineer,
        "Lakehouse engineer at Acme",
        "https://jobs.example.org/42",
        TEXT,
    )
    assert vacancy.items_asked == [
        {"item": world["items"]["window"].pk, "required": True},
        {"item": world["items"]["retries"].pk, "required": True},
        {"item": world["items"]["skew"].pk, "required": False},
    ]
    page = client.get(vacancy.get_absolute_url())
    body = page.content.decode()
    assert "<h1>Lakehouse engineer at Acme</h1>" in body
    assert 'aria-current="page" href="/skills/vacancy/">Vacancy</a>' in body
    assert (
        '<mark class="hl hl-required">window functions<span class="visually-hidden"> (must-have)</span></mark>' in body
    )
    assert 'href="https://jobs.example.org/42" rel="noopener noreferrer nofollow"' in body
    assert "Save to my vacancies" not in body
    assert {"private", "no-store"} <= {part.strip() for part in page["Cache-Control"].split(",")}


@pytest.mark.parametrize(
    ("language", "already"),
    [("en", "You saved this vacancy already"), ("nl", "Je hebt deze vacature al bewaard")],
)
def test_the_same_vacancy_is_saved_once_and_reading_it_again_links_to_the_saved_one(
    client, engineer, fake_reader, language, already
):
    save(client)
    vacancy = SavedVacancy.objects.get()
    again = client.post(
        reverse("skills:vacancy"), {"text": TEXT.replace("\n", "\r\n") + "  "}, HTTP_ACCEPT_LANGUAGE=language
    )
    note = re.search(r'id="saved-already">(.*?)</p>', again.content.decode(), re.S).group(1)
    assert already in note and f'<a href="{vacancy.get_absolute_url()}">Lakehouse engineer at Acme</a>' in note
    assert 'name="save-title"' not in again.content.decode()
    response = client.post(  # a second tab, or the back button, still posts the save form
        reverse("skills:vacancy-save"),
        {"save-text": TEXT, "save-title": "The same again", "save-link": ""},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 302 and response["Location"] == vacancy.get_absolute_url()
    assert SavedVacancy.objects.count() == 1
    shown = html.unescape(client.get(response["Location"], HTTP_ACCEPT_LANGUAGE=language).content.decode())
    assert f"{already}, {'as' if language == 'en' else 'als'} “Lakehouse engineer at Acme”." in shown
    other = client.post(reverse("skills:vacancy"), {"text": TEXT + "\nOok: dbt."}).content.decode()
    assert 'id="saved-already"' not in other and 'name="save-title"' in other  # another text may be saved


@pytest.mark.parametrize(
    ("title", "link", "error"),
    [
        ("", "", "Give the vacancy a title"),
        ("   ", "", "Give the vacancy a title"),
        ("Acme", "javascript:alert(1)", "Enter a link that starts with http:// or https://."),
        ("Acme", "ftp://example.org/job", "Enter a link that starts with http:// or https://."),
        ("Acme", "https://", "Enter a link that starts with http:// or https://."),
        ("A" * 121, "", "at most 120 characters"),
    ],
)
def test_a_bad_title_or_link_shows_the_reading_again_with_the_error_and_the_input(
    client, engineer, fake_reader, title, link, error
):
    response = save(client, title=title, link=link)
    body = response.content.decode()
    assert response.status_code == 200
    assert error in body
    assert (
        '<mark class="hl hl-required">window functions<span class="visually-hidden"> (must-have)</span></mark>' in body
    )  # the reading is still there
    if title.strip():
        assert f'value="{html.escape(title)}"' in body
    if link:
        assert html.escape(link) in body
    assert not SavedVacancy.objects.exists()


def test_a_link_without_a_scheme_is_taken_as_https(client, engineer, fake_reader):
    save(client, link="jobs.example.org/42")
    assert SavedVacancy.objects.get().link == "https://jobs.example.org/42"


def test_a_tampered_text_on_saving_is_refused_on_the_paste_form(client, engineer, fake_reader):
    response = save(client, text="x" * (VACANCY_MAX_CHARS + 1))
    body = response.content.decode()
    assert response.status_code == 413 and f"at most {VACANCY_MAX_CHARS} characters" in body
    assert 'name="text"' in body
    assert not SavedVacancy.objects.exists()


def test_the_list_is_capped_with_a_clear_message(client, engineer, fake_reader):
    for number in range(MAX_SAVED_VACANCIES):
        save_vacancy(owner=engineer, title=f"Vacancy {number}", link="", text=f"{TEXT}\nVacature {number}.")
    response = save(client, title="One too many")
    assert response.status_code == 200
    assert f"You keep {MAX_SAVED_VACANCIES} saved vacancies" in response.content.decode()
    assert SavedVacancy.objects.count() == MAX_SAVED_VACANCIES
    gaps = client.get(reverse("skills:gaps")).content.decode()
    assert 'id="saved-vacancies-full"' in gaps
    assert len(re.findall(r'<article class="card h-100" aria-labelledby="vacancy-', gaps)) == MAX_SAVED_VACANCIES


# The list on the gaps page ------------------------------------------------------------------------


def test_saved_vacancies_show_beside_the_roles_with_their_fit(client, engineer, fake_reader, world, reading):
    assert "No saved vacancies yet." in client.get(reverse("skills:gaps")).content.decode()  # cached, then...
    vacancy = save_vacancy(
        owner=engineer, title="Platform <b>engineer</b>", link="https://jobs.example.org/7", text=TEXT
    )
    assess(user=engineer, item=world["items"]["window"], level=3)
    body = client.get(reverse("skills:gaps")).content.decode()  # ...drawn afresh after the save and the level
    expected = compute_match(rule.vacancy_requirements(reading=reading), user_levels(user=engineer))
    card = body[body.index(f'id="vacancy-{vacancy.pk}-title"') :].split("</article>")[0]
    assert f'href="{vacancy.get_absolute_url()}">Platform &lt;b&gt;engineer&lt;/b&gt;</a>' in card
    assert f"Fit: <strong>{expected.score}</strong> out of 100" in card
    assert "Missing must-haves: Retries" in card
    assert 'href="https://jobs.example.org/7"' in card


def test_the_gaps_page_takes_as_many_queries_with_10_saved_vacancies_as_with_1(
    client, engineer, fake_reader, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    save_vacancy(owner=engineer, title="First", link="", text=TEXT)  # each save draws the page afresh
    with CaptureQueriesContext(connection) as with_one:
        assert client.get(reverse("skills:gaps")).status_code == 200
    for number in range(9):
        save_vacancy(owner=engineer, title=f"More {number}", link="", text=f"{TEXT}\nVacature {number}.")
    with django_assert_max_num_queries(len(with_one.captured_queries)):
        body = client.get(reverse("skills:gaps")).content.decode()
    assert body.count('<article class="card h-100" aria-labelledby="vacancy-') == 10


# Owner only, deleting ----------------------------------------------------------------------------


def test_another_users_saved_vacancy_is_a_404_and_stays(client, fake_reader):
    owner = UserFactory()
    vacancy = save_vacancy(owner=owner, title="Mine", link="", text=TEXT)
    client.force_login(UserFactory())
    assert client.get(vacancy.get_absolute_url()).status_code == 404
    assert client.post(reverse("skills:vacancy-delete", args=[vacancy.pk])).status_code == 404
    assert SavedVacancy.objects.filter(pk=vacancy.pk).exists()
    assert "Mine" not in client.get(reverse("skills:gaps")).content.decode()


def test_deleting_a_saved_vacancy_takes_it_off_the_gaps_page(client, engineer, fake_reader):
    vacancy = save_vacancy(owner=engineer, title="Short-lived", link="", text=TEXT)
    assert "Short-lived" in client.get(reverse("skills:gaps")).content.decode()
    assert client.get(reverse("skills:vacancy-delete", args=[vacancy.pk])).status_code == 405
    response = client.post(reverse("skills:vacancy-delete", args=[vacancy.pk]), follow=True)
    assert response.redirect_chain[-1][0].endswith("#saved-vacancies-heading")
    body = response.content.decode()
    assert "“Short-lived” is deleted from your vacancies." in body
    assert 'id="vacancy-' not in body
    assert not SavedVacancy.objects.exists()
    assert client.get(vacancy.get_absolute_url()).status_code == 404


def test_a_post_without_csrf_token_saves_and_deletes_nothing(engineer, fake_reader):
    vacancy = save_vacancy(owner=engineer, title="Kept", link="", text=TEXT)
    strict = PortalClient(enforce_csrf_checks=True)
    strict.force_login(engineer)
    assert strict.post(reverse("skills:vacancy-delete", args=[vacancy.pk])).status_code == 403
    assert strict.post(reverse("skills:vacancy-save"), {"save-text": TEXT, "save-title": "x"}).status_code == 403
    assert list(SavedVacancy.objects.values_list("title", flat=True)) == ["Kept"]


# Personal data -----------------------------------------------------------------------------------


def test_saved_vacancies_are_in_the_data_export(client, engineer, fake_reader):
    save_vacancy(owner=engineer, title="Exported", link="https://jobs.example.org/1", text=TEXT)
    save_vacancy(owner=UserFactory(), title="Someone else's", link="", text=TEXT)
    data = json.loads(client.get(reverse("skills:profile-export")).content)
    assert [(entry["title"], entry["link"], entry["text"]) for entry in data["saved_vacancies"]] == [
        ("Exported", "https://jobs.example.org/1", TEXT)
    ]
    assert data["saved_vacancies"][0]["created_at"]


def test_deleting_the_account_deletes_its_saved_vacancies(engineer, fake_reader):
    save_vacancy(owner=engineer, title="Gone with the account", link="", text=TEXT)
    other = save_vacancy(owner=UserFactory(), title="Stays", link="", text=TEXT)
    delete_account(user=engineer)
    assert list(SavedVacancy.objects.all()) == [other]
