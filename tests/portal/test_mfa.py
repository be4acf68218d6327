import re
import time
from urllib.parse import urlencode

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from skills.models import EngineerProfile
from tests.factories import PASSWORD, TOTP_SECRET, EditorFactory, RecruiterFactory, SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db


def code_for(secret: str) -> str:
    """The code an authenticator app shows now; near the end of a period, the next period's, so it stays valid."""
    if 30 - time.time() % 30 < 2:
        time.sleep(30 - time.time() % 30 + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def current_code() -> str:
    return code_for(TOTP_SECRET)


def wrong_code() -> str:
    return "000000" if current_code() != "000000" else "111111"


@pytest.mark.parametrize(
    ("factory", "path"),
    [
        (RecruiterFactory, "/recruiting/candidates/"),
        (RecruiterFactory, "/recruiting/shortlists/"),
        (EditorFactory, "/admin/"),
        (SuperuserFactory, "/admin/"),
    ],
)
def test_staff_without_mfa_are_sent_to_set_it_up(client, factory, path):
    client.force_login(factory(with_mfa=False))
    response = client.get(path, follow=True)
    assert response.redirect_chain[-1][0] == f"{reverse('mfa-required')}?{urlencode({'next': path})}"
    assert reverse("mfa_activate_totp") in response.content.decode()


def test_a_session_that_passed_only_the_password_has_no_staff_rights(client):
    """A password thief who logged in before the account set up its app must not gain the rights later."""
    client.force_login_password_only(RecruiterFactory())
    response = client.get("/recruiting/candidates/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("mfa-required"))
    page = response.content.decode()
    assert reverse("mfa_reauthenticate") in page  # confirm with the app's code, without logging out
    assert reverse("mfa_activate_totp") not in page


def test_a_password_alone_does_not_make_a_recruiter_an_engineer(client):
    """Without its second factor a staff account was waved through to the engineer's pages and given a profile
    there, which it kept afterwards; it is sent to pass the factor instead, and nothing is made."""
    recruiter = RecruiterFactory()
    client.force_login_password_only(recruiter)
    for path in ("/skills/", "/skills/profile/"):
        response = client.get(path)
        assert response.status_code == 302 and response.url.startswith(reverse("mfa-required"))
    assert client.get("/api/me/assessments").status_code == 403
    assert not EngineerProfile.objects.filter(user=recruiter).exists()
    client.post(reverse("mfa_reauthenticate"), {"code": current_code()})
    assert client.get("/skills/").status_code == 403  # a recruiter, not an engineer: the page says where they work
    assert not EngineerProfile.objects.filter(user=recruiter).exists()


def test_confirming_the_code_in_the_session_gives_the_staff_rights(client):
    recruiter = RecruiterFactory()
    client.force_login_password_only(recruiter)
    response = client.post(reverse("mfa_reauthenticate"), {"code": current_code()})
    assert response.status_code == 302
    assert client.get("/recruiting/candidates/").status_code == 200


def test_a_session_that_passed_a_removed_app_must_pass_the_new_one(client):
    """Passing the old app says nothing about who holds the new one: the session's mark is bound to the app passed."""
    recruiter = RecruiterFactory()
    client.force_login(recruiter)
    assert client.get("/recruiting/candidates/").status_code == 200
    Authenticator.objects.filter(user=recruiter).delete()  # the owner, elsewhere, removes the app…
    TOTP.activate(recruiter, TOTP_SECRET)  # …and sets up a new one
    response = client.get("/recruiting/candidates/")
    assert response.status_code == 302 and response.url.startswith(reverse("mfa-required"))
    assert client.get("/api/recruiter/candidates").status_code == 403
    assert client.post(reverse("mfa_reauthenticate"), {"code": current_code()}).status_code == 302
    assert client.get("/recruiting/candidates/").status_code == 200


def test_a_right_given_directly_needs_the_second_factor_too(client):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="view_candidates"))
    client.force_login(user)
    response = client.get("/recruiting/candidates/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa-required"))
    assert client.get("/api/recruiter/candidates").status_code == 403


