"""Skills, checklist items and roles in English and Dutch, with fallback to the other language."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from skills.demo import load_skills_demo
from skills.models import ChecklistItem, GrowthStage, Role, Skill
from tests.clients import DUTCH, ENGLISH
from tests.factories import (
    ChecklistItemFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def bilingual_requirement():
    skill = SkillFactory(name_en="Data quality", name_nl="Datakwaliteit")
    item = ChecklistItemFactory(skill=skill, name_en="Null checks", name_nl="Controle op lege waarden")
    role = RoleFactory(
        title_en="Senior Analytics Engineer",
        title_nl="Senior analytics engineer (NL)",
        summary_en="Turns raw data into trusted models.",
        summary_nl="Maakt van ruwe data betrouwbare modellen.",
    )
    return RoleRequirementFactory(role=role, item=item)


def original_column(model, pk: int, field: str) -> str:
    """The value in the untranslated column itself, bypassing modeltranslation's rewriting."""
    return model.objects.rewrite(False).filter(pk=pk).values_list(field, flat=True).get()


def test_role_page_follows_the_browsers_language(client):
    requirement = bilingual_requirement()
    url = requirement.role.get_absolute_url()
    dutch = client.get(url, **DUTCH).content.decode()
    english = client.get(url, **ENGLISH).content.decode()
    assert "Maakt van ruwe data betrouwbare modellen." in dutch
    assert "Controle op lege waarden" in dutch
    assert "Turns raw data" not in dutch
    assert "Turns raw data into trusted models." in english
    assert "Null checks" in english
    assert "Controle op lege waarden" not in english


def test_role_without_dutch_texts_shows_english_on_the_dutch_page(client):
    role = RoleFactory(title="Platform Engineer", summary="Builds the platform.")
    RoleRequirementFactory(role=role, item=ChecklistItemFactory(name="Docker"))
    page = client.get(role.get_absolute_url(), **DUTCH).content.decode()
    assert "Platform Engineer" in page
    assert "Builds the platform." in page
    assert "Docker" in page


def test_checklist_names_skills_and_items_in_the_engineers_language(client):
    bilingual_requirement()
    client.force_login(UserFactory())
    dutch = client.get(reverse("skills:checklist"), **DUTCH).content.decode()
    english = client.get(reverse("skills:checklist"), **ENGLISH).content.decode()
    assert "Datakwaliteit" in dutch
    assert "Controle op lege waarden" in dutch
    assert "Datakwaliteit" not in english
    assert "Null checks" in english


def test_api_roles_answer_in_the_language_asked_for(client):
    requirement = bilingual_requirement()
    dutch = client.get(f"/api/roles/{requirement.role.slug}", **DUTCH).json()
    english = client.get(f"/api/roles/{requirement.role.slug}", **ENGLISH).json()
    assert (dutch["title"], english["title"]) == ("Senior analytics engineer (NL)", "Senior Analytics Engineer")


@pytest.mark.parametrize(
    ("model", "fields"),
    [("skill", ("name", "description")), ("checklistitem", ("name", "description")), ("role", ("title", "summary"))],
)
def test_admin_forms_show_english_and_dutch_fields(editor_client, model, fields):
    html = editor_client.get(reverse(f"admin:skills_{model}_add")).content.decode()
    for field in fields:
        assert f'name="{field}_en"' in html
        assert f'name="{field}_nl"' in html
        assert f'name="{field}"' not in html


def test_skill_admin_edits_its_items_in_both_languages_inline(editor_client):
    html = editor_client.get(reverse("admin:skills_skill_add")).content.decode()
    assert 'name="items-0-name_en"' in html
    assert 'name="items-0-name_nl"' in html
    assert 'name="items-0-description_nl"' in html


