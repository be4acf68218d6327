"""One limit on a vacancy's length and one rate limit on reading them: the API, the engineer's page and the
recruiter's search page answer alike (skills.vacancies.reading.check_vacancy_length, portal.guards.rate_limits)."""

import pytest
from django.urls import reverse

from skills.vacancies.limits import VACANCY_MAX_CHARS
from tests.clients import PortalClient
from tests.factories import RecruiterFactory, UserFactory

pytestmark = pytest.mark.django_db

TOO_LONG = f"A vacancy may be at most {VACANCY_MAX_CHARS:,} characters long"


def read_everywhere(text: str) -> dict[str, tuple[int, str]]:
    """The status and body of each place that reads a vacancy, for the same text."""
    engineer, recruiter = PortalClient(), PortalClient()
    engineer.force_login(UserFactory())
    recruiter.force_login(RecruiterFactory())
    answers = {
        "api": PortalClient().post("/api/vacancies/analyze", {"text": text}, content_type="application/json"),
        "engineer": engineer.post(reverse("skills:vacancy"), {"text": text}),
        "recruiter": recruiter.post(reverse("recruiting:search-new"), {"text": text, "action": "read"}),
    }
    return {place: (response.status_code, response.content.decode()) for place, response in answers.items()}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("SQL " * (VACANCY_MAX_CHARS // 4) + "x", 413),
        ("SQL " * (VACANCY_MAX_CHARS // 4) + " " * 10, 413),  # trailing spaces count: the text as it was sent
        ("SQL\r\n" * (VACANCY_MAX_CHARS // 4), 200),  # a line break counts once, as the browser's text box counts
        ("SQL " * (VACANCY_MAX_CHARS // 4), 200),
    ],
    ids=["one-over", "spaces-over", "crlf-within", "at-the-limit"],
)
def test_the_api_and_both_pages_apply_one_limit_with_one_message(settings, text, status):
    settings.API_VACANCY_RATE_LIMIT = 100
    answers = read_everywhere(text)
    assert {place: code for place, (code, _body) in answers.items()} == dict.fromkeys(answers, status)
    for _code, body in answers.values():
        assert (TOO_LONG in body) == (status == 413)


def test_the_engineers_page_counts_against_the_readings_limit_of_the_api(settings, one_rate_window):
    settings.API_VACANCY_RATE_LIMIT = 2
    engineer = PortalClient()
    engineer.force_login(UserFactory())
    assert engineer.post(reverse("skills:vacancy"), {"text": "SQL"}).status_code == 200
    assert (
        PortalClient().post("/api/vacancies/analyze", {"text": "SQL"}, content_type="application/json").status_code
        == 200
    )
    refused = engineer.post(reverse("skills:vacancy"), {"text": "SQL and Airflow"})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    body = refused.content.decode()
    assert "Too many requests; try again in" in body
    assert "SQL and Airflow</textarea>" in body  # the text is kept
    assert engineer.post(reverse("skills:vacancy-save"), {"save-text": "SQL", "save-title": "x"}).status_code == 429
    other_address = PortalClient(REMOTE_ADDR="203.0.113.9")
    other_address.force_login(UserFactory())
    assert other_address.post(reverse("skills:vacancy"), {"text": "SQL"}).status_code == 200


def test_the_limit_reads_as_the_readers_language_writes_numbers_and_says_what_to_paste(settings):
    settings.API_VACANCY_RATE_LIMIT = 100
    engineer = PortalClient()
    engineer.force_login(UserFactory())
    response = engineer.post(reverse("skills:vacancy"), {"text": "x" * 20_001}, HTTP_ACCEPT_LANGUAGE="nl")
    body = response.content.decode()
    assert response.status_code == 413
    assert "hoogstens 20.000 tekens lang zijn; deze heeft er 20.001. Plak het deel dat de functie beschrijft" in body
