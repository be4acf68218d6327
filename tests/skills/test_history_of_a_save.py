"""Levels saved together (the quick start, "Save all"): the home lists first ratings to level 0 as the progress page
does, and the progress page shows the numbers after the save once for the save, not on every row as if each
change had reached them."""

import re

import pytest
from django.urls import reverse

from tests.factories import ChecklistItemFactory, assess
from tests.queries import page_queries

pytestmark = pytest.mark.django_db

HOME = "/skills/home/"


@pytest.fixture
def items():
    return [ChecklistItemFactory(name=name) for name in ("Joins", "Skew", "Shuffles")]


def save_all(client, levels: dict) -> None:
    """The checklist's "Save all", as the quick start saves: several levels in one save."""
    fields = {f"item-{item.pk}-level": str(level) for item, level in levels.items()}
    assert client.post(reverse("skills:assess-all"), fields).status_code == 302


@pytest.mark.parametrize(
    ("language", "first_zero", "none_yet"),
    [
        ("en", "not yet rated → level 0", "No changes yet"),
        ("nl", "nog niet beoordeeld → niveau 0", "Nog geen wijzigingen"),
    ],
)
def test_the_home_lists_the_start_steps_answers_of_no_experience_as_the_progress_page_does(
    client, engineer, items, language, first_zero, none_yet
):
    save_all(client, {item: 0 for item in items})  # "No experience yet" for every item of the start steps
    home = client.get(HOME, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    progress = client.get(reverse("skills:progress"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert none_yet not in home and none_yet not in progress
    changes = home.split('id="home-changes"')[1].split("</ul>")[0]
    assert changes.count("<li") == 3 and changes.count(first_zero) == 3
    assert all(item.name in changes for item in items)


def test_the_progress_page_shows_the_numbers_after_a_save_once_for_the_save(client, engineer, items):
    joins, skew, shuffles = items
    assess(user=engineer, item=joins, level=3)
    save_all(client, {skew: 2, shuffles: 2})
    for language, together, above in (
        ("en", "Saved together: 2 changes", "as above"),
        ("nl", "Samen opgeslagen: 2 wijzigingen", "zie boven"),
    ):
        body = client.get(reverse("skills:progress"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        ticked = re.findall(r'<td data-label="(?:Ticked|Afgevinkt)">(.*?)</td>', body, re.S)
        assert [cell.strip() for cell in ticked] == ["3", f'<span class="text-body-secondary">{above}</span>', "1"]
        assert body.count(together) == 1


def test_the_progress_page_takes_as_many_queries_however_big_the_saves(client, engineer):
    few = [ChecklistItemFactory()]
    save_all(client, dict.fromkeys(few, 2))
    save_all(client, dict.fromkeys(few, 3))
    after_small_saves = page_queries(client, reverse("skills:progress"))
    many = [ChecklistItemFactory() for _ in range(19)]
    save_all(client, dict.fromkeys(many, 2))
    save_all(client, dict.fromkeys(many, 3))
    after_big_saves = page_queries(client, reverse("skills:progress"))
    assert len(after_big_saves) == len(after_small_saves), "\n".join(after_big_saves)
    # The user and their rights (3), the page (6), the unread notices (1).
    assert len(after_small_saves) <= 10, "\n".join(after_small_saves)
