"""The profile's pages (skills/privacy/views.py): the profile form, who viewed it, the data download and the
account's deletion."""

import json
import re

import pytest
from django.urls import reverse

from skills.models import Assessment, AssessmentChange, EngineerProfile, RoleMatch
from skills.services.profiles import get_or_create_profile
from tests.clients import DUTCH, ENGLISH
from tests.factories import (
    PASSWORD,
    ChecklistItemFactory,
    ProfileViewFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    UserFactory,
    assess,
    current_totp_code,
    wrong_totp_code,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def engineer(client):
    user = UserFactory(email="me@example.com")
    client.force_login(user)
    return user


def test_profile_is_private_by_default_and_saves_with_explicit_opt_in(client, engineer):
    role = RoleFactory()
    body = client.get(reverse("skills:profile")).content.decode()
    assert re.search(r'value="private"[^>]*checked', body)
    assert not re.search(r'value="recruiters"[^>]*checked', body)
    data = {
        "headline": "Spark engineer",
        "years_experience": "6",
        "location": "Delft",
        "target_role": str(role.pk),
        "open_to_work": "on",
        "visibility": "recruiters",
    }
    response = client.post(reverse("skills:profile"), data, follow=True)
    assert "Your profile is saved." in response.content.decode()
    profile = EngineerProfile.objects.get(user=engineer)
    assert (profile.headline, profile.target_role, profile.visibility) == ("Spark engineer", role, "recruiters")
    assert RoleMatch.objects.filter(profile=profile, role=role).exists()


def test_profile_names_are_kept_on_one_line_without_control_or_direction_characters(client, engineer):
    data = {
        "display_name": "Eve\u202eevE",
        "headline": "Spark engineer\r\nBcc: all@example.com",
        "years_experience": "6",
        "location": "Delft\x1b[31m\x07",
        "visibility": "recruiters",
        "identity": "name",
    }
    assert client.post(reverse("skills:profile"), data).status_code == 302
    profile = EngineerProfile.objects.get(user=engineer)
    assert (profile.display_name, profile.headline, profile.location) == (
        "EveevE",
        "Spark engineer Bcc: all@example.com",
        "Delft[31m",
    )


@pytest.mark.parametrize(("language", "says"), [("en", "Fill in your name"), ("nl", "Vul je naam in")])
def test_showing_my_name_without_a_name_is_refused_and_keeps_the_pseudonym(client, engineer, language, says):
    data = {"display_name": " ", "years_experience": "4", "visibility": "recruiters", "identity": "name"}
    response = client.post(reverse("skills:profile"), data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert says in response.content.decode()
    assert "display_name" in response.context["form"].errors
    assert not EngineerProfile.objects.filter(user=engineer, identity="name").exists()
    saved = client.post(reverse("skills:profile"), {**data, "display_name": "Eva de Vries"})
    assert saved.status_code == 302
    assert EngineerProfile.objects.get(user=engineer).shown_identity.name == "Eva de Vries"


def test_profile_with_bad_input_changes_nothing(client, engineer):
    data = {"headline": "Kept", "years_experience": "99", "location": "", "visibility": "everyone"}
    response = client.post(reverse("skills:profile"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="Kept"' in body
    assert "is-invalid" in body
    assert not EngineerProfile.objects.filter(user=engineer).exists()


def test_profile_lists_who_viewed_it(client, engineer):
    ProfileViewFactory(
        profile=get_or_create_profile(user=engineer),
        recruiter__email="recruiter@example.com",
        recruiter__recruiter_profile__name="Rita Recruiter",
    )
    body = client.get(reverse("skills:profile")).content.decode()
    assert "Rita Recruiter" in body and "recruiter@example.com" not in body


def test_export_is_a_json_download_of_my_data(client, engineer):
    item = ChecklistItemFactory(name="Docker")
    assess(user=engineer, item=item, level=2, note="compose files")
    response = client.get(reverse("skills:profile-export"))
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "me@example.com"
    assert data["assessments"][0]["note"] == "compose files"


@pytest.mark.parametrize(
    ("language", "names"),
    [(DUTCH, ("Schaalbare pipelines", "Lakehouse-lead")), (ENGLISH, ("Scalable pipelines", "Lakehouse lead"))],
)
def test_the_download_names_a_matchs_missing_must_haves_in_the_readers_language(client, engineer, language, names):
    item = ChecklistItemFactory(name_en="Scalable pipelines", name_nl="Schaalbare pipelines")
    role = RoleFactory(title_en="Lakehouse lead", title_nl="Lakehouse-lead", published=True)
    RoleRequirementFactory(role=role, item=item, min_level=3, is_must_have=True)
    get_or_create_profile(user=engineer)
    assess(user=engineer, item=item, level=1)
    data = json.loads(client.get(reverse("skills:profile-export"), **language).content)
    [match] = data["matches"]
    assert (match["missing_must_haves"], match["role"]) == ([names[0]], names[1])
    assert data["assessments"][0]["item"] == names[0]  # named as every other item in it


def test_account_deletion_needs_the_right_email_then_removes_everything(client, engineer):
    assess(user=engineer, item=ChecklistItemFactory(), level=2)
    page = client.get(reverse("skills:profile-delete")).content.decode()
    assert "Type your email address to confirm" in page
    assert f'<a href="{reverse("skills:profile-export")}" download>download your data</a> first' in page
    response = client.post(reverse("skills:profile-delete"), {"email": "someone@example.com"})
    assert response.status_code == 200
    assert "nothing was deleted" in response.content.decode()
    assert Assessment.objects.filter(user=engineer).exists()

    data = {"email": "ME@example.com", "password": PASSWORD}
    response = client.post(reverse("skills:profile-delete"), data, follow=True)
    assert response.redirect_chain == [("/", 302)]
    assert "Your account and all its data are deleted." in response.content.decode()
    assert not type(engineer).objects.filter(pk=engineer.pk).exists()
    assert not Assessment.objects.exists()
    assert not AssessmentChange.objects.exists()
    assert not EngineerProfile.objects.exists()
    assert client.get(reverse("skills:checklist")).status_code == 302


def test_account_deletion_needs_the_password_not_only_the_email(client, engineer):
    """Whoever holds a signed-in session (a borrowed laptop) must not delete the account with its address alone."""
    response = client.post(reverse("skills:profile-delete"), {"email": "me@example.com", "password": "guessed-wrong"})
    assert response.status_code == 200
    assert "That is not the password of this account; nothing was deleted." in response.content.decode()
    assert response.context["form"].fields["password"].widget.input_type == "password"
    response = client.post(reverse("skills:profile-delete"), {"email": "me@example.com"})
    assert response.status_code == 200
    assert type(engineer).objects.filter(pk=engineer.pk).exists()


def test_deleting_an_account_with_an_authenticator_app_needs_its_code_too(client):
    recruiter = RecruiterFactory(email="rita@example.com")
    client.force_login(recruiter)
    url = reverse("skills:profile-delete")
    assert "Code from your authenticator app" in client.get(url).content.decode()
    data = {"email": "rita@example.com", "password": PASSWORD}
    assert client.post(url, data).status_code == 200
    assert client.post(url, {**data, "code": wrong_totp_code()}).status_code == 200
    assert type(recruiter).objects.filter(pk=recruiter.pk).exists()
    assert client.post(url, {**data, "code": current_totp_code()}).status_code == 302
    assert not type(recruiter).objects.filter(pk=recruiter.pk).exists()


def test_profile_keeps_a_target_role_that_was_unpublished_later(client, engineer):
    role = RoleFactory(published=False)
    profile = get_or_create_profile(user=engineer)
    profile.target_role = role
    profile.save()
    data = {"headline": "Still here", "years_experience": "3", "target_role": str(role.pk), "visibility": "private"}
    response = client.post(reverse("skills:profile"), data)
    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.headline, profile.target_role) == ("Still here", role)
    other_hidden = RoleFactory(published=False)
    response = client.post(reverse("skills:profile"), {**data, "target_role": str(other_hidden.pk)})
    assert response.status_code == 200
    profile.refresh_from_db()
    assert profile.target_role == role
