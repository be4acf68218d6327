"""Items the services keep by id (a match's missing must-haves) reach the reader named in their own language, as
the items are named now."""

import pytest
from django.urls import reverse

from skills.models import EngineerProfile
from tests.clients import DUTCH, ENGLISH
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RecruiterFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def missing_must_have():
    """A published role whose one must-have, in both languages, no engineer meets yet."""
    skill = SkillFactory(name_en="Scale", name_nl="Schaal")
    item = ChecklistItemFactory(skill=skill, name_en="Scalable pipelines", name_nl="Schaalbare pipelines")
    role = RoleFactory(title_en="Lakehouse lead", title_nl="Lakehouse-lead", published=True, order=1)
    RoleRequirementFactory(role=role, item=item, min_level=3, is_must_have=True)
    return role, item


def engineer_with_match(item, *, visible: bool):
    user = UserFactory()
    EngineerProfileFactory(
        user=user,
        visibility=EngineerProfile.Visibility.RECRUITERS if visible else EngineerProfile.Visibility.PRIVATE,
    )
    assess(user=user, item=item, level=1)  # stores the match, missing the must-have
    return user


def test_gaps_lists_missing_must_haves_in_dutch_for_a_dutch_reader(client, missing_must_have):
    _role, item = missing_must_have
    client.force_login(engineer_with_match(item, visible=False))
    response = client.get(reverse("skills:gaps"), **DUTCH)
    assert response.status_code == 200, response.get("Location")
    dutch = response.content.decode()
    english = client.get(reverse("skills:gaps"), **ENGLISH).content.decode()
    assert "Schaalbare pipelines" in dutch and "Scalable pipelines" not in dutch
    assert "Scalable pipelines" in english and "Schaalbare pipelines" not in english


def test_the_candidate_list_and_page_show_missing_items_in_the_recruiters_language(client, missing_must_have):
    role, item = missing_must_have
    engineer = engineer_with_match(item, visible=True)
    client.force_login(RecruiterFactory())
    listed = client.get(f"{reverse('recruiting:candidate-list')}?role={role.slug}", **DUTCH).content.decode()
    page = client.get(
        reverse("recruiting:candidate-detail", kwargs={"pk": engineer.profile.pk}), **DUTCH
    ).content.decode()
    assert "Schaalbare pipelines" in listed and "Scalable pipelines" not in listed
    assert "Schaalbare pipelines" in page and "Scalable pipelines" not in page


def test_a_stored_match_names_its_missing_items_as_an_editor_renamed_them_since(client, missing_must_have):
    role, item = missing_must_have
    engineer_with_match(item, visible=True)
    item.name_en, item.name_nl = "Scalable data flows", "Schaalbare datastromen"
    item.save()
    client.force_login(RecruiterFactory())
    listed = client.get(f"{reverse('recruiting:candidate-list')}?role={role.slug}", **ENGLISH).content.decode()
    assert "Scalable data flows" in listed and "Scalable pipelines" not in listed


def test_the_contact_forms_help_text_is_in_the_recruiters_language(client, missing_must_have):
    _role, item = missing_must_have
    engineer = engineer_with_match(item, visible=True)
    client.force_login(RecruiterFactory())
    url = reverse("recruiting:contact-request", kwargs={"pk": engineer.profile.pk})
    client.get(url, **ENGLISH)  # the first render in English must not fix the text for everyone after
    dutch = client.get(url, **DUTCH).content.decode()
    assert "Platte tekst" in dutch and "Plain text" not in dutch
