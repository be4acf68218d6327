"""Who may open the skills pages: engineers' own pages need a login, the role pages are public."""

import pytest
from django.urls import reverse

from skills.models import Assessment, EngineerProfile
from tests.factories import ChecklistItemFactory, RoleFactory, UserFactory

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
