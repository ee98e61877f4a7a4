"""`manage.py scrub`: text on stdin, one JSON object on stdout (lib/scrub.py)."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand

from alongside.lib.scrub import find, redact


class Command(BaseCommand):
    help = 'Read text on stdin; print {"spans": [{"start", "end", "type", "text"}], "redacted"}.'

    def handle(self, *args: Any, **options: Any) -> None:
        text = sys.stdin.read()
        spans = find(text)
        self.stdout.write(
            json.dumps(
                {"spans": [s.as_dict() for s in spans], "redacted": redact(text, spans)},
                ensure_ascii=False,
            )
        )
