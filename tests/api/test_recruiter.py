"""Recruiter endpoints: only recruiters (with two-factor login), only visible candidates, every view recorded."""

import pytest

from recruiting.models import ProfileView
from recruiting.services.recruiters import save_recruiter_profile
from skills.models import EngineerProfile
from skills.services.matches import recompute_matches
from tests.api.conftest import bearer
from tests.factories import (
    AssessmentFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    SuperuserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

VISIBLE = EngineerProfile.Visibility.RECRUITERS


def candidate(*, role_requirement, level: int, visibility=VISIBLE, **profile_fields) -> EngineerProfile:
    """A profile with one level on the requirement's item and its stored matches up to date."""
    user = UserFactory()
    profile = EngineerProfileFactory(user=user, visibility=visibility, **profile_fields)
    AssessmentFactory(user=user, item=role_requirement.item, level=level)
    recompute_matches(profile=profile)
    return profile


@pytest.fixture
def requirement():
    return RoleRequirementFactory(min_level=4, is_must_have=True)


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 401), ("engineer", 403), ("editor", 403), ("recruiter", 200), ("superuser", 200)],
)
def test_candidate_list_is_for_recruiters_and_superusers(client, call_as, requirement, who, status):
    response = call_as(client, who, "get", "/api/recruiter/candidates")
    assert response.status_code == status
    if status != 200:
        assert response.json()["detail"]


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 401), ("engineer", 403), ("editor", 403), ("recruiter", 200), ("superuser", 200)],
)
def test_candidate_detail_is_for_recruiters_and_superusers(client, call_as, requirement, who, status):
    profile = candidate(role_requirement=requirement, level=2)
    if who == "superuser":  # who opens a candidate names themselves first, a superuser too (see below)
        who = SuperuserFactory()
        save_recruiter_profile(recruiter=who, name="Sam Super", company="Portal BV")
    response = call_as(client, who, "get", f"/api/recruiter/candidates/{profile.pk}")
    assert response.status_code == status
    assert ProfileView.objects.filter(profile=profile).count() == (1 if status == 200 else 0)


REFUSAL = {
    "en": "Fill in your recruiter profile (your name and company, at /recruiting/profile/) before you open a candidate",
    "nl": "Vul je recruiterprofiel in (je naam en bedrijf, op /recruiting/profile/) voordat je een kandidaat opent",
}


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("who", [RecruiterFactory, SuperuserFactory])
def test_who_gave_no_name_gets_a_json_403_that_says_where_to_give_it_and_no_view_is_kept(
    client, requirement, who, language
):
    profile = candidate(role_requirement=requirement, level=2)
    headers = {
        **bearer(who(recruiter_profile=False) if who is RecruiterFactory else who()),
        "Accept-Language": language,
    }
    response = client.get(f"/api/recruiter/candidates/{profile.pk}", headers=headers)
    assert response.status_code == 403
    assert response.json()["detail"].startswith(REFUSAL[language])
    assert response.json()["errors"] == {}
    assert not ProfileView.objects.exists()
    assert client.get("/api/recruiter/candidates", headers=headers).status_code == 200  # the list keeps no view


def test_candidate_cannot_read_another_engineers_profile(client, requirement):
    other = candidate(role_requirement=requirement, level=2)
    response = client.get(f"/api/recruiter/candidates/{other.pk}", headers=bearer(UserFactory()))
    assert response.status_code == 403
    assert response.json()["detail"] == "Only recruiters can read candidates."


def test_recruiter_token_without_two_factor_login_is_refused(client, requirement):
    recruiter = RecruiterFactory(with_mfa=False)
    response = client.get("/api/recruiter/candidates", headers=bearer(recruiter))
    assert response.status_code == 403
    assert "two-factor" in response.json()["detail"]


def test_list_ranks_visible_candidates_and_leaves_out_private_ones(client, requirement):
    weaker = candidate(role_requirement=requirement, level=2)
    stronger = candidate(role_requirement=requirement, level=4)
    candidate(role_requirement=requirement, level=4, visibility=EngineerProfile.Visibility.PRIVATE)
    body = client.get("/api/recruiter/candidates", headers=bearer(RecruiterFactory())).json()
    assert body["role"] == requirement.role.slug
    assert body["count"] == 2
    assert [row["id"] for row in body["items"]] == [stronger.pk, weaker.pk]
    assert [row["score"] for row in body["items"]] == [100, 25]  # a must-have below its minimum earns half its share
    assert body["items"][1]["missing_must_haves"] == [requirement.item.name]


