"""An engineer chooses their pseudonym (from suggestions in their language, or typed), checked so that it cannot
name or reach them and is nobody else's; and previews their card as a recruiter sees it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from recruiting.services.contacts import answer_contact_request, send_contact_request
from skills.privacy.naming import choose_pseudonym, clean_pseudonym, pseudonym_suggestions
from skills.privacy.pseudonyms import DUTCH_NOUNS, NOUNS
from tests.factories import ChecklistItemFactory, EngineerProfileFactory, RecruiterFactory, UserFactory, assess

pytestmark = pytest.mark.django_db

EVIDENCE = "https://github.com/noor-visser-private"


@pytest.fixture
def engineer():
    user = UserFactory(email="noor@example.com", username="noor@example.com")
    EngineerProfileFactory(user=user, visibility="recruiters", display_name="Noor Visser")
    return user


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("noor@example.com", "email"),
        ("Noor＠home", "email"),
        ("https://noor.dev", "url"),
        ("www.noorvisser", "url"),
        ("noorvisser.nl", "url"),
        ("Noor . Com", "url"),
        ("example.com", "url"),
        ("example . com", "url"),
        ("sanne.nl", "url"),
        ("sanne . nl 7", "url"),
        ("jan.nl", "url"),
        ("example. com", "url"),
        ("Mr.Info", "url"),
        ("www.x", "url"),
        ("https://x", "url"),
        ("ab", "length"),
        ("x" * 41, "length"),
        ("Quiet\x00Heron", "characters"),
        ("Quiet\u200bHeron", "characters"),
    ],
)
def test_a_pseudonym_that_could_lead_to_the_engineer_is_refused(typed, code):
    with pytest.raises(ValidationError) as refused:
        clean_pseudonym(typed)
    assert refused.value.code == code


@pytest.mark.parametrize(
    "typed", ["Mr. Pipeline", "J. Jansen", "Dr. Data", "Mr. Dev Ops", "Mr. Info", "Dr. Dev", "Ir. Io 7", "Prof . Com"]
)
def test_an_initial_or_title_before_a_name_is_not_taken_for_a_domain(typed):
    assert clean_pseudonym(typed) == typed


@pytest.mark.parametrize("typed", ["Mr. Info", "Dr. Dev"])
def test_a_title_before_a_top_level_domain_word_is_accepted_on_the_page(client, engineer, typed):
    client.force_login(engineer)
    assert client.post(reverse("skills:pseudonym"), {"pseudonym": typed}).status_code == 302
    engineer.profile.refresh_from_db()
    assert engineer.profile.pseudonym == typed


@pytest.mark.parametrize("typed", ["example.com", "example . com", "jan.nl", "example. com"])
def test_a_web_address_is_still_refused_on_the_page(client, engineer, typed):
    client.force_login(engineer)
    response = client.post(reverse("skills:pseudonym"), {"pseudonym": typed})
    assert response.status_code == 400
    assert "cannot hold a web address or domain name" in response.content.decode()
    engineer.profile.refresh_from_db()
    assert engineer.profile.pseudonym != typed


def test_spaces_are_tidied():
    assert clean_pseudonym("  Quiet   Heron  7 ") == "Quiet Heron 7"


def test_a_pseudonym_in_use_is_refused_in_any_capitals(engineer):
    EngineerProfileFactory(pseudonym="Quiet Heron 7")
    with pytest.raises(ValidationError):
        choose_pseudonym(user=engineer, pseudonym="quiet HERON 7")


def test_suggestions_are_fresh_and_in_the_engineers_language(engineer):
    taken = EngineerProfileFactory().pseudonym
    english = pseudonym_suggestions(language="en", user=engineer)
    dutch = pseudonym_suggestions(language="nl", user=engineer)
    assert len(english) == len(dutch) == 5
    assert taken not in english
    assert all(name.split()[1] in NOUNS for name in english)
    assert all(name.split()[1] in DUTCH_NOUNS for name in dutch)


def test_a_suggestion_is_picked_on_the_page(client, engineer):
    client.force_login(engineer)
    page = client.get(reverse("skills:pseudonym"))
    suggestion = page.context["suggestions"][0]
    assert f'value="{suggestion}"' in page.content.decode()
    response = client.post(reverse("skills:pseudonym"), {"pseudonym": suggestion})
    assert response.status_code == 302
    engineer.profile.refresh_from_db()
    assert engineer.profile.pseudonym == suggestion


def test_the_page_suggests_dutch_words_to_a_dutch_engineer(client, engineer):
    client.force_login(engineer)
    with translation.override("nl"):
        page = client.get(reverse("skills:pseudonym"), headers={"accept-language": "nl"})
    assert all(name.split()[1] in DUTCH_NOUNS for name in page.context["suggestions"])


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("noor@example.com", "cannot hold an email address"),
        ("github.com/noor", "cannot hold a web address"),
        ("x" * 500, "at most 40 characters"),
    ],
)
def test_a_typed_pseudonym_gets_a_clear_form_error(client, engineer, typed, message):
    client.force_login(engineer)
    response = client.post(reverse("skills:pseudonym"), {"pseudonym": typed})
    assert response.status_code == 400
    assert message in response.content.decode()
    engineer.profile.refresh_from_db()
    assert engineer.profile.pseudonym != typed


def test_a_nul_byte_is_a_400_not_a_500(client, engineer):
    client.force_login(engineer)
    assert client.post(reverse("skills:pseudonym"), {"pseudonym": "Quiet\x00Heron"}).status_code == 400


def test_the_chosen_pseudonym_is_what_recruiters_see(client, engineer):
    choose_pseudonym(user=engineer, pseudonym="Lakehouse Owl")
    client.force_login(RecruiterFactory())
    page = client.get(reverse("recruiting:candidate-detail", kwargs={"pk": engineer.profile.pk})).content.decode()
    assert "Lakehouse Owl" in page and "Noor Visser" not in page


def card(html: str) -> str:
    """The candidate card alone (the page around it names its own reader)."""
    return html[html.index('<article class="candidate-detail">') : html.index("</article>")]


def preview(client, **params) -> str:
    return card(client.get(reverse("recruiting:profile-preview"), params).content.decode())


def test_the_preview_is_the_recruiters_card_before_and_after_accepting(client, engineer):
    assess(user=engineer, item=ChecklistItemFactory(name="window functions"), level=3, evidence_url=EVIDENCE)
    client.force_login(engineer)
    before = preview(client)
    assert engineer.profile.pseudonym in before
    assert "Noor Visser" not in before and "noor@example.com" not in before and EVIDENCE not in before
    assert "window functions" in before
    after = preview(client, shown_as="accepted")
    assert "Noor Visser" in after and "noor@example.com" in after and EVIDENCE in after


def test_the_preview_matches_what_a_recruiter_sees(client, engineer):
    recruiter = RecruiterFactory()
    assess(user=engineer, item=ChecklistItemFactory(name="window functions"), level=3, evidence_url=EVIDENCE)
    contact = send_contact_request(
        recruiter=recruiter, profile=engineer.profile, message="Hi", name="Rita", company="Acme",
        answer_url="https://portal.example/skills/profile/",
    )  # fmt: skip
    client.force_login(recruiter)
    detail_url = reverse("recruiting:candidate-detail", kwargs={"pk": engineer.profile.pk})
    seen_before = card(client.get(detail_url).content.decode())
    answer_contact_request(engineer=engineer, contact_request=contact, accept=True)
    seen_after = card(client.get(detail_url).content.decode())
    client.force_login(engineer)
    for seen, previewed in ((seen_before, preview(client)), (seen_after, preview(client, shown_as="accepted"))):
        assert seen.split("</h1>")[0] == previewed.split("</h1>")[0]  # the same name
        assert (EVIDENCE in seen) == (EVIDENCE in previewed)
        assert ("noor@example.com" in seen) == ("noor@example.com" in previewed)


@pytest.mark.parametrize(("visibility", "said", "not_said"), [("recruiters", "visible", "private"), ("private", "private", "visible")])  # fmt: skip
def test_the_preview_says_whether_recruiters_see_the_profile_now(client, engineer, visibility, said, not_said):
    engineer.profile.visibility = visibility
    engineer.profile.save()
    client.force_login(engineer)
    page = client.get(reverse("recruiting:profile-preview")).content.decode()
    start = page.index('<div class="preview-banner')
    banner = page[start : page.index("</nav>", start)]
    assert f"Your profile is {said}" in banner and f"Your profile is {not_said}" not in banner
