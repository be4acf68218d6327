"""The engineer's checklist and gaps pages come from the fragment cache until what they show changes."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.cache.fragments import csrf_marker, versions
from skills.models import Assessment
from skills.selectors.checklist import CHECKLIST_KIND
from skills.services.matches import recompute_role_matches
from skills.services.profiles import get_or_create_profile, update_profile
from tests.clients import PortalClient as Client
from tests.factories import (
    ChecklistItemFactory,
    EditorFactory,
    RoleFactory,
    RoleRequirementFactory,
    ToolFactory,
    UserFactory,
    assess,
)
from tests.markup import fact_rows
from tests.skills.test_admin import role_form_data

pytestmark = pytest.mark.django_db

TARGET_BADGE = '<span class="badge text-bg-primary">your target</span>'


@pytest.fixture
def engineer(client):
    user = UserFactory(email="me@example.com")
    client.force_login(user)
    return user


@pytest.fixture
def requirement():
    return RoleRequirementFactory(
        role=RoleFactory(title="Lakehouse engineer"), item__name="Window functions", item__skill__name="SQL"
    )


def page_urls(role):
    return [
        reverse("skills:checklist"),
        reverse("skills:gaps"),
        reverse("skills:role-gaps", kwargs={"slug": role.slug}),
    ]


def get(client, url):
    """The page's HTML and the SQL it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def fields(item, level, evidence_url="", note=""):
    prefix = f"item-{item.pk}"
    return {f"{prefix}-level": str(level), f"{prefix}-evidence_url": evidence_url, f"{prefix}-note": note}


def without_csrf_tokens(body):
    """The page with its CSRF tokens left out: they are masked differently on every response."""
    return re.sub(r"[A-Za-z0-9]{64}", "", body)


def csrf_value(body):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)


def test_second_get_comes_from_the_cache_without_the_pages_own_queries(client, engineer, requirement):
    assess(user=engineer, item=requirement.item, level=3, evidence_url="https://example.com/sql")
    for url in page_urls(requirement.role):
        first, first_queries = get(client, url)
        second, second_queries = get(client, url)
        assert len(second_queries) < len(first_queries), url
        assert not [sql for sql in second_queries if "skills_assessment" in sql], url
        assert without_csrf_tokens(second) == without_csrf_tokens(first), url


def test_ticks_evidence_and_notes_show_on_the_next_get(client, engineer, requirement):
    item = requirement.item
    for url in page_urls(requirement.role):
        get(client, url)
    client.post(reverse("skills:assess", kwargs={"item_id": item.pk}), fields(item, 3), HTTP_HX_REQUEST="true")
    checklist, _queries = get(client, reverse("skills:checklist"))
    assert f'id="id_item-{item.pk}-level_3" value="3" checked>' in checklist
    assert "1 of 1 items ticked" in checklist
    assert "Match: <strong>100</strong> out of 100" in get(client, reverse("skills:gaps"))[0]
    role_gaps = get(client, reverse("skills:role-gaps", kwargs={"slug": requirement.role.slug}))[0]
    assert "You meet 1 of 1 requirement for Lakehouse engineer, and every must-have." in role_gaps

    client.post(reverse("skills:assess-all"), fields(item, 3, "https://example.com/proof", "used daily"))
    checklist, _queries = get(client, reverse("skills:checklist"))
    assert 'value="https://example.com/proof"' in checklist
    assert 'value="used daily"' in checklist


def test_a_new_target_role_in_the_profile_shows_on_the_next_get(client, engineer, requirement):
    assert "Choose a target role" in get(client, reverse("skills:checklist"))[0]
    assert TARGET_BADGE not in get(client, reverse("skills:gaps"))[0]
    data = {"headline": "", "years_experience": "3", "location": "", "target_role": str(requirement.role.pk)}
    assert client.post(reverse("skills:profile"), {**data, "visibility": "private"}).status_code == 302
    assert "Match with your target role Lakehouse engineer" in get(client, reverse("skills:checklist"))[0]
    assert TARGET_BADGE in get(client, reverse("skills:gaps"))[0]


def test_an_editors_change_to_a_requirement_shows_on_the_next_get(client, engineer, requirement):
    assess(user=engineer, item=requirement.item, level=2)
    role_gaps_url = reverse("skills:role-gaps", kwargs={"slug": requirement.role.slug})
    assert "Match: <strong>100</strong>" in get(client, reverse("skills:gaps"))[0]
    assert "Nothing is missing" in get(client, role_gaps_url)[0]

    editor = Client()
    editor.force_login(EditorFactory())
    requirement.min_level = 4
    change_url = reverse("admin:skills_role_change", args=[requirement.role.pk])
    assert editor.post(change_url, role_form_data(requirement.role, [requirement])).status_code == 302
    assert "Match: <strong>50</strong>" in get(client, reverse("skills:gaps"))[0]
    assert "Your level 2 · level 4 needed · 2 levels to go" in fact_rows(get(client, role_gaps_url)[0])