def test_list_filters_like_the_candidate_page(client, requirement):
    candidate(role_requirement=requirement, level=2, location="Utrecht")
    wanted = candidate(role_requirement=requirement, level=4, location="Amsterdam", open_to_work=True)
    query = f"role={requirement.role.slug}&min_score=60&location=amster&open_to_work=true&items={requirement.item.pk}"
    body = client.get(f"/api/recruiter/candidates?{query}", headers=bearer(RecruiterFactory())).json()
    assert [row["id"] for row in body["items"]] == [wanted.pk]


def test_list_pages_with_limit_and_offset(client, requirement):
    for level in (1, 2, 3):
        candidate(role_requirement=requirement, level=level)
    body = client.get("/api/recruiter/candidates?limit=1&offset=1", headers=bearer(RecruiterFactory())).json()
    assert body["count"] == 3
    assert [row["score"] for row in body["items"]] == [25]  # level 2: a must-have below its minimum earns half


@pytest.mark.parametrize(
    ("query", "field"),
    [("role=no-such-role", "role"), ("min_score=101", "min_score"), ("items=999999", "items"), ("limit=500", "limit")],
)
def test_bad_filters_are_a_json_422(client, requirement, query, field):
    response = client.get(f"/api/recruiter/candidates?{query}", headers=bearer(RecruiterFactory()))
    assert response.status_code == 422
    assert response.json()["errors"][field]


def test_unpublished_role_cannot_rank_candidates(client, requirement):
    hidden = RoleFactory(published=False)
    response = client.get(f"/api/recruiter/candidates?role={hidden.slug}", headers=bearer(RecruiterFactory()))
    assert response.status_code == 422


def test_detail_of_a_private_profile_is_a_404_and_not_recorded(client, requirement):
    private = candidate(role_requirement=requirement, level=3, visibility=EngineerProfile.Visibility.PRIVATE)
    response = client.get(f"/api/recruiter/candidates/{private.pk}", headers=bearer(RecruiterFactory()))
    assert response.status_code == 404
    assert response.json()["detail"] == f"There is no visible candidate {private.pk}."
    assert not ProfileView.objects.exists()


def test_detail_shows_levels_and_matches_and_records_the_view(client, requirement):
    profile = candidate(role_requirement=requirement, level=3, headline="Spark person")
    recruiter = RecruiterFactory()
    body = client.get(f"/api/recruiter/candidates/{profile.pk}", headers=bearer(recruiter)).json()
    assert body["headline"] == "Spark person"
    assert (body["name"], body["email"], body["identity_revealed"]) == (profile.pseudonym, None, False)
    assert profile.user.email not in str(body)
    assert body["matches"][0]["role"] == requirement.role.slug
    assert body["skills"][0]["items"][0]["level"] == 3
    assert ProfileView.objects.get(profile=profile).recruiter == recruiter


def test_candidate_list_uses_a_fixed_number_of_queries(client, requirement, django_assert_max_num_queries):
    headers = bearer(RecruiterFactory())
    for _ in range(2):
        candidate(role_requirement=requirement, level=2)
    with django_assert_max_num_queries(15) as small:
        client.get("/api/recruiter/candidates", headers=headers)
    for _ in range(12):
        candidate(role_requirement=requirement, level=3)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/api/recruiter/candidates", headers=headers)


def test_candidate_detail_uses_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    headers = bearer(RecruiterFactory())
    role = RoleFactory()
    requirements = RoleRequirementFactory.create_batch(2, role=role)
    profile = candidate(role_requirement=requirements[0], level=2)
    with django_assert_max_num_queries(20) as small:
        client.get(f"/api/recruiter/candidates/{profile.pk}", headers=headers)
    for requirement in RoleRequirementFactory.create_batch(12, role=role):
        AssessmentFactory(user=profile.user, item=requirement.item, level=3)
    RoleFactory.create_batch(3)
    recompute_matches(profile=profile)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(f"/api/recruiter/candidates/{profile.pk}", headers=headers)
