#!/usr/bin/env python3
"""From "I need to talk" to a supporter's inbox: paging latency, a burst, escalation on time.

Starts the production stack on loopback over a fresh database: gunicorn (the web), `db_worker`
processes (the queue) and `tick --loop` processes (escalation, retries), with email going to an
SMTP sink this program runs. Creates an organisation whose peer supporters are all on call and a
few backups, signs requesters in (real sessions), and POSTs one-tap requests over HTTP at a
steady rate. The sink records when each page email arrives. Nobody accepts, so after the
organisation's window (1 minute) every request escalates to the backups; the program waits for
those pages too, then prints:

- request -> first page and -> every on-call page delivered: p50/p95/p99/max;
- pages expected, arrived, missing and doubled (per request and recipient), and the Page rows;
- escalation punctuality: backup pages sent after the request fell due (from the database);
- peak memory (VmHWM) of each worker and tick process.

    .venv/bin/python bench/paging_bench.py                          # 100 requests over 30 s
    .venv/bin/python bench/paging_bench.py --requests 500 --seconds 60 --workers 2 --ticks 2
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/alongside_bench .venv/bin/python bench/...
"""

from __future__ import annotations

import argparse
import email
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))
from tests.sinks import SmtpSink, free_port  # noqa: E402 - the same sinks as the tests

PAGE_LINK = re.compile(r"/support/respond/([0-9a-f-]{36})/")
WINDOW_MINUTES = 1  # the organisation's escalation window for "now" (the smallest allowed)


def page_of(raw: bytes) -> tuple[str, str] | None:
    """(request code, recipient) of a page email, from its decoded text part."""
    message = email.message_from_bytes(raw)
    for part in message.walk():
        if part.get_content_type() == "text/plain":
            payload = part.get_payload(decode=True)
            text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
            match = PAGE_LINK.search(text)
            if match:
                return match.group(1), str(message["To"])
    return None


def percentiles(values: list[float]) -> str:
    if not values:
        return "no data"
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return (
        f"p50 {statistics.median(ordered):7.3f} s | p95 {at(0.95):7.3f} s | "
        f"p99 {at(0.99):7.3f} s | max {ordered[-1]:7.3f} s"
    )


def peak_memory_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


SETUP = f"""
import json, sys
from datetime import time
from django.contrib.sessions.backends.cached_db import SessionStore
from alongside.accounts.models import User
from alongside.organisations.models import Membership, Organisation
from alongside.support_requests.models import Shift, Tier
supporters, backups, requesters = (int(a) for a in sys.argv[1:4])
org = Organisation.objects.create(name="Bench General", escalation_minutes_now={WINDOW_MINUTES})
def member(n, **roles):
    user = User.objects.create_user(email=f"{{n}}@bench.test", password=None, name=n)
    return Membership.objects.create(organisation=org, user=user, **roles)
for i in range(supporters + backups):
    m = member(f"s{{i}}", is_peer_supporter=True)
    tier = Tier.PRIMARY if i < supporters else Tier.BACKUP
    Shift.objects.bulk_create(
        Shift(organisation=org, supporter=m, tier=tier, weekday=d, starts=time(0), ends=time(0))
        for d in range(7)
    )
member("coordinator", is_coordinator=True)
keys = []
for i in range(requesters):
    user = member(f"r{{i}}", is_clinician=True).user
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "alongside.organisations.backends.MemberBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    keys.append(session.session_key)
print(json.dumps(keys))
"""

