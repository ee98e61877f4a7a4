"""Re-encrypt stored sensitive text under the current key (the first of ALONGSIDE_FIELD_KEYS)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from alongside.lib.encryption import rotate_stored_values


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field under the first key of ALONGSIDE_FIELD_KEYS. Run it "
        "after putting a new key first; then the old keys can be removed."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = rotate_stored_values()
        if not counts:
            self.stdout.write("No encrypted fields yet.")
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count} re-encrypted")
