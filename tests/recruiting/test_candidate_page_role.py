"""The role a recruiter compares a candidate with (``?role=`` on the candidate's page) stays through what they do on
that page: a contact request brings them back to the same comparison, and a new shortlist made there is for that
role. A slug the page would not compare with (unknown, unpublished) is ignored, as the page ignores it. On the
candidate list the same goes for the role the list ranks by."""

import html
import re

import pytest
from django.urls import reverse

from recruiting.models import Shortlist
from tests.factories import EngineerProfileFactory, RoleFactory, RoleMatchFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles():
    """The candidate's own target role (what the page compares with unless asked), and the one the recruiter picks."""
    return RoleFactory(slug="platform", is_senior=True), RoleFactory(slug="streaming", is_senior=True)


@pytest.fixture
def profile(roles):
    target, chosen = roles
    profile = EngineerProfileFactory(user=UserFactory(password=None), visibility="recruiters", target_role=target)
    RoleMatchFactory(profile=profile, role=target, score=80)
    RoleMatchFactory(profile=profile, role=chosen, score=60)
    return profile


def candidate_url(profile, slug="") -> str:
    url = reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})
    return f"{url}?role={slug}" if slug else url


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def add_form(page_html: str) -> tuple[str, dict[str, str]]:
    """The candidate's "add to shortlist" form: where it posts, and its hidden fields."""
    form = re.search(r'<form method="post" action="([^"]+)" class="shortlist-add.*?</form>', page_html, re.S)
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.group(0)))
    return form.group(1), hidden


def contact_url(page_html: str) -> str:
    return re.search(r'href="(/recruiting/candidates/\d+/contact/[^"]*)"', page_html).group(1)


def send_contact_request(client, profile, slug="") -> str:
    """Follow the page's "Ask for contact" and send the form as it posts; where the recruiter lands."""
    form_page = page(client, contact_url(page(client, candidate_url(profile, slug))))
    action = re.search(r'<form method="post" action="([^"]+)" class="col-lg-8"', form_page).group(1)
    response = client.post(action, {"name": "Rita", "company": "Acme", "message": "Hello"})
    assert response.status_code == 302
    return response.url


def test_after_a_contact_request_the_page_compares_with_the_role_chosen_before(recruiter_client, profile, roles):
    landed = send_contact_request(recruiter_client, profile, slug="streaming")
    assert landed == candidate_url(profile, "streaming")
    assert "Compared with " + roles[1].title in page(recruiter_client, landed)


@pytest.mark.parametrize("slug", ["", "no-such-role", "unpublished"])
def test_without_a_role_to_compare_with_a_contact_request_lands_on_the_plain_page(recruiter_client, profile, slug):
    RoleFactory(slug="unpublished", published=False, is_senior=True)
    assert send_contact_request(recruiter_client, profile, slug=slug) == candidate_url(profile)


@pytest.mark.parametrize("htmx", [False, True])
def test_a_new_shortlist_made_on_the_candidate_page_is_for_the_role_compared_with(
    recruiter_client, recruiter, profile, roles, htmx
):
    action, hidden = add_form(page(recruiter_client, candidate_url(profile, "streaming")))
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    reply = recruiter_client.post(action, {**hidden, "new_name": "Streaming people"}, **headers)
    assert Shortlist.objects.get(recruiter=recruiter, name="Streaming people").role == roles[1]
    if htmx:  # the widget it answers with makes the next new shortlist for that role too
        action, hidden = add_form(html.unescape(reply.content.decode()))
        recruiter_client.post(action, {**hidden, "new_name": "More streaming people"}, **headers)
        assert Shortlist.objects.get(recruiter=recruiter, name="More streaming people").role == roles[1]


@pytest.mark.parametrize("slug", ["", "no-such-role", "unpublished"])
def test_without_a_chosen_role_a_new_shortlist_has_none(recruiter_client, recruiter, profile, slug):
    RoleFactory(slug="unpublished", published=False, is_senior=True)
    action, hidden = add_form(page(recruiter_client, candidate_url(profile, slug)))
    assert recruiter_client.post(action, {**hidden, "new_name": "Anyone"}).status_code == 302
    assert Shortlist.objects.get(recruiter=recruiter, name="Anyone").role is None


def list_url(slug="") -> str:
    url = reverse("recruiting:candidate-list")
    return f"{url}?role={slug}" if slug else url


@pytest.mark.parametrize("htmx", [False, True])
def test_a_new_shortlist_made_on_the_list_is_for_the_role_the_list_ranks_by(
    recruiter_client, recruiter, profile, roles, htmx
):
    action, hidden = add_form(page(recruiter_client, list_url("streaming")))
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    reply = recruiter_client.post(action, {**hidden, "new_name": "Streaming people"}, **headers)
    assert Shortlist.objects.get(recruiter=recruiter, name="Streaming people").role == roles[1]
    if htmx:  # the row's widget it answers with makes the next new shortlist for that role too
        action, hidden = add_form(html.unescape(reply.content.decode()))
        recruiter_client.post(action, {**hidden, "new_name": "More streaming people"}, **headers)
        assert Shortlist.objects.get(recruiter=recruiter, name="More streaming people").role == roles[1]


def test_a_new_shortlist_made_on_the_list_without_a_chosen_role_is_for_the_default_role_it_ranks_by(
    recruiter_client, recruiter, profile, roles
):
    listed = page(recruiter_client, list_url())
    assert f"1 candidate for {roles[0].title}" in listed
    action, hidden = add_form(listed)
    assert recruiter_client.post(action, {**hidden, "new_name": "Anyone"}).status_code == 302
    assert Shortlist.objects.get(recruiter=recruiter, name="Anyone").role == roles[0]
