#!/usr/bin/env python3
"""The hospital's HL7 v2 feed: messages per second through `manage.py ehr_listen` over MLLP.

Builds a fresh database with one organisation (its feed switched on, a code table of 20 points
of care, 400 members with staff identifiers), starts the real listener as its own process,
and sends real-shaped ADT messages (built with hl7apy) as an interface engine does: each
message waits for its acknowledgement before the next on that connection. Two mixes:

- traffic: what a hospital sends all day (admissions, transfers, updates, discharges home),
  one message in twenty a death;
- deaths: every message a new death with a care team of four (three of them members), so each
  one records a loss, three offers, their check-ins and the audit rows.

Each mix runs on one persistent connection and on ten at once. Target: 200 messages a second.

    .venv/bin/python bench/ehr_feed_bench.py
    .venv/bin/python bench/ehr_feed_bench.py --messages 4000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/alongside_bench .venv/bin/python bench/...
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

UNITS = 20
MEMBERS = 400


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000, help="per run")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="alongside-ehr-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["ALONGSIDE_VAR_DIR"] = str(workdir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "alongside.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from alongside.accounts.models import User
    from alongside.losses.models import EhrFeed, FeedUnitCode, LossEvent, StaffIdentifier
    from alongside.losses.tests.hl7_messages import Adt, ack_code, patient, recv_ack
    from alongside.organisations.models import Membership, Organisation, Unit

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    organisation = Organisation.objects.create(name="Bench General", time_zone="UTC")
    units = [Unit.objects.create(organisation=organisation, name=f"Ward {n}") for n in range(UNITS)]
    EhrFeed.objects.create(organisation=organisation, is_enabled=True, facility="BENCH")
    FeedUnitCode.objects.bulk_create(
        FeedUnitCode(organisation=organisation, code=f"W{n}", unit=u) for n, u in enumerate(units)
    )
    users = User.objects.bulk_create(
        User(email=f"staff{n}@bench.example", name=f"Staff {n}") for n in range(MEMBERS)
    )
    members = Membership.objects.bulk_create(
        Membership(user=u, organisation=organisation) for u in users
    )
    StaffIdentifier.objects.bulk_create(
        StaffIdentifier(organisation=organisation, identifier=f"S{n}", member=m)
        for n, m in enumerate(members)
    )
    connection.close()

    rng = random.Random(7)
    now = timezone.now()
    serial = iter(range(10**9))

    def message(death: bool) -> bytes:
        number = next(serial)
        person = patient(rng, number, now=now)
        staff = [
            ("7", f"S{rng.randrange(MEMBERS)}", "A"),
            ("17", f"S{rng.randrange(MEMBERS)}", "B"),
        ]
        staff += [("9", f"S{rng.randrange(MEMBERS)}", "C"), ("8", f"X{number}", "OUTSIDE")]
        ward = f"W{rng.randrange(UNITS)}"
        if death:
            died = (now - timedelta(minutes=rng.randrange(5, 600))).replace(tzinfo=None)
            adt = Adt(person, died_at=died, staff=staff, point_of_care=ward)
        else:
            event = rng.choice(["A01", "A02", "A08", "A03"])
            adt = Adt(person, event=event, disposition="01", staff=staff, point_of_care=ward)
        adt.control_id = f"B{number}"
        adt.facility = "BENCH"
        return adt.framed()

    print("building messages with hl7apy ...", flush=True)
    runs: dict[str, Callable[[], list[bytes]]] = {
        "traffic": lambda: [message(rng.random() < 0.05) for _ in range(args.messages)],
        "deaths": lambda: [message(True) for _ in range(args.messages)],
    }
    batches = {(mix, conns): build() for mix, build in runs.items() for conns in (1, 10)}

    log = (workdir / "ehr_listen.log").open("w")
    listener = subprocess.Popen(
        [sys.executable, "manage.py", "ehr_listen", "--host", "127.0.0.1", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    line = listener.stdout.readline()  # type: ignore[union-attr]
    port = int(line.rsplit(":", 1)[1])
    print(f"database: {connection.vendor}; listener on port {port}; {args.messages} messages a run")
    columns = ["msg/s", "p50 ms", "p95 ms", "p99 ms", "AA", "losses"]
    print(f"{'mix':8} {'connections':>11} " + " ".join(f"{c:>7}" for c in columns))

    try:
        for (mix, conns), frames in batches.items():
            before = LossEvent.objects.count()
            shares = [frames[i::conns] for i in range(conns)]

            def send_all(share: list[bytes]) -> tuple[list[float], int]:
                latencies, accepted = [], 0
                with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
                    for frame in share:
                        started = time.perf_counter()
                        sock.sendall(frame)
                        accepted += ack_code(recv_ack(sock)) == "AA"
                        latencies.append((time.perf_counter() - started) * 1000)
                return latencies, accepted

            started = time.perf_counter()
            with ThreadPoolExecutor(conns) as pool:
                results = list(pool.map(send_all, shares))
            elapsed = time.perf_counter() - started
            latencies = sorted(x for r in results for x in r[0])
            accepted = sum(r[1] for r in results)
            cuts = statistics.quantiles(latencies, n=100)
            losses = LossEvent.objects.count() - before
            print(
                f"{mix:8} {conns:>11} {len(frames) / elapsed:>7.0f} {cuts[49]:>7.1f} "
                f"{cuts[94]:>7.1f} {cuts[98]:>7.1f} {accepted:>7} {losses:>7}",
                flush=True,
            )
    finally:
        listener.terminate()
        listener.wait(20)


if __name__ == "__main__":
    main()
