import pytest
from django.urls import reverse

from skills.models import RoleMatch, RoleRequirement
from skills.services import set_assessment
from tests.factories import (
    ChecklistItemFactory,
    EditorFactory,
    EngineerProfileFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    SuperuserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


def role_form_data(role, requirements, *, extra=()):
    """The role change form as the admin posts it, with the requirements inline."""
    data = {
        "title_en": role.title,
        "slug": role.slug,
        "summary_en": role.summary,
        "is_senior": "on",
        "order": str(role.order),
        "published": "on",
        "requirements-TOTAL_FORMS": str(len(requirements) + len(extra)),
        "requirements-INITIAL_FORMS": str(len(requirements)),
        "requirements-MIN_NUM_FORMS": "0",
        "requirements-MAX_NUM_FORMS": "1000",
    }
    rows = [
        {
            "id": requirement.pk,
            "item": requirement.item_id,
            "min_level": requirement.min_level,
            "weight": requirement.weight,
            "is_must_have": requirement.is_must_have,
        }
        for requirement in requirements
    ] + list(extra)
    for index, row in enumerate(rows):
        prefix = f"requirements-{index}-"
        data[f"{prefix}role"] = str(role.pk)
        data[f"{prefix}id"] = str(row.get("id", ""))
        data[f"{prefix}item"] = str(row["item"])
        data[f"{prefix}min_level"] = str(row["min_level"])
        data[f"{prefix}weight"] = str(row["weight"])
        if row.get("is_must_have"):
            data[f"{prefix}is_must_have"] = "on"
        if row.get("DELETE"):
            data[f"{prefix}DELETE"] = "on"
    return data


@pytest.mark.parametrize("model", ["skill", "checklistitem", "role"])
def test_editor_manages_skills_content(editor_client, model):
    RoleRequirementFactory()
    assert editor_client.get(reverse(f"admin:skills_{model}_changelist")).status_code == 200
    assert editor_client.get(reverse(f"admin:skills_{model}_add")).status_code == 200


@pytest.mark.parametrize("model", ["skills_engineerprofile", "skills_rolematch", "recruiting_profileview"])
def test_editor_never_sees_engineers_data(editor_client, model):
    changelist = reverse(f"admin:{model}_changelist")
    assert editor_client.get(changelist).status_code == 403
    assert changelist not in editor_client.get(reverse("admin:index")).content.decode()


def test_assessments_and_history_are_not_in_the_admin_at_all(editor_client):
    assert editor_client.get("/admin/skills/assessment/").status_code == 404
    assert editor_client.get("/admin/skills/assessmentchange/").status_code == 404


def test_superuser_may_read_but_not_change_engineer_profiles(client):
    profile = EngineerProfileFactory(headline="Readable")
    client.force_login(SuperuserFactory())
    assert "Readable" in client.get(reverse("admin:skills_engineerprofile_changelist")).content.decode()
    change_url = reverse("admin:skills_engineerprofile_change", args=[profile.pk])
    assert client.get(change_url).status_code == 200
    assert client.post(change_url, {"headline": "Changed"}).status_code == 403
    assert client.get(reverse("admin:skills_engineerprofile_add")).status_code == 403
    profile.refresh_from_db()
    assert profile.headline == "Readable"


def test_changing_a_requirement_in_the_admin_updates_every_stored_match(editor_client):
    role = RoleFactory()
    requirement = RoleRequirementFactory(role=role, min_level=2)
    engineers = [UserFactory(), UserFactory()]
    for engineer in engineers:
        set_assessment(user=engineer, item=requirement.item, level=2)
    assert set(RoleMatch.objects.filter(role=role).values_list("score", flat=True)) == {100}

    requirement.min_level = 4
    response = editor_client.post(
        reverse("admin:skills_role_change", args=[role.pk]), role_form_data(role, [requirement])
    )
    assert response.status_code == 302
    assert list(RoleMatch.objects.filter(role=role).values_list("score", flat=True)) == [50, 50]


def test_adding_and_deleting_requirements_in_the_admin_updates_stored_matches(editor_client):
    role = RoleFactory()
    kept = RoleRequirementFactory(role=role, min_level=2)
    dropped = RoleRequirementFactory(role=role, min_level=2, is_must_have=True)
    new_item = ChecklistItemFactory(name="skew")
    engineer = UserFactory()
    set_assessment(user=engineer, item=kept.item, level=2)
    assert RoleMatch.objects.get(role=role).score == 25  # 1 earned of 1 + 3 (a must-have counts triple)

    deleted = {
        "id": dropped.pk,
        "item": dropped.item_id,
        "min_level": 2,
        "weight": 1,
        "is_must_have": True,
        "DELETE": True,
    }
    added = {"item": new_item.pk, "min_level": 3, "weight": 1, "is_must_have": True}
    data = role_form_data(role, [kept], extra=[deleted, added])
    data["requirements-INITIAL_FORMS"] = "2"
    response = editor_client.post(reverse("admin:skills_role_change", args=[role.pk]), data)
    assert response.status_code == 302
    assert set(RoleRequirement.objects.filter(role=role).values_list("item__name", flat=True)) == {
        kept.item.name,
        "skew",
    }
    match = RoleMatch.objects.get(role=role)
    assert (match.score, match.missing_must_have_names) == (25, ["skew"])  # 1 of 1 + 3: must-haves count triple


def test_a_new_role_gets_a_stored_match_for_every_engineer(editor_client):
    item = ChecklistItemFactory()
    engineer = UserFactory()
    set_assessment(user=engineer, item=item, level=3)
    data = {
        "title_en": "Senior Data Engineer — streaming",
        "slug": "senior-data-engineer-streaming",
        "summary_en": "",
        "is_senior": "on",
        "order": "0",
        "published": "on",
        "requirements-TOTAL_FORMS": "1",
        "requirements-INITIAL_FORMS": "0",
        "requirements-MIN_NUM_FORMS": "0",
        "requirements-MAX_NUM_FORMS": "1000",
        "requirements-0-item": str(item.pk),
        "requirements-0-min_level": "3",
        "requirements-0-weight": "2",
    }
    assert editor_client.post(reverse("admin:skills_role_add"), data).status_code == 302
    match = RoleMatch.objects.get(role__slug="senior-data-engineer-streaming")
    assert (match.profile.user, match.score) == (engineer, 100)


def test_deleting_a_required_item_in_the_admin_updates_stored_matches(editor_client):
    role = RoleFactory()
    met = RoleRequirementFactory(role=role, min_level=2)
    missing = RoleRequirementFactory(role=role, min_level=2, is_must_have=True)
    set_assessment(user=UserFactory(), item=met.item, level=2)
    assert RoleMatch.objects.get(role=role).score == 25  # 1 earned of 1 + 3 (a must-have counts triple)
    url = reverse("admin:skills_checklistitem_delete", args=[missing.item.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    match = RoleMatch.objects.get(role=role)
    assert (match.score, match.must_haves_missing) == (100, 0)


def test_deleting_a_skill_in_bulk_updates_stored_matches(editor_client):
    role = RoleFactory()
    met = RoleRequirementFactory(role=role, min_level=2)
    missing = RoleRequirementFactory(role=role, min_level=2, item__skill=SkillFactory())
    set_assessment(user=UserFactory(), item=met.item, level=2)
    response = editor_client.post(
        reverse("admin:skills_skill_changelist"),
        {"action": "delete_selected", "_selected_action": [missing.item.skill_id], "post": "yes"},
    )
    assert response.status_code == 302
    assert RoleMatch.objects.get(role=role).score == 100


@pytest.mark.parametrize("size", [1, 30])
def test_admin_lists_take_few_queries_whatever_their_length(editor_client, django_assert_max_num_queries, size):
    for _ in range(size):
        RoleRequirementFactory()
    for name in ("skill", "checklistitem", "role"):
        with django_assert_max_num_queries(15):
            assert editor_client.get(reverse(f"admin:skills_{name}_changelist")).status_code == 200


def test_editor_adds_a_learning_resource_inline_on_the_item(editor_client):
    from skills.models import Resource

    item = ChecklistItemFactory(name="Joins")
    url = reverse("admin:skills_checklistitem_change", args=[item.pk])
    assert "learning resources" in editor_client.get(url).content.decode().lower()
    data = {
        "skill": str(item.skill_id),
        "name_en": item.name,
        "slug": item.slug,
        "order": "0",
        "resources-TOTAL_FORMS": "1",
        "resources-INITIAL_FORMS": "0",
        "resources-MIN_NUM_FORMS": "0",
        "resources-MAX_NUM_FORMS": "1000",
        "resources-0-order": "1",
        "resources-0-title_en": "PostgreSQL tutorial: joins",
        "resources-0-title_nl": "PostgreSQL-tutorial: joins",
        "resources-0-url": "https://www.postgresql.org/docs/current/tutorial-join.html",
        "resources-0-kind": "docs",
        "phrases-TOTAL_FORMS": "0",
        "phrases-INITIAL_FORMS": "0",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    resource = Resource.objects.get(item=item)
    assert (resource.title_en, resource.title_nl, resource.kind) == (
        "PostgreSQL tutorial: joins",
        "PostgreSQL-tutorial: joins",
        "docs",
    )
