"""The Dutch admin's history, lists and forms say their words in Dutch: django-simple-history's page of a row's
versions (its own words and its values), a vacancy's language, the tool types, the role requirements' columns, and
the button that makes an unrecognised term known whatever it becomes."""

import re

import pytest
from django.urls import reverse

from tests.clients import DUTCH
from tests.factories import RoleRequirementFactory, ToolFactory
from tests.portal.test_admin_dutch import visible

pytestmark = pytest.mark.django_db


def test_a_tools_history_reads_in_dutch_with_yes_and_no_and_no_none(editor_client):
    tool = ToolFactory(published=True)
    unpublish = {"action": "unpublish_selected", "_selected_action": [tool.pk]}
    assert editor_client.post(reverse("admin:catalog_tool_changelist"), unpublish).status_code == 302
    history = visible(editor_client.get(reverse("admin:catalog_tool_history", args=[tool.pk]), **DUTCH))
    assert "Kies een datum uit de lijst" in history
    assert "Gewijzigd door" in history and "Reden" in history and "Wijzigingen" in history
    assert "Gewijzigd" in history and "Aangemaakt" in history  # what happened, in the "Actie" column
    assert "Ja" in history and "Nee" in history  # published, per version and in the change
    assert not re.search(r"\b(Choose|Comment|Changed by|Change reason|Changes|Changed|True|False|None)\b", history)


def test_a_history_without_versions_says_so_in_dutch(editor_client):
    tool = ToolFactory()
    tool.history.all().delete()
    history = visible(editor_client.get(reverse("admin:catalog_tool_history", args=[tool.pk]), **DUTCH))
    assert "heeft nog geen wijzigingsgeschiedenis" in history and "change history" not in history


def test_unrecognised_terms_name_the_vacancys_language_in_dutch(editor_client):
    from skills.models import UnrecognisedTerm

    UnrecognisedTerm.objects.create(term="Snowflake", language="nl", count=3)
    UnrecognisedTerm.objects.create(term="Kafka", language="en", count=3)
    page = editor_client.get(reverse("admin:skills_unrecognisedterm_changelist"), **DUTCH).content.decode()
    cells = re.findall(r'<td[^>]* class="field-language">([^<]*)</td>', page)
    assert sorted(cells) == ["Engels", "Nederlands"]
    assert re.search(r'href="\?language__exact=nl"[^>]*>\s*Nederlands', page)
    assert re.search(r'href="\?language__exact=en"[^>]*>\s*Engels', page)


def test_the_adopt_page_names_its_button_for_any_choice(editor_client):
    from skills.models import UnrecognisedTerm

    term = UnrecognisedTerm.objects.create(term="Terraform", language="en", count=3)
    listed = visible(editor_client.get(reverse("admin:skills_unrecognisedterm_changelist"), **DUTCH))
    page = editor_client.get(reverse("admin:skills_unrecognisedterm_adopt", args=[term.pk]), **DUTCH)
    assert 'value="Laten herkennen"' in page.content.decode()
    assert "Maak er een zinsdeel van" not in visible(page) + page.content.decode() + listed
    english = editor_client.get(reverse("admin:skills_unrecognisedterm_adopt", args=[term.pk]))
    assert 'value="Make it recognised"' in english.content.decode()


def test_the_tool_types_read_in_dutch_in_the_list_and_its_filter(editor_client):
    for tool_type in ("library", "framework", "framework_tool", "orchestrator"):
        ToolFactory(tool_type=tool_type)
    tools = visible(editor_client.get(reverse("admin:catalog_tool_changelist"), **DUTCH))
    assert "Bibliotheek" in tools and "Orkestrator" in tools and "Framework of tool" in tools
    assert not re.search(r"\b(Library|Orchestrator|Framework/tool)\b", tools)


def test_a_roles_requirements_head_their_item_column_checklist_item(editor_client):
    requirement = RoleRequirementFactory()
    page = editor_client.get(reverse("admin:skills_role_change", args=[requirement.role.pk]), **DUTCH)
    head = re.search(r'<th class="column-item[^"]*"[^>]*>(.*?)</th>', page.content.decode(), flags=re.S)
    assert head and "Checklistpunt" in head.group(1)
