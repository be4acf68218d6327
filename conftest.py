"""Project-wide pytest setup: real cache, real browser."""

import os
import secrets
import shutil
import tempfile
import threading
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the main thread; live_server tests need this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# In memory where the machine offers it: a test database on disk would wait on fsync at every commit.
SHM = "/dev/shm"  # noqa: S108 - mkdtemp makes a private (0700) folder in it
RUN_DIR = Path(tempfile.mkdtemp(prefix="portal-tests-", dir=SHM if os.path.isdir(SHM) else None))
EXPORTS_DIR = RUN_DIR / "exports"
TEST_SQLITE = RUN_DIR / "test.sqlite3"


# The phrasebook's version tokens that no test of the current module (or class) changed, so the next test reuses
# the phrasebook the last one built: rebuilt for every test, it cost about 0.3 s a test and minutes a run.
_kept_tokens: dict[str, object] = {"group": None, "tokens": {}}


@pytest.fixture(autouse=True)
def _clear_cache(request):
    """Rate limits and cached pages must not leak from one test into the next, nor the fragment tokens that a
    request which ended in an exception (re-raised by the test client) left remembered in this thread.

    The phrasebook's tokens alone are put back, within one module or class, in a test whose writes roll back, and only
    while nothing outside the tests changed them (a module's demo load): a token a test changed was about data its
    transaction rolled back, and is dropped."""
    from django.core.cache import cache

    from catalog.services import CATALOG_KIND
    from portal.cache.fragments import EVERYTHING, VERSION_SECONDS, forget_request_tokens, version_key
    from skills.vacancies.phrasebook import VACANCY_PHRASES_KIND

    keys = [version_key(kind) for kind in (CATALOG_KIND, VACANCY_PHRASES_KIND, EVERYTHING)]
    group, kept = request.node.parent.nodeid, _kept_tokens["tokens"]
    rolled_back = not _commits(request)
    if not (rolled_back and group == _kept_tokens["group"] and cache.get_many(keys) == kept):
        kept = {}
    cache.clear()
    forget_request_tokens()
    if rolled_back:
        kept = kept or {key: secrets.token_hex(6) for key in keys}
        cache.set_many(kept, VERSION_SECONDS)
    yield
    unchanged = rolled_back and cache.get_many(keys) == kept
    _kept_tokens.update(group=group, tokens=kept if unchanged else {})


def _commits(request) -> bool:
    """Whether the test's writes are committed (a live server, a transactional test), not rolled back."""
    from django.test import TestCase, TransactionTestCase

    marker = request.node.get_closest_marker("django_db")
    if isinstance(request.instance, TransactionTestCase):
        return not isinstance(request.instance, TestCase)
    return bool(
        {"transactional_db", "live_server", "django_db_serialized_rollback"} & set(request.fixturenames)
        or (marker and marker.kwargs.get("transaction"))
    )


@pytest.fixture(scope="session", autouse=True)
def _flush_by_delete_on_postgresql():
    """A transactional test (a live server's, a real worker's) ends with Django's flush, which on PostgreSQL
    truncates every table: about 0.25 s each time, a minute or more a run. The few rows a test leaves are deleted ten
    times quicker; the foreign keys wait for the commit (Django makes them deferred), so the tables' order does not
    matter. Sequences stay as the truncate left them; a flush that resets them, or cascades, or that another session
    is writing beside, keeps Django's own statement."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or _another_session_at_work(self.connection):
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables]

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = truncate


def _another_session_at_work(connection) -> bool:
    """Whether another session (a live server's request, a worker) is running a statement on the test database: a
    delete would not see the rows it is about to commit, where a truncate waits for it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND state <> 'idle')"
        )
        return cursor.fetchone()[0]


@pytest.fixture
def one_rate_window(monkeypatch):
    """Every rate limit (per address, per caller) reads a clock 15 s into a window of its own: a test's few calls
    never straddle two windows, whose second would count afresh (CI once let a third reading through so)."""
    from api.auth import PerCallerRateThrottle
    from portal.guards.rate_limits import AddressRateLimit

    for limit in (AddressRateLimit, PerCallerRateThrottle):
        monkeypatch.setattr(limit, "timer", staticmethod(lambda: 1_000_035.0))


