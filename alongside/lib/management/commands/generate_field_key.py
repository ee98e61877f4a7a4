"""Print a new key for ALONGSIDE_FIELD_KEYS."""

from __future__ import annotations

from typing import Any

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Print a new encryption key for ALONGSIDE_FIELD_KEYS (put it first to rotate)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(Fernet.generate_key().decode("ascii"))
