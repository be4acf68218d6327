"""A row of links under an engineer's page (gaps, a role's gaps, the vacancy reader, the home's target role) is a
.fact-list: the list's CSS draws the middle dot between two links and never ends or opens a line with it, where a
typed "·" ended a line on a phone (tests/e2e/test_fact_lists_browser.py checks it there)."""

import re

import pytest
from django.urls import reverse

from skills.models import EngineerProfile
from tests.factories import RoleFactory, RoleRequirementFactory, assess

pytestmark = pytest.mark.django_db


def link_rows(page: str) -> list[list[str]]:
    """The texts of the links of each .fact-list in ``page`` made of links only."""
    rows = re.findall(r'<ul class="fact-list[^"]*">((?:<li><a [^>]*>[^<]*</a></li>)+)</ul>', page)
    return [re.findall(r"<a [^>]*>([^<]*)</a>", row) for row in rows]


@pytest.fixture
def role(engineer):
    role = RoleFactory(title="Senior Data Engineer — lakehouse", slug="lakehouse")
    requirement = RoleRequirementFactory(role=role, item__name="Joins", min_level=3)
    assess(user=engineer, item=requirement.item, level=2)
    EngineerProfile.objects.filter(user=engineer).update(target_role=role, start=EngineerProfile.Start.DONE)
    return role


@pytest.mark.parametrize(
    ("url", "links"),
    [
        (reverse("skills:gaps"), ["Update your checklist", "Read a vacancy", "All roles and their requirements"]),
        (reverse("skills:role-gaps", kwargs={"slug": "lakehouse"}), ["Update your checklist", "About this role"]),
        (reverse("skills:vacancy"), ["My gaps per role and my saved vacancies", "Update your checklist"]),
        (reverse("skills:home"), ["See the learning path", "All roles by fit"]),
    ],
)
def test_the_links_under_a_page_are_a_fact_list_with_no_typed_dot(client, role, url, links):
    page = client.get(url).content.decode()
    assert links in link_rows(page)
    assert not re.search(r"</a>\s*·", page)
