"""`manage.py risk`: text on stdin, one JSON object on stdout (lib/risk.py)."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand

from alongside.lib.risk import assess


class Command(BaseCommand):
    help = 'Read text on stdin; print {"acute_risk", "level", "score"} as JSON.'

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(json.dumps(assess(sys.stdin.read()).as_dict()))
