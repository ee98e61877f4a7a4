"""Web Push to a browser or installed app: payload encrypted for the device (RFC 8291) and
signed with the server's VAPID key (RFC 8292), through pywebpush."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import requests
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from py_vapid import Vapid
from pywebpush import WebPushException, webpush

# The push service says the subscription is gone (the app was removed, permission withdrawn).
GONE_STATUSES = {404, 410}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
TIMEOUT_SECONDS = 10


@dataclass(frozen=True)
class PushResult:
    error: str | None = None
    # True when the device will never take a message again: forget it, do not retry.
    gone: bool = False


@cache
def _vapid(private_key: str) -> Vapid:
    return Vapid.from_string(private_key=private_key)


def is_enabled() -> bool:
    return bool(settings.WEB_PUSH_PRIVATE_KEY)


def application_server_key() -> str:
    """The server's public key as the browser's `pushManager.subscribe` wants it."""
    public = _vapid(settings.WEB_PUSH_PRIVATE_KEY).public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(public).rstrip(b"=").decode("ascii")


def is_allowed_endpoint(endpoint: str) -> bool:
    """An endpoint on a known push service, over https (or on this machine, outside
    production, for tests and local development)."""
    try:
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").lower()
    except ValueError:
        return False
    if parts.scheme == "http" and host in LOOPBACK and not settings.PRODUCTION:
        return host in settings.WEB_PUSH_HOSTS
    if parts.scheme != "https" or not host:
        return False
    return any(
        host == allowed or host.endswith("." + allowed) for allowed in settings.WEB_PUSH_HOSTS
    )


def _is_key(value: Any, length: int) -> bool:
    if not isinstance(value, str) or not value or len(value) > 200:
        return False
    try:
        decoded = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except ValueError:
        return False
    return len(decoded) == length


def are_valid_keys(keys: Any) -> bool:
    """The browser's keys: a P-256 public key (65 bytes, uncompressed) and a 16-byte secret."""
    return (
        isinstance(keys, dict) and _is_key(keys.get("p256dh"), 65) and _is_key(keys.get("auth"), 16)
    )


class WebPushTransport:
    """Sends one message to one subscribed device."""

    def send(
        self, *, endpoint: str, keys: dict[str, str], payload: dict[str, Any], urgent: bool
    ) -> PushResult:
        if not is_enabled():
            return PushResult(error="Web Push is not set up on this server.")
        if not is_allowed_endpoint(endpoint):
            return PushResult(error="The device's push service is not one we send to.", gone=True)
        try:
            webpush(
                subscription_info={"endpoint": endpoint, "keys": keys},
                data=json.dumps(payload),
                vapid_private_key=_vapid(settings.WEB_PUSH_PRIVATE_KEY),
                vapid_claims={"sub": settings.WEB_PUSH_SUBJECT},  # aud and exp added per call
                timeout=TIMEOUT_SECONDS,
                # A page is worth waking the phone for; a check-in can wait for the next wake.
                ttl=60 * 60 if urgent else 24 * 60 * 60,
                headers={"Urgency": "high" if urgent else "normal"},
            )
        except WebPushException as error:
            status = error.response.status_code if error.response is not None else None
            if status in GONE_STATUSES:
                return PushResult(error="The device no longer takes messages.", gone=True)
            return PushResult(error=f"The push service did not accept the message ({status}).")
        except ValueError:  # keys the browser sent that cannot encrypt a message
            return PushResult(error="The device's keys could not be used.", gone=True)
        except requests.RequestException as error:
            return PushResult(error=f"Could not reach the push service ({type(error).__name__}).")
        return PushResult()


BROWSERS = [
    ("Edg", "Edge"),
    ("SamsungBrowser", "Samsung Internet"),
    ("Firefox", "Firefox"),
    ("CriOS", "Chrome"),
    ("Chrome", "Chrome"),
    ("Safari", "Safari"),
]
SYSTEMS = [
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Macintosh", "Mac"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
]


def device_label(user_agent: str) -> str:
    """ "Chrome on Android": enough for a person to tell their devices apart."""
    browser = next((name for token, name in BROWSERS if token in user_agent), "")
    system = next((name for token, name in SYSTEMS if token in user_agent), "")
    if browser and system:
        return f"{browser} · {system}"
    return browser or system
