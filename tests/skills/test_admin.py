import re

import pytest
from django.urls import reverse

from skills.models import ChecklistItem, RoleMatch, RoleRequirement, UnrecognisedTerm
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    SuperuserFactory,
    ToolFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db


def role_form_data(role, requirements, *, extra=()):
    """The role change form as the admin posts it, with the requirements inline."""
    data = {
        "title_en": role.title,
        "title_nl": f"{role.title} (nl)",
        "slug": role.slug,
        "summary_en": role.summary,
        "summary_nl": f"{role.summary} (nl)" if role.summary else "",
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
        assess(user=engineer, item=requirement.item, level=2)
    assert set(RoleMatch.objects.filter(role=role).values_list("score", flat=True)) == {100}

    requirement.min_level = 4
    response = editor_client.post(
        reverse("admin:skills_role_change", args=[role.pk]), role_form_data(role, [requirement])
    )
    assert response.status_code == 302
    assert list(RoleMatch.objects.filter(role=role).values_list("score", flat=True)) == [50, 50]


def test_a_requirement_row_offers_no_cross_that_deletes_its_checklist_item_for_everyone(editor_client):
    role = RoleFactory()
    RoleRequirementFactory(role=role, min_level=2)
    page = editor_client.get(reverse("admin:skills_role_change", args=[role.pk])).content.decode()
    assert 'id="add_id_requirements-0-item"' in page and 'id="change_id_requirements-0-item"' in page
    assert "delete_id_requirements-" not in page


def test_adding_and_deleting_requirements_in_the_admin_updates_stored_matches(editor_client):
    role = RoleFactory()
    kept = RoleRequirementFactory(role=role, min_level=2)
    dropped = RoleRequirementFactory(role=role, min_level=2, is_must_have=True)
    new_item = ChecklistItemFactory(name="skew")
    engineer = UserFactory()
    assess(user=engineer, item=kept.item, level=2)
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
    assert (match.score, match.missing_must_have_ids) == (25, [new_item.pk])  # 1 of 1 + 3: must-haves count triple


def test_a_new_role_gets_a_stored_match_for_every_engineer(editor_client):
    item = ChecklistItemFactory()
    engineer = UserFactory()
    assess(user=engineer, item=item, level=3)
    data = {
        "title_en": "Senior Data Engineer — streaming",
        "title_nl": "Senior Data Engineer — streaming",
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


# Deleting: editors never see people, and nothing engineers or recruiters rely on goes ------------------------


@pytest.fixture
def item_in_use():
    """An item a private engineer assessed (level 3) and a recruiter's private search requires."""
    from recruiting.services.searches import Requirement, create_search
    from tests.factories import RecruiterFactory

    item = ChecklistItemFactory(name="Window functions")
    engineer = UserFactory(email="private.engineer@example.com")
    EngineerProfileFactory(user=engineer, headline="Quiet lakehouse engineer")
    assess(user=engineer, item=item, level=3)
    create_search(
        owner=RecruiterFactory(email="rita.recruiter@example.com"),
        title="Secret lakehouse search",
        requirements=[Requirement(item=item, min_level=2, is_must_have=True)],
    )
    return item


PEOPLE = ("private.engineer@example.com", "rita.recruiter@example.com", "Secret lakehouse search", "Quiet lakehouse")


def assert_names_nobody(response) -> None:
    page = response.content.decode()
    assert response.status_code == 200
    assert not [text for text in PEOPLE if text in page], page
    assert "Window functions: 3" not in page, "an engineer's level is not shown"


def delete_pages(item):
    """The single delete pages of the item and its skill, and the bulk "delete selected" confirmation of each."""
    return [
        ("get", reverse("admin:skills_checklistitem_delete", args=[item.pk]), {}),
        ("get", reverse("admin:skills_skill_delete", args=[item.skill_id]), {}),
        (
            "post",
            reverse("admin:skills_checklistitem_changelist"),
            {"action": "delete_selected", "_selected_action": [item.pk]},
        ),
        (
            "post",
            reverse("admin:skills_skill_changelist"),
            {"action": "delete_selected", "_selected_action": [item.skill_id]},
        ),
    ]


def test_an_editors_delete_pages_count_what_relies_on_an_item_and_name_nobody(editor_client, item_in_use):
    for method, url, data in delete_pages(item_in_use):
        response = getattr(editor_client, method)(url, data)
        assert_names_nobody(response)
        page = response.content.decode()
        assert "Assessments: 1" in page and "Requirements: 1" in page, (url, page)
        assert "unpublish it instead" in page


def test_deleting_an_item_or_skill_that_engineers_or_searches_rely_on_is_refused(editor_client, item_in_use):
    for _method, url, data in delete_pages(item_in_use):
        response = editor_client.post(url, {**data, "post": "yes"})
        assert_names_nobody(response)
    item_in_use.refresh_from_db()
    assert item_in_use.assessments.count() == 1 and item_in_use.changes.count() == 1
    assert item_in_use.requirements.count() == 1


def test_an_item_nobody_relies_on_is_deleted_with_its_content(editor_client):
    item = ChecklistItemFactory()
    response = editor_client.post(reverse("admin:skills_checklistitem_delete", args=[item.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not ChecklistItem.objects.filter(pk=item.pk).exists()


def test_the_skill_page_offers_no_inline_deletion_of_its_items(editor_client, item_in_use):
    page = editor_client.get(reverse("admin:skills_skill_change", args=[item_in_use.skill_id])).content.decode()
    assert "items-0-DELETE" not in page


def test_superusers_keep_their_read_only_view_of_who_relies_on_an_item(client, item_in_use):
    client.force_login(SuperuserFactory())
    page = client.get(reverse("admin:skills_checklistitem_delete", args=[item_in_use.pk])).content.decode()
    assert "private.engineer@example.com" in page


def test_an_editors_role_delete_page_names_no_engineer_and_keeps_their_target_role(editor_client):
    role = RoleFactory(title="Streaming engineer")
    RoleRequirementFactory(role=role)
    profile = EngineerProfileFactory(
        user=UserFactory(email="targets.it@example.com"), headline="Kafka person", target_role=role
    )
    assess(user=profile.user, item=role.requirements.get().item, level=2)
    assert RoleMatch.objects.filter(role=role).exists()
    for method, url, data in (
        ("get", reverse("admin:skills_role_delete", args=[role.pk]), {}),
        ("post", reverse("admin:skills_role_delete", args=[role.pk]), {"post": "yes"}),
        ("post", reverse("admin:skills_role_changelist"), {"action": "delete_selected", "_selected_action": [role.pk]}),
    ):
        page = getattr(editor_client, method)(url, data).content.decode()
        assert "targets.it@example.com" not in page and "Kafka person" not in page and profile.pseudonym not in page
    profile.refresh_from_db()
    assert profile.target_role == role


def test_retiring_an_item_takes_it_off_the_checklist_and_keeps_the_engineers_levels(client, editor_client):
    from skills.models import Assessment

    kept, retired = ChecklistItemFactory(name="Kept item"), ChecklistItemFactory(name="Retired item")
    engineer = UserFactory()
    assess(user=engineer, item=retired, level=3)
    response = editor_client.post(
        reverse("admin:skills_checklistitem_changelist"),
        {"action": "unpublish_selected", "_selected_action": [retired.pk]},
        follow=True,
    )
    assert "1 item unpublished." in response.content.decode()
    client.force_login(engineer)
    page = client.get(reverse("skills:checklist")).content.decode()
    assert kept.name in page and retired.name not in page
    names = [item["name"] for skill in client.get("/api/skills").json() for item in skill["items"]]
    assert kept.name in names and retired.name not in names
    assert client.post(reverse("skills:assess", kwargs={"item_id": retired.pk}), {"level": 2}).status_code == 404
    assert Assessment.objects.get(user=engineer, item=retired).level == 3


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


def test_the_roles_list_names_each_roles_seniority_requirements_and_last_change(editor_client):
    senior = RoleFactory(title="Senior Data Engineer — lakehouse", is_senior=True, order=1)
    RoleRequirementFactory.create_batch(2, role=senior)
    RoleFactory(title="Data Engineer (medior)", is_senior=False, order=2)
    page = editor_client.get(reverse("admin:skills_role_changelist")).content.decode()
    facts = [" ".join(cell.split("</span>", 1)[0].split()) for cell in page.split('class="role-details">')[1:]]
    assert facts[0].startswith("Senior role · 2 requirements · changed ")
    assert facts[1].startswith("Not a senior role · 0 requirements · changed ")


# Publishing: a published skill, item or role has its Dutch texts ----------------------------------------------


def item_form(item, **changes) -> dict:
    return {
        "skill": str(item.skill_id),
        "name_en": item.name,
        "slug": item.slug,
        "order": "0",
        "published": "on",
        "resources-TOTAL_FORMS": "0",
        "resources-INITIAL_FORMS": "0",
        "phrases-TOTAL_FORMS": "0",
        "phrases-INITIAL_FORMS": "0",
        **changes,
    }


def test_a_checklist_item_is_published_only_with_its_dutch_name(editor_client):
    item = ChecklistItemFactory(name="Skew", published=False)
    url = reverse("admin:skills_checklistitem_change", args=[item.pk])
    response = editor_client.post(url, item_form(item), HTTP_ACCEPT_LANGUAGE="nl")
    assert "Vul om te publiceren ook de Nederlandse teksten in: naam [nl]." in response.content.decode()
    assert editor_client.post(url, item_form(item, published="")).status_code == 302  # unpublished is fine
    assert editor_client.post(url, item_form(item, name_nl="Scheefheid")).status_code == 302
    item.refresh_from_db()
    assert (item.published, item.name_nl) == (True, "Scheefheid")


def test_an_item_added_on_its_skills_page_is_published_only_with_its_dutch_name(editor_client):
    skill = SkillFactory(name_en="Spark", name_nl="Spark")
    data = {
        "name_en": "Spark",
        "name_nl": "Spark",
        "slug": skill.slug,
        "growth_stage": skill.growth_stage,
        "order": "0",
        "published": "on",
        "items-TOTAL_FORMS": "1",
        "items-INITIAL_FORMS": "0",
        "items-0-name_en": "Skew",
        "items-0-slug": "skew",
        "items-0-order": "0",
        "items-0-published": "on",
    }
    url = reverse("admin:skills_skill_change", args=[skill.pk])
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "To publish, fill in the Dutch texts too: name [nl]." in response.content.decode()
    assert not ChecklistItem.objects.exists()
    assert editor_client.post(url, {**data, "items-0-name_nl": "Scheefheid"}).status_code == 302
    assert ChecklistItem.objects.get().published


def test_the_skill_pages_item_columns_mark_the_dutch_name_as_needed_to_publish(editor_client):
    """The items' table heads the Dutch name's column as required, as its English twin (publishing needs both), and
    says so in its help; the Dutch description's column, whose English twin is optional, is not marked."""
    skill = SkillFactory()
    ChecklistItemFactory(skill=skill)
    page = editor_client.get(reverse("admin:skills_skill_change", args=[skill.pk])).content.decode()
    heads = dict(re.findall(r'<th class="column-(\w+)([^"]*)">', page))
    assert (heads["name_en"], heads["name_nl"], heads["description_nl"]) == (" required", " required", "")
    assert 'title="Needed to publish."' in page


def test_a_role_is_not_published_from_the_role_list_without_its_dutch_texts(editor_client):
    role = RoleFactory(title="Streaming", published=False)
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": str(role.pk),
        "form-0-published": "on",
        "form-0-order": "0",
        "_save": "Save",
    }
    response = editor_client.post(reverse("admin:skills_role_changelist"), data)
    assert "To publish, fill in the Dutch texts too: title [nl], summary [nl]." in response.content.decode()
    role.refresh_from_db()
    assert role.published is False


def page_title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


@pytest.mark.parametrize(
    ("language", "title", "refused"),
    [
        ("en", "Make “Flink” recognised | DE skills admin", "Error: Make “Flink” recognised | DE skills admin"),
        (
            "nl",
            "“Flink” laten herkennen | Beheer van DE skills",
            "Fout: “Flink” laten herkennen | Beheer van DE skills",
        ),
    ],
)
def test_the_adopt_page_has_a_heading_and_a_title_that_say_an_error_in_the_editors_language(
    editor_client, language, title, refused
):
    term = UnrecognisedTerm.objects.create(term="Flink", language="en", count=3)
    url = reverse("admin:skills_unrecognisedterm_adopt", args=[term.pk])
    response = editor_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert page_title(response) == title
    assert f"<h1>{title.split(' | ')[0]}</h1>" in response.content.decode()
    assert page_title(editor_client.post(url, {}, HTTP_ACCEPT_LANGUAGE=language)) == refused


@pytest.mark.parametrize(("language", "error"), [("en", "Error: "), ("nl", "Fout: ")])
def test_a_change_form_with_errors_says_error_in_its_title_in_the_editors_language(editor_client, language, error):
    skill = SkillFactory()
    url = reverse("admin:skills_skill_change", args=[skill.pk])
    response = editor_client.post(url, {}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert page_title(response).startswith(error)


@pytest.mark.parametrize(
    ("language", "legend", "labels"),
    [
        (
            "en",
            "Choose one:",
            ["A phrase of this checklist item:", "A phrase of this tool:", "A new tool in this category:"],
        ),
        (
            "nl",
            "Kies één:",
            [
                "Een zinsdeel van dit checklistpunt:",
                "Een zinsdeel van deze tool:",
                "Een nieuwe tool in deze categorie:",
            ],
        ),
    ],
)
def test_the_adopt_page_offers_its_three_choices_as_one_group_that_says_choose_one(
    editor_client, language, legend, labels
):
    term = UnrecognisedTerm.objects.create(term="Flink", language="en", count=3)
    url = reverse("admin:skills_unrecognisedterm_adopt", args=[term.pk])
    page = editor_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    group = re.search(r"<fieldset[^>]*>(.*?)</fieldset>", page, re.S).group(1)
    assert re.search(r"<legend[^>]*>(.*?)</legend>", group).group(1) == legend
    assert re.findall(r"<label[^>]*>(.*?)</label>", group) == labels
    two = {"item": ChecklistItemFactory().pk, "tool": ToolFactory().pk}
    refused = editor_client.post(url, two, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Choose one: an item, a tool, or a category for a new tool." in refused
    assert UnrecognisedTerm.objects.filter(pk=term.pk).exists()
