"""The start's last step names the role that fits best; one plain form makes it the engineer's target role, through
the one service that sets a target role, and lands on the home with a message. Where the start stands is left as
it was."""

import re

import pytest

from skills.models import EngineerProfile, Role
from tests.factories import (
    ChecklistItemFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db
START = "/skills/start/"


@pytest.fixture
def world():
    sql, spark = SkillFactory(name="SQL", order=1), SkillFactory(name="Spark", order=2)
    joins, shuffles = ChecklistItemFactory(skill=sql, name="Joins"), ChecklistItemFactory(skill=spark, name="Shuffles")
    hard = RoleFactory(title="Senior lakehouse", slug="lakehouse", order=0)
    easy = RoleFactory(title="Analytics engineer", slug="analytics", order=1)
    RoleRequirementFactory(role=hard, item=shuffles, min_level=3)
    RoleRequirementFactory(role=hard, item=joins, min_level=3)
    RoleRequirementFactory(role=easy, item=joins, min_level=2)
    return {"sql": sql, "spark": spark, "joins": joins, "easy": easy, "hard": hard}


@pytest.fixture
def rated(client, world):
    """An engineer who was not sure of a role and rated SQL at the start: the analytics role fits best."""
    user = UserFactory()
    client.force_login(user)
    client.post(START, {"action": "role", "role": "all"})
    client.post(START, {"action": "rate", f"skill-{world['sql'].pk}": "2"})
    return user


def make_target_form(body: str) -> str:
    return re.search(r'<form[^>]*id="start-make-target".*?</form>', body, re.S).group(0)


@pytest.mark.parametrize(
    ("language", "button", "message"),
    [
        ("en", "Make Analytics engineer my target role", "Analytics engineer is now your target role."),
        ("nl", "Maak Analytics engineer mijn doelrol", "Analytics engineer is nu je doelrol."),
    ],
)
def test_the_best_fit_becomes_the_target_role_in_one_plain_post(client, world, rated, language, button, message):
    body = client.get(f"{START}?step=3", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    form = make_target_form(body)
    assert 'method="post"' in form and 'name="csrfmiddlewaretoken"' in form
    assert 'name="role" value="analytics"' in form and button in form
    response = client.post(START, {"action": "target", "role": "analytics"}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302 and response.url == "/skills/home/"
    assert EngineerProfile.objects.get(user=rated).target_role == world["easy"]
    home = client.get(response.url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert message in home
    assert 'id="start-make-target"' not in client.get(f"{START}?step=3").content.decode()  # chosen: not offered


def test_a_role_that_is_not_published_does_not_become_the_target(client, world, rated):
    Role.objects.filter(pk=world["hard"].pk).update(published=False)
    response = client.post(START, {"action": "target", "role": "lakehouse"})
    assert response.url == f"{START}?step=3"
    assert EngineerProfile.objects.get(user=rated).target_role is None
    assert EngineerProfile.objects.get(user=rated).start == EngineerProfile.Start.DONE  # not skipped either


def test_making_a_role_the_target_leaves_a_skipped_start_skipped(client, world):
    """The start skipped, a level rated on the checklist: the last step offers the best fit as the target role;
    choosing it there is not a step of the start."""
    user = UserFactory()
    client.force_login(user)
    client.post(START, {"action": "skip"})
    assess(user=user, item=world["joins"], level=2)
    form = make_target_form(client.get(f"{START}?step=3").content.decode())
    role = re.search(r'name="role" value="([^"]+)"', form).group(1)
    response = client.post(START, {"action": "target", "role": role})
    assert response.url == "/skills/home/"
    assert EngineerProfile.objects.get(user=user).target_role.slug == role
    assert EngineerProfile.objects.get(user=user).start == EngineerProfile.Start.SKIPPED
    assert "Step 1 of 3" in client.get(START).content.decode()  # what a skipper sees, not step 2


def test_making_a_role_the_target_leaves_a_start_not_begun_at_its_first_step(client, world):
    user = UserFactory()
    client.force_login(user)
    client.post(START, {"action": "target", "role": "analytics"})
    assert EngineerProfile.objects.get(user=user).start == EngineerProfile.Start.NEW
    assert "Step 1 of 3" in client.get(START).content.decode()
