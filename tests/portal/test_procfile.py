"""`make run`'s Procfile, run by honcho as `make run` does: a job worker that dies is started again, so a crashed or
killed worker no longer stops the whole portal (honcho stops every process once one of them exits)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.jobs import ROOT, worker_env

pytestmark = pytest.mark.django_db(transaction=True)
HONCHO = Path(sys.executable).with_name("honcho")


def _descendants(pid: int) -> list[int]:
    found, waiting = [], [pid]
    while waiting:
        parent = waiting.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except FileNotFoundError:
            continue
        found += [int(child) for child in children]
        waiting += [int(child) for child in children]
    return found


def _is_worker(pid: int) -> bool:
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except FileNotFoundError:
        return False
    return b"db_worker" in command and b"manage.py" in command


def _workers(honcho: subprocess.Popen) -> list[int]:
    """The `db_worker` processes honcho runs now."""
    return [pid for pid in _descendants(honcho.pid) if _is_worker(pid)]


def _wait_for_a_worker(honcho: subprocess.Popen, *, other_than: int | None = None, timeout: float = 30) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert honcho.poll() is None, "honcho stopped"
        if fresh := [pid for pid in _workers(honcho) if pid != other_than]:
            return fresh[0]
        time.sleep(0.1)
    raise AssertionError("no db_worker started")


def test_a_worker_killed_under_make_run_is_started_again_and_ctrl_c_still_stops_it():
    honcho = subprocess.Popen(  # noqa: S603
        [str(HONCHO), "--procfile", "Procfile", "start", "worker"],
        cwd=ROOT,
        env=worker_env(PY=sys.executable),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        first = _wait_for_a_worker(honcho)
        os.kill(first, signal.SIGKILL)  # as the kernel's out-of-memory killer would
        second = _wait_for_a_worker(honcho, other_than=first)
        assert honcho.poll() is None
        honcho.send_signal(signal.SIGINT)  # Ctrl-C
        output, _ = honcho.communicate(timeout=30)
    finally:
        if honcho.poll() is None:
            os.killpg(honcho.pid, signal.SIGKILL)
            honcho.wait()
    assert "db_worker stopped (137): starting it again in 2 s" in output
    assert not _is_worker(second)  # Ctrl-C stopped the worker started again too
