"""Running the real worker and tick as processes on the test database."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def process_env(var_dir: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("ALONGSIDE_", "EMAIL_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC"))
    }
    return {
        **env,
        "DATABASE_URL": database_url(),
        "ALONGSIDE_VAR_DIR": str(var_dir),
        "ALONGSIDE_TESTING": "0",
        **extra,
    }


def manage(*args: str, env: dict[str, str], timeout: int = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    """Start one `manage.py` command in the background; its stderr is kept for failures."""
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(process: subprocess.Popen[str], timeout: float = 60) -> None:
    """SIGTERM `process` once it listens for it, so a command told to stop while it is still
    starting (the worker sets its handler only after Django's checks, which take seconds on a
    busy machine) is not killed by the default action instead of stopping cleanly. Linux
    says which signals a process catches in /proc/PID/status; elsewhere, send it at once."""
    status = Path(f"/proc/{process.pid}/status")
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        try:
            lines = status.read_text().splitlines()
        except OSError:  # no /proc here, or the process has just ended
            break
        caught = next((int(line.split()[1], 16) for line in lines if line.startswith("SigCgt:")), 0)
        if caught & (1 << (signal.SIGTERM - 1)):
            break
        time.sleep(0.1)
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)


def run_together(*args: str, env: dict[str, str], count: int = 2, timeout: int = 120) -> None:
    """Start `count` copies of one command at once (two ticks racing) and wait for all; fail
    with the stderr of any that did not exit 0."""
    processes = [start(*args, env=env) for _ in range(count)]
    for process in processes:
        _, stderr = process.communicate(timeout=timeout)
        assert process.returncode == 0, stderr


# Django's file-based email backend ends each message with this line; one file may hold several.
_MAIL_SEPARATOR = "\n" + "-" * 79 + "\n"


def sent_mail(var_dir: Path) -> list[str]:
    """Every message the processes wrote to `var_dir/mail/`, one string each."""
    folder = var_dir / "mail"
    files = sorted(folder.glob("*.log")) if folder.exists() else []
    return [
        message
        for path in files
        for message in path.read_text().split(_MAIL_SEPARATOR)
        if message.strip()
    ]


def pg_dump() -> str:
    """pg_dump's data, or, where the client tools are not installed, every row of every table
    read over the connection (the same text a dump would hold)."""
    settings = connection.settings_dict
    tool = shutil.which("pg_dump")
    if tool is not None:
        return subprocess.run(
            [tool, "-h", settings["HOST"] or "127.0.0.1", "-p", str(settings["PORT"] or 5432),
             "-U", settings["USER"] or "postgres", "--data-only", settings["NAME"]],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - a quoted table name
            parts.append(f"-- {table}\n" + "\n".join(map(repr, cursor.fetchall())))
    return "\n".join(parts)


def database_contents() -> str:
    """Everything the database holds, as an attacker with the files or a dump would see it:
    the SQLite file and its write-ahead log byte for byte (as Latin-1, so any byte is a
    character), or PostgreSQL's dump."""
    if connection.vendor != "sqlite":
        return pg_dump()
    database = Path(connection.settings_dict["NAME"])
    files = [database, database.with_name(database.name + "-wal")]
    return "".join(path.read_bytes().decode("latin-1") for path in files if path.exists())
