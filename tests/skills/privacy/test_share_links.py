"""Share links: anyone with a usable link reads the profile; a revoked or expired link is gone (410, its owner
unnamed); an altered or unknown token is a plain 404."""

import re
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.guards import tokens
from skills.models import ShareLink, ShareLinkView
from skills.privacy.personal_data import export_user_data
from skills.privacy.sharing import create_share_link, revoke_share_link
from skills.services.profiles import delete_account
from tests.clients import PortalClient
from tests.factories import (
    AssessmentFactory,
    EngineerProfileFactory,
    RoleFactory,
    RoleRequirementFactory,
    UserFactory,
)
from tests.markup import inside, issue_key
from tests.test_every_url_language import VisibleText

pytestmark = pytest.mark.django_db

EMAIL = "hidden.engineer@example.com"


@pytest.fixture
def engineer():
    user = UserFactory(email=EMAIL, username=EMAIL)
    EngineerProfileFactory(user=user, visibility="private", headline="Streams with Kafka", display_name="Hidden Person")
    return user


def url(token: str) -> str:
    return reverse("share:profile", kwargs={"token": token})


def test_a_link_opens_the_private_profile_for_anyone_without_an_account(engineer):
    requirement = RoleRequirementFactory(role=RoleFactory(title="Streaming lead", published=True))
    AssessmentFactory(user=engineer, item=requirement.item, level=3, evidence_url="https://example.org/proof")
    engineer.profile.evidence_public = True  # evidence links only where the engineer shows them to everyone
    engineer.profile.save()
    issued = create_share_link(user=engineer, days=30, role=requirement.role)
    response = PortalClient().get(url(issued.token))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Streams with Kafka" in html and requirement.item.name in html and "https://example.org/proof" in html
    assert "Compared with Streaming lead" in html
    assert EMAIL not in html and "Hidden Person" not in html  # the pseudonym: the engineer did not choose the name
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert ShareLinkView.objects.filter(link=issued.link).count() == 1


@pytest.mark.parametrize(
    ("language", "words", "recruiter_words"),
    [
        (
            "en",
            ("Not shared through this link", "their level", "theirs on the items"),
            ("contact request", "candidate"),
        ),
        (
            "nl",
            ("Niet gedeeld via deze link", "niveau van deze engineer", "dat van deze engineer op de punten"),
            ("contactverzoek", "kandidaat"),
        ),
    ],
)
def test_the_shared_page_speaks_to_whoever_holds_the_link_not_to_a_recruiter(
    engineer, language, words, recruiter_words
):
    requirement = RoleRequirementFactory(role=RoleFactory(published=True))
    AssessmentFactory(user=engineer, item=requirement.item, level=3, evidence_url="https://example.org/proof")
    pages = [
        PortalClient().get(
            url(create_share_link(user=engineer, days=7, role=role).token), HTTP_ACCEPT_LANGUAGE=language
        )
        for role in (None, requirement.role)
    ]
    shown = " ".join(VisibleText.of(page.content.decode()).lower() for page in pages)
    assert all(word.lower() in shown for word in words)
    assert not any(word in shown for word in recruiter_words)


def test_a_signed_in_visitor_is_counted_but_never_named_to_the_owner(client, engineer):
    issued = create_share_link(user=engineer, days=7)
    client.force_login(UserFactory(email="curious.recruiter@example.com"))
    shared = client.get(url(issued.token)).content.decode()
    client.force_login(engineer)
    html = client.get(reverse("skills:profile")).content.decode()
    assert "Opened 1 time" in html
    assert "curious.recruiter@example.com" not in html
    assert "curious.recruiter@example.com" not in str(export_user_data(user=engineer))
    assert "viewer" not in {field.name for field in ShareLinkView._meta.get_fields()}  # no identity is stored
    assert "never by whom" in shared  # and the visitor is told what the owner sees


def test_only_a_hash_of_the_token_is_stored_and_the_token_has_enough_entropy(engineer):
    issued = create_share_link(user=engineer, days=7)
    assert len(issued.token) >= 43  # 32 random bytes, URL-safe base64: 256 bits
    stored = ShareLink.objects.get()
    assert stored.token_hash == tokens.digest(issued.token) and issued.token not in stored.token_hash


def unmasked(html: str) -> str:
    """The page without what differs per response or address: CSRF tokens, and the language switcher's next."""
    return re.sub(r'("X-CSRFToken": |value=)"[^"]*"', "", html)


def altered(token: str) -> str:
    return ("B" if token[0] == "A" else "A") + token[1:]


@pytest.mark.parametrize(
    ("case", "says"),
    [("revoked", "This share link was revoked"), ("expired", "This share link has expired")],
)
def test_a_revoked_or_expired_link_answers_410_saying_so_without_naming_the_owner(client, engineer, case, says):
    issued = create_share_link(user=engineer, days=7)
    if case == "revoked":
        revoke_share_link(user=engineer, link=issued.link)
    else:
        ShareLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get(url(issued.token))
    assert response.status_code == 410
    body = response.content.decode()
    assert f"<h1>{says}</h1>" in body
    for owner in ("Hidden Person", EMAIL, "Streams with Kafka", engineer.profile.pseudonym):
        assert owner not in body
    assert response["X-Robots-Tag"] == "noindex, nofollow" and "no-store" in response["Cache-Control"]
    assert not ShareLinkView.objects.exists()  # a gone link counts no opening


