"""Every admin action on the site, ours or a library's, answers a selection that is no row with a message."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from catalog.models import Tool
from tests.factories import EditorFactory, SuperuserFactory, ToolFactory

pytestmark = pytest.mark.django_db

BAD_SELECTIONS = ("abc", "", "1,2", "99999999999999999999999", "-1.5")
REFUSED = "The selection holds something that is not a row of this list; nothing was changed."


def admin_actions(user) -> list[tuple[str, str]]:
    """(change list URL, action name) for every action ``user`` is offered on any admin page."""
    request = RequestFactory().get("/admin/")
    request.user = user
    found = []
    for model in apps.get_models():
        if not admin.site.is_registered(model):
            continue
        model_admin = admin.site.get_model_admin(model)
        opts = model._meta
        for action in model_admin.get_actions(request):
            found.append((reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), action))
    return found


@pytest.mark.parametrize("selection", BAD_SELECTIONS)
def test_every_admin_action_refuses_a_selection_that_is_no_row(client, selection):
    superuser = SuperuserFactory()
    client.force_login(superuser)
    ToolFactory.create_batch(2)
    actions = admin_actions(superuser)
    assert ("/admin/recruiting/searchproposal/", "publish_as_role") in actions
    wrong = {}
    for url, action in actions:
        # The action's button (with "index"), a confirmation page's "yes" (without it), and "select all" too.
        for extra in ({"index": "0"}, {"post": "yes"}, {"select_across": "1", "index": "0"}):
            response = client.post(url, {"action": action, "_selected_action": selection, **extra}, follow=True)
            if response.status_code != 200 or REFUSED not in response.content.decode():
                wrong[f"{url} {action} {extra}"] = response.status_code
    assert not wrong, wrong
    assert Tool.objects.count() == 2


@pytest.mark.parametrize("selection", BAD_SELECTIONS)
def test_an_editor_deleting_tools_with_a_bad_selection_gets_a_message_and_nothing_changes(client, selection):
    tools = ToolFactory.create_batch(2)
    client.force_login(EditorFactory())
    response = client.post(
        reverse("admin:catalog_tool_changelist"),
        {"action": "delete_selected", "_selected_action": [selection, tools[0].pk], "post": "yes"},
        follow=True,
    )
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert Tool.objects.count() == 2
