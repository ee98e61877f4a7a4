"""The real task worker and the real tick, as separate processes on the test database.

Emails leave through Django's file backend (the dev default) or a local SMTP socket the test
runs: nothing leaves the machine.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alongside.notifications.models import Delivery
from alongside.organisations.actions import invite_member
from alongside.organisations.models import Membership

from .processes import ROOT, manage, process_env, sent_mail

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def hanging_smtp() -> Iterator[int]:
    """A TCP server that accepts and then says nothing: a mail server that hangs."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(server.getsockname()[1])
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def test_the_worker_process_sends_an_invitation(org_admin: Membership, tmp_path: Path) -> None:
    invite_member(
        by=org_admin.user,
        organisation=org_admin.organisation,
        email="w@x.test",
        roles=["clinician"],
    )
    assert DBTaskResult.objects.count() == 1

    result = manage(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", env=process_env(tmp_path)
    )

    assert result.returncode == 0, result.stderr
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.SENT
    mails = sent_mail(tmp_path)
    assert len(mails) == 1 and "/organisation/join/" in mails[0]


def test_a_worker_killed_mid_send_loses_nothing_and_sends_once(
    org_admin: Membership, tmp_path: Path, hanging_smtp: int
) -> None:
    invite_member(
        by=org_admin.user,
        organisation=org_admin.organisation,
        email="k@x.test",
        roles=["clinician"],
    )
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload"],
        cwd=ROOT,
        env=process_env(
            tmp_path, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(hanging_smtp), EMAIL_USE_TLS="false"
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # wait until the worker has claimed the delivery
            if Delivery.objects.filter(next_attempt_at__gt=timezone.now()).exists():
                break
            time.sleep(0.1)
        else:
            pytest.fail("the worker never claimed the delivery")
        time.sleep(0.5)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()

    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.PENDING and delivery.sent_at is None
    # The claim's lease runs out (five minutes in real life)...
    Delivery.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    # ...and the tick, a separate process with a working mail server, sends it.
    tick = manage("tick", env=process_env(tmp_path))
    assert tick.returncode == 0, tick.stderr
    again = manage("tick", env=process_env(tmp_path))
    assert again.returncode == 0, again.stderr

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert len(sent_mail(tmp_path)) == 1


def test_the_tick_loop_stops_cleanly_on_sigterm(db: None, tmp_path: Path) -> None:
    tick = subprocess.Popen(
        [sys.executable, "manage.py", "tick", "--loop", "--interval", "0.2"],
        cwd=ROOT,
        env=process_env(tmp_path),
        stderr=subprocess.PIPE,
        text=True,
    )
    # Stop it once it is looping (its start-up takes longer on a busy machine).
    assert tick.stderr is not None
    for line in tick.stderr:
        if "tick loop started" in line:
            break
    time.sleep(0.5)
    tick.send_signal(signal.SIGTERM)
    assert tick.wait(timeout=10) == 0