def test_a_renamed_skill_a_new_item_and_a_new_tool_show_on_the_next_get(client, engineer, requirement):
    skill = requirement.item.skill
    assert ">SQL</h2>" in get(client, reverse("skills:checklist"))[0]
    skill.name = "Structured Query Language"
    skill.save()
    assert ">Structured Query Language</h2>" in get(client, reverse("skills:checklist"))[0]
    ChecklistItemFactory(skill=skill, name="Joins")
    assert "Joins" in get(client, reverse("skills:checklist"))[0]
    skill.tools.add(ToolFactory(name="dbt", slug="dbt"))
    assert 'href="/catalog/dbt/"' in get(client, reverse("skills:checklist"))[0]


def test_a_skill_retired_in_the_admin_is_gone_on_the_next_get(client, engineer, requirement):
    kept = ChecklistItemFactory(name="Joins")
    assert "Window functions" in get(client, reverse("skills:checklist"))[0]
    editor = Client()
    editor.force_login(EditorFactory())
    response = editor.post(
        reverse("admin:skills_skill_changelist"),
        {"action": "unpublish_selected", "_selected_action": [requirement.item.skill_id]},
    )
    assert response.status_code == 302
    checklist, _queries = get(client, reverse("skills:checklist"))
    assert "Window functions" not in checklist
    assert kept.name in checklist


def test_recomputing_a_roles_matches_in_bulk_replaces_the_checklist_token(requirement):
    before = versions(CHECKLIST_KIND)
    recompute_role_matches(role=requirement.role)
    assert versions(CHECKLIST_KIND) != before


def test_another_engineer_never_gets_the_first_engineers_fragment(client, engineer, requirement):
    assess(user=engineer, item=requirement.item, level=4, evidence_url="https://example.com/mine", note="me")
    profile = get_or_create_profile(user=engineer)
    update_profile(
        user=engineer,
        headline="",
        years_experience=1,
        location="",
        target_role=requirement.role,
        open_to_work=False,
        visibility=profile.visibility,
    )
    urls = page_urls(requirement.role)
    for url in urls:
        get(client, url)
    other = Client()
    other.force_login(UserFactory())
    checklist = get(other, urls[0])[0]
    assert "https://example.com/mine" not in checklist
    assert 'value="me"' not in checklist
    assert "Choose a target role" in checklist
    gaps = get(other, urls[1])[0]
    assert "Not scored yet" in gaps and "<meter" not in gaps  # the other engineer rated nothing
    assert TARGET_BADGE not in gaps
    role_gaps = get(other, urls[2])[0]
    assert 'id="rate-first"' in role_gaps and 'id="gaps-score"' not in role_gaps


def test_a_form_from_the_cache_carries_the_visitors_own_csrf_token(engineer, requirement):
    item = requirement.item
    first = Client(enforce_csrf_checks=True)
    first.force_login(engineer)
    get(first, reverse("skills:checklist"))
    second = Client(enforce_csrf_checks=True)
    second.force_login(engineer)
    body, queries = get(second, reverse("skills:checklist"))
    assert not [sql for sql in queries if "skills_assessment" in sql]  # served from the cache
    assert csrf_marker() not in body
    token = csrf_value(body)
    response = second.post(reverse("skills:assess-all"), {**fields(item, 2), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Assessment.objects.get(user=engineer, item=item).level == 2


def test_a_rerender_with_errors_is_neither_served_from_nor_stored_in_the_cache(client, engineer, requirement):
    item = requirement.item
    get(client, reverse("skills:checklist"))
    response = client.post(reverse("skills:assess", kwargs={"item_id": item.pk}), fields(item, 2, "not a link", "x"))
    body = response.content.decode()
    assert "Enter a link that starts with http:// or https://." in body
    assert 'value="not a link"' in body
    checklist, _queries = get(client, reverse("skills:checklist"))
    assert "not a link" not in checklist
    assert 'aria-invalid="true"' not in checklist
    assert f'id="id_item-{item.pk}-level_2" value="2" checked>' not in checklist
    assert "Not yet rated" in checklist  # as stored: never rated
