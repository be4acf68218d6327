"""The recruiter pages live under /recruiting/, behind one guard; their old /skills/ addresses redirect for good."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from recruiting.urls import RECRUITER_PAGES
from tests.factories import RecruiterFactory, UserFactory

pytestmark = pytest.mark.django_db


def project_routes(patterns=None, prefix: str = "") -> list[tuple[str, URLPattern]]:
    """(route, pattern) of every URL the resolver knows, the includes' prefixes joined."""
    routes = []
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = f"{prefix}{pattern.pattern}"
        if isinstance(pattern, URLResolver):
            routes += project_routes(pattern.url_patterns, route)
        else:
            routes.append((route, pattern))
    return routes


def sample_path(route: str, pattern: URLPattern) -> str:
    """The route with 1 for each of its arguments."""
    return "/" + route.replace("<int:pk>", "1").replace("<int:profile_pk>", "1")


RECRUITING_PATHS = sorted(
    sample_path(route, pattern) for route, pattern in project_routes() if route.startswith("recruiting/")
)


def test_every_recruiter_page_is_under_recruiting():
    # The market map is the one page under /recruiting/ with a guard of its own: editors read it as well.
    assert len(RECRUITING_PATHS) == len(RECRUITER_PAGES) + 1 == 25
    assert all("<" not in path for path in RECRUITING_PATHS), "a new kind of argument: teach sample_path about it"


@pytest.mark.parametrize("path", RECRUITING_PATHS)
def test_no_recruiting_url_lets_an_anonymous_visitor_or_an_engineer_in(client, path):
    """Read from the resolver: a page added under /recruiting/ without the group's guard fails here."""
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{reverse('account_login')}?next=")
    client.force_login(UserFactory(password=None))
    assert client.get(path).status_code == 403
    assert client.post(path).status_code == 403


# The pages that lived under /skills/ before the move (the recruiter's own profile came after it).
MOVED_ROUTES = [
    route for route, _view, _name in RECRUITER_PAGES if route.startswith(("candidates", "shortlists", "searches"))
]


@pytest.mark.parametrize("route", MOVED_ROUTES)
def test_each_old_address_redirects_for_good_with_its_query_string(client, route):
    new = "/recruiting/" + route.replace("<int:pk>", "7").replace("<int:profile_pk>", "9")
    old = new.replace("/recruiting/", "/skills/", 1)
    response = client.get(f"{old}?role=lakehouse&items=3&items=4&page=2")
    assert response.status_code == 301
    assert response["Location"] == f"{new}?role=lakehouse&items=3&items=4&page=2"
    assert client.get(old)["Location"] == new


def test_a_redirect_tells_an_anonymous_visitor_nothing_the_new_page_would_not(client):
    response = client.get("/skills/candidates/123/?role=x", follow=True)
    assert [hop[1] for hop in response.redirect_chain] == [301, 302]
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert client.get("/skills/candidates/no-such-page/").status_code == 301  # the same answer for any old path


def test_a_recruiter_lands_on_the_page_behind_the_old_address(client):
    client.force_login(RecruiterFactory())
    response = client.get("/skills/shortlists/", follow=True)
    assert response.redirect_chain == [("/recruiting/shortlists/", 301)]
    assert response.status_code == 200


def test_the_engineer_pages_and_the_api_keep_their_paths():
    assert reverse("recruiting:contact-answer", kwargs={"pk": 1}) == "/skills/profile/contacts/1/answer/"
    assert reverse("api:list_candidates") == "/api/recruiter/candidates"
