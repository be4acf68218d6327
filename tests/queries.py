"""What a page asks of the database, the same on every configuration the README documents."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def page_queries(client, url: str) -> list[str]:
    """The SQL of one visit to ``url`` with nothing cached, less the read of the session.

    Nothing cached: what an earlier visit cached (the count of unread notices…) would spare a later one a query.
    Less the session: whether sessions are read from the database or from the cache before it (with Redis) is the
    configuration's choice, not the page's.
    """
    cache.clear()
    with CaptureQueriesContext(connection) as visit:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in visit.captured_queries if '"django_session"' not in query["sql"]]
