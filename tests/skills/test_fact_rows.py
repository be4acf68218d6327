"""Facts in running text on an engineer's pages and on what they share are a .fact-list: the list's CSS draws the
middle dot between two facts and never ends or opens a line with it, where a "·" typed between them did on a phone
(tests/e2e/test_fact_lists_browser.py measures such lists there). Rows with a test of their own page (the learning
path's levels, the home's next step) are read so there, with tests.markup.fact_rows too."""

import pytest
from django.urls import reverse

from skills.models import Resource
from tests.factories import RoleRequirementFactory
from tests.markup import fact_rows

pytestmark = pytest.mark.django_db


def test_a_resource_and_its_mark_done_button_on_the_learning_path(client, engineer):
    requirement = RoleRequirementFactory(min_level=2)
    resource = Resource.objects.create(item=requirement.item, url="https://example.com/skew", title="Skew explained")
    body = client.get(reverse("skills:role-gaps", args=[requirement.role.slug])).content.decode()
    assert f"{resource.get_kind_display()} Skew explained (external) · Mark done" in fact_rows(body)
