"""Redis is a cache, not a single point of failure: a real redis-server, stopped in the middle of a test.

Each test points the cache at a private redis-server (tests/redis_server.py) with the portal's own cache
settings (``portal.settings.redis_caches``), then stops, pauses or restarts it and reads the pages as
visitors would. Nothing is mocked: the errors are redis-py's own.
"""

import logging
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from portal.cache import resilient
from portal.settings import redis_caches
from skills.models import RoleMatch, RoleRecompute, UnrecognisedTerm
from skills.services.recomputes import request_role_recompute
from tests.factories import (
    PASSWORD,
    ChooserOptionFactory,
    ChooserRecommendationFactory,
    FaqEntryFactory,
    RoleFactory,
    RoleRequirementFactory,
    ToolFactory,
    UserFactory,
    assess,
)
from tests.redis_server import PrivateRedis, require_redis_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_server(settings, tmp_path):
    """A private redis-server as the portal's cache, sessions in the database as well (as with REDIS_URL)."""
    server = PrivateRedis(require_redis_server(), tmp_path)
    server.start()
    settings.CACHES = redis_caches(server.url)  # Django drops its cache objects when CACHES changes
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    call_command("createcachetable", verbosity=0)  # the fallback's table, as `migrate` makes it
    yield server
    server.stop()


@pytest.fixture
def catalog():
    tool = ToolFactory(name="Polars", slug="polars", summary="Fast data frames, first edition.")
    other = ToolFactory(name="DuckDB", slug="duckdb")
    option = ChooserOptionFactory()
    ChooserRecommendationFactory(option=option, tool=tool)
    FaqEntryFactory()
    return tool, other


def catalog_urls(tool, other) -> list[str]:
    return [
        reverse("catalog:tool-list"),
        reverse("catalog:tool-detail", args=[tool.slug]),
        f"{reverse('catalog:compare')}?tools={tool.slug},{other.slug}",
        reverse("catalog:chooser"),
        reverse("catalog:faq"),
    ]


def test_catalog_pages_answer_while_redis_is_down(client, redis_server, catalog):
    urls = catalog_urls(*catalog)
    for url in urls:
        assert client.get(url).status_code == 200  # drawn and stored
    assert redis_server.keys() > 0
    redis_server.stop()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Polars" in response.content.decode() or url == reverse("catalog:faq")


def test_a_signed_in_engineer_stays_signed_in_through_the_outage_and_after(client, redis_server):
    engineer = UserFactory()
    client.force_login(engineer)
    assert client.get(reverse("skills:checklist")).status_code == 200
    cookie = client.cookies["sessionid"].value

    redis_server.stop()
    for url in (reverse("skills:checklist"), reverse("skills:gaps"), reverse("skills:profile")):
        response = client.get(url)
        assert response.status_code == 200, url  # not a redirect to the login page
        assert response.wsgi_request.user == engineer
    assert client.cookies["sessionid"].value == cookie  # the cookie was not deleted either

    redis_server.start()  # empty, as after a restart without persistence
    response = client.get(reverse("skills:checklist"))
    assert response.status_code == 200
    assert response.wsgi_request.user == engineer


def test_api_data_endpoints_answer_while_redis_is_down(client, redis_server, catalog):
    redis_server.stop()
    response = client.get("/api/tools/polars")
    assert response.status_code == 200
    assert response.json()["name"] == "Polars"
    client.force_login(UserFactory())
    assert client.get("/api/me/matches").status_code == 200  # the signed-in caller's rate limit


def test_api_rate_limits_keep_counting_while_redis_is_down(client, redis_server, catalog, settings, one_rate_window):
    settings.API_ANONYMOUS_RATE_LIMIT = 2
    redis_server.stop()
    assert [client.get("/api/categories").status_code for _ in range(3)] == [200, 200, 429]


