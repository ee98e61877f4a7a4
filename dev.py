#!/usr/bin/env python3
"""The two commands of the README, using nothing but python3 (3.11+).

python3 dev.py run    install into .venv/, set up SQLite with the demo organisation, and run
                      the web server, the task worker and the tick together (Ctrl-C stops all)
python3 dev.py test   install the development dependencies and run the whole test suite
                      (extra arguments go to pytest)
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
UV_VERSION = "0.13.9"  # pinned: the installer of every other pin (uv.lock)


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)


def install(*, dev: bool) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on whatever python3 is there
        sys.exit("Alongside needs Python 3.11 or newer.")
    if not PYTHON.exists():
        say("Creating the virtual environment in .venv/")
        run(sys.executable, "-m", "venv", VENV)
    uv = BIN / "uv"
    if not uv.exists():
        if (
            subprocess.run(
                [str(PYTHON), "-m", "pip", "--version"], capture_output=True, check=False
            ).returncode
            != 0
        ):
            run(PYTHON, "-m", "ensurepip", "--upgrade")
        say(f"Installing uv {UV_VERSION} into .venv/")
        run(
            PYTHON,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            f"uv=={UV_VERSION}",
        )
    env = {
        **os.environ,
        "UV_PYTHON_DOWNLOADS": "never",
        "UV_PROJECT_ENVIRONMENT": str(VENV),
        "VIRTUAL_ENV": str(VENV),
    }
    say("Installing the locked dependencies" + (" (with development tools)" if dev else ""))
    # The risk detector's sentence model is an optional extra (pyproject.toml); we always want it.
    groups = ["--extra", "risk-model"] + ([] if dev else ["--no-dev"])
    run(uv, "sync", "--locked", "--inexact", "--quiet", "--python", PYTHON, *groups, env=env)


def manage(*args: str) -> None:
    run(PYTHON, "manage.py", *args)


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)


def cmd_run() -> int:
    install(dev=False)
    say("Preparing the SQLite database in var/")
    manage("migrate", "--verbosity", "0")
    manage("createcachetable")
    logins = subprocess.run(
        [str(PYTHON), "manage.py", "seed_demo_data"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    port = os.environ.get("PORT", "8000")
    processes = {
        "web": [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        "worker": [PYTHON, "manage.py", "db_worker", "--no-reload", "--interval", "0.25"],
        "tick": [PYTHON, "manage.py", "tick", "--loop"],
    }
    if os.environ.get("ALONGSIDE_EHR_LISTEN"):  # the hospital's HL7 v2 feed, when set up
        processes["ehr"] = [PYTHON, "manage.py", "ehr_listen"]
    children = {
        name: subprocess.Popen([str(a) for a in argv], cwd=ROOT, start_new_session=True)
        for name, argv in processes.items()
    }
    wait_for_port(int(port), children["web"])
    print()
    say(f"Alongside is running at http://localhost:{port}/")
    print(logins, flush=True)
    say("Emails (invitations, password resets) are written to var/mail/. Ctrl-C stops them all.")
    print(flush=True)
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    exit_code = 0
    while not stopping:
        for name, child in children.items():
            if child.poll() is not None:
                say(f"The {name} process stopped (exit {child.returncode}); stopping the others.")
                exit_code = child.returncode or 1
                stopping = True
        time.sleep(0.5)
    say(
        "Stopping the web server, the worker, the tick"
        + (" and the EHR feed" if "ehr" in children else "")
    )
    for child in children.values():
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    for child in children.values():
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
    return exit_code


def cmd_test(pytest_args: list[str]) -> int:
    install(dev=True)
    if not Path("/usr/bin/chromium").exists():
        say(
            "/usr/bin/chromium is missing: browser journeys will be reported as skipped "
            "(install Debian's chromium package to run them)."
        )
    env = {**os.environ, "ALONGSIDE_TESTING": "1"}
    if pytest_args:  # a partial run: no coverage gate
        return subprocess.run(
            [str(PYTHON), "-m", "pytest", *pytest_args], cwd=ROOT, env=env, check=False
        ).returncode
    code = subprocess.run(
        [str(PYTHON), "-m", "coverage", "run", "-m", "pytest"], cwd=ROOT, env=env, check=False
    ).returncode
    say("Branch coverage of the code that writes and guards access (must be 100%)")
    gate = subprocess.run(
        [
            str(PYTHON),
            "-m",
            "coverage",
            "report",
            "--fail-under=100",
            "--skip-covered",
            "--include=*/actions.py,*/access.py,*/backends.py",
        ],
        cwd=ROOT,
        check=False,
    ).returncode
    total = subprocess.run(
        [str(PYTHON), "-m", "coverage", "report", "--format=total"],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
    ).stdout.strip()
    say(f"Overall branch coverage: {total}%")
    return code or gate


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test"}:
        print(__doc__)
        return 2
    if sys.argv[1] == "run":
        return cmd_run()
    return cmd_test(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
