"""A Web Push service on this machine, standing in for FCM or Mozilla's, and a browser's side
of a subscription: the keys a browser makes, so that a test can decrypt what was pushed
(RFC 8291) and check the server's VAPID signature (RFC 8292) as a push service does."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Pushed:
    """One message as the push service received it."""

    headers: dict[str, str]  # names in lower case
    body: bytes
    path: str


@dataclass
class PushService:
    url: str
    status: int = 201  # what it answers; 410 means "this subscription is gone"
    received: list[Pushed] = field(default_factory=list)

    def wait_for(self, count: int, timeout: float = 30) -> list[Pushed]:
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return list(self.received)


@contextmanager
def push_service() -> Iterator[PushService]:
    service = PushService(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            service.received.append(Pushed(headers, body, self.path))
            self.send_response(service.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    service.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield service
    finally:
        server.shutdown()
        server.server_close()


class Browser:
    """The keys one browser makes when it subscribes, and what it does with a pushed message."""

    def __init__(self, service: PushService, name: str = "device") -> None:
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.auth = b"0123456789abcdef"
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        self.subscription: dict[str, Any] = {
            "endpoint": f"{service.url}/push/{name}",
            "keys": {"p256dh": b64url(public), "auth": b64url(self.auth)},
        }

    def decrypt(self, pushed: Pushed) -> dict[str, Any]:
        assert pushed.headers["content-encoding"] == "aes128gcm"
        plain = http_ece.decrypt(
            pushed.body, private_key=self.private_key, auth_secret=self.auth, version="aes128gcm"
        )
        message: dict[str, Any] = json.loads(plain)
        return message


def vapid_claims(pushed: Pushed) -> tuple[str, dict[str, Any]]:
    """Check the VAPID signature as a push service does; return the server's public key and
    the signed claims. Raises if the signature does not verify."""
    scheme, _, params = pushed.headers["authorization"].partition(" ")
    assert scheme == "vapid"
    values = dict(part.strip().split("=", 1) for part in params.split(","))
    token, public = values["t"], values["k"]
    signed, _, signature = token.rpartition(".")
    raw = unb64url(signature)
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(public))
    key.verify(
        encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")),
        signed.encode(),
        ec.ECDSA(hashes.SHA256()),
    )
    claims: dict[str, Any] = json.loads(unb64url(signed.split(".")[1]))
    return public, claims
