import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rolled-back tests reuse primary keys, so a fragment cached
    by an earlier test could otherwise match a later test's user and version tokens."""
    cache.clear()
