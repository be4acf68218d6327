"""A recruiter names themselves (their recruiter profile: name and company) before a candidate's page keeps their
view: the engineer sees every viewer by that name and company, never by the address the recruiter logs in with."""

from urllib.parse import quote, urlencode

import pytest
from django.urls import reverse

from recruiting.models import ProfileView
from tests.clients import signed_in
from tests.factories import EngineerProfileFactory, RecruiterFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN_EMAIL = "new.recruiter@agency.example"
PROFILE = reverse("recruiting:recruiter-profile")
DETAILS = {"name": "Tess Talent", "company": "Agency BV", "hires_for": ""}
NOTE = {
    "en": "Candidates see who opened their profile: your name and company. Fill them in before you open a "
    "candidate's page.",
    "nl": "Kandidaten zien wie hun profiel opende: je naam en bedrijf. Vul ze in voordat je de pagina van een "
    "kandidaat opent.",
}


@pytest.fixture
def newcomer():
    """A recruiter who has not filled in their recruiter profile."""
    return RecruiterFactory(email=LOGIN_EMAIL, username=LOGIN_EMAIL, recruiter_profile=False)


@pytest.fixture
def candidate():
    return EngineerProfileFactory(user=UserFactory(), visibility="recruiters")


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_recruiter_without_a_name_is_asked_for_it_first_and_then_lands_on_the_candidate(
    newcomer, candidate, language
):
    client = signed_in(newcomer)
    role = RoleFactory(published=True)
    wanted = f"{reverse('recruiting:candidate-detail', kwargs={'pk': candidate.pk})}?role={role.slug}"

    assert client.get(reverse("recruiting:candidate-list"), HTTP_ACCEPT_LANGUAGE=language).status_code == 200
    asked = client.get(wanted, HTTP_ACCEPT_LANGUAGE=language)
    assert asked.status_code == 302
    assert asked["Location"] == f"{PROFILE}?{urlencode({'next': wanted})}"
    assert not ProfileView.objects.exists(), "neither the list nor the refused page keeps a view"

    form = client.get(asked["Location"], HTTP_ACCEPT_LANGUAGE=language)
    page = form.content.decode()
    assert NOTE[language] in page
    assert f'action="{PROFILE}?next={quote(wanted, safe="")}"' in page.replace("&amp;", "&")

    saved = client.post(asked["Location"], DETAILS, HTTP_ACCEPT_LANGUAGE=language)
    assert saved.status_code == 302 and saved["Location"] == wanted
    landed = client.get(wanted, HTTP_ACCEPT_LANGUAGE=language)
    assert landed.status_code == 200
    assert {"en": "Your recruiter profile is saved.", "nl": "Je recruiterprofiel is opgeslagen."}[language] in (
        landed.content.decode()
    )
    assert ProfileView.objects.get(profile=candidate).recruiter == newcomer
    assert NOTE[language] not in client.get(PROFILE, HTTP_ACCEPT_LANGUAGE=language).content.decode()

    engineer_page = signed_in(candidate.user).get(reverse("skills:profile")).content.decode()
    assert "Tess Talent" in engineer_page and "Agency BV" in engineer_page
    assert LOGIN_EMAIL not in engineer_page


@pytest.mark.parametrize(
    "elsewhere",
    # Another site, a script, nothing, and words that are no path (Django's redirect() reads those as view names).
    ["https://evil.example/recruiting/candidates/1/", "//evil.example/", "javascript:alert(1)", "", "0", "home"],
)
def test_after_saving_only_a_page_of_this_site_is_followed(newcomer, elsewhere):
    client = signed_in(newcomer)
    url = f"{PROFILE}?{urlencode({'next': elsewhere})}"
    form = client.get(url).content.decode()
    assert f'<form method="post" action="{PROFILE}" ' in form  # the form does not carry it on
    response = client.post(url, DETAILS)
    assert response.status_code == 302 and response["Location"] == PROFILE


def test_a_refused_form_keeps_where_the_recruiter_was_going(newcomer, candidate):
    wanted = reverse("recruiting:candidate-detail", kwargs={"pk": candidate.pk})
    url = f"{PROFILE}?{urlencode({'next': wanted})}"
    client = signed_in(newcomer)
    refused = client.post(url, {"name": "", "company": ""})
    assert refused.status_code == 400
    assert f'action="{url}"' in refused.content.decode()
    assert client.post(url, DETAILS)["Location"] == wanted


def test_a_named_recruiter_opens_the_candidate_at_once_and_is_not_asked(candidate):
    client = signed_in(RecruiterFactory())
    assert client.get(reverse("recruiting:candidate-detail", kwargs={"pk": candidate.pk})).status_code == 200
    assert ProfileView.objects.filter(profile=candidate).count() == 1
    assert NOTE["en"] not in client.get(PROFILE).content.decode()
