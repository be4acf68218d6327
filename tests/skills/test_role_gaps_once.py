"""A role's gaps page names each requirement in one place: what is missing on the learning path (the must-haves'
summary above it links there), what is met folded under one line; no table repeats the learning path."""

import re

import pytest
from django.urls import reverse

from tests.factories import RoleFactory, RoleRequirementFactory, assess
from tests.headings import headings_in_summaries, met_fold, outline
from tests.markup import fact_rows, inside

pytestmark = pytest.mark.django_db


@pytest.fixture
def role_page(client, engineer):
    role = RoleFactory()
    retries = RoleRequirementFactory(role=role, item__name="Retries", min_level=2, is_must_have=True)
    tuning = RoleRequirementFactory(role=role, item__name="Tuning", min_level=3)
    joins = RoleRequirementFactory(role=role, item__name="Joins", min_level=2)
    assess(user=engineer, item=tuning.item, level=1)
    assess(user=engineer, item=joins.item, level=3)

    def body(language: str = "en") -> str:
        url = reverse("skills:role-gaps", kwargs={"slug": role.slug})
        return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()

    return {"body": body, "retries": retries.item, "tuning": tuning.item, "joins": joins.item}


def shown(body: str, name: str) -> int:
    """How often ``name`` is shown as an item's name (bold, or the head of a table row); not the words that only
    screen readers hear beside a button."""
    return len(re.findall(rf"<strong>{name}</strong>|<th scope=\"row\">{name}</th>", body))


def test_a_missing_item_stands_once_on_the_learning_path_and_no_table_repeats_it(role_page):
    body = role_page["body"]()
    assert 'id="missing-heading"' not in body
    assert shown(body, "Tuning") == 1  # a nice-to-have: the learning path alone
    tuning = inside(body, f"path-item-{role_page['tuning'].pk}")
    assert "nice-to-have" in tuning and "Your level 1 · level 3 needed · 2 levels to go" in fact_rows(tuning)


def test_the_must_haves_summary_links_to_their_place_on_the_learning_path(role_page):
    body = role_page["body"]()
    unmet = body.split('id="gaps-unmet"')[1].split("</ul>")[0]
    assert f'<a href="#path-item-{role_page["retries"].pk}"><strong>Retries</strong></a>' in unmet
    assert shown(body, "Retries") == 2  # the summary's link and its place on the path


@pytest.mark.parametrize(
    ("language", "summary", "heading", "before"),
    [
        ("en", "Met: 1 requirement", "Requirements you meet", ["Your learning path", "Per skill"]),
        ("nl", "Voldaan: 1 eis", "Eisen waaraan je voldoet", ["Je leerpad", "Per vaardigheid"]),
    ],
)
def test_what_is_met_is_folded_under_one_line_below_a_heading_outside_the_fold(
    role_page, language, summary, heading, before
):
    """A heading inside the fold's <summary> (a button) is flattened to plain text by some screen readers: the
    section's heading stands outside it, as the last of the page's second-level headings."""
    body = role_page["body"](language)
    assert headings_in_summaries(body) == []
    fold = met_fold(body)
    assert (fold.summary, fold.rows) == (summary, ["Joins"]) and shown(body, "Joins") == 1
    assert (fold.heading, fold.heading_tag, fold.heading_in_fold) == (heading, "h2", False)
    assert fold.table_labelled_by_heading
    assert [text for tag, text in outline(body) if tag == "h2"][-3:] == [*before, heading]
