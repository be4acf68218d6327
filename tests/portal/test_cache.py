"""The Redis cache backend that shares one client per connection pool (runs against the real Redis of REDIS_URL)."""

import os

import pytest

from portal.cache import SharedClientRedisCache

REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(
    not REDIS_URL and os.environ.get("CI") != "true", reason="REDIS_URL is not set (CI sets it)"
)


@pytest.fixture
def redis_cache():
    backend = SharedClientRedisCache(REDIS_URL, {"KEY_PREFIX": "portal-cache-test"})
    yield backend
    backend.delete_many(["answer", "other"])


def test_calls_share_one_client_and_still_read_and_write(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client
    redis_cache.set("answer", {"value": 42}, 30)
    redis_cache.set_many({"other": [1, 2]}, 30)
    assert redis_cache.get("answer") == {"value": 42}
    assert redis_cache.get_many(["answer", "other", "missing"]) == {"answer": {"value": 42}, "other": [1, 2]}
    assert redis_cache.add("answer", "ignored", 30) is False
    assert redis_cache.get("answer") == {"value": 42}
