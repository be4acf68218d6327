"""Without JavaScript, a row's buttons keep what was chosen in the row, and the outcome shows beside the row the
redirect lands on, not at the top of the page."""

import re

import pytest
from django.urls import reverse

from skills.models import Assessment, ItemState
from tests.factories import ChecklistItemFactory, assess

pytestmark = pytest.mark.django_db


@pytest.fixture
def item():
    return ChecklistItemFactory(name="Window functions")


def row_status(html: str, item) -> str:
    return re.search(rf'<p id="item-{item.pk}-status"[^>]*>(.*?)</p>', html, re.S).group(1).strip()


def the_checklist_form(item, **fields) -> dict:
    """What the checklist's one form posts for a row: its level, evidence and note, and the button pressed."""
    prefix = f"item-{item.pk}"
    return {f"{prefix}-level": fields.pop("level"), f"{prefix}-evidence_url": "", f"{prefix}-note": "", **fields}


def test_a_mark_pressed_without_javascript_saves_the_level_chosen_in_its_row(client, engineer, item):
    assess(user=engineer, item=item, level=1)
    url = reverse("skills:item-state", args=[item.pk])
    response = client.post(url, the_checklist_form(item, level="3", state="learning"))
    assert response["Location"] == f"{reverse('skills:checklist')}#item-row-{item.pk}"
    assert Assessment.objects.get(user=engineer, item=item).level == 3
    assert ItemState.objects.get(user=engineer, item=item).state == "learning"
    page = client.get(response["Location"]).content.decode()
    assert row_status(page, item) == "Saved “Window functions” at level 3, marked “learning now”."
    assert 'class="messages"' not in page


def test_a_mark_cleared_without_javascript_says_the_level_it_saved(client, engineer, item):
    url = reverse("skills:item-state", args=[item.pk])
    client.post(url, the_checklist_form(item, level="2", state="later"), follow=True)
    response = client.post(url, the_checklist_form(item, level="2", state=""), follow=True, HTTP_ACCEPT_LANGUAGE="nl")
    assert row_status(response.content.decode(), item) == "“Window functions” opgeslagen op niveau 2, zonder markering."
    assert not ItemState.objects.filter(user=engineer).exists()


def test_a_mark_with_an_invalid_row_saves_nothing_and_marks_the_field(client, engineer, item):
    fields = the_checklist_form(item, level="3", state="learning")
    fields[f"item-{item.pk}-evidence_url"] = "ftp://example.org/proof"
    response = client.post(reverse("skills:item-state", args=[item.pk]), fields)
    assert response.status_code == 200
    assert "Not saved: correct the marked field." in row_status(response.content.decode(), item)
    assert not Assessment.objects.filter(user=engineer).exists() and not ItemState.objects.exists()


def test_a_row_saved_without_javascript_says_so_beside_the_row_once(client, engineer, item):
    response = client.post(reverse("skills:assess", args=[item.pk]), the_checklist_form(item, level="2"), follow=True)
    page = response.content.decode()
    assert row_status(page, item) == "Saved “Window functions”."
    assert 'class="messages"' not in page
    assert row_status(client.get(reverse("skills:checklist")).content.decode(), item) == ""  # said once


def fold_of(html: str, item) -> str:
    """The opening tag of the skill fold that holds ``item``'s row."""
    before = html[: html.index(f'id="item-row-{item.pk}"')]
    return re.findall(r"<details class=\"skill-fold\"[^>]*>", before)[-1]


def test_a_row_saved_without_javascript_comes_back_in_an_open_fold_where_the_post_lands(client, engineer, item):
    """Without JavaScript the browser jumps to the saved row (#item-row-N): it can only do so in an open fold."""
    assert "open" not in fold_of(client.get(reverse("skills:checklist")).content.decode(), item)
    response = client.post(reverse("skills:assess", args=[item.pk]), the_checklist_form(item, level="2"), follow=True)
    assert "open" in fold_of(response.content.decode(), item)
    assert "open" not in fold_of(client.get(reverse("skills:checklist")).content.decode(), item)  # said once


