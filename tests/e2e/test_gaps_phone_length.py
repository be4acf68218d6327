"""A role's gaps page on a 390 px phone: each requirement shown once, so the page stays a few screens long."""

import pytest

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo
from skills.models import ChecklistItem, EngineerProfile, Role
from tests.e2e.support import fits_width, open_page, share_session
from tests.factories import UserFactory, assess

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAKEHOUSE = "senior-data-engineer-lakehouse"
# The demo's 16 requirements of the lakehouse role, most missing: with the missing ones listed three times and the
# met ones as cards, the page was about 8,900 px long on a phone; once each, it is well under 6,500.
MAX_HEIGHT = 6500


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_gaps_page_of_a_role_stays_short_on_a_phone(live_server, browser, language):
    load_catalog_demo()
    load_skills_demo()
    engineer = UserFactory()
    EngineerProfile.objects.create(user=engineer, target_role=Role.objects.get(slug=LAKEHOUSE))
    for skill, slug, level in (
        ("pyspark", "skew", 1),
        ("sql", "window-functions", 3),
        ("python-fundamentals", "functions", 3),
    ):
        assess(user=engineer, item=ChecklistItem.objects.get(skill__slug=skill, slug=slug), level=level)
    page = open_page(browser, language=language, width=390, javascript=False)
    share_session(page, live_server, engineer)
    page.goto(f"{live_server.url}/skills/gaps/{LAKEHOUSE}/")
    page.locator("#gaps-summary").wait_for()
    assert fits_width(page, 390)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < MAX_HEIGHT, height
    assert page.locator(".met-fold > details").count() == 1
    assert not page.locator(".met-fold > details").evaluate("details => details.open")
    page.context.close()
