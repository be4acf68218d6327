"""Besides a level, an item can be "learning now" or "for later", and a learning resource done: one service writes
them, the checklist, the learning path and the home show them, each engineer's own."""

import re

import pytest
from django.urls import reverse

from skills.models import ItemState, Resource, ResourceDone
from skills.services.states import set_item_state
from tests.factories import RoleRequirementFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def requirement():
    requirement = RoleRequirementFactory(min_level=3, item__name="Skew", role__slug="lakehouse")
    Resource.objects.create(item=requirement.item, url="https://example.com/skew", title="Skew explained")
    return requirement


def mark(client, item, state, **extra):
    return client.post(reverse("skills:item-state", args=[item.pk]), {"state": state}, **extra)


def test_an_item_marked_learning_now_shows_on_the_checklist_the_learning_path_and_the_home(client, requirement):
    user = UserFactory()
    client.force_login(user)
    item = requirement.item
    for url in (reverse("skills:checklist"), reverse("skills:role-gaps", args=["lakehouse"]), reverse("skills:home")):
        client.get(url)  # cached fragments exist: the mark must renew them
    response = mark(client, item, "learning")
    assert response.status_code == 302 and response["Location"] == f"/skills/#item-row-{item.pk}"
    assert ItemState.objects.get(user=user, item=item).state == "learning"
    pressed = 'aria-pressed="true"'
    assert pressed in client.get(reverse("skills:checklist")).content.decode()
    assert pressed in client.get(reverse("skills:role-gaps", args=["lakehouse"])).content.decode()
    home = client.get(reverse("skills:home")).content.decode()
    assert f'<a href="/skills/#item-row-{item.pk}">Skew</a>' in home


def test_pressing_the_pressed_state_clears_it_and_for_later_replaces_learning_now(client, requirement):
    user = UserFactory()
    client.force_login(user)
    mark(client, requirement.item, "learning")
    mark(client, requirement.item, "later")
    assert ItemState.objects.get(user=user).state == "later"
    mark(client, requirement.item, "")
    assert not ItemState.objects.filter(user=user).exists()


def test_an_htmx_mark_returns_only_the_items_buttons(client, requirement):
    client.force_login(UserFactory())
    body = mark(client, requirement.item, "later", HTTP_HX_REQUEST="true").content.decode()
    assert body.count("<button") == 2 and "<form" not in body and "<li" not in body
    assert 'value="" aria-pressed="true"' in body  # pressing "For later" again clears it


def test_an_unknown_state_is_refused_with_a_clear_message(client, requirement):
    client.force_login(UserFactory())
    response = mark(client, requirement.item, "someday")
    assert response.status_code == 400
    assert "learning now" in response.content.decode()
    assert mark(client, requirement.item, "later\x00").status_code == 400
    assert not ItemState.objects.exists()


def test_a_mark_returns_to_its_page_but_never_off_the_site(client, requirement):
    client.force_login(UserFactory())
    url = reverse("skills:item-state", args=[requirement.item.pk])
    back = client.post(url, {"state": "later", "next": "/skills/gaps/lakehouse/"})
    assert back["Location"] == f"/skills/gaps/lakehouse/#path-item-{requirement.item.pk}"
    away = client.post(url, {"state": "later", "next": "https://evil.example/"})
    assert away["Location"].startswith("/skills/")


def path_item_status(html: str, item) -> str:
    """The confirmation inside the learning path's entry for ``item``, or "" when there is none."""
    entry = re.search(rf'<li class="mb-2" id="path-item-{item.pk}">(.*?)</li>\s*(?:<li class="mb-2"|</ol>)', html, re.S)
    status = re.search(r'<p [^>]*role="status">(.*?)</p>', entry.group(1), re.S)
    return status.group(1).strip() if status else ""


