"""The account's settings pages (allauth: email addresses, password, two-factor) and the API tokens lead back to the
person's own page, as the portal's other pages do: an engineer's profile, a recruiter's own profile page."""

import re

import pytest

from tests.clients import DUTCH, ENGLISH
from tests.factories import EditorFactory, RecruiterFactory, UserFactory

pytestmark = pytest.mark.django_db

ACCOUNT_PAGES = ("/accounts/email/", "/accounts/password/change/", "/accounts/2fa/", "/api/tokens/")


def breadcrumb_links(body: str) -> list[tuple[str, str]]:
    trail = re.search(r'<ol class="breadcrumb">(.*?)</ol>', body, re.S)
    assert trail, "the page has a breadcrumb trail"
    return [(href, text.strip()) for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', trail.group(1))]


@pytest.mark.parametrize("path", ACCOUNT_PAGES)
@pytest.mark.parametrize(("language", "profile"), [(ENGLISH, "Profile"), (DUTCH, "Profiel")])
def test_an_engineers_account_page_leads_back_to_their_profile(client, path, language, profile):
    client.force_login(UserFactory())
    response = client.get(path, **language)
    assert response.status_code == 200
    assert breadcrumb_links(response.content.decode()) == [("/skills/home/", "Home"), ("/skills/profile/", profile)]


@pytest.mark.parametrize("path", ACCOUNT_PAGES)
def test_a_recruiters_account_page_leads_back_to_their_recruiter_profile(client, path):
    client.force_login(RecruiterFactory())
    response = client.get(path, **ENGLISH)
    assert response.status_code == 200
    assert breadcrumb_links(response.content.decode())[-1] == ("/recruiting/profile/", "My recruiter profile")


def test_an_editors_account_page_leads_back_to_the_account_menu(client):
    client.force_login(EditorFactory())
    response = client.get("/accounts/email/", **DUTCH)
    assert breadcrumb_links(response.content.decode())[-1] == ("/accounts/menu/", "Je account")
