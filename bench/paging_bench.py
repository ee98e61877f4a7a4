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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
sys.path.insert(0, str(ROOT))
from tests.sinks import JsonSink, SmtpSink, free_port, text_of  # noqa: E402 - as the tests

PAGE_LINK = re.compile(r"/support/respond/([0-9a-f-]{36})/")
GATHERED = "gathered"
WINDOW_MINUTES = 1  # the organisation's escalation window for "now" (the smallest allowed)


def page_of(text: str) -> str:
    """The request a page names, or GATHERED for "more than one colleague", or ""."""
    match = PAGE_LINK.search(text)
    if match:
        return match.group(1)
    return GATHERED if "/support/pages/" in text else ""


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
from django.db import transaction
from alongside.accounts.models import User
from alongside.notifications.models import Channel
from alongside.organisations.models import Membership, Organisation
from alongside.support_requests.models import Shift, Tier
supporters, backups, requesters = (int(a) for a in sys.argv[1:4])
channel_url = sys.argv[4]
def member(org, n, **roles):
    user = User.objects.create_user(email=f"{{n}}@bench.test", password=None, name=n)
    return Membership.objects.create(organisation=org, user=user, **roles)
def set_up():
    org = Organisation.objects.create(name="Bench General", escalation_minutes_now={WINDOW_MINUTES})
    for i in range(supporters + backups):
        m = member(org, f"s{{i}}", is_peer_supporter=True)
        if channel_url:
            Channel.objects.create(user=m.user, label="JSON", url=channel_url)
        tier = Tier.PRIMARY if i < supporters else Tier.BACKUP
        Shift.objects.bulk_create(
            Shift(organisation=org, supporter=m, tier=tier, weekday=d, starts=time(0), ends=time(0))
            for d in range(7)
        )
    member(org, "coordinator", is_coordinator=True)
    keys = []
    for i in range(requesters):
        user = member(org, f"r{{i}}", is_clinician=True).user
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "alongside.organisations.backends.MemberBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys
with transaction.atomic():  # one commit for the whole set-up, not one per row
    keys = set_up()
print(json.dumps(keys))
"""

RESULTS = f"""
import json
from django.db.models import Count
from alongside.accounts.models import User
from alongside.notifications.actions import CLAIM_LEASE
from alongside.notifications.models import Delivery
from alongside.support_requests.models import Page, SupportRequest
rows = SupportRequest.objects.values_list("code", "first_paged_at", "backup_paged_at")
doubled = (Page.objects.values("support_request", "recipient")
           .annotate(n=Count("id")).filter(n__gt=1))
email_of = dict(User.objects.values_list("pk", "email"))
def ts(value):
    return value.timestamp() if value else None
