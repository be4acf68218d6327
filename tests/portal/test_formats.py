"""Dates per language: day-month-year in both, Dutch with dashes, from portal/formats alone."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from skills.models import AssessmentChange
from tests.factories import ChecklistItemFactory, UserFactory, assess

MOMENT = datetime(2026, 11, 27, 16, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


@pytest.mark.parametrize(
    ("language", "format_name", "expected"),
    [
        ("en", "DATETIME_FORMAT", "27 Nov 2026, 16:00"),
        ("en", "SHORT_DATETIME_FORMAT", "27 Nov 2026, 16:00"),
        ("en", "DATE_FORMAT", "27 Nov 2026"),
        ("en", "SHORT_DATE_FORMAT", "27 Nov 2026"),
        ("nl", "DATETIME_FORMAT", "27-11-2026 16:00"),
        ("nl", "SHORT_DATETIME_FORMAT", "27-11-2026 16:00"),
        ("nl", "DATE_FORMAT", "27-11-2026"),
        ("nl", "SHORT_DATE_FORMAT", "27-11-2026"),
    ],
)
def test_each_language_formats_dates_day_first(language, format_name, expected):
    with translation.override(language):
        assert date_format(MOMENT, format_name) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "expected"), [("en", "27 Nov 2026, 16:00"), ("nl", "27-11-2026 16:00")])
def test_the_progress_page_shows_dates_in_the_readers_language(client, language, expected):
    user = UserFactory()
    assess(user=user, item=ChecklistItemFactory(), level=2)
    AssessmentChange.objects.filter(user=user).update(changed_at=MOMENT)
    client.force_login(user)
    body = client.get(reverse("skills:progress"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert expected in body
    assert "p.m." not in body
