#!/usr/bin/env python3
"""Requests per second and p50/p95/p99 latency under concurrent clients, against gunicorn.

Starts the production server (ALONGSIDE_MODE=production, gunicorn) on loopback over a fresh
database holding the demo organisation, signs a clinician in, and drives three pages with wrk:
the signed-in home page, the "Need help now?" page, and a bare Django view on the same server
(the ceiling). Prints a table. Needs `wrk` (Debian: apt-get install wrk).

    .venv/bin/python bench/http_bench.py [--clients 50] [--seconds 20] [--workers 3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/alongside_bench .venv/bin/python bench/...
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LUA = Path(__file__).with_name("latency.lua")
SESSION_SCRIPT = """
from django.conf import settings
from django.contrib.sessions.backends.cached_db import SessionStore
from alongside.accounts.models import User
user = User.objects.get(email="nurse@demo.alongside.test")
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "alongside.organisations.backends.MemberBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(args: list[str], env: dict[str, str]) -> str:
    return subprocess.run(
        args, cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def wrk(url: str, *, clients: int, seconds: int, headers: dict[str, str]) -> dict[str, float]:
    args = [
        "wrk",
        "-t",
        "2",
        "-c",
        str(clients),
        "-d",
        f"{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(LUA),
    ]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout
    match = re.search(r"RESULT (.*)", out)
    if not match:
        raise SystemExit(f"wrk printed no result:\n{out}")
    return {k: float(v) for k, v in (pair.split("=") for pair in match.group(1).split())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=3)
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk).")

    workdir = Path(tempfile.mkdtemp(prefix="alongside-bench-"))
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir / 'bench.sqlite3'}"
    port = free_port()
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("ALONGSIDE_", "DJANGO_"))}
    dev = {**base_env, "DATABASE_URL": database, "ALONGSIDE_VAR_DIR": str(workdir)}
    prod = {
        **dev,
        "ALONGSIDE_MODE": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "EMAIL_HOST": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "ALONGSIDE_FIELD_KEYS": Fernet.generate_key().decode("ascii"),
    }

    print(f"Preparing {database.split('@')[-1]} with the demo organisation...", flush=True)
    run([PYTHON, "manage.py", "migrate", "-v0"], dev)
    run([PYTHON, "manage.py", "createcachetable"], dev)
    run([PYTHON, "manage.py", "seed_demo_data", "--quiet"], dev)
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], prod)
    session_key = run([PYTHON, "manage.py", "shell", "-c", SESSION_SCRIPT], prod).split()[-1]

    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "bench.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(options.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=prod,
    )
    try:
        deadline = time.monotonic() + 30
        while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
            if time.monotonic() > deadline:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.2)
        base = f"http://127.0.0.1:{port}"
        # Behind the hospital's TLS proxy: the proxy's header, and the session cookie.
        https = {"X-Forwarded-Proto": "https"}
        signed_in = {**https, "Cookie": f"sessionid={session_key}"}
        check = subprocess.run(
            [
                "curl",
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "-H",
                "X-Forwarded-Proto: https",
                "-H",
                f"Cookie: sessionid={session_key}",
                base + "/",
            ],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        if check != "200":
            raise SystemExit(f"the signed-in home page answered {check}, not 200")

        cases = [
            ("bare Django view (ceiling)", "/bench/bare/", https),
            ("home page, signed in", "/", signed_in),
            ('"Need help now?", signed out', "/help/", https),
        ]
        results = []
        for label, path, headers in cases:
            wrk(base + path, clients=options.clients, seconds=options.warmup, headers=headers)
            results.append(
                (
                    label,
                    wrk(
                        base + path,
                        clients=options.clients,
                        seconds=options.seconds,
                        headers=headers,
                    ),
                )
            )
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)

    ceiling = results[0][1]["rps"]
    print(
        f"\n{options.clients} concurrent clients, {options.seconds} s each, gunicorn "
        f"{options.workers} sync workers, {os.cpu_count()} CPUs, database "
        f"{'PostgreSQL' if database.startswith('postgres') else 'SQLite'}\n"
    )
    print(
        f"| {'page':<30} | {'req/s':>8} | {'% of bare':>9} | {'p50 ms':>7} | {'p95 ms':>7} "
        f"| {'p99 ms':>7} | {'errors':>6} |"
    )
    print(f"|{'-' * 32}|{'-' * 10}|{'-' * 11}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 8}|")
    for label, r in results:
        print(
            f"| {label:<30} | {r['rps']:>8.0f} | {100 * r['rps'] / ceiling:>8.0f}% | "
            f"{r['p50']:>7.1f} | {r['p95']:>7.1f} | {r['p99']:>7.1f} | "
            f"{int(r['errors'] + r['non2xx']):>6} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
