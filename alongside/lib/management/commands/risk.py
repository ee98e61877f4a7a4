"""`manage.py risk`: text on stdin, one JSON object on stdout (lib/risk.py).

`manage.py risk --rebuild-examples` stores the sentence model's vectors of the labelled examples
in lib/risk_data/ again (read by the fine-tuned reader), after they change.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from alongside.lib import risk, risk_model


class Command(BaseCommand):
    help = 'Read text on stdin; print {"acute_risk", "level", "score"} as JSON.'

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--rebuild-examples",
            action="store_true",
            help="Embed the labelled examples in lib/risk_data/ and store their vectors.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["rebuild_examples"]:
            model = risk_model._encoder()
            if model is None:
                raise CommandError("The risk-model extra is not installed (see pyproject.toml).")
            risk_model.build_example_vectors(model)
            self.stdout.write(f"Stored {risk_model.EXAMPLE_VECTORS}")
            return
        self.stdout.write(json.dumps(risk.assess(sys.stdin.read()).as_dict()))
