"""Set-up the skills tests share: the engineer signed in on the test client, and the world the query-count tests
grow (the demo content is the root conftest's)."""

import pytest

from skills.services.profiles import get_or_create_profile
from tests.factories import RecruiterFactory, RoleFactory, SkillFactory, ToolFactory, UserFactory


@pytest.fixture
def engineer(client):
    """An engineer signed in on ``client``; a module whose engineer needs more defines its own fixture of this name."""
    user = UserFactory()
    client.force_login(user)
    return user


@pytest.fixture
def world(engineer):
    """A target role, eight skills with a tool each, and a recruiter: what tests.skills.worlds.grow_world grows."""
    role = RoleFactory()
    skills = [SkillFactory() for _ in range(8)]
    for skill in skills:
        skill.tools.add(ToolFactory())
    profile = get_or_create_profile(user=engineer)
    profile.target_role = role
    profile.save()
    return role, skills, RecruiterFactory()
