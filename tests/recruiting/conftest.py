"""The recruiter most recruiting tests act as, and a client signed in as them; a test file that needs another
recruiter (other rights, a second factor) defines its own fixture of the same name."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import RecruiterFactory


@pytest.fixture
def recruiter():
    return RecruiterFactory()


@pytest.fixture
def recruiter_client(client, recruiter):
    client.force_login(recruiter)
    return client


@pytest.fixture
def executor():
    """A migration executor on the test database, which is left fully migrated whatever the test does."""
    try:
        yield MigrationExecutor(connection)
    finally:
        latest = MigrationExecutor(connection)
        latest.migrate(latest.loader.graph.leaf_nodes())
