"""OpenID Connect single sign-on, end to end, against a real identity provider process.

allauth's `idp.oidc` app plays the hospital's identity provider (tests/oidc_idp/), served on
loopback by its own process; Alongside runs in the live server. The HTTP client follows the
whole authorization-code flow (with PKCE) as a browser would.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from alongside.accounts.models import User
from alongside.audit.models import AuditAction, AuditEvent
from alongside.organisations.actions import configure_single_sign_on
from alongside.organisations.models import Membership, Organisation

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db(transaction=True)

CLIENT_ID = "alongside-test"
CLIENT_SECRET = "client-secret-for-tests"
STAFF_EMAIL = "rosa.alvarez@alpha-hospital.test"
STAFF_PASSWORD = "idp-password-123"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


class IdentityProvider:
    def __init__(self, base: str, env: dict[str, str]) -> None:
        self.base = base
        self.env = env

    def register(self, redirect_uri: str) -> None:
        """Create the staff account and register Alongside as a client, with its callback."""
        subprocess.run(
            [
                sys.executable,
                "-m",
                "django",
                "shell",
                "-c",
                (ROOT / "tests" / "oidc_idp" / "setup_idp.py").read_text(),
            ],
            cwd=ROOT,
            env={**self.env, "IDP_REDIRECT_URI": redirect_uri},
            check=True,
            timeout=120,
        )


@pytest.fixture
def identity_provider(tmp_path: Path) -> Iterator[IdentityProvider]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key_file = tmp_path / "idp-key.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ALONGSIDE_"))},
        "DJANGO_SETTINGS_MODULE": "tests.oidc_idp.settings",
        "IDP_DATABASE": str(tmp_path / "idp.sqlite3"),
        "IDP_PRIVATE_KEY_FILE": str(key_file),
        "IDP_USER_EMAIL": STAFF_EMAIL,
        "IDP_USER_PASSWORD": STAFF_PASSWORD,
        "IDP_CLIENT_ID": CLIENT_ID,
        "IDP_CLIENT_SECRET": CLIENT_SECRET,
    }
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(base + "/.well-known/openid-configuration", timeout=2)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        yield IdentityProvider(base, env)
    finally:
        server.terminate()
        server.wait(timeout=10)


def connect(
    idp: IdentityProvider,
    live_server: Any,
    org_admin: Membership,
    organisation: Organisation,
    *,
    joins_as_clinician: bool = True,
) -> str:
    configure_single_sign_on(
        by=org_admin.user,
        organisation=organisation,
        issuer_url=idp.base,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        joins_as_clinician=joins_as_clinician,
    )
    organisation.refresh_from_db()
    pid = organisation.sso_provider_id
    idp.register(f"{live_server.url}/accounts/oidc/{pid}/login/callback/")
    return pid


def sign_in_through_idp(live_server: Any, pid: str) -> tuple[requests.Session, requests.Response]:
    """Follow the flow as a browser: Alongside, the provider's sign-in form, back again."""
    browser = requests.Session()
    start = browser.get(f"{live_server.url}/accounts/oidc/{pid}/login/", timeout=30)
    assert start.status_code == 200
    at_idp = browser.post(
        start.url, data={"csrfmiddlewaretoken": csrf_token(start.text)}, timeout=30
    )
    assert "/accounts/login/" in at_idp.url, at_idp.url  # the identity provider's sign-in
    done = browser.post(
        at_idp.url,
        timeout=30,
        data={
            "csrfmiddlewaretoken": csrf_token(at_idp.text),
            "login": STAFF_EMAIL,
            "password": STAFF_PASSWORD,
        },
    )
    return browser, done


def test_staff_sign_in_with_the_hospitals_identity_provider_and_join_as_clinicians(
    identity_provider: IdentityProvider,
    live_server: Any,
    org_admin: Membership,
    organisation: Organisation,
) -> None:
    pid = connect(identity_provider, live_server, org_admin, organisation)

    login_page = requests.get(f"{live_server.url}/accounts/login/", timeout=30).text
    assert organisation.name in login_page  # "Sign in with Alpha General Hospital"

    browser, done = sign_in_through_idp(live_server, pid)
    assert done.url.rstrip("/") == live_server.url.rstrip("/"), done.url

    home = browser.get(live_server.url + "/", timeout=30).text
    assert "Hello, Rosa Alvarez" in home
    user = User.objects.get(email=STAFF_EMAIL)
    membership = Membership.objects.get(user=user)
    assert membership.organisation == organisation and membership.is_clinician
    assert not membership.is_org_admin
    assert AuditEvent.objects.filter(action=AuditAction.SSO_CONFIGURED).exists()

    # Second sign-in: the same account, no second membership.
    sign_in_through_idp(live_server, pid)
    assert Membership.objects.filter(user=user).count() == 1


def test_without_auto_join_an_unknown_person_is_not_let_in(
    identity_provider: IdentityProvider,
    live_server: Any,
    org_admin: Membership,
    organisation: Organisation,
) -> None:
    pid = connect(identity_provider, live_server, org_admin, organisation, joins_as_clinician=False)
    _browser, end = sign_in_through_idp(live_server, pid)
    assert not User.objects.filter(email=STAFF_EMAIL).exists()
    assert "Need help now?" in end.text  # never a dead end
