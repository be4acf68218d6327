"""A message the mail server accepted is not sent again: neither by a retry nor by the worker that takes over a lost
one. The SMTP server here is a small real one on a free port, spoken to by Django's own SMTP backend."""

import re
import signal
import socket
import threading
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.jobs import mail as mail_jobs
from portal.jobs import workers
from portal.models import EmailDelivery
from tests.jobs import queue_in_database, start_worker, work_off_queue
from tests.portal.test_worker_faults import FAST, finish_with_a_new_worker, stop, wait_for

pytestmark = pytest.mark.django_db


class SmtpServer:
    """Accepts every message; on its first connection (``hang_on_first_quit``) it never answers QUIT, as a server that
    took the message and then hung: the worker sending through it is stuck after the accept. A test may hold the
    accept back (``accepting.clear()``) until it is ready for the sender's next step."""

    def __init__(self, *, hang_on_first_quit: bool = True):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(5)
        self.port = self.listener.getsockname()[1]
        self.subjects: list[str] = []
        self.sessions = 0
        self.hang_on_first_quit = hang_on_first_quit
        self.stopped = threading.Event()
        self.hanging = threading.Event()  # set once a session hangs on QUIT: its sender has recorded the accept
        self.received = threading.Event()  # set once a message arrived, before the server accepts it
        self.accepting = threading.Event()
        self.accepting.set()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        self.listener.settimeout(0.1)
        while not self.stopped.is_set():
            try:
                peer, _address = self.listener.accept()
            except TimeoutError:
                continue
            self.sessions += 1
            hang = self.hang_on_first_quit and self.sessions == 1
            threading.Thread(target=self._talk, args=(peer, hang), daemon=True).start()

    def _talk(self, peer: socket.socket, hang_on_quit: bool) -> None:
        with peer, peer.makefile("rb") as lines:
            peer.sendall(b"220 stand-in ESMTP\r\n")
            for line in lines:
                command = line.strip().upper()
                if command.startswith(b"DATA"):
                    peer.sendall(b"354 end with a dot\r\n")
                    message = b"".join(iter(lines.readline, b".\r\n")).decode()
                    self.subjects += re.findall(r"^Subject: (.*?)\r?$", message, re.MULTILINE)
                    self.received.set()
                    self.accepting.wait()
                    peer.sendall(b"250 accepted\r\n")
                elif command.startswith(b"QUIT"):
                    if hang_on_quit:
                        self.hanging.set()
                        self.stopped.wait()
                    else:
                        peer.sendall(b"221 bye\r\n")
                    return
                else:
                    peer.sendall(b"250 ok\r\n")

    def environment(self) -> dict[str, str]:
        return {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(self.port), "EMAIL_USE_TLS": "0"}


@contextmanager
def smtp_server(*, hang_on_first_quit: bool = True):
    server = SmtpServer(hang_on_first_quit=hang_on_first_quit)
    server.thread.start()
    try:
        yield server
    finally:
        server.stopped.set()
        server.accepting.set()
        server.thread.join(timeout=5)
        server.listener.close()


@pytest.mark.django_db(transaction=True)
def test_a_message_the_server_accepted_is_not_sent_again_after_its_worker_died_before_the_connection_closed(
    settings,
):
    queue_in_database(settings)
    with smtp_server() as server:
        mail_jobs.queue_email(subject="probe-accepted", body="b", to=["probe@example.com"])
        stuck = start_worker(**server.environment(), **FAST)
        try:
            # The sender says QUIT only after recording the accept; killing it as soon as the message arrived would
            # test the window the delivery row leaves (between the accept and its commit), not the hang after it.
            wait_for(server.hanging.is_set, what="the sender to hang on QUIT after the accept")
            stuck.send_signal(signal.SIGKILL)  # hung on QUIT, after the accept: the machine goes down
            stuck.wait()
        finally:
            stop(stuck)
        finish_with_a_new_worker(
            lambda: DBTaskResult.objects.successful().exists(),
            what="another worker to take the lost task over",
            **server.environment(),
        )
    assert server.subjects == ["probe-accepted"]


def test_a_message_handed_on_after_it_was_sent_is_not_sent_again(settings):
    """The sweep hands a task on when it takes its worker for lost; the worker may have died after the message went
    out and before the task's outcome was written."""
    queue_in_database(settings)
    mail_jobs.queue_email(subject="probe-handed-on", body="b", to=["probe@example.com"])
    work_off_queue()
    sent = DBTaskResult.objects.get()
    mail_jobs.take_over_email(**sent.args_kwargs["kwargs"])
    work_off_queue()
    assert [message.subject for message in mail.outbox] == ["probe-handed-on"]
    assert DBTaskResult.objects.successful().count() == 2


def test_a_message_still_waiting_after_a_week_is_sent_and_a_sent_one_is_forgotten(settings):
    """The workers' timer forgets deliveries a week old: only those sent, since a message whose task still waits (its
    workers were down that long) would otherwise be taken for sent and never go out."""
    queue_in_database(settings)
    mail_jobs.queue_email(subject="probe-sent-long-ago", body="b", to=["probe@example.com"])
    work_off_queue()
    mail_jobs.queue_email(subject="probe-waiting", body="b", to=["probe@example.com"])
    EmailDelivery.objects.update(queued_at=timezone.now() - timedelta(days=8))
    EmailDelivery.objects.exclude(sent_at=None).update(sent_at=timezone.now() - timedelta(days=8))

    workers.sweep()
    work_off_queue()

    assert [message.subject for message in mail.outbox] == ["probe-sent-long-ago", "probe-waiting"]
    assert EmailDelivery.objects.filter(sent_at=None).count() == 0
    assert EmailDelivery.objects.count() == 1  # the one sent a week ago is forgotten