@pytest.mark.parametrize("case", ["one-character-changed", "unknown", "too-long"])
def test_an_altered_or_unknown_token_is_the_same_plain_404(client, engineer, case):
    issued = create_share_link(user=engineer, days=7)
    token = issued.token
    if case == "one-character-changed":
        token = altered(token)
    elif case == "unknown":
        token = "x" * 43
    else:
        token = token * 5
    response = client.get(url(token))
    assert response.status_code == 404
    body = response.content.decode()
    assert "Streams with Kafka" not in body and "share" not in body.lower()
    unknown = client.get(url("nothing-here"))
    # No hint which kind of failure it was: the same page, but for the per-response masked CSRF token.
    assert unmasked(body) == unmasked(unknown.content.decode())
    assert not ShareLinkView.objects.exists()


def test_the_engineer_creates_lists_and_revokes_links_on_the_profile_page(client, engineer):
    client.force_login(engineer)
    response = client.post(reverse("skills:share-link-create"), {"days": "90"})
    assert response.status_code == 200
    new_url = response.context["new_share_url"]
    html = response.content.decode()
    # The whole link in the page, selectable without JavaScript; the copy button waits hidden for static/js.
    assert f'<code id="new-share-url" class="shown-once d-block text-break user-select-all">{new_url}</code>' in html
    assert 'data-copy-from="new-share-url"' in html and "<script>" not in html
    link = ShareLink.objects.get(user=engineer)
    assert link.expires_at - link.created_at == timedelta(days=90)
    assert PortalClient().get(new_url).status_code == 200
    assert "Opened 1 time" in client.get(reverse("skills:profile")).content.decode()
    assert client.post(reverse("skills:share-link-revoke", kwargs={"pk": link.pk})).status_code == 302
    assert PortalClient().get(new_url).status_code == 410


def test_two_links_made_the_same_day_are_told_apart_by_their_time(client, engineer):
    morning, afternoon = (create_share_link(user=engineer, days=7).link for _ in range(2))
    morning_of_a_day = timezone.make_aware(datetime(2026, 3, 2, 9))  # the portal's time zone
    ShareLink.objects.filter(pk=morning.pk).update(created_at=morning_of_a_day)
    ShareLink.objects.filter(pk=afternoon.pk).update(created_at=morning_of_a_day + timedelta(hours=5))
    client.force_login(engineer)
    html = client.get(reverse("skills:profile")).content.decode()
    revokes = re.findall(r'Revoke<span class="visually-hidden"> the link made (.*?)</span>', html, re.DOTALL)
    shown = [re.sub(r"<[^>]+>", "", revoke).strip() for revoke in revokes]  # as read, without the markup
    assert len(shown) == 2 and shown[0] != shown[1], shown


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "The share link is revoked: it no longer opens."),
        ("nl", "De deellink is ingetrokken: hij opent niet meer."),
    ],
)
def test_a_revoke_lands_on_the_links_row_and_says_so_there_not_at_the_top(client, engineer, language, said):
    kept, revoked = (create_share_link(user=engineer, days=7).link for _ in range(2))
    client.force_login(engineer)
    answer = client.post(reverse("skills:share-link-revoke", kwargs={"pk": revoked.pk}), HTTP_ACCEPT_LANGUAGE=language)
    assert answer.url.endswith(f"#share-link-{revoked.pk}")
    html = client.get(answer.url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    row = inside(html, f"share-link-{revoked.pk}")  # the row's facts are a list of their own
    assert re.search(rf'<p class="[^"]*placed-outcome" role="status">{said}</p>', row)
    assert html.count(said) == 1 and 'class="messages"' not in html
    assert said not in client.get(reverse("skills:profile"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'id="share-link-{kept.pk}"' in html


def test_a_lifetime_other_than_7_30_or_90_days_is_refused(client, engineer):
    client.force_login(engineer)
    assert client.post(reverse("skills:share-link-create"), {"days": "365"}).status_code == 400
    assert not ShareLink.objects.exists()


def test_another_engineer_cannot_revoke_the_link(client, engineer):
    issued = create_share_link(user=engineer, days=7)
    client.force_login(UserFactory())
    assert client.post(reverse("skills:share-link-revoke", kwargs={"pk": issued.link.pk})).status_code == 404
    assert ShareLink.objects.usable().count() == 1


def test_links_and_their_views_are_exported_and_deleted_with_the_account(engineer):
    issued = create_share_link(user=engineer, days=7)
    PortalClient().get(url(issued.token))
    exported = export_user_data(user=engineer)["share_links"]
    assert len(exported) == 1 and len(exported[0]["views"]) == 1
    delete_account(user=engineer)
    assert not ShareLink.objects.exists() and not ShareLinkView.objects.exists()


def test_the_same_share_form_sent_again_makes_no_second_link_and_says_so(client, engineer):
    """A reload of the answer posts the form again: the first post made the link and showed it, once."""
    client.force_login(engineer)
    data = {"days": "90", "issue_key": issue_key(client.get(reverse("skills:profile")).content.decode())}
    first = client.post(reverse("skills:share-link-create"), data)
    assert first.status_code == 200
    again = client.post(reverse("skills:share-link-create"), data)
    assert again.status_code == 409
    body = again.content.decode()
    assert "This form was sent before" in body and first.context["new_share_url"] not in body
    assert ShareLink.objects.filter(user=engineer).count() == 1


def test_a_token_forms_key_sent_to_the_share_form_still_makes_a_link(client, engineer):
    """Each kind of secret keeps its own keys: a key that issued a token says nothing of share links."""
    client.force_login(engineer)
    key = issue_key(client.get("/api/tokens/").content.decode())
    assert client.post("/api/tokens/", {"name": "script", "issue_key": key}).status_code == 200
    assert client.post(reverse("skills:share-link-create"), {"days": "90", "issue_key": key}).status_code == 200
    assert ShareLink.objects.filter(user=engineer).count() == 1