def test_engineer_is_not_asked_for_mfa(client):
    client.force_login(UserFactory())
    response = client.get("/recruiting/candidates/")
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
    assert client.get("/recruiting/candidates/").status_code == 200  # the session passed the second factor


def test_wrong_totp_code_is_refused_and_rate_limited(client):
    RecruiterFactory(email="r@example.com")
    client.post(reverse("account_login"), {"login": "r@example.com", "password": PASSWORD})

    refused = wrong_code()
    first = client.post(reverse("mfa_authenticate"), {"code": refused}).content.decode()
    assert "That code did not work." in first
    assert "set your phone's clock to update automatically" in first.replace("&#x27;", "'")
    assert refused not in first, "the failed code is cleared, for a fresh one"
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


@pytest.mark.parametrize(
    ("language", "heading", "sentence"),
    [
        ("en", "Two-factor authentication", "Your account is protected by two-factor authentication."),
        ("nl", "Twee-factor-authenticatie", "Je account is beveiligd met twee-factor-authenticatie."),
    ],
)
def test_the_code_page_names_two_factor_authentication_alike_in_heading_and_text(client, language, heading, sentence):
    RecruiterFactory(email="r@example.com")
    client.post(reverse("account_login"), {"login": "r@example.com", "password": PASSWORD})
    body = client.get(reverse("mfa_authenticate"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f">{heading}</h1>" in " ".join(body.split()).replace("> ", ">").replace(" <", "<")
    assert sentence in body


def shown_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.django_db(transaction=True)  # allauth adds the "activated" messages when the transaction commits
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                ["Confirmation email sent to new@example.com."],
                ["Your email address new@example.com is confirmed and you are logged in."],
                ["Authenticator app activated.", "A new set of recovery codes has been generated."],
                ["You are logged out."],
                [],
                ["Logged in as new@example.com."],
                [],
            ],
        ),
        (
            "nl",
            [
                ["Bevestigingsmail verstuurd naar new@example.com."],
                ["Je e-mailadres new@example.com is bevestigd en je bent ingelogd."],
                ["Authenticator-app geactiveerd.", "Er zijn nieuwe herstelcodes gegenereerd."],
                ["Je bent uitgelogd."],
                [],
                ["Ingelogd als new@example.com."],
                [],
            ],
        ),
    ],
)
def test_each_step_from_sign_up_to_a_two_factor_login_shows_its_own_messages_once(client, language, expected):
    """Sign up, confirm, set up an authenticator app, log out, log in with the code: no step shows an earlier step's
    message, and none shows twice."""
    client.cookies["django_language"] = language
    seen = []
    signed_up = client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )
    seen.append(shown_messages(signed_up))
    link = re.search(r"/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    seen.append(shown_messages(client.post(link, follow=True)))
    activate = client.get(reverse("mfa_activate_totp"), follow=True)
    if activate.redirect_chain:  # allauth asks for the password again before a second factor is added
        assert shown_messages(activate) == []
        activate = client.post(
            activate.request["PATH_INFO"] + f"?next={reverse('mfa_activate_totp')}", {"password": PASSWORD}, follow=True
        )
    assert shown_messages(activate) == []
    secret = activate.context["form"].secret
    seen.append(shown_messages(client.post(reverse("mfa_activate_totp"), {"code": code_for(secret)}, follow=True)))
    seen.append(shown_messages(client.post(reverse("account_logout"), follow=True)))
    code_page = client.post(reverse("account_login"), {"login": "new@example.com", "password": PASSWORD}, follow=True)
    assert code_page.request["PATH_INFO"] == reverse("mfa_authenticate")
    seen.append(shown_messages(code_page))
    seen.append(shown_messages(client.post(reverse("mfa_authenticate"), {"code": code_for(secret)}, follow=True)))
    seen.append(shown_messages(client.get(reverse("skills:home"))))
    assert seen == expected
