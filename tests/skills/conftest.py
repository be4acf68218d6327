"""Set-up the skills tests share: the engineer signed in on the test client (the demo content is the root
conftest's)."""

import pytest

from tests.factories import UserFactory


@pytest.fixture
def engineer(client):
    """An engineer signed in on ``client``; a module whose engineer needs more defines its own fixture of this name."""
    user = UserFactory()
    client.force_login(user)
    return user
