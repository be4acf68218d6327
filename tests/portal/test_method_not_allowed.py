"""An address that only takes a form's answer, opened in a browser (Enter in the address bar after a post, a link
followed): still 405 with its Allow header, but a page that says so and leads back to the form, not a blank one.
The API's 405 stays as it is."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import EngineerProfileFactory

pytestmark = pytest.mark.django_db

HTML = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def engineer(client):
    profile = EngineerProfileFactory()
    client.force_login(profile.user)
    return profile.user


@pytest.mark.parametrize(
    ("address", "form_page"),
    [
        ("/skills/profile/share-links/", "skills:profile"),
        ("/skills/items/1/state/", "skills:checklist"),
        ("/skills/resources/1/done/", "skills:gaps"),
    ],
)
def test_a_form_address_opened_in_the_browser_says_so_and_leads_back_to_the_form(client, engineer, address, form_page):
    response = client.get(address, headers=HTML)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    html = response.content.decode()
    assert "<h1>This address only takes a form’s answer</h1>" in html
    assert f'<a href="{reverse(form_page)}">Back to the page with the form</a>' in html


def test_the_page_is_in_dutch_for_a_dutch_reader(client, engineer):
    with translation.override("nl"):
        response = client.get("/skills/profile/share-links/", headers={**HTML, "accept-language": "nl"})
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    html = response.content.decode()
    assert "<h1>Dit adres neemt alleen het antwoord van een formulier aan</h1>" in html
    assert "Terug naar de pagina met het formulier" in html


def test_another_form_address_leads_to_the_readers_home(client, engineer):
    response = client.get(reverse("skills:benchmark-choice"), headers=HTML)
    assert response.status_code == 405
    assert f'<a href="{reverse("skills:home")}">' in response.content.decode()


def test_the_apis_405_stays_as_it_was(client, engineer):
    response = client.get(reverse("api:analyze_vacancy"), headers=HTML)
    assert response.status_code == 405
    assert b"<h1>" not in response.content
