"""What a screen reader gets of the activity grid on /skills/progress/: the summary and only the days with changes,
not a line for each of the 84 days."""

from datetime import timedelta

import pytest
from django.utils import timezone

from skills.models import AssessmentChange
from tests.e2e.support import open_page, screenshot, share_session
from tests.factories import ChecklistItemFactory, UserFactory, assess

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAID = {
    "en": ("You changed a level on 2 of the last", "2 changes", "1 change"),
    "nl": ("Je wijzigde een niveau op 2 van de laatste", "2 wijzigingen", "1 wijziging"),
}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_activity_grid_reads_as_a_summary_and_the_active_days_only(live_server, browser, language):
    summary, busy_day, quiet_day = SAID[language]
    user = UserFactory(password=None, date_joined=timezone.now() - timedelta(weeks=20))
    item = ChecklistItemFactory()
    for level in (1, 2, 3):
        assess(user=user, item=item, level=level)
    first = AssessmentChange.objects.filter(user=user).earliest("id")
    first.changed_at = timezone.now() - timedelta(days=3)
    first.save()
    page = open_page(browser, language=language, width=390)
    share_session(page, live_server, user)
    page.goto(live_server.url + "/skills/progress/")

    region = page.get_by_role("region", name=page.locator("#activity-heading").inner_text())
    assert summary in region.aria_snapshot()
    days = region.get_by_role("listitem").all_inner_texts()  # what is left to assistive technology
    assert len(days) == 2, days  # one per day with changes, out of 84
    assert quiet_day in days[0] and busy_day in days[1]
    assert page.locator(".activity-calendar li").count() > 77  # the grid still shows every day to the eye
    page.locator("#activity-heading").scroll_into_view_if_needed()
    screenshot(page, f"28-{language}-390-activity")
