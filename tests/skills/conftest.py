"""Set-up the skills tests share: the engineer signed in on the test client, and the vacancy reader's demo content."""

import pytest

from catalog.demo import load_catalog_demo
from skills.demo import load_skills_demo
from tests.factories import UserFactory


@pytest.fixture
def engineer(client):
    """An engineer signed in on ``client``; a module whose engineer needs more defines its own fixture of this name."""
    user = UserFactory()
    client.force_login(user)
    return user


@pytest.fixture(scope="module")
def demo(module_db):
    """The demo catalog and skills: the tools, items, phrases and cues the reader reads a vacancy with, loaded once
    per module (conftest ``module_db``)."""
    with module_db.unblock():
        load_catalog_demo()
        load_skills_demo()
