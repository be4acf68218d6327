"""The privacy statement: public in both languages, linked from sign-up and from every page's footer."""

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db
PRIVACY = "/privacy/"


@override_settings(PRIVACY_CONTACT_EMAIL="privacy@example.com")
def test_the_statement_is_public_and_says_what_is_stored_who_sees_it_and_how_to_leave(client):
    response = client.get(PRIVACY)
    body = response.content.decode()
    assert response.status_code == 200
    for words in ("What we store", "pseudonym", "at least 10 people", "never the people using it", "GDPR", "AVG"):
        assert words in body
    assert f'href="{reverse("skills:profile-export")}"' in body
    assert f'href="{reverse("skills:profile-delete")}"' in body
    assert 'href="mailto:privacy@example.com"' in body


def test_the_statement_is_in_dutch_for_a_dutch_reader(client):
    body = client.get(PRIVACY, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Privacyverklaring" in body and "Wat we bewaren" in body and "AVG" in body


@pytest.mark.parametrize("page", ["account_signup", "home", "catalog:tool-list"])
def test_sign_up_and_every_footer_link_the_statement(client, page):
    body = client.get(reverse(page)).content.decode()
    assert body.count(f'href="{PRIVACY}"') >= 1


def test_sign_up_says_where_to_read_what_is_stored(client):
    body = client.get(reverse("account_signup")).content.decode()
    assert 'id="signup-privacy"' in body and "privacy statement" in body
