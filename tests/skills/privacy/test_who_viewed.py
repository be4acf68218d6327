"""'Who viewed my profile': one line per recruiter, on how many days and the last, naming the recruiter by their
profile and never by the address they log in with: a view kept before recruiters had to name themselves is one by a
recruiter who gave no name."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from recruiting.models import ProfileView
from skills.privacy.personal_data import profile_views
from tests.clients import PortalClient
from tests.factories import EngineerProfileFactory, RecruiterFactory, UserFactory

pytestmark = pytest.mark.django_db


UNNAMED = {"en": "A recruiter who gave no name", "nl": "Een recruiter die geen naam opgaf"}


@pytest.mark.parametrize(
    ("language", "rita_said", "agency_said"),
    [
        ("en", "viewed it on 2 different days, the last on", "viewed it on"),
        ("nl", "bekeek het op 2 verschillende dagen, het laatst op", "bekeek het op"),
    ],
)
def test_views_are_one_line_per_recruiter_with_the_days_viewed_and_never_an_email(language, rita_said, agency_said):
    """A recruiter leaves one view a day (recruiting's ProfileView holds it): a count per day would always say 1,
    so the line says on how many days they looked, and the last."""
    engineer = UserFactory()
    profile = EngineerProfileFactory(user=engineer, visibility="recruiters")
    rita = RecruiterFactory(
        email="rita.private@acme.example",
        recruiter_profile__name="Rita Recruiter",
        recruiter_profile__company="Acme Data",
        recruiter_profile__hires_for="Lakehouse team",
    )
    anonymous_recruiter = RecruiterFactory(email="talent@agency.example", recruiter_profile=False)  # an old view
    today = timezone.localtime().replace(hour=12, minute=0)
    yesterday = today - timedelta(days=1)
    for when in (today, yesterday):
        ProfileView.objects.create(recruiter=rita, profile=profile, viewed_at=when)
    ProfileView.objects.create(recruiter=anonymous_recruiter, profile=profile, viewed_at=today - timedelta(minutes=5))
    ProfileView.objects.create(recruiter=rita, profile=EngineerProfileFactory(), viewed_at=today)  # someone else's

    lines = [(visit.name, visit.company, visit.days, visit.last_viewed_at) for visit in profile_views(user=engineer)]
    assert lines == [
        ("Rita Recruiter", "Acme Data", 2, today),
        ("", "", 1, today - timedelta(minutes=5)),
    ]
    client = PortalClient()
    client.force_login(engineer)
    html = client.get(reverse("skills:profile"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    visits = re.findall(
        r'<li class="border-bottom py-1 profile-visit">\s*<ul class="fact-list mb-0">(.*?)</ul>', html, re.S
    )
    assert len(visits) == 2
    rita_line, agency_line = (  # the list's middle dots are drawn by the CSS (.fact-list)
        " · ".join(
            " ".join(re.sub(r"<[^>]+>", "", fact).split()) for fact in re.findall(r"<li>(.*?)</li>", visit, re.S)
        )
        for visit in visits
    )
    assert rita_line.startswith(f"Rita Recruiter · Acme Data · {rita_said} ")
    assert agency_line.startswith(f"{UNNAMED[language]} · {agency_said} ")
    assert f'<time datetime="{today.isoformat()}">' in visits[0]  # the last day, not the first
    assert "view" not in rita_line.replace("viewed", "") and "keer" not in rita_line  # no per-day count
    assert "rita.private@acme.example" not in html and "talent@agency.example" not in html


def test_the_profile_page_reads_the_visits_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    engineer = UserFactory()
    profile = EngineerProfileFactory(user=engineer)
    for _ in range(30):
        ProfileView.objects.create(recruiter=RecruiterFactory(), profile=profile)
    with django_assert_max_num_queries(2):  # the engineer's profile, then the grouped visits
        assert len(profile_views(user=engineer)) == 30


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_data_download_names_a_recruiter_as_the_profile_page_does_never_by_an_address(language):
    engineer = UserFactory()
    profile = EngineerProfileFactory(user=engineer, visibility="recruiters")
    rita = RecruiterFactory(
        email="rita.private@acme.example",
        recruiter_profile__name="Rita Recruiter",
        recruiter_profile__company="Acme Data",
    )
    anonymous_recruiter = RecruiterFactory(email="talent@agency.example", recruiter_profile=False)  # an old view
    ProfileView.objects.create(recruiter=rita, profile=profile)
    ProfileView.objects.create(recruiter=anonymous_recruiter, profile=profile)
    client = PortalClient()
    client.force_login(engineer)

    download = client.get(reverse("skills:profile-export"), HTTP_ACCEPT_LANGUAGE=language)

    views = [(view["recruiter"], view["company"]) for view in download.json()["profile_views"]]
    assert views == [("Rita Recruiter", "Acme Data"), (UNNAMED[language], "")]
    text = download.content.decode()
    assert "rita.private@acme.example" not in text and "talent@agency.example" not in text
