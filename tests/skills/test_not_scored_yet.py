"""Before an engineer rated anything, no page shows a match of 0 out of 100 as if it were a result: the gaps pages,
the home and the start's last step say "not scored yet" and offer one way to rate (skills.selectors.profiles
.has_rated_anything). Once anything is rated, even a level 0, the scores are results again."""

import pytest

from skills.models import EngineerProfile
from tests.factories import (
    ChecklistItemFactory,
    RoleFactory,
    RoleRequirementFactory,
    SkillFactory,
    UserFactory,
    assess,
)

pytestmark = pytest.mark.django_db
RATE_LINK = 'href="/skills/start/?step=2"'


@pytest.fixture
def world():
    sql = SkillFactory(name="SQL", order=1)
    joins, windows = ChecklistItemFactory(skill=sql, name="Joins"), ChecklistItemFactory(skill=sql, name="Windows")
    lakehouse = RoleFactory(title="Senior lakehouse", slug="lakehouse", order=0)
    analytics = RoleFactory(title="Analytics engineer", slug="analytics", order=1)
    for role in (lakehouse, analytics):
        RoleRequirementFactory(role=role, item=joins, min_level=2, is_must_have=True)
        RoleRequirementFactory(role=role, item=windows, min_level=3)
    return {"joins": joins, "lakehouse": lakehouse, "analytics": analytics}


@pytest.fixture
def engineer(client):
    """An engineer who skipped the start and rated nothing."""
    user = UserFactory()
    EngineerProfile.objects.create(user=user, start=EngineerProfile.Start.SKIPPED)
    client.force_login(user)
    return user


def page(client, url: str, language: str = "en") -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "not_scored", "rate_first"),
    [
        ("en", "Not scored yet", "You have not rated any skills yet, so no match with a role can be shown."),
        ("nl", "Nog geen score", "Je hebt nog geen vaardigheden beoordeeld, dus we kunnen nog geen match"),
    ],
)
def test_the_gaps_page_says_no_match_can_be_shown_before_anything_is_rated(
    client, world, engineer, language, not_scored, rate_first
):
    body = page(client, "/skills/gaps/", language)
    assert rate_first in body
    assert body.count(RATE_LINK) == 1
    assert body.count(not_scored) == 2  # one per role card
    assert "<meter" not in body
    assert "out of 100" not in body and "van 100" not in body


def test_once_anything_is_rated_the_gaps_page_shows_the_scores_again(client, world, engineer):
    assess(user=engineer, item=world["joins"], level=0)  # a level 0 is a rating too
    body = page(client, "/skills/gaps/")
    assert "Not scored yet" not in body and RATE_LINK not in body
    assert body.count("<meter") == 2


def test_a_roles_gaps_page_shows_no_score_before_anything_is_rated(client, world, engineer):
    body = page(client, "/skills/gaps/lakehouse/")
    assert 'id="rate-first"' in body and RATE_LINK in body
    assert 'id="gaps-score"' not in body and "<meter" not in body
    assert "You meet 0 of 2" not in body and 'id="gaps-unmet"' not in body
    assert "Joins" in body  # what the role asks for is still there


def test_the_home_shows_the_target_role_not_scored_yet_before_anything_is_rated(client, world, engineer):
    EngineerProfile.objects.filter(user=engineer).update(target_role=world["analytics"])
    body = page(client, "/skills/home/")
    card = body.split('id="home-role-heading"', 1)[1].split("</section>", 1)[0]
    assert "Your target role: Analytics engineer" in card
    assert "Not scored yet" in card and RATE_LINK in card
    assert "Match:" not in card and "<meter" not in card


def test_the_home_without_a_target_says_the_same_before_anything_is_rated(client, world, engineer):
    card = page(client, "/skills/home/").split('id="home-role-heading"', 1)[1].split("</section>", 1)[0]
    assert 'id="rate-first"' in card and RATE_LINK in card
    assess(user=engineer, item=world["joins"], level=0)  # rated, but nothing that counts: no role fits yet
    card = page(client, "/skills/home/").split('id="home-role-heading"', 1)[1].split("</section>", 1)[0]
    assert 'id="rate-first"' not in card and 'id="home-no-fit"' in card


def test_the_starts_last_step_ranks_no_roles_by_a_score_before_anything_is_rated(client, world, engineer):
    EngineerProfile.objects.filter(user=engineer).update(target_role=world["analytics"])
    body = page(client, "/skills/start/?step=3")
    assert "out of 100" not in body and "All roles by fit" not in body
    assert body.count("Not scored yet") == 3  # the target role's card and each role in the list


@pytest.mark.parametrize(
    ("language", "rate_first"),
    [
        ("en", "You have not rated any skills yet, so no match with a role can be shown."),
        ("nl", "Je hebt nog geen vaardigheden beoordeeld, dus we kunnen nog geen match"),
    ],
)
def test_the_starts_last_step_without_a_target_asks_to_rate_before_anything_is_rated(
    client, world, engineer, language, rate_first
):
    body = page(client, "/skills/start/?step=3", language)
    assert rate_first in body
    assert 'id="start-no-fit"' not in body  # "nothing you rated counts towards a role" to someone who rated nothing
    assert body.count('id="rate-first"') == 1
