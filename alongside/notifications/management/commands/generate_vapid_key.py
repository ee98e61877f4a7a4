"""Print a new VAPID private key for ALONGSIDE_VAPID_PRIVATE_KEY (Web Push)."""

from __future__ import annotations

import base64
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Print a new VAPID private key for ALONGSIDE_VAPID_PRIVATE_KEY. Changing it later "
        "means every device must turn alerts on again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        key = ec.generate_private_key(ec.SECP256R1())
        raw = key.private_numbers().private_value.to_bytes(32, "big")
        self.stdout.write(base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii"))
