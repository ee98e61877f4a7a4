"""Production mode: refuses to start without its secrets, and passes `check --deploy`."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "ALONGSIDE_MODE": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "alongside.example.org",
    "DATABASE_URL": "sqlite:////tmp/alongside-deploy-check.sqlite3",
    "EMAIL_HOST": "smtp.example.org",
    "ALONGSIDE_FIELD_KEYS": "m0b9tCvb2iVJ0fMF0w3_zvYtG7dKQy0xtZ4OPrGxq4U=",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("ALONGSIDE_", "DATABASE_URL", "SECRET_KEY", "EMAIL_", "DJANGO_ALLOW_ASYNC")
        )
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_in_production_mode() -> None:
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_HOST", "ALONGSIDE_FIELD_KEYS"]
)
def test_production_refuses_to_start_and_names_the_missing_setting(missing: str) -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert f"{missing} is not set" in result.stderr


def test_secrets_can_come_from_files(tmp_path: Path) -> None:
    key_file = tmp_path / "secret_key"
    key_file.write_text(PRODUCTION["SECRET_KEY"] + "\n")
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = _manage("check", "--deploy", env={**env, "SECRET_KEY_FILE": str(key_file)})
    assert result.returncode == 0, result.stderr


def test_production_leaves_out_the_dev_tools() -> None:
    result = _manage("seed_demo_data", env=PRODUCTION)
    assert result.returncode != 0
    assert "Unknown command" in result.stderr


def test_the_security_headers_are_sent(client: Client, db: None) -> None:
    response = client.get("/help/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_passwords_are_hashed_with_argon2_in_production() -> None:
    assert (
        "Argon2"
        in _manage(
            "shell",
            "-c",
            "from django.conf import settings;print(settings.PASSWORD_HASHERS[0])",
            env=PRODUCTION,
        ).stdout
    )


def test_redis_url_switches_the_cache_and_sessions_to_redis() -> None:
    import socket

    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", 6379)) != 0:
            pytest.fail("Redis is not running on 127.0.0.1:6379 (CI and this machine run it)")
    script = (
        "from django.conf import settings; from django.core.cache import cache;"
        "cache.set('alongside-probe', 42, 5); print(cache.get('alongside-probe'),"
        "settings.SESSION_ENGINE)"
    )
    result = _manage(
        "shell", "-c", script, env={**PRODUCTION, "REDIS_URL": "redis://127.0.0.1:6379/5"}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["42", "django.contrib.sessions.backends.cached_db"]


def test_the_django_admin_signs_in_through_allauth(client: Client, db: None) -> None:
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
