"""What recruiters see of who an engineer is: the chosen name or a stable pseudonym, never the email address."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from skills.models import EngineerProfile
from skills.privacy.identity import candidate_identity
from skills.privacy.pseudonyms import ADJECTIVES, DUTCH_ADJECTIVES, DUTCH_NOUNS, NOUNS
from skills.services.profiles import get_or_create_profile, update_profile
from tests.factories import EngineerProfileFactory, RecruiterFactory, RoleFactory, RoleMatchFactory, UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("skills.migrations.0009_pseudonyms_for_existing_profiles")


def test_a_new_profile_gets_a_friendly_pseudonym_and_shows_it_by_default():
    with translation.override("en"):
        profile = get_or_create_profile(user=UserFactory(email="ada.lovelace@example.com"))
    adjective, noun, number = profile.pseudonym.split(" ")
    assert adjective in ADJECTIVES and noun in NOUNS and 100 <= int(number) <= 999
    assert profile.identity == EngineerProfile.Identity.PSEUDONYM
    assert profile.shown_identity.name == profile.pseudonym
    assert "ada" not in profile.pseudonym.lower()


def test_the_pseudonym_is_stable_when_the_profile_changes():
    profile = get_or_create_profile(user=UserFactory())
    before = profile.pseudonym
    update_profile(
        user=profile.user, headline="x", years_experience=1, location="", target_role=None, open_to_work=False,
        visibility="recruiters", display_name="Ada", identity="name",
    )  # fmt: skip
    profile.refresh_from_db()
    assert profile.pseudonym == before


def test_pseudonyms_differ_between_engineers():
    pseudonyms = {get_or_create_profile(user=UserFactory()).pseudonym for _ in range(30)}
    assert len(pseudonyms) >= 29  # two million combinations: a repeat is possible, never likely


@pytest.mark.parametrize(
    ("display_name", "identity", "revealed", "expected"),
    [
        ("Ada", "name", False, ("Ada", "")),
        ("Ada", "pseudonym", False, ("Quiet Heron 123", "")),
        ("", "name", False, ("Quiet Heron 123", "")),
        ("Ada", "pseudonym", True, ("Ada", "ada@example.com")),
        ("", "pseudonym", True, ("Quiet Heron 123", "ada@example.com")),
    ],
)
def test_one_rule_decides_the_name_and_the_email(display_name, identity, revealed, expected):
    shown = candidate_identity(
        display_name=display_name, identity=identity, pseudonym="Quiet Heron 123", email="ada@example.com",
        revealed=revealed,
    )  # fmt: skip
    assert (shown.name, shown.email) == expected


def test_the_data_migration_gives_each_profile_its_own_pseudonym_and_keeps_the_name_hidden():
    profiles = [
        EngineerProfileFactory(user=UserFactory(first_name="Ada", last_name="Lovelace"), identity="name"),
        EngineerProfileFactory(user=UserFactory(first_name="", last_name="")),
    ]
    EngineerProfile.objects.update(pseudonym="Same For All 100")  # what AddField with a callable default does
    migration.give_pseudonyms(apps, None)
    first, second = (EngineerProfile.objects.get(pk=profile.pk) for profile in profiles)
    assert first.pseudonym != second.pseudonym
    assert (first.display_name, first.identity) == ("Ada Lovelace", "pseudonym")
    assert (second.display_name, second.identity) == ("", "pseudonym")


def test_the_profile_form_asks_for_the_name_and_what_recruiters_see(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get(reverse("skills:profile")).content.decode()
    assert 'name="display_name"' in page and 'name="identity"' in page
    data = {"display_name": " Ada Lovelace ", "identity": "name", "headline": "", "years_experience": "3",
            "visibility": "recruiters"}  # fmt: skip
    assert client.post(reverse("skills:profile"), data).status_code == 302
    profile = EngineerProfile.objects.get(user=user)
    assert (profile.display_name, profile.identity) == ("Ada Lovelace", "name")


def test_a_recruiter_never_sees_the_email_of_a_pseudonymous_candidate(client):
    role = RoleFactory(published=True, is_senior=True)
    user = UserFactory(email="secret.person@example.com", first_name="Secret", last_name="Person")
    profile = EngineerProfileFactory(user=user, visibility="recruiters", display_name="Secret Person")
    RoleMatchFactory(profile=profile, role=role, score=50)
    client.force_login(RecruiterFactory())
    for url in (
        reverse("recruiting:candidate-list"),
        reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk}),
    ):
        page = client.get(url).content.decode()
        assert profile.pseudonym in page
        assert "secret.person" not in page and "Secret Person" not in page
    title = client.get(reverse("recruiting:candidate-detail", kwargs={"pk": profile.pk})).content.decode()
    assert f"<title>{profile.pseudonym} ·" in title


def test_a_dutch_engineer_gets_a_dutch_pseudonym_and_keeps_it_in_english():
    user = UserFactory()
    with translation.override("nl"):  # the profile is made during the engineer's request, in their language
        pseudonym = get_or_create_profile(user=user).pseudonym
    adjective, noun, number = pseudonym.split(" ")
    assert adjective in DUTCH_ADJECTIVES and noun in DUTCH_NOUNS
    assert 100 <= int(number) <= 999
    with translation.override("en"):
        assert get_or_create_profile(user=user).pseudonym == pseudonym


def test_an_english_engineer_gets_an_english_pseudonym():
    with translation.override("en"):
        adjective, noun, _number = get_or_create_profile(user=UserFactory()).pseudonym.split(" ")
    assert adjective in ADJECTIVES and noun in NOUNS
