"""The vacancy page with the real reading (skills.vacancies) over the demo phrases: what the engine reads is what the
page shows and scores, in a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from skills.models import ChecklistItem
from skills.scoring import compute_match
from skills.selectors.profiles import user_levels
from skills.vacancies.fit import vacancy_requirements
from skills.vacancies.reading import read_vacancy
from skills.vacancies.services import save_vacancy
from tests.factories import UserFactory, assess
from tests.markup import fact_rows

pytestmark = pytest.mark.django_db

SHORT = "Medior data engineer. Wat vragen wij: SQL-kennis, dbt en Snowflake."
DUTCH = """Senior Data Engineer – lakehouse

Wat vragen wij
- Minimaal vijf jaar ervaring als data engineer
- Sterke SQL-kennis, met window functions en analytische functies
- Ervaring met PySpark en partitionering op Databricks
- Orkestratie met Airflow: retries en scheduling
- Geen Kafka-ervaring nodig

Pré
- Docker
"""


@pytest.fixture
def engineer(client, demo):
    user = UserFactory()
    assess(user=user, item=ChecklistItem.objects.get(skill__slug="sql", slug="window-functions"), level=3)
    assess(user=user, item=ChecklistItem.objects.get(skill__slug="sql", slug="joins"), level=1)
    client.force_login(user)
    return user


def test_the_page_marks_what_the_engine_found_and_scores_it_by_the_rule(client, engineer):
    reading = read_vacancy(text=DUTCH)
    response = client.post(reverse("skills:vacancy"), {"text": DUTCH})
    body = response.content.decode()
    box = re.search(r'<div class="vacancy-text[^"]*"[^>]*>(.*?)</div>', body, re.S).group(1)
    marked = re.findall(r'<mark class="hl hl-([a-z-]+)">(.*?)<span class="visually-hidden">', box)
    assert marked == [(style, piece) for piece, style in reading.highlights() if style]
    assert ("required", "window functions") in marked and ("required", "analytische functies") in marked
    assert "Kafka" not in [piece for style, piece in marked if style in ("required", "nice")]  # negated
    expected = compute_match(vacancy_requirements(reading=reading), user_levels(user=engineer))
    assert response.context["fit"].result == expected
    assert f'id="vacancy-fit">{expected.score}<' in body
    assert 'id="vacancy-seniority">senior<' in body and 'id="vacancy-language">Written in Dutch<' in body


def test_the_gaps_page_scores_a_saved_vacancy_as_its_page_does(client, engineer):
    vacancy = save_vacancy(owner=engineer, title="Lakehouse", link="", text=DUTCH)
    on_its_page = client.get(vacancy.get_absolute_url()).context["fit"].result.score
    gaps = client.get(reverse("skills:gaps")).content.decode()
    assert f'id="vacancy-{vacancy.pk}-score">Fit: <strong>{on_its_page}</strong> out of 100' in gaps


def test_reading_takes_as_many_queries_for_a_long_vacancy_as_for_a_short_one(client, engineer):
    assert read_vacancy(text=SHORT).tools  # an item and a tool: every kind of query is there already
    client.post(reverse("skills:vacancy"), {"text": SHORT})  # the phrasebook is built once per process
    client.post(reverse("skills:vacancy"), {"text": DUTCH * 20})  # and each new unknown term counted once
    with CaptureQueriesContext(connection) as short:
        client.post(reverse("skills:vacancy"), {"text": SHORT})
    with CaptureQueriesContext(connection) as long:
        response = client.post(reverse("skills:vacancy"), {"text": DUTCH * 20})
    assert len(response.context["fit"].reading.items) > len(read_vacancy(text=SHORT).items)
    assert len(long.captured_queries) <= len(short.captured_queries)


PRE_NEGATED = (
    "Data Engineer bij Stroomnet\n\nWat vragen wij?\n- SQL en Airflow\n- Vloeiend Nederlands, minimaal 3 jaar "
    "ervaring\n\nPré\n- Docker\n- dbt\n\nGeen ervaring met FastAPI of Django nodig. Je laadt data in Snowflake.\n"
    "Locatie: Zwolle\n"
)


def test_the_page_marks_required_nice_and_not_asked_in_three_styles_with_a_legend(client, engineer):
    body = client.post(reverse("skills:vacancy"), {"text": PRE_NEGATED}).content.decode()
    box = re.search(r'<div class="vacancy-text[^"]*"[^>]*>(.*?)</div>', body, re.S).group(1)
    marked = dict((piece, style) for style, piece in re.findall(r'<mark class="hl hl-([a-z-]+)">([^<]*)<', box))
    assert marked["Airflow"] == "required" and marked["Docker"] == "nice"
    assert marked["FastAPI"] == marked["Django"] == "not-asked" and marked["Snowflake"] == "unrecognised"
    assert '<span class="visually-hidden"> (not asked)</span>' in box
    legend = re.search(r'<ul class="fact-list small vacancy-legend[^"]*">(.*?)</ul>', body, re.S).group(1)
    assert all(f"hl-{style}" in legend for style in ("required", "nice", "not-asked"))
    # its entries are a .fact-list, whose CSS draws the dots between them: none ends a line on a phone
    assert "must-have (——) · nice-to-have (- - -) · not asked (struck through) · not recognised (⋮)" in fact_rows(body)


def test_the_page_splits_tools_and_names_what_is_not_asked_unknown_and_besides_skills(client, engineer):
    response = client.post(reverse("skills:vacancy"), {"text": PRE_NEGATED})
    body = response.content.decode()
    asked = re.search(r'id="vacancy-tools-asked">(.*?)</ul>', body, re.S).group(1)
    nice = re.search(r'id="vacancy-tools-nice">(.*?)</ul>', body, re.S).group(1)
    assert "Airflow" in asked and "dbt" in nice and "dbt" not in asked
    not_asked = re.search(r'id="vacancy-not-asked">(.*?)</section>', body, re.S).group(1)
    assert "<del>FastAPI</del>" in not_asked and "<del>Django</del>" in not_asked
    assert "FastAPI" not in asked + nice
    assert "Snowflake" in re.search(r'id="vacancy-unrecognised">(.*?)</section>', body, re.S).group(1)
    assert 'id="vacancy-language">Written in Dutch<' in body
    assert 'id="vacancy-languages">Dutch<' in body and 'id="vacancy-years">at least 3 years<' in body
    assert 'id="vacancy-location">Zwolle<' in body
    assert response.context["save_form"].initial["title"] == "Data Engineer bij Stroomnet"


@pytest.mark.parametrize(
    "text",
    [
        "Data Engineer\n\nWhat you bring\n- Python and SQL\n\nNo Dagster experience needed.",
        "Data Engineer\n\nWat vragen wij\n- Python en SQL\n\nPré\n- Docker\n\nGeen ervaring met Dagster nodig.",
    ],
)
def test_an_unknown_term_said_not_to_be_needed_is_named_as_not_asked(client, engineer, text):
    """A tester read "No Kafka experience needed" and saw Kafka only among the terms not understood, beside "the
    vacancy says nothing it names is not needed"."""
    body = client.post(reverse("skills:vacancy"), {"text": text}).content.decode()
    not_asked = re.search(r'id="vacancy-not-asked">(.*?)</section>', body, re.S).group(1)
    assert "<del>Dagster</del>" in not_asked and "says nothing it names is not needed" not in not_asked
    assert "Dagster" in re.search(r'id="vacancy-unrecognised">(.*?)</section>', body, re.S).group(1)  # for editors
    asked = client.post(reverse("skills:vacancy"), {"text": text.replace("No Dagster", "Dagster").replace("Geen ", "")})
    assert "Dagster" not in re.search(r'id="vacancy-not-asked">(.*?)</section>', asked.content.decode(), re.S).group(1)