def test_a_mark_pressed_without_javascript_saves_the_levels_changed_in_other_rows_too(client, engineer, item):
    """Without JavaScript the checklist is one form: the mark's button posts every row, and what was typed in the
    other rows is saved with it, as "Save all" would, instead of being silently dropped."""
    other = ChecklistItemFactory(name="Partitioning")
    assess(user=engineer, item=other, level=0)
    fields = {**the_checklist_form(item, level="1", state="learning"), **the_checklist_form(other, level="1")}
    response = client.post(reverse("skills:item-state", args=[item.pk]), fields, follow=True)
    assert Assessment.objects.get(user=engineer, item=other).level == 1
    assert Assessment.objects.get(user=engineer, item=item).level == 1
    assert row_status(response.content.decode(), item) == (
        "Saved “Window functions” at level 1, marked “learning now”. Your change to 1 other item is saved too."
    )
    fields[f"item-{other.pk}-level"] = "2"
    response = client.post(reverse("skills:item-state", args=[item.pk]), fields, follow=True, HTTP_ACCEPT_LANGUAGE="nl")
    assert row_status(response.content.decode(), item) == (
        "“Window functions” opgeslagen op niveau 1, gemarkeerd als “nu aan het leren”."
        " Je wijziging in 1 ander punt is ook opgeslagen."
    )


def test_a_rows_save_pressed_without_javascript_saves_the_levels_changed_in_other_rows_too(client, engineer, item):
    """A level chosen in one row and then another row's Save pressed: without JavaScript both are in the one form's
    post, and both are saved; nothing chosen on the page is dropped."""
    other = ChecklistItemFactory(name="Partitioning")
    assess(user=engineer, item=other, level=0)
    fields = {**the_checklist_form(item, level="2"), **the_checklist_form(other, level="3")}
    response = client.post(reverse("skills:assess", args=[item.pk]), fields, follow=True, HTTP_ACCEPT_LANGUAGE="nl")
    assert Assessment.objects.get(user=engineer, item=other).level == 3
    assert Assessment.objects.get(user=engineer, item=item).level == 2
    assert row_status(response.content.decode(), item) == (
        "“Window functions” opgeslagen. Je wijziging in 1 ander punt is ook opgeslagen."
    )


def test_a_rows_save_with_an_invalid_other_row_saves_nothing_and_keeps_every_rows_input(client, engineer, item):
    other = ChecklistItemFactory(name="Partitioning")
    fields = {**the_checklist_form(item, level="2"), **the_checklist_form(other, level="3")}
    fields[f"item-{other.pk}-evidence_url"] = "ftp://example.org/proof"
    response = client.post(reverse("skills:assess", args=[item.pk]), fields)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Not saved: correct the marked field." in row_status(page, other)
    assert 'value="ftp://example.org/proof"' in page
    assert not Assessment.objects.filter(user=engineer).exists()


def test_a_mark_pressed_with_an_invalid_other_row_saves_nothing_and_marks_that_row(client, engineer, item):
    other = ChecklistItemFactory(name="Partitioning")
    fields = {**the_checklist_form(item, level="1", state="learning"), **the_checklist_form(other, level="2")}
    fields[f"item-{other.pk}-evidence_url"] = "ftp://example.org/proof"
    response = client.post(reverse("skills:item-state", args=[item.pk]), fields)
    assert response.status_code == 200
    assert "Not saved: correct the marked field." in row_status(response.content.decode(), other)
    assert 'value="ftp://example.org/proof"' in response.content.decode()
    assert not Assessment.objects.filter(user=engineer).exists() and not ItemState.objects.exists()


def test_a_mark_pressed_on_a_checklist_with_nothing_rated_says_so_beside_its_row(client, engineer, item):
    """Nothing rated, so the one form carries no row: the mark is still the checklist's, and said beside its row."""
    response = client.post(reverse("skills:item-state", args=[item.pk]), {"state": "learning"})
    assert response["Location"] == f"{reverse('skills:checklist')}#item-row-{item.pk}"
    page = client.get(response["Location"]).content.decode()
    assert row_status(page, item) == "Saved: “Window functions” is marked “learning now”."
    assert 'class="messages"' not in page


