"""The recruiter most recruiting tests act as, and a client signed in as them; a test file that needs another
recruiter (other rights, a second factor) defines its own fixture of the same name."""

import pytest

from tests.factories import RecruiterFactory


@pytest.fixture
def recruiter():
    return RecruiterFactory()


@pytest.fixture
def recruiter_client(client, recruiter):
    client.force_login(recruiter)
    return client
