"""Personal API tokens: shown once, stored only as a hash, revocable, and managed on /api/tokens/."""

import hashlib
import re
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from api.models import ApiToken
from api.services import MAX_ACTIVE_TOKENS, create_token, revoke_token, use_token
from portal.guards.roles import RECRUITERS
from tests.factories import TOTP_SECRET, EngineerProfileFactory, RecruiterFactory, RoleFactory, UserFactory
from tests.markup import issue_key

pytestmark = pytest.mark.django_db

ME = "/api/me/assessments"


def test_database_keeps_only_the_hash_and_a_short_prefix():
    issued = create_token(user=UserFactory(), name="laptop")
    stored = ApiToken.objects.values().get(pk=issued.token.pk)
    assert stored["token_hash"] == hashlib.sha256(issued.plain.encode()).hexdigest()
    assert stored["prefix"] == issued.plain[:8]
    assert not any(issued.plain in str(value) for value in stored.values())


def test_each_token_is_new_and_long():
    user = UserFactory()
    first, second = create_token(user=user, name="a"), create_token(user=user, name="b")
    assert first.plain != second.plain
    assert len(first.plain) >= 40


def test_token_authenticates_and_notes_when_it_was_used(client):
    issued = create_token(user=UserFactory(), name="script")
    response = client.get(ME, headers={"Authorization": f"Bearer {issued.plain}"})
    assert response.status_code == 200
    issued.token.refresh_from_db()
    assert issued.token.last_used_at is not None


def test_revoked_token_gets_a_401(client):
    issued = create_token(user=UserFactory(), name="script")
    revoke_token(user=issued.token.user, token=issued.token)
    response = client.get(ME, headers={"Authorization": f"Bearer {issued.plain}"})
    assert response.status_code == 401
    assert response.json()["detail"]


def test_token_of_a_deactivated_user_gets_a_401(client):
    user = UserFactory()
    issued = create_token(user=user, name="script")
    user.is_active = False
    user.save()
    assert client.get(ME, headers={"Authorization": f"Bearer {issued.plain}"}).status_code == 401


@pytest.mark.parametrize("header", ["Bearer wrong", "Bearer ", "Token abc", "Basic dXNlcjpwYXNz"])
def test_unknown_or_malformed_credentials_get_a_401(client, header):
    create_token(user=UserFactory(), name="script")
    assert client.get(ME, headers={"Authorization": header}).status_code == 401


def test_nobody_may_revoke_someone_elses_token():
    issued = create_token(user=UserFactory(), name="script")
    with pytest.raises(PermissionDenied):
        revoke_token(user=UserFactory(), token=issued.token)
    issued.token.refresh_from_db()
    assert issued.token.is_active


def test_revoking_twice_keeps_the_first_time():
    issued = create_token(user=UserFactory(), name="script")
    first = revoke_token(user=issued.token.user, token=issued.token).revoked_at
    assert revoke_token(user=issued.token.user, token=issued.token).revoked_at == first


def test_active_tokens_are_limited_per_user():
    user = UserFactory()
    for number in range(MAX_ACTIVE_TOKENS):
        create_token(user=user, name=f"token {number}")
    with pytest.raises(ValidationError):
        create_token(user=user, name="one too many")
    assert ApiToken.objects.filter(user=user).count() == MAX_ACTIVE_TOKENS


def expire(token: ApiToken) -> None:
    """The token's time has come: its expiry lies a second in the past."""
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))


def test_a_token_works_for_the_chosen_days_and_then_gets_a_401(client):
    issued = create_token(user=UserFactory(), name="script", lifetime_days=7)
    assert timedelta(days=7) - timedelta(minutes=1) < issued.token.expires_at - timezone.now() <= timedelta(days=7)
    auth = {"Authorization": f"Bearer {issued.plain}"}
    assert client.get(ME, headers=auth).status_code == 200
    expire(issued.token)
    assert client.get(ME, headers=auth).status_code == 401


def test_expired_tokens_leave_room_under_the_limit():
    user = UserFactory()
    for number in range(MAX_ACTIVE_TOKENS):
        expire(create_token(user=user, name=f"token {number}").token)
    assert create_token(user=user, name="a new one").token.is_active


def test_a_lifetime_outside_the_choices_is_refused():
    with pytest.raises(ValidationError):
        create_token(user=UserFactory(), name="forever", lifetime_days=100_000)
    assert not ApiToken.objects.exists()


def test_last_used_is_written_at_most_once_a_minute(django_assert_num_queries):
    issued = create_token(user=UserFactory(), name="script")
    use_token(plain=issued.plain)
    with django_assert_num_queries(1):  # the lookup only, no write
        assert use_token(plain=issued.plain) == issued.token


def test_blank_name_is_refused():
    with pytest.raises(ValidationError):
        create_token(user=UserFactory(), name="   ")


# The page ----------------------------------------------------------------------------------------


