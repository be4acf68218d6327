"""/skills/vacancy/: saving a pasted vacancy, the private list of saved ones on the gaps page, and that only their
owner sees, deletes and exports them (with the account they go too)."""

import html
import json
import re

import pytest
from django.urls import reverse

from skills.models import SavedVacancy
from skills.models.saved_vacancies import MAX_SAVED_VACANCIES
from skills.scoring import compute_match
from skills.selectors.profiles import user_levels
from skills.services.profiles import delete_account
from skills.vacancies import fit as rule
from skills.vacancies.limits import VACANCY_MAX_CHARS
from skills.vacancies.services import save_vacancy
from tests.clients import PortalClient
from tests.factories import UserFactory, assess
from tests.skills.vacancies.page.support import TEXT, save

pytestmark = pytest.mark.django_db


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
    # the save form posts to its own section, so a refused save lands on it, not the top of a long reading
    assert re.search(r'<form[^>]*action="/skills/vacancy/save/#save-heading"', body)
    assert '<a href="#save-heading">Save to my vacancies</a>' in body  # and the top of the reading leads there
    assert not SavedVacancy.objects.exists()


def test_a_link_without_a_scheme_is_taken_as_https(client, engineer, fake_reader):
    save(client, link="jobs.example.org/42")
    assert SavedVacancy.objects.get().link == "https://jobs.example.org/42"


def test_a_tampered_text_on_saving_is_refused_on_the_paste_form(client, engineer, fake_reader):
    response = save(client, text="x" * (VACANCY_MAX_CHARS + 1))
    body = response.content.decode()
    assert response.status_code == 413 and f"at most {VACANCY_MAX_CHARS:,} characters" in body
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
    assert re.search(r"Missing must-haves:</p>\s*<ul class=\"name-list[^\"]*\"><li>Retries</li></ul>", card)
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
    response = client.post(reverse("skills:vacancy-delete", args=[vacancy.pk]), follow=True)
    assert response.redirect_chain[-1][0].endswith("#saved-vacancies-heading")
    body = response.content.decode()
    assert "“Short-lived” is deleted from your vacancies." in body
    assert 'id="vacancy-' not in body
    assert not SavedVacancy.objects.exists()
    assert client.get(vacancy.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "“Short-lived” is deleted from your vacancies."),
        ("nl", "“Short-lived” is verwijderd uit je bewaarde vacatures."),
    ],
)
def test_a_deletion_is_said_under_the_saved_vacancies_heading_not_at_the_top(
    client, engineer, fake_reader, language, said
):
    save_vacancy(owner=engineer, title="Kept", link="", text=TEXT + " Another one.")
    client.get(reverse("skills:gaps"))  # the clean page is in the fragment cache: the outcome must not come from it
    vacancy = save_vacancy(owner=engineer, title="Short-lived", link="", text=TEXT)
    answer = client.post(reverse("skills:vacancy-delete", args=[vacancy.pk]), HTTP_ACCEPT_LANGUAGE=language)
    html = client.get(answer.url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    said_at = html.index(f'role="status">{said}</p>')
    assert html.index('id="saved-vacancies-heading"') < said_at < html.index('id="vacancy-')
    assert html.count(said) == 1 and 'class="messages"' not in html
    again = client.get(reverse("skills:gaps"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert said not in again and "Kept" in again


@pytest.mark.parametrize(
    ("language", "asks", "delete", "keep"),
    [
        ("en", "Delete this saved vacancy?", "Delete it for good", "Keep it"),
        ("nl", "Deze bewaarde vacature verwijderen?", "Definitief verwijderen", "Niet verwijderen"),
    ],
)
def test_delete_on_the_gaps_page_asks_first_on_a_page_of_its_own(
    client, engineer, fake_reader, language, asks, delete, keep
):
    vacancy = save_vacancy(owner=engineer, title="Think twice", link="", text=TEXT)
    delete_url = reverse("skills:vacancy-delete", args=[vacancy.pk])
    gaps = client.get(reverse("skills:gaps"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    link = re.search(rf'<a class="btn btn-sm btn-outline-danger" href="({delete_url}[^"]*)">', gaps).group(1)
    assert f'action="{delete_url}"' not in gaps  # one press no longer deletes
    page = client.get(link, HTTP_ACCEPT_LANGUAGE=language)  # the link carries where it was: the card
    assert page.status_code == 200 and SavedVacancy.objects.filter(pk=vacancy.pk).exists()
    html = page.content.decode()
    assert f"<h1>{asks}</h1>" in html and "“Think twice”" in html
    assert re.search(rf'<form method="post" action="{delete_url}">.*?>{delete}</button>', html, re.S)
    assert f'href="{reverse("skills:gaps")}#vacancy-{vacancy.pk}-title">{keep}</a>' in html
    client.post(delete_url)
    assert not SavedVacancy.objects.filter(pk=vacancy.pk).exists()


def keep_it(page) -> str:
    """Where the delete page's "Keep it" leads."""
    return re.search(r'<a class="btn btn-outline-secondary" href="([^"]*)">Keep it</a>', page.content.decode()).group(1)


def test_keep_it_returns_to_the_saved_vacancy_it_was_asked_from(client, engineer, fake_reader):
    vacancy = save_vacancy(owner=engineer, title="Think twice", link="", text=TEXT)
    shown = client.get(vacancy.get_absolute_url()).content.decode()
    delete_url = reverse("skills:vacancy-delete", args=[vacancy.pk])
    link = re.search(rf'<a class="btn btn-outline-danger" href="({delete_url}[^"]*)">', shown).group(1)
    back = keep_it(client.get(link))
    assert back == f"{vacancy.get_absolute_url()}#delete-heading"
    assert client.get(back).status_code == 200 and SavedVacancy.objects.filter(pk=vacancy.pk).exists()


@pytest.mark.parametrize("elsewhere", ["https://evil.example/", "//evil.example/skills/", "javascript:alert(1)", ""])
def test_keep_it_never_leaves_the_site_it_goes_to_the_card_instead(client, engineer, fake_reader, elsewhere):
    vacancy = save_vacancy(owner=engineer, title="Think twice", link="", text=TEXT)
    page = client.get(reverse("skills:vacancy-delete", args=[vacancy.pk]), {"next": elsewhere})
    assert keep_it(page) == f"{reverse('skills:gaps')}#vacancy-{vacancy.pk}-title"


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