def test_a_generic_word_read_without_its_skill_is_not_listed_as_an_unknown_tool(client, engineer):
    """A tester saw "tune" beside Dagster under "these look like tools or skills": it is a word the reader knows
    but would not guess from; the page says that of it, apart from the tech terms it does not know. A term said not
    to be needed is marked as not asked in the text."""
    text = "Data Engineer\n\nWhat you do\n- Work with analysts to tune things.\n- Build pipelines with Dagster.\n\nNo Meltano needed."
    reading = read_vacancy(text=text)
    assert "tune" in [hit.text for hit in reading.out_of_context]  # the demo phrasebook reads it so
    body = client.post(reverse("skills:vacancy"), {"text": text}).content.decode()
    unrecognised = re.search(r'id="vacancy-unrecognised">(.*?)</section>', body, re.S).group(1)
    tech, generic = unrecognised.split("not read as asked:")
    assert "Dagster" in tech and "tune" not in tech and "tune" in generic and "Dagster" not in generic
    assert '<mark class="hl hl-not-asked">Meltano<' in body


def test_the_page_promises_editors_only_the_terms_they_are_given(client, engineer):
    """A kept product of two capitalised words reaches editors; a term that may name a person is shown and said to
    stay here, and is never counted."""
    from skills.models import UnrecognisedTerm

    text = (
        "Wat vragen wij\n- Ervaring met Delta Lake en Unity Catalog\n- Ervaring met Kafka, Flink en Sanne Vermeulen\n"
    )
    page = client.post(reverse("skills:vacancy"), {"text": text}).content.decode()
    said = page.split('id="vacancy-unrecognised"', 1)[1].split("</section>", 1)[0]
    to_editors, _, private = said.partition("person")
    assert "Unity Catalog" in to_editors and "Sanne Vermeulen" not in to_editors
    assert "Sanne Vermeulen" in private
    assert sorted(UnrecognisedTerm.objects.values_list("term", flat=True)) == ["Flink", "Kafka", "Unity Catalog"]


