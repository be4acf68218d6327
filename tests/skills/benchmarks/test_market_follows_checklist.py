"""The market map follows the editors' checklist as it follows their tools: a checklist item retired or published
again in the admin (by the bulk action, on its own page or on its skill's) is counted by a snapshot built as soon as
the change commits, not at the next timed build."""

import pytest
from django.urls import reverse

from skills.benchmarks.services import build_snapshot
from tests.factories import RecruiterFactory, SkillFactory
from tests.jobs import queue_in_database, work_off_queue
from tests.skills.benchmarks.test_market_follows_tools import builds_waiting
from tests.skills.benchmarks.test_pages import auth

pytestmark = pytest.mark.django_db


def market_items(client) -> list[str]:
    """The checklist items of the market map, as the API gives them to a recruiter."""
    market = client.get("/api/market", headers=auth(RecruiterFactory(), staff_access=True)).json()
    return sorted(row["name"] for row in market["items"])


def bulk_action(editor_client, action: str, items) -> None:
    data = {"action": action, "_selected_action": [item.pk for item in items]}
    assert editor_client.post(reverse("admin:skills_checklistitem_changelist"), data).status_code == 302


def save_skill_page(editor_client, skill, *, published: dict[str, bool]) -> None:
    """The skill's page in the admin, saved with its tools and items as they are but for each item's Published box."""
    items = list(skill.items.order_by("pk"))
    data = {
        "name_en": skill.name_en,
        "name_nl": skill.name_nl,
        "slug": skill.slug,
        "growth_stage": skill.growth_stage,
        "order": "0",
        "published": "on",
        "tools": [str(tool.pk) for tool in skill.tools.all()],
        "items-TOTAL_FORMS": str(len(items)),
        "items-INITIAL_FORMS": str(len(items)),
    }
    for number, item in enumerate(items):
        data |= {
            f"items-{number}-id": str(item.pk),
            f"items-{number}-skill": str(skill.pk),
            f"items-{number}-name_en": item.name_en,
            f"items-{number}-name_nl": item.name_nl or item.name_en,
            f"items-{number}-slug": item.slug,
            f"items-{number}-order": str(item.order),
        }
        if published.get(item.name_en, item.published):
            data[f"items-{number}-published"] = "on"
    response = editor_client.post(reverse("admin:skills_skill_change", args=[skill.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]


def save_item_page(editor_client, item, *, skill, published: bool) -> None:
    """The item's own page in the admin, saved under ``skill`` with its Published box as given."""
    data = {
        "skill": str(skill.pk),
        "name_en": item.name_en,
        "name_nl": item.name_nl or item.name_en,
        "slug": item.slug,
        "order": str(item.order),
        "resources-TOTAL_FORMS": "0",
        "resources-INITIAL_FORMS": "0",
    }
    if published:
        data["published"] = "on"
    response = editor_client.post(reverse("admin:skills_checklistitem_change", args=[item.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_an_item_retired_and_published_again_with_the_bulk_actions_follows_on_the_market_once_the_build_ran(
    client, editor_client, modelling, settings
):
    build_snapshot()
    assert market_items(client) == ["Models", "Tests"]
    queue_in_database(settings)
    tests_item = modelling.items.get(name_en="Tests")
    tests_item.name_nl = "Testen"  # published again only with its Dutch name
    tests_item.save()
    bulk_action(editor_client, "unpublish_selected", [tests_item])
    assert builds_waiting() == 1
    work_off_queue()
    assert market_items(client) == ["Models"]
    bulk_action(editor_client, "publish_selected", [tests_item])
    assert builds_waiting() == 1
    work_off_queue()
    assert market_items(client) == ["Models", "Tests"]


def test_an_item_retired_on_its_skills_page_is_off_the_market_once_the_build_ran(
    client, editor_client, modelling, settings
):
    build_snapshot()
    queue_in_database(settings)
    save_skill_page(editor_client, modelling, published={})
    assert builds_waiting() == 0  # nothing the market counts changed
    save_skill_page(editor_client, modelling, published={"Tests": False})
    assert builds_waiting() == 1
    work_off_queue()
    assert market_items(client) == ["Models"]


def test_an_item_retired_on_its_own_page_is_off_the_market_once_the_build_ran(
    client, editor_client, modelling, settings
):
    build_snapshot()
    queue_in_database(settings)
    save_item_page(editor_client, modelling.items.get(name_en="Tests"), skill=modelling, published=False)
    assert builds_waiting() == 1
    work_off_queue()
    assert market_items(client) == ["Models"]


def test_an_item_moved_to_another_skill_on_its_own_page_queues_a_build(editor_client, modelling, settings):
    build_snapshot()
    queue_in_database(settings)
    other = SkillFactory(published=True)
    save_item_page(editor_client, modelling.items.get(name_en="Tests"), skill=other, published=True)
    assert builds_waiting() == 1