@pytest.fixture(autouse=True)
def _default_language():
    """A request in Dutch leaves Dutch active in the test's thread: the next test starts in the default language."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _contexts_closed(request):
    """Every browser context a test opened is closed after it, whether it passed or failed, and the live server's
    request threads have ended. A context left open (a test that failed before its own ``context.close()``) keeps
    its keep-alive connections to the live server, whose request threads then hold their database connections
    until the run ends: PostgreSQL then refuses to drop the test database ("There is 1 other session using the
    database")."""
    yield
    if "browser" not in request.fixturenames:
        return
    for context in request.getfixturevalue("browser").contexts:
        context.close()
    for thread in threading.enumerate():  # each closes its database connections as it ends (ThreadedWSGIServer)
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout=5)


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """The database a module's shared data is written to once (``with module_db.unblock(): ...`` in a module-scoped
    fixture): committed outside the tests' transactions, so each test's own writes still roll back to it, and
    flushed after the module, so that no other module meets it. Loading the demo for each test instead cost seconds a
    test."""
    yield django_db_blocker
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="module")
def demo(module_db):
    """The demo catalog and skills (the tools, items, phrases and cues the vacancy reader reads with), loaded once
    per module."""
    from catalog.demo import load_catalog_demo
    from skills.demo import load_skills_demo

    with module_db.unblock():
        load_catalog_demo()
        load_skills_demo()


@pytest.fixture
def client():
    """Django's test client, whose force_login also passes the account's second factor (tests/clients.py)."""
    from tests.clients import PortalClient

    return PortalClient()


@pytest.fixture
def editor_client(client):
    """A client signed in as an editor (with the second factor passed), for the admin's pages."""
    from tests.factories import EditorFactory

    client.force_login(EditorFactory())
    return client


@pytest.fixture
def recruiters_group():
    """The Recruiters group with its right to read candidates: a data migration makes it, but a transactional test
    (the browser's) that ran before may have flushed it."""
    from django.contrib.auth.models import Group, Permission

    from portal.guards.roles import RECRUITERS

    recruiters, _created = Group.objects.get_or_create(name=RECRUITERS)
    recruiters.permissions.add(Permission.objects.get(content_type__app_label="skills", codename="view_candidates"))
    return recruiters


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # No CSS transitions: axe must not measure a button's colours half-way through a hover fade.
    return {**browser_context_args, "reduced_motion": "reduce"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("Debian's chromium is required under CI=true but is not installed.")
        pytest.skip("Debian's chromium is not installed (make test installs it when run as root).")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


def pytest_configure(config):
    """Serve static files from the finders: tests need no collectstatic run."""
    from django.conf import settings
    from django.core.signals import setting_changed

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    # Hashing strength is not under test; a fast hasher keeps thousands of test users cheap.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Jobs run at once where a test only needs their effect; tests of the queue itself switch to the database
    # backend (tests/jobs.py), and real `db_worker` processes read the settings module, not this. Not on commit
    # either: a test's own transaction never commits (tests/portal/test_queue_on_commit.py tests that rule).
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "OPTIONS": {"ENQUEUE_ON_COMMIT": False},
        }
    }
    # A module that defines a task (portal.jobs.mail, loaded by the apps) may have read the backends already.
    setting_changed.send(sender=type(settings), setting="TASKS", value=settings.TASKS, enter=True)
    # Exports are written to a folder of the test run, never to the development one.
    settings.STORAGES = {
        **settings.STORAGES,
        "exports": {
            **settings.STORAGES["exports"],
            "OPTIONS": {**settings.STORAGES["exports"]["OPTIONS"], "location": EXPORTS_DIR},
        },
    }
    # A worker started by a test runs in another process: on SQLite the test database must be a file it can open.
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(TEST_SQLITE)


def pytest_unconfigure(config):
    shutil.rmtree(RUN_DIR, ignore_errors=True)


@pytest.fixture
def executor():
    """A migration executor on the test database, which is left fully migrated whatever the test does."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        yield MigrationExecutor(connection)
    finally:
        latest = MigrationExecutor(connection)
        latest.migrate(latest.loader.graph.leaf_nodes())
