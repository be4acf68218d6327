"""Saving the profile says outright when it changed who may see it: visible to recruiters, or private again."""

import pytest
from django.urls import reverse

from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db


def save_profile(client, *, visibility: str, language: str = "en") -> str:
    data = {
        "headline": "Spark engineer",
        "years_experience": "6",
        "location": "Delft",
        "target_role": str(RoleFactory().pk),
        "visibility": visibility,
        "identity": "pseudonym",
    }
    response = client.post(reverse("skills:profile"), data, follow=True, HTTP_ACCEPT_LANGUAGE=language)
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "visible", "private_again"),
    [
        ("en", "Recruiters can now find it and read your levels.", "It is private again: recruiters no longer"),
        ("nl", "Recruiters kunnen het nu vinden en je niveaus lezen.", "Het is weer privé: recruiters vinden"),
    ],
)
def test_opting_in_and_out_says_what_recruiters_now_see(client, engineer, language, visible, private_again):
    assert visible in save_profile(client, visibility="recruiters", language=language)
    body = save_profile(client, visibility="private", language=language)
    assert private_again in body and visible not in body


def test_a_save_that_keeps_the_visibility_only_says_it_is_saved(client, engineer):
    save_profile(client, visibility="recruiters")
    body = save_profile(client, visibility="recruiters")
    assert "Your profile is saved." in body
    assert "Recruiters can now find it" not in body and "private again" not in body
