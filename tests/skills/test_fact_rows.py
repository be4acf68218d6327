"""Facts in running text on an engineer's pages and on what they share are a .fact-list: the list's CSS draws the
middle dot between two facts and never ends or opens a line with it, where a "·" typed between them did on a phone
(tests/e2e/test_fact_lists_browser.py measures such lists there). Rows with a test of their own page (the learning
path's levels, the home's next step) are read so there, with tests.markup.fact_rows too."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import override

from skills.models import Resource
from skills.privacy.sharing import create_share_link, revoke_share_link
from skills.vacancies.services import save_vacancy
from tests.factories import (
    ChecklistItemFactory,
    EngineerProfileFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    ToolFactory,
    UserFactory,
    assess,
)
from tests.markup import fact_rows

pytestmark = pytest.mark.django_db


def test_a_resource_and_its_mark_done_button_on_the_learning_path(client, engineer):
    requirement = RoleRequirementFactory(min_level=2)
    resource = Resource.objects.create(item=requirement.item, url="https://example.com/skew", title="Skew explained")
    body = client.get(reverse("skills:role-gaps", args=[requirement.role.slug])).content.decode()
    assert f"{resource.get_kind_display()} Skew explained (external) · Mark done" in fact_rows(body)


@pytest.mark.parametrize(("language", "learn_with"), [("en", "Learn with:"), ("nl", "Leer met:")])
def test_a_skills_stage_and_the_tools_to_learn_it_with_on_the_checklist(client, engineer, language, learn_with):
    skill = SkillFactory()
    skill.tools.add(ToolFactory(name="PySpark"))
    ChecklistItemFactory(skill=skill)
    body = client.get(reverse("skills:checklist"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    with override(language):
        stage = str(skill.get_growth_stage_display())
    assert f"{stage} · {learn_with} PySpark" in fact_rows(body)


def test_a_saved_vacancys_date_and_its_link_on_the_gaps_page(client, engineer):
    save_vacancy(
        owner=engineer, title="Lakehouse", link="https://jobs.example.org/42", text="Senior Data Engineer: SQL."
    )
    body = client.get(reverse("skills:gaps")).content.decode()
    assert any(re.fullmatch(r"Saved on \S.* · the vacancy itself \(external\)", row) for row in fact_rows(body))


def test_a_share_links_validity_and_its_role_on_the_profile(client, engineer):
    role = RoleFactory(title="Senior Data Engineer — lakehouse")
    revoke_share_link(user=engineer, link=create_share_link(user=engineer, days=7, role=role).link)
    body = client.get(reverse("skills:profile")).content.decode()
    made = [row for row in fact_rows(body) if row.startswith("Made ")]
    assert len(made) == 1 and re.fullmatch(
        r"Made .+, valid until .+ revoked · Senior Data Engineer — lakehouse", made[0]
    )


@pytest.mark.parametrize(("language", "level"), [("en", "3 · Strong"), ("nl", "3 · Sterk")])
def test_an_items_level_and_its_label_on_a_shared_profile(client, language, level):
    user = UserFactory(password=None)
    EngineerProfileFactory(user=user)
    assess(user=user, item=ChecklistItemFactory(name="Joins"), level=3)
    token = create_share_link(user=user, days=7).token
    body = client.get(reverse("share:profile", kwargs={"token": token}), HTTP_ACCEPT_LANGUAGE=language).content
    assert level in fact_rows(body.decode())


def test_the_years_and_the_place_on_a_shared_profile(client):
    user = UserFactory(password=None)
    EngineerProfileFactory(user=user, years_experience=3, location="Utrecht")
    token = create_share_link(user=user, days=7).token
    body = client.get(reverse("share:profile", kwargs={"token": token})).content.decode()
    assert "3 years of experience · Utrecht" in fact_rows(body)
