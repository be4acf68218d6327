"""A throwaway PostgreSQL primary and its streaming replica, on free local ports: for the replica tests
(tests/portal/databases) and for ``make load``'s scale-out run, which restarts either without touching the
machine's own PostgreSQL.

Built with the machine's own binaries: ``initdb`` for the primary, ``pg_basebackup -R`` for the replica (which
then follows the primary over streaming replication), ``pg_ctl`` to start and stop either. Where the tests run
as root the servers run as the ``postgres`` system user, as PostgreSQL requires, in a temporary folder it owns.
Durability is off (fsync, full-page writes): nothing here outlives the test.
"""

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import suppress
from pathlib import Path

import psycopg

SERVER_USER = "postgres"
BINARIES = ("initdb", "pg_ctl", "pg_basebackup")
SETTINGS = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{folder}'
fsync = off
full_page_writes = off
synchronous_commit = off
shared_buffers = 32MB
max_connections = 100
wal_level = replica
max_wal_senders = 4
hot_standby = on
wal_receiver_status_interval = 1
wal_keep_size = 256MB
"""


def binary_folder() -> Path | None:
    """The folder holding initdb, pg_ctl and pg_basebackup: PATH first, then pg_config's bindir."""
    if all(shutil.which(name) for name in BINARIES):
        return Path(shutil.which("initdb")).resolve().parent
    if shutil.which("pg_config"):
        folder = Path(subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip())  # noqa: S607
        if all((folder / name).exists() for name in BINARIES):
            return folder
    return None


def missing_reason() -> str | None:
    """Why a cluster cannot be made here, or None."""
    if binary_folder() is None:
        return "PostgreSQL's initdb, pg_ctl and pg_basebackup are not installed (apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            return f"running as root without a {SERVER_USER!r} system user to run PostgreSQL as"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """``start()`` the primary, then ``add_replica()``; ``stop()`` always (it stops whatever runs)."""

    def __init__(self):
        self.bin = binary_folder()
        self.folder = Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.as_root = os.geteuid() == 0
        if self.as_root:
            account = pwd.getpwnam(SERVER_USER)
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        self.primary_port = _free_port()
        self.replica_port = _free_port()

    def _run(self, *arguments: str, timeout: float = 60) -> None:
        command = [str(self.bin / arguments[0]), *arguments[1:]]
        if self.as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=timeout)  # noqa: S603

    @property
    def primary_dir(self) -> Path:
        return self.folder / "primary"

    @property
    def replica_dir(self) -> Path:
        return self.folder / "replica"

    def url(self, port: int) -> str:
        return f"postgres://{SERVER_USER}@127.0.0.1:{port}/postgres"

    @property
    def primary_url(self) -> str:
        return self.url(self.primary_port)

    @property
    def replica_url(self) -> str:
        return self.url(self.replica_port)

    def start(self) -> None:
        """A new primary: initdb, then started."""
        self._run("initdb", "-D", str(self.primary_dir), "-A", "trust", "-U", SERVER_USER, "-E", "UTF8", "--no-sync")
        with (self.primary_dir / "postgresql.conf").open("a") as conf:
            conf.write(SETTINGS.format(port=self.primary_port, folder=self.folder))
        self.start_primary()

    def add_replica(self) -> None:
        """A hot standby copied from the primary as it is now, following it from then on."""
        self._run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(self.primary_port), "-U", SERVER_USER,
            "-D", str(self.replica_dir), "-R", "-X", "stream", "-c", "fast", "--no-sync",
        )  # fmt: skip
        with (self.replica_dir / "postgresql.conf").open("a") as conf:
            conf.write(f"port = {self.replica_port}\n")
        self.start_replica()

    def start_replica(self) -> None:
        self._pg_ctl(self.replica_dir, "start")

    def stop_replica(self) -> None:
        self._pg_ctl(self.replica_dir, "stop", "-m", "fast")

    def stop_primary(self) -> None:
        self._pg_ctl(self.primary_dir, "stop", "-m", "fast")

    def start_primary(self) -> None:
        self._pg_ctl(self.primary_dir, "start")

    def _pg_ctl(self, data: Path, action: str, *extra: str) -> None:
        self._run(
            "pg_ctl", "-D", str(data), "-l", str(data.parent / f"{data.name}.log"), "-w", "-t", "30", action, *extra
        )

    def connect(self, port: int) -> psycopg.Connection:
        return psycopg.connect(self.url(port), autocommit=True)

    def wait_for_replay(self, timeout: float = 30) -> None:
        """Until the replica has replayed everything the primary wrote so far."""
        with self.connect(self.primary_port) as primary:
            target = primary.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
        deadline = time.monotonic() + timeout
        with self.connect(self.replica_port) as replica:
            while not replica.execute("SELECT pg_last_wal_replay_lsn() >= %s", [target]).fetchone()[0]:
                if time.monotonic() > deadline:
                    raise TimeoutError("the replica did not catch up")
                time.sleep(0.05)

    def stop(self) -> None:
        for data in (self.replica_dir, self.primary_dir):
            if (data / "postmaster.pid").exists():
                with suppress(subprocess.CalledProcessError):  # already gone
                    self._pg_ctl(data, "stop", "-m", "immediate")
        shutil.rmtree(self.folder, ignore_errors=True)
