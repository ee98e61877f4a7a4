"""The hospital's feed end to end: `manage.py ehr_listen` as its own process, a day of
real-shaped ADT traffic over MLLP, and then no patient identifier anywhere: not in the
database (its files, or a PostgreSQL dump) and not in the listener's log."""

from __future__ import annotations

import random
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from alongside.losses.models import LossEvent, Participant
from alongside.losses.tests.conftest import feed  # noqa: F401 - the fixture
from alongside.losses.tests.hl7_messages import Adt, ack_code, patient, recv_ack

from .processes import ROOT, database_contents, process_env

pytestmark = pytest.mark.django_db(transaction=True)

ZONE = ZoneInfo("America/New_York")  # the organisation's, in the factory


@pytest.fixture
def listener(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    request.getfixturevalue("feed")  # Alpha's feed, switched on
    process = subprocess.Popen(
        [sys.executable, "manage.py", "ehr_listen", "--host", "127.0.0.1", "--port", "0"],
        cwd=ROOT,
        env=process_env(tmp_path, LOG_LEVEL="INFO"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()  # type: ignore[union-attr]
    if "Listening for HL7 v2 over MLLP on 127.0.0.1:" not in line:
        process.kill()
        pytest.fail(f"ehr_listen did not start: {line} {process.communicate()[1]}")
    yield int(line.rsplit(":", 1)[1]), process
    if process.poll() is None:
        process.kill()
        process.communicate()


def test_a_day_of_adt_traffic_leaves_no_patient_identifier_anywhere(
    listener: tuple[int, subprocess.Popen[str]],
) -> None:
    port, process = listener
    rng = random.Random(2026)
    now = timezone.now()
    messages: list[Adt] = []
    for number in range(100):
        person = patient(rng, number, now=now)
        died = (now - timedelta(hours=rng.randrange(1, 48))).replace(
            minute=rng.randrange(1, 60), second=0, microsecond=0
        )
        kind = number % 5
        staff = [("7", "1234", "SMITH"), ("17", "5678", "JONES"), ("9", f"9{number}", "ELSE")]
        if kind == 0:  # a death: discharged expired
            message = Adt(person, died_at=died.astimezone(ZONE).replace(tzinfo=None), staff=staff)
        elif kind == 1:  # an admission
            message = Adt(person, event="A01", staff=staff)
        elif kind == 2:  # an update
            message = Adt(person, event="A08", staff=staff)
        elif kind == 3:  # a discharge home
            message = Adt(person, disposition="01", staff=staff)
        else:  # a death reported by an update, with a flag, sent twice
            message = Adt(person, event="A08", death_flag="Y", staff=staff)
            messages.append(Adt(person, event="A08", death_flag="Y", staff=staff, control_id="R"))
        message.control_id = f"C{number:04d}"
        messages.append(message)

    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        for message in messages:
            sock.sendall(message.framed())
            assert ack_code(recv_ack(sock)) == "AA"

    assert LossEvent.objects.count() == 40  # 20 expired discharges, 20 flagged updates
    assert Participant.objects.count() == 80  # the two known members, once per death
    process.send_signal(signal.SIGTERM)
    _, log = process.communicate(timeout=20)
    assert process.returncode == 0 and "HL7 AA ADT^A03" in log

    contents = database_contents()
    assert "losses_lossevent" in contents or "lossevent" in contents.lower()
    for message in messages:
        p = message.patient
        values = [*p.identifiers]
        if message.died_at is not None:  # the minute of death; the hour is kept
            died_utc = message.died_at.replace(tzinfo=ZONE).astimezone(UTC)
            values += [f"{message.died_at:%Y%m%d%H%M}", f"{died_utc:%Y-%m-%d %H:%M}"]
        for value in values:
            assert value not in contents, f"{value!r} is in the database"
            assert value not in log, f"{value!r} is in the listener's log"
