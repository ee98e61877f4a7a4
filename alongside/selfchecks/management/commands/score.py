"""`python manage.py score INSTRUMENT --answers 0,1,2,…`: one JSON object on stdout.

Answers in published item order, in the instrument's printed coding, before any reversal.
Invalid input exits 2 with one line naming the problem (for integrations and independent
checks of the scoring).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from alongside.selfchecks.scoring import ScoringError, score


def _answers(text: str) -> list[int]:
    values = []
    for number, part in enumerate(text.split(","), start=1):
        try:
            values.append(int(part.strip()))
        except ValueError:
            raise ScoringError(
                f"Answer {number} is {part.strip()!r}, not a whole number."
            ) from None
    return values


class Command(BaseCommand):
    help = "Score one completed self-check and print the result as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("instrument", help="phq9, phq2, gad7, gad2, pcl5, proqol5, brs, …")
        parser.add_argument(
            "--answers", required=True, help="comma-separated, in published item order"
        )

    def handle(self, *args: Any, instrument: str, answers: str, **options: Any) -> None:
        try:
            result = score(instrument, _answers(answers))
        except ScoringError as error:
            raise CommandError(str(error), returncode=2) from None
        self.stdout.write(json.dumps(result))