# A text the reader recognises nothing in: a statement and what to do, never a score of 0 -------------------------

BREAD = {
    "en": (
        "Baker wanted\n\nOur family bakery is looking for an early riser who loves bread. You knead and shape "
        "sourdough loaves, bake croissants and apple pies, and keep the ovens clean.\n\nWhat you bring\n"
        "- A few years of experience in a bakery\n- A friendly word for every customer\n"
    ),
    "nl": (
        "Bakker gezocht\n\nOnze familiebakkerij zoekt een vroege vogel die van brood houdt. Je kneedt "
        "zuurdesembroden, bakt croissants en appeltaarten en houdt de ovens schoon.\n\nWat vragen wij\n"
        "- Een paar jaar ervaring in een bakkerij\n- Een vriendelijk woord voor elke klant\n"
    ),
}
BACKEND = (
    "Backend developer (Java)\n\nYou build the booking service of a travel company: Java services with Spring Boot "
    "and REST endpoints, designed with the product owner.\n\nWhat you bring\n- Three years of experience with Java\n"
    "- You write clean, readable code\n"
)
NOTHING_MATCHED = {
    "en": ("Nothing in this text matched the checklist", "Check the language", "Paste the part", "out of 100"),
    "nl": ("Niets in deze tekst kwam overeen met de checklist", "Controleer de taal", "Plak het deel", "van 100"),
}


@pytest.mark.parametrize(
    ("language", "text"), [("en", BREAD["en"]), ("nl", BREAD["nl"]), ("en", BACKEND), ("nl", BACKEND)]
)
def test_a_text_that_matches_nothing_says_so_and_what_to_do_instead_of_scoring_0(client, engineer, language, text):
    assert not read_vacancy(text=text).items
    response = client.post(reverse("skills:vacancy"), {"text": text}, HTTP_ACCEPT_LANGUAGE=language)
    body = response.content.decode()
    statement, language_advice, paste_advice, out_of_100 = NOTHING_MATCHED[language]
    unmatched = re.search(r'id="vacancy-unmatched"[^>]*>(.*?)</section>', body, re.S).group(1)
    assert statement in unmatched and language_advice in unmatched and paste_advice in unmatched
    assert 'id="vacancy-fit"' not in body and "<meter" not in body and out_of_100 not in body
    assert 'id="path-heading"' not in body  # no empty learning path under its heading either


def test_a_saved_text_that_matches_nothing_has_no_score_on_the_gaps_page(client, engineer):
    vacancy = save_vacancy(owner=engineer, title="Baker", link="", text=BREAD["en"])
    gaps = client.get(reverse("skills:gaps")).content.decode()
    card = gaps[gaps.index(f'id="vacancy-{vacancy.pk}-title"') :].split("</article>")[0]
    assert "Nothing in it matched the checklist" in card
    assert "out of 100" not in card and "<meter" not in card and "You meet 0 of the 0" not in card


FOUND_AS = "Data engineer\n\nWhat we ask\n- Experience with Delta Lake on Databricks and PySpark\n"


