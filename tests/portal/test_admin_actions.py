"""Every admin action, editable list and form on the site, ours or a library's, answers a key that is no row with a
message or the form's error, never a 500."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.messages import get_messages
from django.db.models.signals import pre_save
from django.forms import CheckboxInput, ModelMultipleChoiceField
from django.test import RequestFactory
from django.urls import reverse

from catalog.models import Category, ChooserRecommendation, Tool
from tests.factories import (
    CategoryFactory,
    ChooserOptionFactory,
    ChooserRecommendationFactory,
    EditorFactory,
    SuperuserFactory,
    ToolFactory,
)

pytestmark = pytest.mark.django_db

BAD_SELECTIONS = ("abc", "", "1,2", "99999999999999999999999", "-1.5")
REFUSED = "The selection holds something that is not a row of this list; nothing was changed."


def model_admins(user):
    """(model, its admin, a request by ``user``) for every model registered in the admin."""
    request = RequestFactory().get("/admin/")
    request.user = user
    for model in apps.get_models():
        if admin.site.is_registered(model):
            yield model, admin.site.get_model_admin(model), request


def admin_url(model, page: str) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}")


def admin_actions(user) -> list[tuple[str, str]]:
    """(change list URL, action name) for every action ``user`` is offered on any admin page."""
    return [
        (admin_url(model, "changelist"), action)
        for model, model_admin, request in model_admins(user)
        for action in model_admin.get_actions(request)
    ]


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
        # Refused, it goes back to its list with the message (the list itself is drawn by other tests).
        for extra in ({"index": "0"}, {"post": "yes"}, {"select_across": "1", "index": "0"}):
            client.cookies.pop("messages", None)  # only this request's messages: no page has shown the earlier ones
            response = client.post(url, {"action": action, "_selected_action": selection, **extra})
            said = [str(message) for message in get_messages(response.wsgi_request)]
            if response.status_code != 302 or response["Location"] != url or not any(REFUSED in m for m in said):
                wrong[f"{url} {action} {extra}"] = (response.status_code, response.get("Location"), said)
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


def _choosers(form_class) -> list[tuple[str, bool]]:
    """(name, whether it takes several) of each field of a form that chooses rows."""
    return [
        (name, isinstance(field, ModelMultipleChoiceField))
        for name, field in form_class.base_fields.items()
        if hasattr(field, "queryset")
    ]


def admin_form_posts(user, key: str) -> list[tuple[str, str, dict, type]]:
    """(add page URL, field, POST data, model): for every model ``user`` may add in the admin, one post per field
    that chooses rows, its own and its inlines', with ``key`` as the choice."""
    posts = []
    for model, model_admin, request in model_admins(user):
        if not model_admin.has_add_permission(request):
            continue
        url = admin_url(model, "add")
        for name, several in _choosers(model_admin.get_form(request)):
            posts.append((url, name, {name: [key, "1"] if several else key}, model))
        for formset, _inline in model_admin.get_formsets_with_inlines(request):
            prefix = formset.get_default_prefix()
            management = {f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0"}
            for name, several in _choosers(formset.form):
                data = {**management, f"{prefix}-0-{name}": [key, "1"] if several else key}
                posts.append((url, f"{prefix}-0-{name}", data, model))
    return posts


@pytest.mark.parametrize("key", BAD_SELECTIONS)
def test_every_admin_form_answers_a_choice_that_is_no_row_with_its_own_error(client, key):
    """A tampered choice (a select or autocomplete box, in the form or an inline, sent with a key that is no row)
    is the form's error, on the add page the editor sees again, never a 500."""
    superuser = SuperuserFactory()
    client.force_login(superuser)
    client.raise_request_exception = False  # every form is tried; the failures are listed together
    posts = admin_form_posts(superuser, key)
    tried = {field for _, field, _, _ in posts}
    assert {"category", "keywords", "requirements-0-item", "tool"} <= tried, tried
    wrong = {}
    for url, field, data, model in posts:
        before = model.objects.count()
        response = client.post(url, data)
        if response.status_code != 200 or model.objects.count() != before:
            wrong[f"{url} {field}"] = response.status_code
    assert not wrong, wrong


@pytest.mark.parametrize("key", BAD_SELECTIONS)
def test_an_editable_list_answers_a_row_key_that_is_no_row_with_a_message(client, key):
    """The order column of the categories' list saves rows by the keys the form sends back: a tampered key changes
    nothing and the list is shown again with a message."""
    categories = CategoryFactory.create_batch(2)
    client.force_login(EditorFactory())
    orders = list(Category.objects.order_by("pk").values_list("order", flat=True))
    response = client.post(
        reverse("admin:catalog_category_changelist"),
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": key,
            "form-0-order": "7",
            "form-1-id": str(categories[1].pk),
            "form-1-order": "8",
            "_save": "Save",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert list(Category.objects.order_by("pk").values_list("order", flat=True)) == orders
    if key != "":  # an empty key is Django's own "add a row": the formset's error instead
        assert "not a row of it; nothing was changed" in response.content.decode()


def _form_data(form) -> dict:
    """What a browser posts back for ``form`` as the page showed it."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, CheckboxInput):
            if value:
                data[form.add_prefix(name)] = "on"
        elif value is not None:
            data[form.add_prefix(name)] = [str(one) for one in value] if isinstance(value, list | tuple) else value
    return data


def change_page_data(response) -> dict:
    """The change page's form and its inlines, posted back unchanged."""
    data = _form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        data.update(_form_data(inline.formset.management_form))
        for form in inline.formset.forms:
            data.update(_form_data(form))
    return data


def swapped_recommendations(client):
    """A publishable option with two recommended tools, its change page, and that page posted back with the two rows
    swapping their tools and more typed beside the swap."""
    option = ChooserOptionFactory(question_nl="Ik bouw iets", explanation_nl="Omdat het past.")  # publishable
    first = ChooserRecommendationFactory(option=option, order=1)
    second = ChooserRecommendationFactory(option=option, order=2)
    url = reverse("admin:catalog_chooseroption_change", args=[option.pk])
    data = change_page_data(client.get(url))
    assert data["recommendations-0-tool"] == first.tool_id and data["recommendations-1-tool"] == second.tool_id
    data["recommendations-0-tool"], data["recommendations-1-tool"] = second.tool_id, first.tool_id
    data["explanation_en"] = "Typed with the swap."
    data["recommendations-1-reason_en"] = "A reason typed with the swap."
    return option, (first, second), url, data


def test_rows_of_an_inline_swapping_their_tools_are_refused_on_the_page_with_what_was_typed(client):
    """Each row is saved in turn, so the first one would briefly hold the tool the second still has: the database's
    one-tool-per-option rule would refuse that save. The form says so before saving, and shows what was typed."""
    client.force_login(EditorFactory())
    option, (first, second), url, data = swapped_recommendations(client)
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "a row takes the tool that another row holds" in page and "Make the change in two steps" in page
    assert "Typed with the swap." in page and "A reason typed with the swap." in page
    (recommendations,) = response.context["inline_admin_formsets"]
    assert [form["tool"].value() for form in recommendations.formset.forms[:2]] == [
        str(second.tool_id),
        str(first.tool_id),
    ]
    assert list(option.recommendations.order_by("pk").values_list("tool_id", flat=True)) == [
        first.tool_id,
        second.tool_id,
    ]
    option.refresh_from_db()
    assert option.explanation_en == "Because it fits."


def test_a_row_taking_the_tool_of_a_row_deleted_in_the_same_save_is_saved(client):
    """Django deletes a row before it saves the rows below it: that is no swap."""
    client.force_login(EditorFactory())
    option, (first, second), url, data = swapped_recommendations(client)
    data["recommendations-0-DELETE"] = "on"
    assert client.post(url, data).status_code == 302
    assert list(option.recommendations.values_list("pk", "tool_id")) == [(second.pk, first.tool_id)]


def test_a_row_taking_the_tool_of_a_row_below_it_that_is_deleted_is_refused(client):
    """The row below is deleted only after this one is saved, so Django's save would clash."""
    client.force_login(EditorFactory())
    option, _rows, url, data = swapped_recommendations(client)
    data["recommendations-1-DELETE"] = "on"
    response = client.post(url, data)
    assert "a row takes the tool that another row holds" in response.content.decode()
    assert option.recommendations.count() == 2


def test_a_row_another_editor_saved_meanwhile_is_a_message_and_nothing_changes(client):
    """What the form cannot know before saving (a clashing row saved in the meantime, here just before this row) is
    refused by the database: the editor is told, and nothing of the page is saved."""
    client.force_login(EditorFactory())
    option = ChooserOptionFactory(question_nl="Ik bouw iets", explanation_nl="Omdat het past.")
    first = ChooserRecommendationFactory(option=option, order=1)
    url = reverse("admin:catalog_chooseroption_change", args=[option.pk])
    data = change_page_data(client.get(url))
    other_tool = ToolFactory()
    data["recommendations-0-tool"], data["explanation_en"] = other_tool.pk, "Typed meanwhile."

    def someone_else_recommends_it(sender, instance, **kwargs):
        if instance.pk == first.pk:
            ChooserRecommendation.objects.create(option=option, tool=other_tool, order=2)

    pre_save.connect(someone_else_recommends_it, sender=ChooserRecommendation)
    try:
        response = client.post(url, data, follow=True)
    finally:
        pre_save.disconnect(someone_else_recommends_it, sender=ChooserRecommendation)
    assert "nothing was saved" in response.content.decode()
    assert list(option.recommendations.values_list("tool_id", flat=True)) == [first.tool_id]
    option.refresh_from_db()
    assert option.explanation_en == "Because it fits."


@pytest.mark.parametrize("key", [key for key in BAD_SELECTIONS if key])
def test_every_admin_page_of_one_row_answers_a_key_that_is_no_row_without_a_500(client, key):
    """A row's change, delete and history pages (a tool's old versions too) with a key typed into the address."""
    superuser = SuperuserFactory()
    client.force_login(superuser)
    client.raise_request_exception = False  # every page is tried; the failures are listed together
    tool = ToolFactory()
    urls = [
        f"{admin_url(model, 'changelist')}{key}/{page}/"
        for model, _, _ in model_admins(superuser)
        for page in ("change", "delete", "history")
    ]
    urls += [f"{admin_url(Tool, 'changelist')}{tool.pk}/history/{key}/"]
    wrong = {url: status for url in urls if (status := client.get(url).status_code) >= 500}
    assert not wrong, wrong
