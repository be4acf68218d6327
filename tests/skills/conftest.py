"""Set-up the skills tests share: the engineer signed in on the test client, and the vacancy reader's demo content."""

import pytest
from django.core.management import call_command

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
def demo(django_db_setup, django_db_blocker):
    """The demo catalog and skills: the tools, items, phrases and cues the reader reads a vacancy with.

    Loaded once per module, outside the tests' transactions (each test's own writes still roll back), and
    flushed after the module, so that no other test meets it.
    """
    with django_db_blocker.unblock():
        load_catalog_demo()
        load_skills_demo()
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
