"""Real-shaped HL7 v2.5 ADT messages, built with hl7apy (not our reader), for the feed's
tests and bench. Each carries a made-up patient in full (name, record number, birth date,
address, phone, admission time), so a test can look for every one of them afterwards."""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from hl7apy.core import Message

from alongside.losses.mllp import Listener

FIRST = ["Jane", "Mateo", "Aisha", "Oluwaseun", "Mary Ann", "Hiroshi", "Lucia", "Dmitri", "Priya"]
LAST = ["Doe", "O'Brien", "Okonkwo", "Fernandez", "Nakamura", "Kowalski", "Ramanathan", "Smith"]
STREETS = ["Elm Street", "Calle Mayor", "Harbour Road", "Linden Avenue"]

START_BLOCK, END_BLOCK = b"\x0b", b"\x1c\x0d"


@dataclass
class Patient:
    """Everything about a made-up patient that must never reach the database."""

    given: str
    family: str
    mrn: str
    visit: str
    birth: datetime
    admitted: datetime
    street: str
    phone: str

    @property
    def identifiers(self) -> list[str]:
        """Each value as it appears in a message, and dates also as a database writes them."""
        return [
            self.given,
            self.family,
            self.mrn,
            self.visit,
            f"{self.birth:%Y%m%d}",
            f"{self.birth:%Y-%m-%d}",
            f"{self.admitted:%Y%m%d%H%M}",
            f"{self.admitted:%Y-%m-%d %H:%M}",
            f"{self.admitted:%Y-%m-%dT%H:%M}",
            self.street,
            self.phone,
        ]


def patient(rng: random.Random, number: int, *, now: datetime) -> Patient:
    birth = datetime(1930, 1, 1, tzinfo=UTC) + timedelta(days=rng.randrange(0, 33_000))
    return Patient(
        given=rng.choice(FIRST),
        family=f"{rng.choice(LAST)}{number:03d}x",
        mrn=f"MRN{rng.randrange(10**7, 10**8)}",
        visit=f"VN{rng.randrange(10**8, 10**9)}",
        birth=birth,
        admitted=(
            now - timedelta(days=rng.randrange(2, 9), minutes=rng.randrange(1, 1440))
        ).replace(tzinfo=None, second=0, microsecond=0),
        street=f"{rng.randrange(1, 999)} {rng.choice(STREETS)} {number}",
        phone=f"555{rng.randrange(10**6, 10**7)}",
    )


@dataclass
class Adt:
    patient: Patient
    event: str = "A03"
    control_id: str = "MSG1"
    facility: str = "ALPHA"
    point_of_care: str = "ICU"
    disposition: str = "20"
    died_at: datetime | None = None
    death_flag: str = ""
    staff: list[tuple[str, str, str]] = field(default_factory=list)  # (PV1 field, id, family)
    roles: list[tuple[str, str]] = field(default_factory=list)  # (id, family)
    with_pv1: bool = True

    def er7(self) -> str:
        p = self.patient
        structure = "ADT_A03" if self.event == "A03" else "ADT_A01"
        m = Message(structure, version="2.5")
        m.msh.msh_3 = "EPIC"
        m.msh.msh_4 = "GENHOSP"
        m.msh.msh_5 = "ALONGSIDE"
        m.msh.msh_6 = self.facility
        m.msh.msh_7 = f"{datetime.now(UTC):%Y%m%d%H%M%S}+0000"
        m.msh.msh_9 = f"ADT^{self.event}^{structure}"
        m.msh.msh_10 = self.control_id
        m.msh.msh_11 = "P"
        m.evn.evn_1 = self.event
        m.evn.evn_2 = f"{datetime.now(UTC):%Y%m%d%H%M%S}+0000"
        m.pid.pid_1 = "1"
        m.pid.pid_3 = f"{p.mrn}^^^GENHOSP^MR"
        m.pid.pid_5 = f"{p.family}^{p.given}"
        m.pid.pid_7 = f"{p.birth:%Y%m%d}"
        m.pid.pid_8 = "F"
        m.pid.pid_11 = f"{p.street}^^Springfield^IL^62701"
        m.pid.pid_13 = f"^PRN^PH^^^^{p.phone}"
        if self.died_at is not None:
            m.pid.pid_29 = f"{self.died_at:%Y%m%d%H%M%S}"
        if self.death_flag:
            m.pid.pid_30 = self.death_flag
        if self.with_pv1:
            m.pv1.pv1_1 = "1"
            m.pv1.pv1_2 = "I"
            m.pv1.pv1_3 = f"{self.point_of_care}^12^B^GENHOSP"
            for number, staff_id, family in self.staff:
                rep = m.pv1.add_field(f"pv1_{number}")
                rep.value = f"{staff_id}^{family}^ALEX^^^DR"
            m.pv1.pv1_19 = f"{p.visit}^^^GENHOSP^VN"
            if self.event == "A03":
                m.pv1.pv1_36 = self.disposition
            m.pv1.pv1_44 = f"{p.admitted:%Y%m%d%H%M}"
            if self.died_at is not None:
                m.pv1.pv1_45 = f"{self.died_at:%Y%m%d%H%M}"
        for staff_id, family in self.roles:
            rol = m.add_segment("ROL")
            rol.rol_2 = "AD"
            rol.rol_3 = "PP^Primary care provider^HL70443"
            rol.rol_4 = f"{staff_id}^{family}^SAM"
        return str(m.to_er7()).replace("\n", "\r") + "\r"

    def framed(self) -> bytes:
        return START_BLOCK + self.er7().encode() + END_BLOCK


def recv_ack(sock: socket.socket) -> str:
    """Read one framed acknowledgement from a connected socket."""
    data = b""
    while not data.endswith(END_BLOCK):
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed after {data!r}")
        data += chunk
    assert data.startswith(START_BLOCK)
    return data[1:-2].decode()


def ack_code(ack: str) -> str:
    msa = next(s for s in ack.split("\r") if s.startswith("MSA"))
    return msa.split("|")[1]


@contextlib.contextmanager
def running(listener: Listener) -> Iterator[tuple[str, int]]:
    """`listener` serving on a free local port, in a thread with its own event loop, until
    the block ends (its worker threads' database connections closed)."""
    ready = threading.Event()
    bound: list[tuple[str, int]] = []

    def on_ready(address: tuple[str, int]) -> None:
        bound.append(address)
        ready.set()

    thread = threading.Thread(
        target=lambda: asyncio.run(listener.serve("127.0.0.1", 0, ready=on_ready)), daemon=True
    )
    thread.start()
    assert ready.wait(10), "the listener did not start"
    try:
        yield bound[0]
    finally:
        listener.stop()
        thread.join(10)
        assert not thread.is_alive()
