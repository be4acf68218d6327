"""Levels saved together (the quick start, "Save all"): the home leaves out first ratings to level 0, which say
nothing new, and the progress page shows the numbers after the save once for the save, not on every row as if each
change had reached them."""

import re

import pytest
from django.urls import reverse

from tests.factories import ChecklistItemFactory, assess

pytestmark = pytest.mark.django_db

HOME = "/skills/home/"


@pytest.fixture
def items():
    return [ChecklistItemFactory(name=name) for name in ("Joins", "Skew", "Shuffles")]


def save_all(client, levels: dict) -> None:
    """The checklist's "Save all", as the quick start saves: several levels in one save."""
    fields = {f"item-{item.pk}-level": str(level) for item, level in levels.items()}
    assert client.post(reverse("skills:assess-all"), fields).status_code == 302


def test_the_home_leaves_out_first_ratings_to_level_0(client, engineer, items):
    joins, skew, shuffles = items
    save_all(client, {joins: 0, skew: 0, shuffles: 2})
    assess(user=engineer, item=skew, level=1)
    changes = client.get(HOME).content.decode().split('id="home-changes"')[1].split("</ul>")[0]
    assert changes.count("<li") == 2
    assert "Shuffles" in changes and "level 0 → 1" in changes and "Joins" not in changes
    assert "not yet rated → level 0" not in changes


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


@pytest.mark.parametrize("size", [1, 20])
def test_the_progress_page_takes_as_many_queries_however_big_the_saves(
    client, engineer, django_assert_max_num_queries, size
):
    items = [ChecklistItemFactory() for _ in range(size)]
    save_all(client, dict.fromkeys(items, 2))
    save_all(client, dict.fromkeys(items, 3))
    with django_assert_max_num_queries(8):
        assert client.get(reverse("skills:progress")).status_code == 200