def test_a_tool_found_through_another_name_says_so_beside_it(client, engineer):
    """ "Delta Lake" and "Databricks" are marked in the text as the PySpark tool: the tools list says so, in English
    and in Dutch, and a phrase that is the tool's own name is not repeated."""
    body = client.post(reverse("skills:vacancy"), {"text": FOUND_AS}).content.decode()
    asked = re.sub(r"\s+", " ", re.search(r'id="vacancy-tools-asked">(.*?)</ul>', body, re.S).group(1))
    assert (
        'PySpark<span class="visually-hidden"> (opens in a new tab)</span></a> <span class="small text-body-secondary">(found as “Delta Lake”, “Databricks”)</span>'
        in asked
    )
    body = client.post(reverse("skills:vacancy"), {"text": FOUND_AS}, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    asked = re.search(r'id="vacancy-tools-asked">(.*?)</ul>', body, re.S).group(1)
    assert "(gevonden als “Delta Lake”, “Databricks”)" in asked


def test_a_generic_word_inside_a_product_name_is_not_listed_as_a_word_of_the_text(client, engineer):
    """A newcomer read "TypeScript" and saw "Type" among the words read without their skill: a piece of a longer
    word is no word the vacancy says; the product itself is among the terms the reader does not know."""
    body = client.post(reverse("skills:vacancy"), {"text": "Frontend Developer\n\nWhat we ask\n- TypeScript\n- Docker"})
    unrecognised = re.search(r'id="vacancy-unrecognised">(.*?)</section>', body.content.decode(), re.S).group(1)
    assert "TypeScript" in unrecognised
    assert ">Type<" not in unrecognised and "not read as asked:" not in unrecognised


def test_no_catalog_tool_asked_is_said_so_beside_tools_not_asked(client, engineer):
    """ "No tool from our catalog" read as a contradiction beside Airflow under "not asked"."""
    body = client.post(reverse("skills:vacancy"), {"text": "Data Engineer\n\nSQL is a must. No Airflow needed."})
    html = body.content.decode()
    assert "It asks for no tool from our catalog." in html
    assert "<del>Airflow</del>" in re.search(r'id="vacancy-not-asked">(.*?)</section>', html, re.S).group(1)


def test_what_is_not_asked_is_listed_as_skills_and_as_tools(client, engineer):
    """A newcomer read "Schaalbare pipelines Airflow" as one phrase: skills and tools not asked stand apart, each
    its own chip."""
    body = client.post(reverse("skills:vacancy"), {"text": "Data Engineer\n\nSQL is a must. No Airflow needed."})
    not_asked = re.search(r'id="vacancy-not-asked">(.*?)</section>', body.content.decode(), re.S).group(1)
    skills, tools = not_asked.split("Tools and products")
    assert "<dt>Skills</dt>" in skills and "<del>Airflow DAGs</del>" in skills
    assert '<span class="badge text-bg-light border"><del>Airflow</del></span>' in tools


def marks_in(body: str) -> list[tuple[str, str]]:
    """The marked phrases of the read text, as (style, words)."""
    box = re.search(r'<div class="vacancy-text[^"]*"[^>]*>(.*?)</div>', body, re.S).group(1)
    return re.findall(r'<mark class="hl hl-([a-z-]+)">(.*?)<span class="visually-hidden">', box)


@pytest.mark.parametrize(
    ("text", "style", "parts"),
    [
        (
            "Wat vragen wij\n- Als een koppeling uitvalt, start de verwerking zichzelf opnieuw op.",
            "required",
            ("uitvalt", "opnieuw"),
        ),
        ("Nice to have\n- You know what to do when jobs crash and need a restart.", "nice", ("crash", "restart")),
        ("You do not need to know how jobs that crash get restarted.", "not-asked", ("crash", "restarted")),
    ],
)
def test_both_parts_of_a_pair_are_marked_as_its_item(client, engineer, text, style, parts):
    """A newcomer saw "opnieuw" marked and "uitvalt" not, though the pair names the item only with both."""
    marked = marks_in(client.post(reverse("skills:vacancy"), {"text": text}).content.decode())
    assert [(style, part) for part in parts] == [mark for mark in marked if mark[1] in parts]


def test_an_item_found_by_a_pair_is_found_as_its_two_parts_together(client, engineer):
    retries = ChecklistItem.objects.get(skill__slug="orchestration", slug="retries")
    text = "Wat vragen wij\n- Als een koppeling uitvalt, start de verwerking zichzelf opnieuw op."
    for language, found_as in (("en", "Found as: “uitvalt … opnieuw”"), ("nl", "Gevonden als: “uitvalt … opnieuw”")):
        body = client.post(reverse("skills:vacancy"), {"text": text}, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert found_as in body[body.index(f'id="asked-{retries.pk}"') :].split("</li>")[0]


FRONTEND = "Medior Frontend Developer\n\nWhat we ask\n- React, TypeScript, Next.js, Storybook; some Docker\n"


def fit_card(body: str) -> str:
    """The card with the score: from its heading to the next card's."""
    return body[body.index('id="fit-heading"') : body.index("</div></div>", body.index('id="fit-heading"'))]


@pytest.mark.parametrize(
    ("language", "rests_on", "left_out"),
    [
        ("en", "This score rests on only 1 item we recognised.", "4 terms we did not recognise"),
        ("nl", "Deze score rust op maar 1 punt dat we herkenden.", "4 termen die we niet herkenden"),
    ],
)
def test_a_score_on_few_recognised_items_says_so_beside_it_and_links_to_the_terms_left_out(
    client, engineer, language, rests_on, left_out
):
    """A frontend job scored 100 of 100 on Docker, the one item it asks that the reader knows, without a word."""
    assess(user=engineer, item=ChecklistItem.objects.get(skill__slug="ci-cd", slug="docker"), level=3)
    body = client.post(reverse("skills:vacancy"), {"text": FRONTEND}, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    card = fit_card(body)
    assert 'id="vacancy-fit">100<' in card
    warning = re.search(r'id="vacancy-few-items"[^>]*>(.*?)</p>', card, re.S).group(1)
    assert rests_on in " ".join(warning.split())
    link = re.search(r'<a [^>]*href="#vacancy-unrecognised"[^>]*>(.*?)</a>', warning, re.S).group(1)
    assert " ".join(link.split()) == left_out
    unrecognised = re.search(r'id="vacancy-unrecognised">(.*?)</section>', body, re.S).group(1)
    assert all(term in unrecognised for term in ("React", "TypeScript", "Next.js", "Storybook"))


def test_more_unrecognised_terms_than_items_recognised_is_said_beside_the_score_too(client, engineer):
    text = "Data Engineer\n\nWhat we ask\n- SQL, Python and Airflow\n- React, TypeScript, Next.js, Storybook, Svelte\n"
    card = fit_card(client.post(reverse("skills:vacancy"), {"text": text}).content.decode())
    assert "This score rests on only 3 items we recognised." in " ".join(card.split())


def test_a_score_on_enough_items_carries_no_warning_though_a_term_is_unknown_or_not_needed(client, engineer):
    body = client.post(reverse("skills:vacancy"), {"text": DUTCH}).content.decode()
    assert "Kafka" in body  # not asked, and not known
    assert 'id="vacancy-few-items"' not in body


def saved_card(body: str, title: str) -> str:
    """A saved vacancy's card on the gaps page, by its title."""
    return body[body.index(f">{title}</a></h3>") :].split("</article>")[0]


@pytest.mark.parametrize(
    ("language", "rests_on"),
    [
        ("en", "This score rests on only 1 item we recognised."),
        ("nl", "Deze score rust op maar 1 punt dat we herkenden."),
    ],
)
def test_a_saved_vacancy_whose_score_rests_on_few_items_says_so_on_its_card(client, engineer, language, rests_on):
    """The gaps page showed the frontend job's 100 of 100 without the warning its own page gives."""
    for title, text in (("Frontend", FRONTEND), ("Lakehouse", DUTCH)):
        client.post(reverse("skills:vacancy-save"), {"save-text": text, "save-title": title, "save-link": ""})
    body = client.get(reverse("skills:gaps"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    warning = re.search(r'id="vacancy-\d+-few-items"[^>]*>(.*?)</p>', saved_card(body, "Frontend"), re.S)
    assert rests_on == " ".join(warning.group(1).split())
    assert "-few-items" not in saved_card(body, "Lakehouse")


def test_the_saved_vacancies_warnings_take_no_query_per_card(client, engineer, django_assert_max_num_queries):
    save_vacancy(owner=engineer, title="Frontend", link="", text=FRONTEND)
    with CaptureQueriesContext(connection) as with_one:
        assert client.get(reverse("skills:gaps")).status_code == 200
    save_vacancy(owner=engineer, title="Lakehouse", link="", text=DUTCH)
    for number in range(4):
        save_vacancy(owner=engineer, title=f"Frontend {number}", link="", text=f"{FRONTEND}\nJob {number}.")
    with django_assert_max_num_queries(len(with_one.captured_queries)):
        body = client.get(reverse("skills:gaps")).content.decode()
    assert len(re.findall(r'id="vacancy-\d+-few-items"', body)) == 5


def test_a_term_pasted_with_a_no_break_space_is_counted_for_editors_as_the_same_term(client, engineer):
    """A text copied from a web page keeps its no-break spaces: "Unity Catalog" is one term to count, not two."""
    from skills.models import UnrecognisedTerm

    for space, reader in ((" ", engineer), ("\u00a0", UserFactory())):
        client.force_login(reader)
        text = f"Wat vragen wij\n- Ervaring met Delta Lake en Unity{space}Catalog\n"
        page = client.post(reverse("skills:vacancy"), {"text": text})
        assert page.status_code == 200
    assert list(UnrecognisedTerm.objects.values_list("term", "count")) == [("Unity Catalog", 2)]
