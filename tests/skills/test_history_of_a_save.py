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
    changes = home.split('id="home-changes"')[1].split("</section>")[0]
    assert changes.count('class="border-bottom py-1 home-change"') == 3 and changes.count(first_zero) == 3
    assert all(item.name in changes for item in items)


def test_the_progress_page_shows_the_numbers_after_a_save_once_for_the_save(client, engineer, items):
    joins, skew, shuffles = items
    assess(user=engineer, item=joins, level=3)
    save_all(client, {skew: 2, shuffles: 2})
    for language, together in (("en", "Saved together: 2 changes"), ("nl", "Samen opgeslagen: 2 wijzigingen")):
        body = client.get(reverse("skills:progress"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        ticked = re.findall(r'<td data-label="(?:Ticked|Afgevinkt)">(.*?)</td>', body, re.S)
        assert [cell.strip() for cell in ticked] == ["3", "1"]  # the save's, then the first change's
        group = re.search(r'<tbody class="save-group">(.*?)</tbody>', body, re.S).group(1)
        heading = re.search(r'<th scope="rowgroup"[^>]*>(.*?)</th>', group, re.S).group(1)
        assert together in heading and body.count(together) == 1
        changes = re.findall(r'<tr class="save-group-change">\s*<th scope="row" colspan="2">(\w+) ', group)
        assert sorted(changes) == ["Shuffles", "Skew"]  # under the save's heading, without numbers of their own
        assert "as above" not in body and "zie boven" not in body


def test_a_save_split_over_two_history_pages_says_how_many_of_its_changes_each_shows(client, engineer):
    save_all(client, {ChecklistItemFactory(): 2 for _ in range(27)})  # 25 changes a page
    first = client.get(reverse("skills:progress")).content.decode()
    second = client.get(reverse("skills:progress") + "?page=2").content.decode()
    for body, shown in ((first, 25), (second, 2)):
        heading = re.search(r'<th scope="rowgroup"[^>]*>(.*?)</th>', body, re.S).group(1)
        assert "Saved together: 27 changes" in heading and f"({shown} on this page)" in heading
        assert body.count('<tr class="save-group-change">') == shown
        assert re.findall(r'<td data-label="Ticked">(.*?)</td>', body) == ["27"]


@pytest.mark.parametrize(
    ("language", "one_day"),
    [
        ("en", "Where you stood at the end of the day you changed something."),
        ("nl", "Je stand aan het eind van de dag waarop je iets wijzigde."),
    ],
)
def test_the_progress_page_says_plainly_what_its_charts_show(client, engineer, items, language, one_day):
    save_all(client, {items[0]: 2, items[1]: 3})
    body = client.get(reverse("skills:progress"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    lead = re.search(r'<p class="lead">\s*(.*?)\s*</p>', body, re.S).group(1)
    assert lead == one_day


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