def test_token_page_sends_anonymous_visitors_to_login(client):
    response = client.get("/api/tokens/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_token_page_lists_only_my_tokens(client):
    me = UserFactory()
    create_token(user=me, name="my laptop")
    create_token(user=UserFactory(), name="their server")
    client.force_login(me)
    page = client.get("/api/tokens/").content.decode()
    assert "my laptop" in page
    assert "their server" not in page


def test_created_token_is_shown_once_and_never_cached(client):
    me = UserFactory()
    client.force_login(me)
    response = client.post("/api/tokens/", {"name": "nightly export"})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=me)
    plain = response.context["issued"].plain
    assert plain in response.content.decode()
    assert token.token_hash == hashlib.sha256(plain.encode()).hexdigest()
    assert "no-store" in response["Cache-Control"]
    assert plain not in client.get("/api/tokens/").content.decode()


def test_created_token_works_against_the_api(client):
    client.force_login(UserFactory())
    plain = client.post("/api/tokens/", {"name": "script"}).context["issued"].plain
    client.logout()
    assert client.get(ME, headers={"Authorization": f"Bearer {plain}"}).status_code == 200


def test_blank_name_re_renders_the_form_with_an_error_and_creates_nothing(client):
    client.force_login(UserFactory())
    response = client.post("/api/tokens/", {"name": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["name"]
    assert not ApiToken.objects.exists()


def test_the_page_makes_a_token_for_the_chosen_days_and_ninety_unless_asked(client):
    me = UserFactory()
    client.force_login(me)
    assert client.post("/api/tokens/", {"name": "a week", "lifetime_days": "7"}).status_code == 200
    assert client.post("/api/tokens/", {"name": "no choice"}).status_code == 200
    lifetimes = {token.name: token.expires_at - token.created_at for token in ApiToken.objects.filter(user=me)}
    assert abs(lifetimes["a week"] - timedelta(days=7)) < timedelta(minutes=1)
    assert abs(lifetimes["no choice"] - timedelta(days=90)) < timedelta(minutes=1)


@pytest.mark.parametrize(("language", "ninety_days"), [("en", "90 days"), ("nl", "90 dagen")])
def test_the_lifetimes_read_in_the_visitors_language(client, language, ninety_days):
    client.force_login(UserFactory())
    page = client.get("/api/tokens/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<option value="90" selected>{ninety_days}</option>' in page


@pytest.mark.parametrize("lifetime", ["8", "-7", "abc", "9" * 400])
def test_an_unknown_lifetime_re_renders_the_form_keeping_the_name_and_creates_nothing(client, lifetime):
    client.force_login(UserFactory())
    response = client.post("/api/tokens/", {"name": "nightly export", "lifetime_days": lifetime})
    assert response.status_code == 400
    assert response.context["form"].errors["lifetime_days"]
    assert 'value="nightly export"' in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_list_says_when_each_token_expires_and_offers_no_revoke_for_an_expired_one(client):
    me = UserFactory()
    expire(create_token(user=me, name="old script").token)
    working = create_token(user=me, name="new script", lifetime_days=30).token
    client.force_login(me)
    page = client.get("/api/tokens/").content.decode()
    assert "Expired" in page
    assert page.count(">Active<") == 1  # the status column says it, beside the button of the one active token
    assert f"/api/tokens/{working.pk}/revoke/" in page
    assert page.count("/revoke/") == 1
    assert timezone.localtime(working.expires_at).date().isoformat() in page  # the day in the portal's time zone


def test_token_limit_is_shown_on_the_page(client):
    me = UserFactory()
    for number in range(MAX_ACTIVE_TOKENS):
        create_token(user=me, name=f"token {number}")
    client.force_login(me)
    response = client.post("/api/tokens/", {"name": "one too many"})
    assert response.status_code == 400
    assert "revoke one before creating another" in response.content.decode()


def test_revoke_from_the_page(client):
    issued = create_token(user=UserFactory(), name="script")
    client.force_login(issued.token.user)
    response = client.post(f"/api/tokens/{issued.token.pk}/revoke/")
    assert response.status_code == 302
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is not None


def test_revoking_someone_elses_token_from_the_page_is_a_404(client):
    issued = create_token(user=UserFactory(), name="script")
    client.force_login(UserFactory())
    assert client.post(f"/api/tokens/{issued.token.pk}/revoke/").status_code == 404
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is None


def test_revoke_needs_a_post(client):
    issued = create_token(user=UserFactory(), name="script")
    client.force_login(issued.token.user)
    assert client.get(f"/api/tokens/{issued.token.pk}/revoke/").status_code == 405


def test_token_page_uses_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    me = UserFactory()
    client.force_login(me)
    create_token(user=me, name="first")
    with django_assert_max_num_queries(12) as small:
        client.get("/api/tokens/")
    for number in range(8):
        issued = create_token(user=me, name=f"token {number}")
        issued.token.last_used_at = timezone.now()
        issued.token.save()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/api/tokens/")


# Tokens and the second factor ------------------------------------------------------------------------

CANDIDATES_API = "/api/recruiter/candidates"


def test_a_token_made_without_the_second_factor_never_reads_candidates(client):
    """Someone with only the password plants a token; the account sets up its app later: still refused."""
    recruiter = RecruiterFactory(with_mfa=False)
    planted = create_token(user=recruiter, name="planted")  # as the page made it before this fix
    TOTP.activate(recruiter, TOTP_SECRET)
    response = client.get(CANDIDATES_API, headers={"Authorization": f"Bearer {planted.plain}"})
    assert response.status_code == 403


def test_staff_without_a_passed_second_factor_cannot_make_or_revoke_tokens(client):
    recruiter = RecruiterFactory()
    token = create_token(user=recruiter, name="kept", staff_access=True).token
    client.force_login_password_only(recruiter)
    for response in (
        client.get(reverse("tokens:list")),
        client.post(reverse("tokens:list"), {"name": "planted"}),
        client.post(reverse("tokens:revoke", args=[token.pk])),
    ):
        assert response.status_code == 302
        assert response.url.startswith(reverse("mfa-required"))
    assert ApiToken.objects.filter(user=recruiter).count() == 1
    token.refresh_from_db()
    assert token.is_active


def issued_token(page: str) -> str:
    """The new token as the page shows it once: whole, in one element a copy button reads."""
    return re.search(r'<code id="new-token-value"[^>]*>([^<]+)</code>', page).group(1)


def test_a_token_made_after_the_second_factor_reads_candidates_and_says_so(client):
    RoleFactory()
    recruiter = RecruiterFactory()
    client.force_login(recruiter)
    page = client.post(reverse("tokens:list"), {"name": "ranking script"}).content.decode()
    plain = issued_token(page)
    assert client.get(CANDIDATES_API, headers={"Authorization": f"Bearer {plain}"}).status_code == 200
    listed = " ".join(client.get(reverse("tokens:list")).content.decode().split())
    assert "Reads candidates" in listed
    assert '<td data-label="Reads candidates">Yes</td>' in listed


def test_removing_the_authenticator_revokes_the_staff_tokens_for_good(client):
    recruiter = RecruiterFactory()
    EngineerProfileFactory(user=recruiter)  # keeps an engineer profile of their own as well
    staff = create_token(user=recruiter, name="staff", staff_access=True)
    plain = create_token(user=recruiter, name="own levels only")
    Authenticator.objects.filter(user=recruiter).delete()
    TOTP.activate(recruiter, TOTP_SECRET)  # a new app does not bring the old tokens back
    assert client.get(CANDIDATES_API, headers={"Authorization": f"Bearer {staff.plain}"}).status_code == 401
    assert client.get("/api/me/assessments", headers={"Authorization": f"Bearer {plain.plain}"}).status_code == 200


def test_a_token_made_before_the_account_became_a_recruiter_never_reads_candidates(client):
    """An engineer's script token, made in a session that passed the app: promotion gives it no new rights."""
    RoleFactory()
    engineer = UserFactory()
    TOTP.activate(engineer, TOTP_SECRET)
    client.force_login(engineer)
    page = client.post(reverse("tokens:list"), {"name": "my levels"}).content.decode()
    plain = issued_token(page)
    engineer.groups.add(Group.objects.get(name=RECRUITERS))
    assert client.get(CANDIDATES_API, headers={"Authorization": f"Bearer {plain}"}).status_code == 403


def test_the_same_form_sent_again_makes_no_second_token_and_says_so(client):
    """A reload of the answer posts the form again: the first post made the token and showed it, once."""
    me = UserFactory()
    client.force_login(me)
    data = {"name": "nightly export", "issue_key": issue_key(client.get("/api/tokens/").content.decode())}
    first = client.post("/api/tokens/", data)
    assert first.status_code == 200 and first.context["issued"] is not None
    again = client.post("/api/tokens/", data)
    assert again.status_code == 409
    assert again.context["issued"] is None
    assert "This form was sent before" in again.content.decode()
    assert first.context["issued"].plain not in again.content.decode()
    assert ApiToken.objects.filter(user=me).count() == 1
    fresh = {"name": "second", "issue_key": issue_key(again.content.decode())}  # the page drew a new form
    assert client.post("/api/tokens/", fresh).status_code == 200
    assert ApiToken.objects.filter(user=me).count() == 2


@pytest.mark.parametrize("key", ["x" * 40, "short", "<script>", ""])
def test_a_key_the_form_never_draws_is_ignored_and_the_token_made(client, key):
    me = UserFactory()
    client.force_login(me)
    response = client.post("/api/tokens/", {"name": "script", "issue_key": key})
    assert response.status_code == 200 and response.context["issued"] is not None
    assert ApiToken.objects.get(user=me).issue_key == ""


def test_a_key_issues_one_token_whatever_session_sends_it_again(client):
    """The key is kept with the token, not in the session: signing in again does not let the old answer re-issue."""
    me = UserFactory()
    client.force_login(me)
    data = {"name": "nightly export", "issue_key": issue_key(client.get("/api/tokens/").content.decode())}
    assert client.post("/api/tokens/", data).status_code == 200
    client.logout()
    client.force_login(me)
    assert client.post("/api/tokens/", data).status_code == 409
    assert ApiToken.objects.filter(user=me).count() == 1