@pytest.mark.parametrize(
    ("language", "state", "said"),
    [
        ("en", "learning", "Saved: “Skew” is marked “learning now”."),
        ("nl", "later", "Opgeslagen: “Skew” is gemarkeerd als “voor later”."),
    ],
)
def test_a_plain_mark_on_the_learning_path_lands_on_its_item_and_says_so_there(
    client, requirement, language, state, said
):
    client.force_login(UserFactory())
    gaps = reverse("skills:role-gaps", args=["lakehouse"])
    client.get(gaps)  # the clean page is cached: the confirmation must not be served from it, nor stored in it
    url = reverse("skills:item-state", args=[requirement.item.pk])
    response = client.post(url, {"state": state, "next": gaps}, HTTP_ACCEPT_LANGUAGE=language)
    assert response["Location"] == f"{gaps}#path-item-{requirement.item.pk}"
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert path_item_status(page, requirement.item) == said
    assert 'class="messages"' not in page
    assert path_item_status(client.get(gaps, HTTP_ACCEPT_LANGUAGE=language).content.decode(), requirement.item) == ""


def test_a_resource_marked_done_without_javascript_says_so_beside_its_item(client, requirement):
    client.force_login(UserFactory())
    gaps = reverse("skills:role-gaps", args=["lakehouse"])
    resource = requirement.item.resources.get()
    client.post(reverse("skills:resource-done", args=[resource.pk]), {"done": "true", "next": gaps}, follow=True)
    response = client.post(reverse("skills:resource-done", args=[resource.pk]), {"done": "false", "next": gaps})
    page = client.get(response["Location"]).content.decode()
    assert path_item_status(page, requirement.item) == "Saved: “Skew explained” is not done."


@pytest.mark.parametrize("target", ["0", "-1", "NaN", "home", "skills:gaps", "evil.example"])
def test_a_next_that_is_no_path_of_this_site_returns_to_the_default_page(client, requirement, target):
    """Not a path: Django's redirect() would look the text up as a view name and fail with a 500."""
    client.force_login(UserFactory())
    for url, data in [
        (reverse("skills:item-state", args=[requirement.item.pk]), {"state": "later"}),
        (reverse("skills:resource-done", args=[requirement.item.resources.get().pk]), {"done": "true"}),
        (reverse("skills:benchmark-choice"), {"counts_in": "on"}),
    ]:
        response = client.post(url, {**data, "next": target})
        assert response.status_code == 302, (url, target)
        assert response["Location"].startswith("/skills/"), (url, target)


def test_a_resource_marked_done_is_done_for_that_engineer_only(client, requirement):
    resource = requirement.item.resources.get()
    user, other = UserFactory(), UserFactory()
    client.force_login(user)
    gaps = reverse("skills:role-gaps", args=["lakehouse"])
    assert "Mark done" in client.get(gaps).content.decode()
    response = client.post(reverse("skills:resource-done", args=[resource.pk]), {"done": "true", "next": gaps})
    assert response["Location"] == f"{gaps}#path-item-{requirement.item.pk}"
    assert "Done ✓ (undo)" in client.get(gaps).content.decode()
    client.force_login(other)
    assert "Done ✓ (undo)" not in client.get(gaps).content.decode()
    client.force_login(user)
    body = client.post(
        reverse("skills:resource-done", args=[resource.pk]), {"done": "false"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Mark done" in body and body.count("<button") == 1
    assert not ResourceDone.objects.exists()


def test_the_service_is_the_one_write_and_keeps_one_row_per_item():
    requirement = RoleRequirementFactory()
    user = UserFactory()
    set_item_state(user=user, item=requirement.item, state="learning")
    set_item_state(user=user, item=requirement.item, state="later")
    assert ItemState.objects.filter(user=user).count() == 1


def test_the_personal_data_export_holds_the_marks(client, requirement):
    user = UserFactory()
    client.force_login(user)
    mark(client, requirement.item, "learning")
    client.post(reverse("skills:resource-done", args=[requirement.item.resources.get().pk]), {"done": "true"})
    exported = client.get(reverse("skills:profile-export")).json()
    assert [(marked["item"], marked["state"]) for marked in exported["item_states"]] == [("Skew", "learning")]
    assert [done["resource"] for done in exported["resources_done"]] == ["Skew explained"]
