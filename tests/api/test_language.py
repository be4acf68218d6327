"""A token's call that names no language is answered in the language its owner keeps in the portal; a language the
call names (``Accept-Language``, the language cookie) wins."""

import pytest
from django.conf import settings
from django.test import Client

from portal.models import PersonLanguage
from skills.models import EngineerProfile
from tests.api.conftest import bearer
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db

NO_ROLE = {"en": "There is no published role “nowhere”.", "nl": "Er is geen gepubliceerde rol “nowhere”."}
NOT_A_RECRUITER = {"en": "Only recruiters can read candidates.", "nl": "Alleen recruiters kunnen kandidaten inzien."}


@pytest.fixture
def role():
    """A published role whose one must-have, named in both languages, no engineer meets yet."""
    skill = SkillFactory(name_en="Scale", name_nl="Schaal")
    item = ChecklistItemFactory(skill=skill, name_en="Scalable pipelines", name_nl="Schaalbare pipelines")
    role = RoleFactory(title_en="Lakehouse lead", title_nl="Lakehouse-lead", published=True, order=1)
    RoleRequirementFactory(role=role, item=item, min_level=3, is_must_have=True)
    return role


def person(language: str | None = None, *, factory=UserFactory, **fields):
    user = factory(**fields)
    if language is not None:
        PersonLanguage.objects.create(user=user, language=language)
    return user


def engineer_missing_the_must_have(role, language: str | None, *, visible: bool = False):
    user = person(language)
    EngineerProfileFactory(
        user=user,
        visibility=EngineerProfile.Visibility.RECRUITERS if visible else EngineerProfile.Visibility.PRIVATE,
    )
    assess(user=user, item=role.requirements.get().item, level=1)  # stores the matches too
    return user


def test_a_dutch_accounts_token_is_answered_in_dutch_without_accept_language(client, role):
    user = engineer_missing_the_must_have(role, "nl")
    response = client.get("/api/me/matches", headers=bearer(user))
    assert response["Content-Language"] == "nl"
    [match] = response.json()
    assert (match["role_title"], match["missing_must_haves"]) == ("Lakehouse-lead", ["Schaalbare pipelines"])


def test_accept_language_wins_over_the_accounts_language(client, role):
    user = engineer_missing_the_must_have(role, "nl")
    response = client.get("/api/me/matches", headers={**bearer(user), "Accept-Language": "en"})
    assert response["Content-Language"] == "en"
    [match] = response.json()
    assert (match["role_title"], match["missing_must_haves"]) == ("Lakehouse lead", ["Scalable pipelines"])


def test_the_language_cookie_wins_over_the_accounts_language(role):
    user = engineer_missing_the_must_have(role, "nl")
    browser = Client()
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    [match] = browser.get("/api/me/matches", headers=bearer(user)).json()
    assert match["missing_must_haves"] == ["Scalable pipelines"]


@pytest.mark.parametrize("language", [None, "en"])
def test_an_account_with_english_or_no_language_kept_is_answered_in_english(client, role, language):
    user = engineer_missing_the_must_have(role, language)
    [match] = client.get("/api/me/matches", headers=bearer(user)).json()
    assert (match["role_title"], match["missing_must_haves"]) == ("Lakehouse lead", ["Scalable pipelines"])


@pytest.mark.parametrize(("headers", "language"), [({}, "nl"), ({"Accept-Language": "en"}, "en")])
def test_messages_follow_the_same_rule(client, headers, language):
    dutch = person("nl")
    response = client.get("/api/me/gaps/nowhere", headers={**bearer(dutch), **headers})
    assert (response.status_code, response.json()["detail"]) == (404, NO_ROLE[language])
    refused = client.get("/api/recruiter/candidates", headers={**bearer(dutch), **headers})
    assert (refused.status_code, refused.json()["detail"]) == (403, NOT_A_RECRUITER[language])


@pytest.mark.parametrize(("headers", "language"), [({}, "nl"), ({"Accept-Language": "en"}, "en")])
def test_a_recruiters_stored_matches_name_the_missing_items_in_their_language(client, role, headers, language):
    candidate = engineer_missing_the_must_have(role, "en", visible=True)
    recruiter = person("nl", factory=RecruiterFactory)
    names = {"nl": ["Schaalbare pipelines"], "en": ["Scalable pipelines"]}[language]
    listed = client.get(f"/api/recruiter/candidates?role={role.slug}", headers={**bearer(recruiter), **headers})
    assert [row["missing_must_haves"] for row in listed.json()["items"]] == [names]
    detail = client.get(f"/api/recruiter/candidates/{candidate.profile.pk}", headers={**bearer(recruiter), **headers})
    assert [match["missing_must_haves"] for match in detail.json()["matches"]] == [names]