def test_login_sign_up_and_password_reset_work_while_redis_is_down(client, redis_server):
    engineer = UserFactory(email="known@example.com")
    redis_server.stop()
    for name in ("account_login", "account_signup", "account_reset_password"):
        assert client.get(reverse(name)).status_code == 200

    response = client.post(reverse("account_login"), {"login": engineer.email, "password": "wrong"})
    assert response.status_code == 200  # the form says the password is wrong
    response = client.post(reverse("account_login"), {"login": engineer.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("skills:checklist")).wsgi_request.user == engineer

    client.post(reverse("account_logout"))
    response = client.post(
        reverse("account_signup"), {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    response = client.post(reverse("account_reset_password"), {"email": engineer.email})
    assert response.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == ["known@example.com", "new@example.com"]


def test_the_sign_up_limit_holds_while_redis_is_down(client, redis_server, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/m/ip"}
    redis_server.stop()
    answers = [
        client.post(
            reverse("account_signup"),
            {"email": f"new{number}@example.com", "password1": PASSWORD, "password2": PASSWORD},
        ).status_code
        for number in range(3)
    ]
    assert answers == [302, 302, 429]


def test_no_stale_fragment_after_redis_restarts_empty(client, redis_server, catalog):
    tool, _other = catalog
    url = reverse("catalog:tool-detail", args=[tool.slug])
    assert "first edition" in client.get(url).content.decode()
    redis_server.stop()
    tool.summary = "Fast data frames, second edition."
    tool.save()  # an editor's change, whose new version token cannot be written
    assert "second edition" in client.get(url).content.decode()
    redis_server.start()
    for _ in range(2):  # drawn, then read back from Redis
        body = client.get(url).content.decode()
        assert "second edition" in body
        assert "first edition" not in body


def test_no_stale_fragment_after_redis_returns_with_its_old_data(client, redis_server, catalog):
    """The old version token comes back with Redis (persistence, a network cut): the lost write must not count."""
    tool, _other = catalog
    url = reverse("catalog:tool-detail", args=[tool.slug])
    assert "first edition" in client.get(url).content.decode()
    redis_server.snapshot()
    redis_server.stop()
    tool.summary = "Fast data frames, second edition."
    tool.save()
    assert "second edition" in client.get(url).content.decode()
    redis_server.start()  # with the old token and the old fragment
    assert redis_server.keys() > 0
    time.sleep(resilient.PAUSE_SECONDS)  # the calls of this process try Redis again
    for _ in range(2):
        body = client.get(url).content.decode()
        assert "second edition" in body
        assert "first edition" not in body
    assert redis_server.keys() > 0  # and Redis serves as a cache again


def test_a_paused_redis_costs_a_short_timeout_not_a_hung_request(client, redis_server, catalog):
    url = reverse("catalog:tool-detail", args=[catalog[0].slug])
    client.get(url)
    redis_server.pause()
    started = time.monotonic()
    for _ in range(3):
        assert client.get(url).status_code == 200
    assert time.monotonic() - started < 5  # half a second for the first failed call, then no call for a second


def test_a_role_recompute_finishes_while_redis_is_down(redis_server):
    role = RoleFactory()
    requirement = RoleRequirementFactory(role=role, min_level=2)
    engineers = [UserFactory(password=None) for _ in range(3)]
    for engineer in engineers:
        assess(user=engineer, item=requirement.item, level=2)
    RoleMatch.objects.filter(role=role).update(score=0)
    redis_server.stop()
    recompute = request_role_recompute(role=role)  # the test settings run its chunks at once
    assert recompute.status == RoleRecompute.objects.get(pk=recompute.pk).status == "done"
    assert sorted(RoleMatch.objects.filter(role=role).values_list("score", flat=True)) == [100, 100, 100]


def test_vacancy_readings_count_their_unknown_terms_while_redis_is_down(client, redis_server):
    """Who met a term is kept in the database, not the cache: with Redis down a reading still counts its reader,
    once, and the page answers."""
    text = "Requirements\n- Experience with ClickHouse and SQL\n"
    reader = UserFactory()
    client.force_login(reader)
    assert client.post(reverse("skills:vacancy"), {"text": text}).status_code == 200
    redis_server.stop()
    for someone in (reader, reader, UserFactory()):
        client.force_login(someone)
        assert client.post(reverse("skills:vacancy"), {"text": text}).status_code == 200
    assert UnrecognisedTerm.objects.get(term="ClickHouse").count == 2


def test_an_outage_is_logged_once_not_once_per_call(client, redis_server, catalog, caplog):
    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="portal.cache.resilient"):
        for url in catalog_urls(*catalog):
            client.get(url)
            time.sleep(resilient.PAUSE_SECONDS / 4)
        time.sleep(resilient.PAUSE_SECONDS)
        client.get(reverse("catalog:tool-list"))
    lines = [record.getMessage() for record in caplog.records if record.name == "portal.cache.resilient"]
    assert len(lines) == 1
    assert "does not answer" in lines[0]


def test_healthz_stays_200_and_reports_the_cache_while_redis_is_down(client, redis_server):
    assert client.get("/healthz").json()["cache"] == "ok"
    redis_server.stop()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["database"], response.json()["cache"]) == (
        "degraded",
        "ok",
        "unreachable",
    )
    redis_server.start()
    assert client.get("/healthz").json()["status"] == "ok"  # seen at once, whatever pause the calls were in


def test_migrate_creates_the_table_the_rate_limits_fall_back_to(settings):
    from django.db import connection

    settings.CACHES = redis_caches("redis://127.0.0.1:6379/0")  # only its settings: nothing connects to it here
    table = settings.CACHES["guards"]["LOCATION"]
    call_command("createcachetable", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {connection.ops.quote_name(table)}")
    call_command("migrate", verbosity=0)
    assert table in connection.introspection.table_names()


def test_no_stale_fragment_after_redis_restarts_unnoticed_from_an_older_snapshot(client, redis_server, catalog):
    """A crash (or a failover to a replica that lagged) brings back data older than the last writes: version tokens
    from before a change, with the fragments drawn under them. redis-py reconnects by itself, so no call fails."""
    tool, _other = catalog
    url = reverse("catalog:tool-detail", args=[tool.slug])
    assert "first edition" in client.get(url).content.decode()
    redis_server.snapshot()  # Redis's last snapshot before the change
    tool.summary = "Fast data frames, second edition."
    tool.save()  # its new token is written to Redis, which is then lost with the crash
    assert "second edition" in client.get(url).content.decode()
    redis_server.stop()
    redis_server.start()  # loads the snapshot
    assert redis_server.keys() > 0
    for _ in range(2):
        body = client.get(url).content.decode()
        assert "second edition" in body
        assert "first edition" not in body
