"""Who may open the skills pages: engineers' own pages need a login, the role pages are public."""

import html

import pytest
from django.urls import reverse

from skills.models import Assessment, EngineerProfile
from tests.clients import DUTCH, ENGLISH
from tests.factories import (
    ChecklistItemFactory,
    EditorFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

ENGINEER_PAGES = [
    "/skills/",
    "/skills/gaps/",
    "/skills/gaps/{role}/",
    "/skills/progress/",
    "/skills/profile/",
    "/skills/profile/export.json",
    "/skills/profile/delete/",
]


@pytest.mark.parametrize("path", ENGINEER_PAGES)
def test_anonymous_visitor_is_sent_to_login(client, path):
    url = path.format(role=RoleFactory().slug)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={url}"


def test_checklist_path_is_the_one_the_issue_names():
    assert reverse("skills:checklist") == "/skills/"


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/skills/items/{item}/", {"item-{item}-level": "3"}),
        ("/skills/items/", {"item-{item}-level": "3"}),
        ("/skills/profile/", {"headline": "x", "years_experience": "1", "visibility": "recruiters"}),
        ("/skills/profile/delete/", {"email": "someone@example.com"}),
    ],
)
def test_anonymous_post_is_sent_to_login_and_changes_nothing(client, path, data):
    item = ChecklistItemFactory()
    UserFactory(email="someone@example.com")
    response = client.post(path.format(item=item.pk), {key.format(item=item.pk): value for key, value in data.items()})
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert not Assessment.objects.exists()
    assert not EngineerProfile.objects.exists()
    assert UserFactory._meta.model.objects.filter(email="someone@example.com").exists()


def test_role_pages_are_public(client):
    role = RoleFactory()
    assert client.get("/skills/roles/").status_code == 200
    assert client.get(f"/skills/roles/{role.slug}/").status_code == 200


def test_logged_in_engineer_opens_every_own_page(client):
    client.force_login(UserFactory())
    role = RoleFactory()
    for path in ENGINEER_PAGES:
        assert client.get(path.format(role=role.slug)).status_code == 200, path


def test_engineer_navigation_links_appear_only_after_login(client):
    assert 'href="/skills/gaps/"' not in client.get("/").content.decode()
    client.force_login(UserFactory())
    body = client.get("/").content.decode()
    for path in ("/skills/", "/skills/gaps/", "/skills/progress/", "/skills/profile/"):
        assert f'href="{path}"' in body


STAFF_WHERE_THEY_WORK = [
    (RecruiterFactory, "/recruiting/candidates/", "Go to the candidates", "Naar de kandidaten"),
    (EditorFactory, "/admin/", "Go to the admin", "Naar het beheer"),
]


@pytest.mark.parametrize(("factory", "where", "link", "dutch_link"), STAFF_WHERE_THEY_WORK)
@pytest.mark.parametrize("path", [*ENGINEER_PAGES[:5], "/skills/home/", "/skills/start/", "/skills/vacancy/"])
def test_a_recruiter_or_editor_is_refused_the_engineers_pages_and_told_where_they_work(
    client, factory, where, link, dutch_link, path
):
    client.force_login(factory())
    url = path.format(role=RoleFactory().slug)
    response = client.get(url)
    assert response.status_code == 403
    page = response.content.decode()
    assert f'href="{where}"' in page and link in page
    assert dutch_link in client.get(url, **DUTCH).content.decode()
    assert not EngineerProfile.objects.exists()  # no engineer profile made on the way


@pytest.mark.parametrize("factory", [RecruiterFactory, EditorFactory])
def test_a_recruiter_or_editor_changes_no_level_of_their_own(client, factory):
    item = ChecklistItemFactory()
    client.force_login(factory())
    response = client.post(f"/skills/items/{item.pk}/", {f"item-{item.pk}-level": "3"})
    assert response.status_code == 403
    assert not Assessment.objects.exists() and not EngineerProfile.objects.exists()


def test_staff_who_keep_an_engineer_profile_of_their_own_still_open_it(client):
    recruiter = RecruiterFactory()
    EngineerProfileFactory(user=recruiter)
    client.force_login(recruiter)
    assert client.get("/skills/").status_code == 200


@pytest.mark.parametrize(
    ("language", "refusal"),
    [(ENGLISH, "These pages are an engineer's own."), (DUTCH, "Deze pagina's zijn van een engineer zelf.")],
)
def test_the_refusal_of_the_engineers_pages_is_in_each_readers_language(client, language, refusal):
    """The guard is applied once, when the URLs load: its words are put in the reader's language per request."""
    client.force_login(RecruiterFactory())
    for reader in (DUTCH, ENGLISH):  # each language once before this one: none stays fixed
        client.get("/skills/", **reader)
    response = client.get("/skills/", **language)
    assert response.status_code == 403
    assert refusal in html.unescape(response.content.decode())
