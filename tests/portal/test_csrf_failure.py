"""A form sent after its CSRF cookie expired or was cleared gets the site's own page in the reader's language, with a
way back to the form's page, instead of Django's bare English "403 Forbidden"; still a 403."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.clients import DUTCH, ENGLISH
from tests.e2e.support import assert_accessible, open_page, screenshot

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def send_without_token(**headers):
    return Client(enforce_csrf_checks=True).post(LOGIN, {"login": "a@example.com", "password": "x"}, **headers)


@pytest.mark.parametrize(
    ("language", "title", "back"),
    [
        (ENGLISH, "This form has expired", "Back to the page"),
        (DUTCH, "Dit formulier is verlopen", "Terug naar de pagina"),
    ],
)
def test_an_expired_form_gets_the_sites_page_leading_back_to_the_form(language, title, back):
    response = send_without_token(HTTP_REFERER=f"http://testserver{LOGIN}?next=/skills/", **language)
    assert response.status_code == 403
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html and 'id="main-nav"' in html
    assert f'<a href="{LOGIN}?next=/skills/">{back}</a>' in html
    assert "Forbidden" not in html and "DEBUG" not in html


def test_a_referer_from_another_site_or_none_leads_home_instead():
    for headers in ({"HTTP_REFERER": "https://evil.example/form"}, {}):
        html = send_without_token(**headers, **ENGLISH).content.decode()
        assert '<a href="/">Back to the home page</a>' in html
        assert "evil.example" not in html


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("language", "title", "back", "log_in"),
    [
        ("en", "This form has expired", "Back to the page", "Log in"),
        ("nl", "Dit formulier is verlopen", "Terug naar de pagina", "Inloggen"),
    ],
)
def test_a_login_sent_after_the_cookies_were_cleared_leads_back_to_the_form(
    live_server, browser, language, title, back, log_in
):
    page = open_page(browser, language=language, width=390)
    page.goto(live_server.url + LOGIN)
    page.context.clear_cookies()
    page.locator("#id_login").fill("someone@example.com")
    page.locator("#id_password").fill("not-the-password")
    page.get_by_role("button", name=log_in).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert_accessible(page)
    screenshot(page, f"25-{language}-390-csrf")
    page.get_by_role("link", name=back).click()
    page.wait_for_url(f"**{LOGIN}")