print(json.dumps({{
    "requests": [[str(c), ts(f), ts(b)] for c, f, b in rows],
    "pages": [[str(code), email, step, ts(made)] for code, email, step, made in
              Page.objects.values_list("support_request__code", "recipient__user__email",
                                       "step", "created_at")],
    "deliveries": [[channel, email_of.get(who, ""), context.get("link", ""),
                    ts(next_at - CLAIM_LEASE) if status == "sent" else None, ts(sent), status]
                   for channel, who, context, next_at, sent, status in
                   Delivery.objects.filter(template="support-page").values_list(
                       "channel", "recipient_id", "context", "next_attempt_at", "sent_at",
                       "status")],
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
    parser.add_argument(
        "--http", action="store_true", help="also give every supporter an Apprise json:// channel"
    )
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="alongside-paging-"))
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}"
    sink = SmtpSink()
    http_sink = JsonSink() if options.http else None
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
        "ALONGSIDE_CHANNEL_PRIVATE_HOSTS": "127.0.0.1",  # the HTTP sink's channels
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
            f"'{options.backups}', '{options.requests}', "
            f"'{http_sink.url if http_sink else ''}']\n" + SETUP,
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
        start(PYTHON, "manage.py", "db_worker", "--no-reload", "--interval", "0.25")
        for _ in range(options.workers)
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

        # Pages may be gathered ("more than one colleague"), so the number of messages is not
        # known ahead: wait until the escalations are due and every sink has been quiet a while.
        def last_arrival() -> float:
            times = [t for t, _ in sink.messages]
            times += [t for t, _ in http_sink.received] if http_sink else []
            return max(times, default=last_ask)

        while time.monotonic() - last_ask < options.timeout:
            now = time.monotonic()
            if now - last_ask > WINDOW_MINUTES * 60 + 5 and now - last_arrival() > 15:
                break
            time.sleep(1)
        peaks = {f"worker {n + 1}": peak_memory_mib(w.pid) for n, w in enumerate(workers)}
        peaks |= {f"tick {n + 1}": peak_memory_mib(t.pid) for n, t in enumerate(ticks)}
    finally:
        for process in [web, *workers, *ticks]:
            process.terminate()
        for process in [web, *workers, *ticks]:
            process.wait(timeout=30)

    db = json.loads(manage("shell", "-c", RESULTS).splitlines()[-1])
    shutil.rmtree(workdir, ignore_errors=True)

    # Wall-clock times from the database, on the same clock as `asked`.
    offset = time.time() - time.monotonic()
    asked_at = {code: asked[i] + offset for i, code in codes.items()}
    channels = {"email": "SMTP sink"} | ({"apprise": "HTTP sink (json://)"} if http_sink else {})
    # Each page is carried by the first message to its supporter, on a channel, that names its
    # request, or that gathered several and was picked up to send after the page was made.
    carriers: dict[tuple[str, str], list[tuple[str, float | None, float | None]]] = {}
    for channel, to, link, claimed, sent_at, status in db["deliveries"]:
        code = page_of(link)
        carriers.setdefault((channel, to), []).append(
            (code, claimed, sent_at if status == "sent" else None)
        )

    print(
        f"\n{engine}, {os.cpu_count()} CPUs; {options.requests} one-tap requests over "
        f"{options.seconds:.0f} s; {options.supporters} supporters on call, {options.backups} "
        f"backups; gunicorn {options.web}, workers {options.workers}, ticks {options.ticks}\n"
    )
    print(f"HTTP POST /support/ask/ (paging in the same transaction): {percentiles(http)}")
    on_call_pages = [p for p in db["pages"] if p[2] in (0, -1)]  # Step.ON_CALL
    for channel, where in channels.items():
        first: dict[str, float] = {}
        every: dict[str, float] = {}
        missing = 0
        # Everyone has email; only the supporters have an Apprise channel.
        reachable = {to for (kind, to) in carriers if kind == channel}
        for code, to, step, made in db["pages"]:
            if to not in reachable:
                continue
            times = [
                sent_at
                for carried, claimed, sent_at in carriers.get((channel, to), [])
                if sent_at is not None
                and (carried == code or (carried == GATHERED and claimed and claimed >= made))
            ]
            if not times:
                missing += 1
                continue
            if step != 0 or code not in asked_at:
                continue
            latency = min(times) - asked_at[code]
            first[code] = min(first.get(code, latency), latency)
            every[code] = max(every.get(code, latency), latency)
        sent_rows = [row for row in db["deliveries"] if row[0] == channel and row[5] == "sent"]
        gathered = sum(1 for row in sent_rows if page_of(row[2]) == GATHERED)
        if channel == "email":
            received = sum(1 for _, raw in sink.messages if page_of(text_of(raw)[1]))
        else:
            posted = http_sink.received if http_sink else []
            received = sum(1 for _, body in posted if page_of(body["message"]))
        print(f"\n{where}:")
        print(f"  request -> first on-call page delivered:     {percentiles(list(first.values()))}")
        print(f"  request -> every on-call page delivered:     {percentiles(list(every.values()))}")
        print(
            f"  pages {len(db['pages'])} ({len(on_call_pages)} on call), to people with this "
            f"channel without a message "
            f"{missing}; messages sent {len(sent_rows)} (of which gathered {gathered}), "
            f"received {received}, doubled {max(received - len(sent_rows), 0)}"
        )
    due_lag = [
        b - (f + db["window"]) for _, f, b in db["requests"] if f is not None and b is not None
    ]
    print(f"\nescalation to backups after the window fell due (tick): {percentiles(due_lag)}")
    print(f"Page rows {len(db['pages'])} (doubled rows {db['doubled_page_rows']})")
    last = max((row[4] for row in db["deliveries"] if row[4]), default=None)
    if last is not None:
        print(
            f"last page of any step (backups and coordinators too) delivered "
            f"{last - (last_ask + offset):.1f} s after the last request"
        )
    print("peak memory (VmHWM): " + ", ".join(f"{k} {v:.0f} MiB" for k, v in peaks.items()))
    return 0


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


if __name__ == "__main__":
    sys.exit(main())
