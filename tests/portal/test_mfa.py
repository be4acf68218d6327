import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse

from tests.factories import TOTP_SECRET, EditorFactory, RecruiterFactory, SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-and-Unusual-passphrase-42"


def current_code() -> str:
    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))


def wrong_code() -> str:
    return "000000" if current_code() != "000000" else "111111"


@pytest.mark.parametrize(
    ("factory", "path"),
    [
        (RecruiterFactory, "/skills/candidates/"),
        (RecruiterFactory, "/skills/shortlists/"),
        (EditorFactory, "/admin/"),
        (SuperuserFactory, "/admin/"),
    ],
)
def test_staff_without_mfa_are_sent_to_set_it_up(client, factory, path):
    client.force_login(factory(with_mfa=False))
    response = client.get(path)
    assert response.status_code == 302
    assert response.url == f"{reverse('mfa-required')}?next={path}"
    page = client.get(response.url)
    assert reverse("mfa_activate_totp") in page.content.decode()


def test_engineer_is_not_asked_for_mfa(client):
    client.force_login(UserFactory())
    response = client.get("/skills/candidates/")
    assert not response.get("Location", "").startswith(reverse("mfa-required"))


def test_staff_with_mfa_pass_through(client):
    client.force_login(EditorFactory())
    assert client.get("/admin/").status_code == 200


def test_recruiter_logs_in_with_valid_totp_code(client):
    recruiter = RecruiterFactory(email="r@example.com")
    response = client.post(reverse("account_login"), {"login": "r@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": current_code()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(recruiter.pk)


def test_wrong_totp_code_is_refused_and_rate_limited(client):
    RecruiterFactory(email="r@example.com")
    client.post(reverse("account_login"), {"login": "r@example.com", "password": PASSWORD})

    first = client.post(reverse("mfa_authenticate"), {"code": wrong_code()}).content.decode()
    assert "Incorrect code." in first
    assert "_auth_user_id" not in client.session

    for _ in range(10):
        body = client.post(reverse("mfa_authenticate"), {"code": wrong_code()}).content.decode()
    assert "Too many failed login attempts" in body

    client.post(reverse("mfa_authenticate"), {"code": current_code()})
    assert "_auth_user_id" not in client.session, "even a correct code must wait once rate limited"


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
