"""A pseudonym must not lead to the engineer: one that holds their own name or the start of their email address is
refused on the page (the typed value kept, nothing saved), and no pseudonym the portal draws for them ever does."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import translation

from skills.privacy.naming import pseudonym_suggestions
from skills.services.profiles import get_or_create_profile
from tests.factories import EngineerProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

PSEUDONYM_PAGE = reverse("skills:pseudonym")


@pytest.fixture
def sanne():
    user = UserFactory(email="sanne.devries@example.com", username="sanne.devries@example.com")
    EngineerProfileFactory(user=user, display_name="Sanne de Vries", pseudonym="Vaste Valk 394")
    return user


def typed_value(html: str) -> str:
    start = html.index('name="pseudonym"', html.index('id="own-heading"'))
    tag = html[html.rindex("<input", 0, start) : html.index(">", start)]
    return tag.split('value="')[1].split('"')[0] if 'value="' in tag else ""


@pytest.mark.parametrize(
    "typed",
    [
        "Sanne de Vries",  # the whole name
        "sanne",  # the first name, in other capitals
        "Stille Vries 12",  # the last name inside a pseudonym
        "Sänne Owl",  # an accent does not hide it
        "DeVries Data",  # the name without its space
        "Quiet Devries",  # the email's "devries"
        "S. de Vriès",  # an initial and a spaced "de" are no domain
    ],
)
def test_a_pseudonym_with_the_engineers_own_name_is_refused_and_kept_in_the_field(client, sanne, typed):
    client.force_login(sanne)
    response = client.post(PSEUDONYM_PAGE, {"pseudonym": typed})
    assert response.status_code == 400
    html = response.content.decode()
    assert "cannot hold your own name or the start of your email address" in html
    assert typed_value(html) == typed
    sanne.profile.refresh_from_db()
    assert sanne.profile.pseudonym == "Vaste Valk 394"


def test_the_dutch_page_says_why_in_dutch(client, sanne):
    client.force_login(sanne)
    with translation.override("nl"):
        response = client.post(PSEUDONYM_PAGE, {"pseudonym": "Sanne de Vries"}, headers={"accept-language": "nl"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "mag niet je eigen naam of het begin van je e-mailadres bevatten (hier: “Sanne”)" in html, "her name first"


def test_the_first_and_last_name_of_the_account_count_too(client):
    user = UserFactory(email="x9@example.com", username="x9@example.com", first_name="Femke", last_name="Jansma")
    EngineerProfileFactory(user=user)
    client.force_login(user)
    assert client.post(PSEUDONYM_PAGE, {"pseudonym": "Jansma Kestrel"}).status_code == 400


@pytest.mark.parametrize("typed", ["Bold Heron 7", "Quiet Devotion", "Vastberaden Specht"])
def test_short_name_parts_and_other_words_do_not_stop_a_pseudonym(client, typed):
    user = UserFactory(email="bo.de.vr@example.com", username="bo.de.vr@example.com")
    EngineerProfileFactory(user=user, display_name="Bo van der Vrij")
    client.force_login(user)
    assert client.post(PSEUDONYM_PAGE, {"pseudonym": typed}).status_code == 302
    user.profile.refresh_from_db()
    assert user.profile.pseudonym == typed


# Names that are also words the portal draws pseudonyms from ("Robin", "Amber", "Valk", "Kingfisher", "Merel").
BIRD_NAMED = {"email": "kingfisher.m@example.com", "first_name": "Amber", "last_name": "Merel"}


def test_no_suggestion_holds_the_engineers_name(client):
    user = UserFactory(username=BIRD_NAMED["email"], **BIRD_NAMED)
    EngineerProfileFactory(user=user, display_name="Robin de Valk")
    client.force_login(user)
    for language in ("en", "nl"):
        drawn = [name for _ in range(40) for name in pseudonym_suggestions(language=language, user=user)]
        assert len(drawn) == 200
        for name in drawn:
            assert not {"robin", "valk", "amber", "merel", "kingfisher"} & set(name.lower().split()), name
    suggestion = client.get(PSEUDONYM_PAGE).context["suggestions"][0]
    assert client.post(PSEUDONYM_PAGE, {"pseudonym": suggestion}).status_code == 302


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_pseudonym_a_new_profile_gets_never_holds_the_name(language):
    for index in range(60):
        email = f"robin.valk{index}@example.com"
        user = UserFactory(email=email, username=email, first_name="Amber", last_name="Merel")
        with translation.override(language):
            pseudonym = get_or_create_profile(user=user).pseudonym.lower()
        assert not {"robin", "valk", "amber", "merel"} & set(pseudonym.split()), pseudonym


def test_a_name_the_current_pseudonym_holds_is_refused_on_the_profile_until_the_pseudonym_changes(client, sanne):
    client.force_login(sanne)
    form = {"display_name": "Sanne de Valk", "years_experience": 3, "visibility": "private", "identity": "pseudonym"}
    response = client.post(reverse("skills:profile"), form)
    html = response.content.decode()
    assert response.status_code == 200 and "Vaste Valk 394" in html and "Choose another pseudonym" in html
    assert 'value="Sanne de Valk"' in html
    sanne.profile.refresh_from_db()
    assert sanne.profile.display_name == "Sanne de Vries"
    client.post(PSEUDONYM_PAGE, {"pseudonym": "Quiet Heron 7"})
    assert client.post(reverse("skills:profile"), form).status_code == 302
    sanne.profile.refresh_from_db()
    assert sanne.profile.display_name == "Sanne de Valk"


def test_an_address_the_pseudonym_holds_is_refused_until_the_pseudonym_changes(client, sanne):
    """A new address counts as her name does: "Vaste Valk 394" must not gain a "valk@…" beside it."""
    client.force_login(sanne)
    response = client.post(reverse("account_email"), {"action_add": "", "email": "v.valk@example.org"})
    html = response.content.decode()
    assert response.status_code == 200 and "“Vaste Valk 394” holds “valk”" in html and "v.valk@example.org" in html
    assert not EmailAddress.objects.filter(email="v.valk@example.org").exists()
    client.post(PSEUDONYM_PAGE, {"pseudonym": "Quiet Heron 7"})
    assert client.post(reverse("account_email"), {"action_add": "", "email": "v.valk@example.org"}).status_code == 302
    assert EmailAddress.objects.filter(user=sanne, email="v.valk@example.org").exists()