def test_editor_working_in_dutch_saves_items_and_keeps_english_in_the_original_columns(editor_client):
    data = {
        "name_en": "Orchestration",
        "name_nl": "Orkestratie",
        "slug": "orchestration",
        "description_en": "",
        "description_nl": "",
        "growth_stage": str(GrowthStage.ORCHESTRATION),
        "order": "1",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-name_en": "Retries",
        "items-0-name_nl": "Opnieuw proberen",
        "items-0-slug": "retries",
        "items-0-order": "1",
        "items-1-name_en": "Scheduling",
        "items-1-name_nl": "",
        "items-1-slug": "scheduling",
        "items-1-order": "2",
    }
    response = editor_client.post(reverse("admin:skills_skill_add"), data, **DUTCH)
    assert response.status_code == 302
    skill = Skill.objects.get(slug="orchestration")
    assert original_column(Skill, skill.pk, "name") == "Orchestration"
    retries = skill.items.get(slug="retries")
    assert (retries.name_en, retries.name_nl) == ("Retries", "Opnieuw proberen")
    assert original_column(ChecklistItem, retries.pk, "name") == "Retries"
    assert skill.items.get(slug="scheduling").name_nl is None


def test_role_title_in_dutch_must_be_unique_but_may_be_missing_on_many_unpublished_roles(editor_client):
    RoleFactory(title_en="Data Engineer", title_nl="Data-engineer")
    base = {"summary_en": "", "summary_nl": "", "order": "0", "published": "on"}
    formsets = {
        "requirements-TOTAL_FORMS": "0",
        "requirements-INITIAL_FORMS": "0",
        "requirements-MIN_NUM_FORMS": "0",
        "requirements-MAX_NUM_FORMS": "1000",
    }
    clash = {**base, **formsets, "title_en": "Pipeline Engineer", "title_nl": "Data-engineer", "slug": "pipeline"}
    response = editor_client.post(reverse("admin:skills_role_add"), clash)
    assert response.status_code == 200
    assert "title_nl" in response.context["adminform"].errors
    for number in (1, 2):
        untranslated = {**base, **formsets, "title_en": f"Role {number}", "title_nl": "", "slug": f"role-x{number}"}
        del untranslated["published"]  # a published role has its Dutch title (catalog.translation.missing_dutch)
        assert editor_client.post(reverse("admin:skills_role_add"), untranslated).status_code == 302
    assert Role.objects.filter(title_nl__isnull=True).count() == 2


def test_item_names_are_unique_per_skill_in_each_language():
    skill = SkillFactory()
    ChecklistItemFactory(skill=skill, name_en="Skew", name_nl="Scheefheid")
    ChecklistItemFactory(skill=skill, name_en="Shuffles")
    ChecklistItemFactory(skill=skill, name_en="Caching")  # two items without a Dutch name are fine
    ChecklistItemFactory(name_en="Other skew", name_nl="Scheefheid")  # the same Dutch name under another skill too
    with pytest.raises(IntegrityError), transaction.atomic():
        ChecklistItemFactory(skill=skill, name_en="Data skew", name_nl="Scheefheid")


def test_demo_has_dutch_text_for_every_skill_item_and_role():
    load_skills_demo()
    checks = ((Skill, ("name", "description")), (ChecklistItem, ("name", "description")), (Role, ("title", "summary")))
    for model, fields in checks:
        assert model.objects.exists()
        for row in model.objects.all():
            for field in fields:
                assert getattr(row, f"{field}_nl"), f"{model.__name__} {row.pk}: {field}_nl is empty"
                assert getattr(row, f"{field}_en"), f"{model.__name__} {row.pk}: {field}_en is empty"
    assert Skill.objects.get(slug="orchestration").name_nl == "Orkestratie"
    for role in Role.objects.all():
        assert role.summary_nl != role.summary_en


def test_demo_reloaded_in_dutch_changes_nothing():
    load_skills_demo()
    before = list(Skill.objects.rewrite(False).values_list("name", "name_en", "name_nl"))
    with translation.override("nl"):
        load_skills_demo()
    assert list(Skill.objects.rewrite(False).values_list("name", "name_en", "name_nl")) == before
