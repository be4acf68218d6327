"""A database outage gives a clean 503 page, and the portal recovers by itself.

Each scenario runs a real Django process against a database that really cannot
be reached (a closed port, or a TCP proxy that drops every connection), so the
errors come from psycopg itself.
"""

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import threading
from contextlib import suppress
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import IntegrityError, OperationalError
from django.http import HttpResponse
from django.test import RequestFactory

from portal.middleware import DatabaseUnavailableMiddleware

ROOT = Path(__file__).resolve().parents[2]
CLOSED_PORT_URL = "postgres://postgres@127.0.0.1:9/nowhere"
SESSION_COOKIE = "s" * 32  # a well-formed session key: reading it needs the database

# A real WSGI server in its own process: Django's test client skips close_old_connections,
# the request-start hook that drops a broken connection, so only a server shows recovery.
SERVER = """
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server
import django
django.setup()
from django.conf import settings
# No collectstatic in tests: plain static storage, as conftest.py does for the test process.
settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
from django.core.wsgi import get_wsgi_application

class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass

server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=QuietHandler)
print(server.server_port, flush=True)
server.serve_forever()
"""


class PortalServer:
    """The portal served by one single-threaded process, like one gunicorn sync worker."""

    def __init__(self, database_url: str, log_path: Path):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DATABASE_URL": database_url,
            "DJANGO_DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "LOG_LEVEL": "ERROR",
            "REDIS_URL": "",  # sessions in the database: reading the session cookie must need it
        }
        self.log_path = log_path
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", SERVER],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=log_path.open("w"),
            text=True,
        )
        self.port = int(self.process.stdout.readline())

    def get(self, path: str, session: str = "") -> dict:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("GET", path, headers={"Cookie": f"sessionid={session}"} if session else {})
        response = connection.getresponse()
        answer = {"status": response.status, "headers": dict(response.getheaders()), "body": response.read().decode()}
        connection.close()
        return answer

    def log(self) -> str:
        return self.log_path.read_text()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture
def unreachable_database_server(tmp_path):
    server = PortalServer(CLOSED_PORT_URL, tmp_path / "server.log")
    yield server
    server.stop()


def _assert_clean_503(answer: dict) -> None:
    assert answer["status"] == 503
    assert int(answer["headers"]["Retry-After"]) > 0
    assert "no-cache" in answer["headers"]["Cache-Control"]
    assert answer["headers"]["Content-Type"].startswith("text/html")
    assert "Back in a moment" in answer["body"]
    assert "cannot reach its database" in answer["body"]
    assert "Traceback" not in answer["body"]


def test_database_error_in_a_view_answers_clean_503_and_is_logged(unreachable_database_server):
    """allauth's e-mail page loads the user inside the view: the error reaches process_exception."""
    answer = unreachable_database_server.get("/accounts/email/", session=SESSION_COOKIE)
    _assert_clean_503(answer)
    assert "Content-Security-Policy" in answer["headers"]
    log = unreachable_database_server.log()
    assert "Database unavailable, answered 503 to GET /accounts/email/: OperationalError" in log


def test_public_catalog_answers_clean_503_to_a_visitor(unreachable_database_server):
    _assert_clean_503(unreachable_database_server.get("/catalog/"))


def test_database_error_in_another_middleware_answers_clean_503_with_security_headers(unreachable_database_server):
    """The two-factor check reads the user before any view runs; Django's 500 for it becomes our 503."""
    answer = unreachable_database_server.get("/admin/", session=SESSION_COOKIE)
    _assert_clean_503(answer)
    assert answer["headers"]["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in answer["headers"]
    assert "Database unavailable, answered 503 to GET /admin/: OperationalError" in unreachable_database_server.log()


def test_other_database_errors_are_not_hidden_as_an_outage():
    """An IntegrityError is a bug, not an outage: it must stay a 500 that gets noticed."""
    middleware = DatabaseUnavailableMiddleware(lambda request: HttpResponse())
    request = RequestFactory().get("/")
    assert middleware.process_exception(request, IntegrityError("duplicate key")) is None
    assert middleware.process_exception(request, ValueError("bad")) is None
    assert middleware.process_exception(request, OperationalError("gone")).status_code == 503


class DroppingProxy:
    """A TCP proxy to PostgreSQL that can cut every connection and refuse new ones, like a restart."""

    def __init__(self, upstream: tuple[str, int]):
        self.upstream = upstream
        self.port = 0
        self.listener: socket.socket | None = None
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()

    def start(self) -> None:
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen()
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self) -> None:
        with self.lock:
            for sock in [self.listener, *self.sockets]:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            with self.lock:
                self.sockets += [client, server]
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        with suppress(OSError):
            while data := source.recv(65536):
                target.sendall(data)
        with suppress(OSError):
            target.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def proxied_server(tmp_path):
    """The portal on PostgreSQL through a DroppingProxy; yields (server, proxy)."""
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL in DATABASE_URL (make test runs this on its PostgreSQL pass)")
    parts = urlsplit(database_url)
    proxy = DroppingProxy((parts.hostname or "127.0.0.1", parts.port or 5432))
    proxy.start()
    credentials = parts.netloc.rpartition("@")[0]
    server = PortalServer(
        urlunsplit(parts._replace(netloc=f"{credentials}@127.0.0.1:{proxy.port}")), tmp_path / "server.log"
    )
    try:
        assert server.get("/healthz")["status"] == 200  # opens the persistent connection (CONN_MAX_AGE > 0)
        yield server, proxy
    finally:  # the server stops with the test, also when it failed to start
        server.stop()
        proxy.cut()


def test_connection_recovers_by_itself_after_the_database_comes_back(proxied_server):
    server, proxy = proxied_server
    proxy.cut()
    _assert_clean_503(server.get("/accounts/email/", session=SESSION_COOKIE))
    assert server.get("/healthz")["status"] == 503
    proxy.start()  # the database is back on the same address
    assert server.get("/healthz")["status"] == 200
    assert server.get("/healthz")["status"] == 200


def test_restart_between_two_requests_goes_unnoticed(proxied_server):
    """CONN_HEALTH_CHECKS: the dead persistent connection is replaced before the next request uses it."""
    server, proxy = proxied_server
    proxy.cut()
    proxy.start()
    assert server.get("/healthz")["status"] == 200


def test_api_answers_503_json_with_retry_after_while_the_database_is_unreachable(unreachable_database_server):
    """An API client is told to come back, in JSON, not that the portal broke."""
    answer = unreachable_database_server.get("/api/tools")
    assert answer["status"] == 503
    assert int(answer["headers"]["Retry-After"]) > 0
    assert answer["headers"]["Content-Type"].startswith("application/json")
    assert "database" in json.loads(answer["body"])["detail"]
    assert "Unhandled API error" not in unreachable_database_server.log()