RESULTS = f"""
import json
from django.db.models import Count
from alongside.support_requests.models import Page, SupportRequest
rows = SupportRequest.objects.values_list("code", "first_paged_at", "backup_paged_at")
doubled = (Page.objects.values("support_request", "recipient")
           .annotate(n=Count("id")).filter(n__gt=1))
print(json.dumps({{
    "requests": [[str(c), f.timestamp() if f else None, b.timestamp() if b else None]
                 for c, f, b in rows],
    "pages": Page.objects.count(),
    "doubled_page_rows": doubled.count(),
    "window": {WINDOW_MINUTES} * 60,
}}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30, help="spread the requests over")
    parser.add_argument("--supporters", type=int, default=50, help="on call, all paged")
    parser.add_argument("--backups", type=int, default=2)
    parser.add_argument("--workers", type=int, default=1, help="db_worker processes")
    parser.add_argument("--ticks", type=int, default=1, help="tick --loop processes")
    parser.add_argument("--web", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--timeout", type=float, default=600, help="wait for pages at most")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="alongside-paging-"))
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}"
    sink = SmtpSink()
    port = free_port()
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("ALONGSIDE_", "DJANGO_"))}
    env = {
        **base_env,
        "DATABASE_URL": database,
        "ALONGSIDE_VAR_DIR": str(workdir),
        "ALONGSIDE_MODE": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"https://127.0.0.1:{port}",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
        "EMAIL_USE_TLS": "0",
        "ALONGSIDE_FIELD_KEYS": Fernet.generate_key().decode("ascii"),
    }

    def manage(*args: str) -> str:
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    engine = "PostgreSQL" if database.startswith("postgres") else "SQLite"
    print(
        f"Preparing {engine}: {options.supporters} on call, {options.backups} backups, "
        f"{options.requests} requesters...",
        flush=True,
    )
    manage("migrate", "-v0")
    manage("createcachetable")
    manage("collectstatic", "--no-input", "-v0")
    import json

    keys = json.loads(
        manage(
            "shell",
            "-c",
            f"import sys; sys.argv = ['x', '{options.supporters}', "
            f"'{options.backups}', '{options.requests}']\n" + SETUP,
        ).splitlines()[-1]
    )

    def start(*args: str, quiet: bool = True) -> subprocess.Popen[bytes]:
        # The worker logs every task at INFO; the web server's warnings stay on the terminal.
        stderr = subprocess.DEVNULL if quiet else None
        return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr)

    web = start(
        PYTHON,
        "-m",
        "gunicorn",
        "alongside.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(options.web),
        "--log-level",
        "warning",
    )
    workers = [
        start(PYTHON, "manage.py", "db_worker", "--no-reload") for _ in range(options.workers)
    ]
    ticks = [start(PYTHON, "manage.py", "tick", "--loop") for _ in range(options.ticks)]
    try:
        deadline = time.monotonic() + 30
        while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
            if time.monotonic() > deadline:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.2)
        # Warm every gunicorn worker (imports, URL and template caches) before timing.
        for _ in range(options.web * 4):
            urllib.request.urlopen(
                urllib.request.Request(
                    f"http://127.0.0.1:{port}/help/", headers={"X-Forwarded-Proto": "https"}
                ),
                timeout=30,
            ).read()
        time.sleep(2)  # the workers and ticks import Django

        asked: dict[int, float] = {}
        codes: dict[int, str] = {}
        http: list[float] = []
        token = secrets.token_hex(16)  # a CSRF secret: 32 letters and digits

        def ask(i: int) -> None:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/support/ask/",
                data=f"csrfmiddlewaretoken={token}".encode(),
                headers={
                    "X-Forwarded-Proto": "https",
                    "Origin": f"https://127.0.0.1:{port}",
                    "Cookie": f"sessionid={keys[i]}; __Host-csrftoken={token}; csrftoken={token}",
                    "Content-Type": "application/x-www-form-urlencoded",
                },
                method="POST",
            )
            opener = urllib.request.build_opener(NoRedirect)
            asked[i] = time.monotonic()
            try:
                opener.open(request, timeout=30)
            except urllib.error.HTTPError as error:
                location = error.headers.get("Location", "")
                match = re.search(r"/support/requests/([0-9a-f-]{36})/", location)
                if error.code != 302 or not match:
                    raise SystemExit(f"request {i}: HTTP {error.code} {location}") from error
                codes[i] = match.group(1)
            http.append(time.monotonic() - asked[i])

        gap = options.seconds / max(options.requests, 1)
        began = time.monotonic()
        with ThreadPoolExecutor(max_workers=32) as pool:
            for i in range(options.requests):
                pool.submit(ask, i)
                time.sleep(max(0.0, began + (i + 1) * gap - time.monotonic()))
            sent = time.monotonic()
        last_ask = time.monotonic()
        print(
            f"{options.requests} requests sent in {sent - began:.1f} s, all answered after "
            f"{last_ask - began:.1f} s; waiting for pages...",
            flush=True,
        )

        expected = options.requests * (options.supporters + options.backups)
        supporter_addresses = {
            f"s{i}@bench.test" for i in range(options.supporters + options.backups)
        }
        parsed: list[tuple[float, tuple[str, str]]] = []  # (arrival, page), read once each
        while time.monotonic() - last_ask < options.timeout:
            for arrived, raw in sink.messages[len(parsed) :]:
                parsed.append((arrived, page_of(raw) or ("", "")))
            if sum(1 for _, (_, to) in parsed if to in supporter_addresses) >= expected:
                break
            time.sleep(2)
        peaks = {f"worker {n + 1}": peak_memory_mib(w.pid) for n, w in enumerate(workers)}
        peaks |= {f"tick {n + 1}": peak_memory_mib(t.pid) for n, t in enumerate(ticks)}
        finished = time.monotonic()
    finally:
        for process in [web, *workers, *ticks]:
            process.terminate()
        for process in [web, *workers, *ticks]:
            process.wait(timeout=30)

    db = json.loads(manage("shell", "-c", RESULTS).splitlines()[-1])
    shutil.rmtree(workdir, ignore_errors=True)

    request_of = {code: i for i, code in codes.items()}
    on_call = {f"s{i}@bench.test" for i in range(options.supporters)}
    backup = {
        f"s{i}@bench.test" for i in range(options.supporters, options.supporters + options.backups)
    }
    arrivals: dict[str, list[float]] = {}
    seen: Counter[tuple[str, str]] = Counter()
    for arrived, raw in sink.messages[len(parsed) :]:
        parsed.append((arrived, page_of(raw) or ("", "")))
    for arrived, page in parsed:
        if page[1] in on_call | backup:
            seen[page] += 1
            if page[1] in on_call:
                arrivals.setdefault(page[0], []).append(arrived)
    first = [min(a) - asked[request_of[c]] for c, a in arrivals.items() if c in request_of]
    every = [
        max(a) - asked[request_of[c]]
        for c, a in arrivals.items()
        if c in request_of and len(a) >= options.supporters
    ]
    due_lag = [
        b - (f + db["window"]) for _, f, b in db["requests"] if f is not None and b is not None
    ]
    delivered = sum(1 for (_, to) in seen if to in on_call | backup)

    print(
        f"\n{engine}, {os.cpu_count()} CPUs; {options.requests} one-tap requests over "
        f"{options.seconds:.0f} s; {options.supporters} supporters on call, {options.backups} "
        f"backups; gunicorn {options.web}, workers {options.workers}, ticks {options.ticks}\n"
    )
    print(f"HTTP POST /support/ask/ (paging in the same transaction): {percentiles(http)}")
    print(f"request -> first page email at the sink:                  {percentiles(first)}")
    print(
        f"request -> all {options.supporters} on-call page emails at the sink:        "
        f"{percentiles(every)}  ({len(every)} requests complete)"
    )
    print(f"escalation to backups after the window fell due (tick):   {percentiles(due_lag)}")
    print(
        f"page emails expected {expected}, delivered {delivered}, missing "
        f"{expected - delivered}, doubled {sum(n - 1 for n in seen.values() if n > 1)}; "
        f"Page rows {db['pages']} (doubled rows {db['doubled_page_rows']})"
    )
    print(
        f"last page email {max((t for t, _ in sink.messages), default=finished) - last_ask:.1f} s "
        f"after the last request"
    )
    print("peak memory (VmHWM): " + ", ".join(f"{k} {v:.0f} MiB" for k, v in peaks.items()))
    return 0


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


if __name__ == "__main__":
    sys.exit(main())
