"""The engineer's share links and contact requests through the API: the same rules as the pages."""

import pytest
from django.core import mail

from portal.models import Notice
from recruiting.models import ContactRequest
from recruiting.services.contacts import send_contact_request
from skills.models import ShareLink
from tests.factories import EngineerProfileFactory, RecruiterFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def engineer(client):
    user = UserFactory()
    EngineerProfileFactory(user=user, visibility="recruiters")
    client.force_login(user)
    return user


def ask(profile):
    return send_contact_request(
        recruiter=RecruiterFactory(), profile=profile, message="Hi", name="Rita", company="Acme", answer_url="/"
    )


def test_an_engineer_creates_lists_and_revokes_a_share_link(client, engineer):
    role = RoleFactory(published=True)
    created = client.post("/api/me/share-links", {"days": 7, "role": role.slug}, content_type="application/json")
    assert created.status_code == 201
    body = created.json()
    assert body["url"].startswith("http://testserver/p/") and body["role"] == role.slug and body["usable"]
    assert client.get(body["url"]).status_code == 200
    assert client.get("/api/me/share-links").json()[0]["views"] == 1
    revoked = client.post(f"/api/me/share-links/{body['id']}/revoke", content_type="application/json")
    assert revoked.status_code == 200 and not revoked.json()["usable"]
    assert client.get(body["url"]).status_code == 410  # gone, and it says so
    assert "url" not in client.get("/api/me/share-links").json()[0]


def test_a_lifetime_outside_the_choices_is_refused(client, engineer):
    response = client.post("/api/me/share-links", {"days": 365}, content_type="application/json")
    assert response.status_code == 422
    assert not ShareLink.objects.exists()


def test_another_engineers_link_is_a_404(client, engineer):
    other = UserFactory()
    client.force_login(other)
    client.post("/api/me/share-links", {"days": 7}, content_type="application/json")
    link = ShareLink.objects.get()
    client.force_login(engineer)
    assert client.post(f"/api/me/share-links/{link.pk}/revoke", content_type="application/json").status_code == 404
    assert ShareLink.objects.usable().count() == 1


def test_an_engineer_answers_and_withdraws_a_contact_request(client, engineer):
    contact = ask(engineer.profile)
    listed = client.get("/api/me/contact-requests").json()
    assert (listed[0]["recruiter"], listed[0]["company"], listed[0]["status"]) == ("Rita", "Acme", "pending")
    url = f"/api/me/contact-requests/{contact.pk}"
    answered = client.post(f"{url}/answer", {"accept": True}, content_type="application/json")
    assert answered.status_code == 200 and answered.json()["status"] == "accepted"
    assert client.post(f"{url}/answer", {"accept": False}, content_type="application/json").status_code == 422
    assert client.post(f"{url}/withdraw", content_type="application/json").json()["status"] == "withdrawn"
    # The recruiter is told of both, as through the pages, with the candidate's page as an absolute link.
    told = [notice.kind for notice in Notice.objects.filter(recipient=contact.recruiter).order_by("pk")]
    assert told == ["contact_accepted", "contact_withdrawn"]
    assert f"http://testserver/recruiting/candidates/{engineer.profile.pk}/" in mail.outbox[-1].body


def test_an_engineer_accepts_again_after_withdrawing_as_on_the_pages(client, engineer):
    contact = ask(engineer.profile)
    url = f"/api/me/contact-requests/{contact.pk}"
    assert client.get("/api/me/contact-requests").json()[0]["can_accept_again"] is False
    client.post(f"{url}/answer", {"accept": True}, content_type="application/json")
    client.post(f"{url}/withdraw", content_type="application/json")
    assert client.get("/api/me/contact-requests").json()[0]["can_accept_again"] is True
    assert client.post(f"{url}/answer", {"accept": False}, content_type="application/json").status_code == 422
    again = client.post(f"{url}/answer", {"accept": True}, content_type="application/json")
    assert again.status_code == 200 and again.json()["status"] == "accepted"
    told = [notice.kind for notice in Notice.objects.filter(recipient=contact.recruiter).order_by("pk")]
    assert told == ["contact_accepted", "contact_withdrawn", "contact_accepted"]


def test_a_request_sent_to_someone_else_is_a_404(client, engineer):
    contact = ask(EngineerProfileFactory(visibility="recruiters"))
    response = client.post(
        f"/api/me/contact-requests/{contact.pk}/answer", {"accept": True}, content_type="application/json"
    )
    assert response.status_code == 404
    assert ContactRequest.objects.get().status == "pending"
