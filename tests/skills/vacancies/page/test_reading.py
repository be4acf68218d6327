"""/skills/vacancy/: a pasted vacancy read against the engineer's own levels, and what the page does with bad input.

The page's own behaviour is tested with readings built by hand (support.py; ``fake_reader`` in conftest.py), so that
what is marked, asked and needed is known exactly; tests/skills/vacancies/test_engine_on_the_page.py runs the real
reading through it. Saving a vacancy and the private list of saved ones: test_saved_vacancies.py.
"""

import difflib
import html
import itertools
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from skills.models import SavedVacancy
from skills.scoring import compute_match
from skills.selectors.profiles import user_levels
from skills.vacancies import fit as rule
from skills.vacancies.fit import vacancy_rule
from skills.vacancies.limits import VACANCY_MAX_CHARS
from skills.vacancies.reading import VacancyReading
from skills.vacancies.seniority import MEDIOR, SENIOR
from skills.vacancies.services import save_vacancy
from tests.clients import PortalClient
from tests.factories import assess
from tests.headings import headings_in_summaries, met_fold
from tests.markup import fact_rows
from tests.skills.vacancies.page.support import TEXT, read_every_text_with, read_page, save

pytestmark = pytest.mark.django_db


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


def test_the_legend_the_marks_and_the_badges_name_a_nice_to_have_alike(client, engineer, fake_reader, world):
    """One English label for the kind, "nice-to-have", as the start, gaps and learning path write it."""
    body = read_page(client).content.decode()
    legend = re.search(r'class="[^"]*vacancy-legend[^"]*".*?</ul>', body, re.S).group(0)
    assert '<mark class="hl hl-nice">nice-to-have</mark>' in legend
    assert '<mark class="hl hl-nice">skew<span class="visually-hidden"> (nice-to-have)</span></mark>' in body
    skew = body[body.index(f'id="asked-{world["items"]["skew"].pk}"') :].split("</li>")[0]
    assert ">nice-to-have</span>" in skew


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


@pytest.mark.parametrize(("language", "promise"), [("en", r"unless you save it"), ("nl", r"\bbewaard\b")])
def test_the_empty_form_says_once_that_the_text_is_not_kept(client, engineer, language, promise):
    """The lead and the field's help both said "Nothing is stored unless you save it": once, beside the field."""
    body = client.get(reverse("skills:vacancy"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    main = body[body.index("<main") : body.index("</main>")]
    assert len(re.findall(promise, main)) == 1
    help_text = re.search(r'<div[^>]*id="id_text_helptext"[^>]*>(.*?)</div>', main, re.S).group(1)
    assert re.search(promise, help_text)


HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1>", re.S)


@pytest.mark.parametrize(("language", "asks"), [("en", "ask"), ("nl", "vra")])
def test_each_heading_of_the_reading_says_what_is_different_and_they_nest_without_gaps(
    client, engineer, fake_reader, language, asks
):
    """A newcomer met "What it asks", "What a vacancy needs" and "What it asks for" ("Wat ze vragen", "Wat een
    vacature vraagt", "Waar ze om vragen") on one page and could not tell them apart."""
    body = read_page_in(client, language)
    headings = [(int(level), re.sub(r"<[^>]+>", "", text).strip()) for level, text in HEADING.findall(body)]
    levels = [level for level, _text in headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels)), headings
    texts = [text for _level, text in headings]
    assert len(set(texts)) == len(texts)
    for one, other in itertools.combinations(texts, 2):
        assert difflib.SequenceMatcher(None, one.casefold(), other.casefold()).ratio() < 0.7, (one, other)
    assert len([text for level, text in headings if level == 2 and asks in text.casefold()]) == 1, headings


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
        and "nice-to-have</span>" in skew
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
        ("en", "not yet rated, needs level {needed}", "level 0, needs {needed} · not yet", "Not yet rated · level"),
        (
            "nl",
            "nog niet beoordeeld, niveau {needed} nodig",
            "niveau 0, nodig {needed} · nog niet",
            "Nog niet beoordeeld · niveau",
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
    path = body[body.index('id="path-heading"') :].split("</section>")[0]
    never_rated = [levels for levels in fact_rows(path) if levels.startswith(left_to_go)]
    assert len(never_rated) == 2  # Retries and Skew; Window functions is at level 0
    assert 'id="missing-heading"' not in body  # what is missing stands once, on the path


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
    assert re.search(r'Missing must-haves</dt><dd>\s*<ul class="name-list[^"]*"><li>Retries</li></ul>\s*</dd>', body)


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
    path = body[body.index('id="path-heading"') :].split("</section>")[0]
    steps = re.findall(r"<li class=\"mb-2\">\s*<strong>(.*?)</strong>", path)
    assert steps == ["Window functions", "Skew"]  # growth order; Retries is met
    assert "https://example.org/kata" in path and 'href="/catalog/pyspark/"' in path
    assert "must-have</span>" in path
    assert headings_in_summaries(body) == []
    fold = met_fold(body)  # folded, as on a role's page, below a heading outside the fold
    assert (fold.summary, fold.rows) == ("Met: 1 requirement", ["Retries"])
    assert (fold.heading, fold.heading_tag, fold.heading_in_fold) == (
        "What the vacancy asks for that you meet",
        "h2",
        False,
    )


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
    assert f"at most {VACANCY_MAX_CHARS:,} characters long; this one has {len(text):,}." in body
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