def test_a_mark_on_an_unrated_row_without_javascript_saves_the_other_rows_too(client, engineer, item):
    other = ChecklistItemFactory(name="Partitioning")
    fields = {"state": "later", **the_checklist_form(other, level="2")}
    response = client.post(reverse("skills:item-state", args=[item.pk]), fields, follow=True)
    assert Assessment.objects.get(user=engineer, item=other).level == 2
    assert not Assessment.objects.filter(item=item).exists()
    assert row_status(response.content.decode(), item) == (
        "Saved: “Window functions” is marked “for later”. Your change to 1 other item is saved too."
    )


@pytest.mark.parametrize(("language", "saved_text"), [("en", "Saved."), ("nl", "Opgeslagen.")], ids=["en", "nl"])
def test_a_valid_save_after_a_refused_one_draws_the_row_again_without_the_old_error(
    client, engineer, item, language, saved_text
):
    url = reverse("skills:assess", args=[item.pk])
    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_ACCEPT_LANGUAGE": language}
    refused = the_checklist_form(item, level="2", **{f"item-{item.pk}-evidence_url": "mijn github"})
    assert "invalid-feedback" in client.post(url, refused, **htmx).content.decode()
    valid = the_checklist_form(item, level="2", **{f"item-{item.pk}-evidence_url": "https://github.com/me/pipelines"})
    response = client.post(url, valid, **htmx)
    html = response.content.decode()
    row = re.search(rf'<li id="item-row-{item.pk}" class="([^"]*)"', html)
    assert row is not None and "border-danger" not in row.group(1)
    assert "invalid-feedback" not in html and 'aria-invalid="true"' not in html
    assert row_status(html, item) == saved_text
    assert 'value="https://github.com/me/pipelines"' in html
    assert Assessment.objects.get(user=engineer, item=item).evidence_url == "https://github.com/me/pipelines"


@pytest.mark.parametrize("other_rated", [False, True])
def test_a_rows_save_pressed_without_a_level_says_the_row_was_not_saved(client, engineer, item, other_rated):
    """The pressed row has no level: it is refused and said so, never "Saved", whatever the other rows carry."""
    other = ChecklistItemFactory(name="Partitioning")
    fields = {f"item-{item.pk}-evidence_url": "", f"item-{item.pk}-note": ""}  # no level chosen in the pressed row
    if other_rated:
        assess(user=engineer, item=other, level=2)
        fields.update(the_checklist_form(other, level="2"))
    response = client.post(reverse("skills:assess", args=[item.pk]), fields, follow=True)
    page = response.content.decode()
    assert row_status(page, item) == "Not saved: correct the marked field."
    assert "Choose a level to save this item" in page
    assert not Assessment.objects.filter(user=engineer, item=item).exists()


def correction_banner(html: str) -> str:
    return re.search(r'id="checklist-correction">(.*?)\s*<a ', html, re.S).group(1).strip()


@pytest.mark.parametrize(
    ("button", "language", "said"),
    [
        (
            "assess",
            "en",
            "Nothing was saved, not “Window functions” either: first correct “Partitioning”, marked below.",
        ),
        (
            "assess",
            "nl",
            "Er is niets opgeslagen, ook “Window functions” niet: verbeter eerst “Partitioning”, hieronder",
        ),
        ("item-state", "en", "Nothing was saved, not “Window functions” either: first correct “Partitioning”"),
    ],
)
def test_a_row_refused_for_another_rows_input_says_the_pressed_row_was_not_saved_either(
    client, engineer, item, button, language, said
):
    """All or nothing: a row's Save (or mark) pressed while another row holds a wrong link saves neither; the answer
    must not name the other row alone, as if the pressed one had been saved."""
    other = ChecklistItemFactory(name="Partitioning")
    fields = {**the_checklist_form(item, level="2", state="learning"), **the_checklist_form(other, level="3")}
    fields[f"item-{other.pk}-evidence_url"] = "ftp://example.org/proof"
    page = client.post(reverse(f"skills:{button}", args=[item.pk]), fields, HTTP_ACCEPT_LANGUAGE=language)
    assert correction_banner(page.content.decode()).startswith(said)
    assert not Assessment.objects.filter(user=engineer).exists()
