"""What the query-count tests of the engineer's pages share: a world grown from one item to many, and the count of
queries a call makes."""

from datetime import datetime, time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from skills.models import Resource
from skills.services.assessments import AssessmentInput, save_assessments
from skills.services.profiles import get_or_create_profile
from skills.services.states import set_item_state, set_resource_done
from tests.factories import ProfileViewFactory, RoleRequirementFactory


def grow_world(user, role, skills, count, recruiter):
    """Add `count` required items over the skills, all assessed (with history) and as many profile views."""
    items = [RoleRequirementFactory(role=role, item__skill=skills[index % len(skills)]).item for index in range(count)]
    save_assessments(
        user=user,
        entries=[
            AssessmentInput(item=item, level=index % 4 + 1, evidence_url="https://example.com/e", note="n")
            for index, item in enumerate(items)
        ],
    )
    profile = get_or_create_profile(user=user)
    days_viewed = profile.views.count()  # one view a day is all a recruiter leaves: the next ones go further back
    today = timezone.localdate()
    for day in range(days_viewed, days_viewed + count):
        # noon of each earlier day in the portal's time zone: 24 hours back from late evening met the same local day
        # where summer time ended (2026-10-25), and the database keeps one view a recruiter a day
        noon = timezone.make_aware(datetime.combine(today - timedelta(days=day), time(12)))
        ProfileViewFactory(profile=profile, recruiter=recruiter, viewed_at=noon)
    for index, item in enumerate(items):  # each item marked, each with a resource done
        set_item_state(user=user, item=item, state=("learning", "later")[index % 2])
        set_resource_done(
            user=user, resource=Resource.objects.create(item=item, url="https://example.com/r"), done=True
        )
    return items


def query_count(callable_) -> int:
    with CaptureQueriesContext(connection) as context:
        callable_()
    return len(context.captured_queries)
