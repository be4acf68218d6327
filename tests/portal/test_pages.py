import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse

from tests.clients import DUTCH
from tests.factories import RecruiterFactory

pytestmark = pytest.mark.django_db


def test_home_page_has_language_skip_link_and_login_links(client):
    body = client.get("/").content.decode()
    assert '<html lang="en">' in body
    assert 'href="#main"' in body
    assert "/accounts/login/" in body
    assert "/admin/" not in body


def test_unknown_page_renders_custom_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_unknown_page_has_one_heading_and_no_breadcrumb(client):
    body = client.get("/no-such-page/").content.decode()
    assert body.count("<h1") == 1
    assert "<h1>Page not found</h1>" in body
    assert 'class="breadcrumb"' not in body


def test_a_page_shows_its_title_in_the_title_the_breadcrumb_and_the_heading(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    body = client.get("/skills/progress/").content.decode()
    assert "<title>My progress · DE skills</title>" in body
    assert '<li class="breadcrumb-item active" aria-current="page">My progress</li>' in body
    assert body.count("<h1") == 1
    assert "<h1>My progress</h1>" in body


def test_a_page_can_name_itself_shorter_in_the_breadcrumb(client):
    body = client.get("/catalog/").content.decode()
    assert "<title>Python tools for Data Engineers · DE skills</title>" in body
    assert '<li class="breadcrumb-item active" aria-current="page">Catalog</li>' in body
    assert "<h1>Python tools for Data Engineers</h1>" in body


def test_security_headers_present(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_navigation_shows_admin_only_to_editors(client, django_user_model):
    from portal.demo import load_demo_users

    load_demo_users()
    client.force_login(django_user_model.objects.get(email="engineer@example.com"))
    assert "/admin/" not in client.get("/").content.decode()
    client.force_login(django_user_model.objects.get(email="editor@example.com"))
    assert "/admin/" in client.get("/").content.decode()


def test_load_demo_is_idempotent_and_refuses_without_debug(django_user_model):
    with override_settings(DEBUG=True):
        call_command("load_demo")
        call_command("load_demo")
    demo_users = ("editor@example.com", "recruiter@example.com", "engineer@example.com")
    assert django_user_model.objects.filter(email__in=demo_users).count() == 3
    assert django_user_model.objects.filter(email__startswith="cand").count() == 12  # skills.demo_candidates
    recruiter = django_user_model.objects.get(email="recruiter@example.com")
    assert list(recruiter.groups.values_list("name", flat=True)) == ["Recruiters"]
    with override_settings(DEBUG=False), pytest.raises(CommandError):
        call_command("load_demo")


@pytest.mark.parametrize(
    ("headers", "offer", "checklist"),
    [({}, "Find candidates", "Open my checklist"), (DUTCH, "Kandidaten zoeken", "Open mijn checklist")],
)
def test_a_recruiters_home_is_their_candidates_and_the_landing_page_offers_those_not_a_checklist(
    client, headers, offer, checklist
):
    client.force_login(RecruiterFactory())
    candidates = reverse("recruiting:candidate-list")
    page = client.get(reverse("recruiting:shortlist-list"), **headers).content.decode()
    assert f'class="navbar-brand fw-semibold" href="{candidates}"' in page
    assert f'<li class="breadcrumb-item"><a href="{candidates}">' in page
    landing = client.get(reverse("home"), **headers).content.decode()
    assert f'href="{candidates}">{offer}</a>' in landing
    assert checklist not in landing


@pytest.mark.parametrize(
    ("language", "says"),
    [("en", "the tools vacancies ask for"), ("nl", "de tools waar vacatures om vragen")],
)
def test_the_footer_says_what_the_portal_holds_without_repeating_itself(client, language, says):
    body = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    about = body.split('id="footer-about">', 1)[1].split("</span>", 1)[0]
    assert says in about
    assert about.count("Data Engineer") == 1


def test_favicon_ico_leads_to_our_icon_in_the_static_files(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert icon["Content-Type"] == "image/svg+xml"
